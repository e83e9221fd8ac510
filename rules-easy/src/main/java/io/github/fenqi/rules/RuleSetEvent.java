package io.github.fenqi.rules;

import io.github.fenqi.core.Problem;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@link EasyRulesEligibilityEvaluator} tells its listeners on every reload, for the audit log: who
 * changed which file, the content hash and rule names now live, and the rule-set version; or a file that was
 * rejected (the last good rules stay live).
 *
 * <p>Thread-safety: immutable.
 */
public sealed interface RuleSetEvent {

  /** When the reload happened. */
  Instant at();

  /**
   * The kinds of change of a rule file's live rules. A file none of whose contents has loaded yet (rejected since it
   * appeared, so no rules of it live) is no rule file here until it loads: its fix is {@link #ADDED}, and its removal
   * is no change at all (no reload, no new version; its problems are no longer reported).
   */
  enum Change {
    /** A rule file that was not there before, or whose every content so far was rejected, now loaded. */
    ADDED,
    /** A rule file whose earlier rules were live, now loaded with different content. */
    UPDATED,
    /** A rule file that is gone, whose last good rules were live. */
    REMOVED
  }

  /**
   * One file's change in a reload.
   *
   * @param change what happened
   * @param file the file name
   * @param owner who: the file's owner as the file system reports it, or {@code unknown}
   * @param sha256 hex SHA-256 of the content now live, null when removed
   * @param rules the names of the rules now live from the file (empty when removed)
   */
  record FileChange(Change change, String file, String owner, @Nullable String sha256, List<String> rules) {
    public FileChange {
      rules = List.copyOf(rules);
    }
  }

  /**
   * A new rule set is live.
   *
   * @param version the rule-set version now live; increases with every reload that changed something
   * @param at when
   * @param changes every file added, updated or removed
   */
  record Reloaded(long version, Instant at, List<FileChange> changes) implements RuleSetEvent {
    public Reloaded {
      changes = List.copyOf(changes);
    }
  }

  /**
   * A file was rejected; its last good rules (if any) stay live.
   *
   * @param file the file name
   * @param owner the file's owner, or {@code unknown}
   * @param sha256 hex SHA-256 of the rejected content; empty when the file could not be read (over the size limit,
   *     no permission)
   * @param liveVersion the rule-set version that stays live
   * @param at when
   * @param problems every problem found, each naming the file, rule and offending token
   */
  record Rejected(String file, String owner, String sha256, long liveVersion, Instant at, List<Problem> problems)
      implements RuleSetEvent {
    public Rejected {
      problems = List.copyOf(problems);
    }
  }
}
