package io.github.fenqi.nlp.watch;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.RequiredParts;
import io.github.fenqi.nlp.ExtractionNote;
import io.github.fenqi.nlp.ExtractionResult;
import io.github.fenqi.nlp.source.Announcement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A change an announcement proposes to a platform's policy, with everything an auditor needs: the source, the
 * announcement (text and address), the extraction with evidence, the field-by-field differences from the live
 * policy, what happened to it, and when. Evidence offsets are into the announcement's
 * {@link Announcement#readableText()}, the text that was read. {@link #supersedes()} names the changes of older texts
 * of the same announcement that this one replaced in the review queue (see {@link Status#SUPERSEDED}).
 * {@link #notes()} says what the text states of a field in incompatible ways or only bounds: such a field has no
 * {@link FieldChange}, and a reviewer should know the notice is ambiguous on it. {@link #failure()} says why a change
 * {@link Status#APPLY_FAILED} could not be applied (the rule that refused the new version, or the file that could not
 * be written): it had only been logged, so the audit log and the reviewer saw the status without the reason.
 *
 * <p>Thread-safety: immutable.
 */
public record PolicyChange(String id, String sourceId, String platformId, Announcement announcement,
    ExtractionResult extraction, List<FieldChange> changes, Status status, Instant at, List<String> supersedes,
    @Nullable String failure) {

  /** What the watcher did with the change. Thread-safety: immutable (an enum). */
  public enum Status {
    /** Waiting for a reviewer ({@link AnnouncementWatcher#approve}/{@link AnnouncementWatcher#reject}). */
    QUEUED_FOR_REVIEW,
    /** Applied to the policy store as a new version. */
    APPLIED,
    /** Rejected by a reviewer. */
    REJECTED,
    /**
     * Applying failed (the store refused or could not write the new version, or a reviewed change's live values
     * moved since it was read: see {@link AnnouncementWatcher#approve}); the change stays out of the live policy for
     * now. An auto-applied change is tried again at the next polls, a reviewed one stays waiting for
     * review (see {@link AnnouncementWatcher}).
     */
    APPLY_FAILED,
    /**
     * Withdrawn from review without a decision: a newer text of the same announcement (same source and id, a page
     * edited while the change waited) was read, and the older text is no longer listed. The reviewer reviews the
     * newer one; its change, if it proposes one, names this one in {@link PolicyChange#supersedes()}. A page whose
     * text changes at every fetch (a timestamp, a counter) had queued one change per poll, never forgotten.
     */
    SUPERSEDED
  }

  /** A change that replaced no older one in the review queue. */
  public PolicyChange(String id, String sourceId, String platformId, Announcement announcement,
      ExtractionResult extraction, List<FieldChange> changes, Status status, Instant at) {
    this(id, sourceId, platformId, announcement, extraction, changes, status, at, List.of());
  }

  /** A change that did not fail to apply ({@link #failure()} null). */
  public PolicyChange(String id, String sourceId, String platformId, Announcement announcement,
      ExtractionResult extraction, List<FieldChange> changes, Status status, Instant at, List<String> supersedes) {
    this(id, sourceId, platformId, announcement, extraction, changes, status, at, supersedes, null);
  }

  /**
   * Every bad part is an {@link InvalidInputException} naming it ({@code changes[0]: is null}), all at once, as for
   * the SDK's other records; it had been a NullPointerException or an IllegalArgumentException naming none.
   */
  public PolicyChange {
    List<Problem> problems = new ArrayList<>(RequiredParts.problems(new String[] {"id", "sourceId", "platformId",
        "announcement", "extraction", "changes", "status", "at", "supersedes"}, id, sourceId, platformId,
        announcement, extraction, changes, status, at, supersedes));
    if (changes != null && changes.isEmpty()) {
      problems.add(Problem.of("changes", "is empty (a policy change needs at least one field change)"));
    }
    if (failure != null && (failure.isBlank() || status != Status.APPLY_FAILED)) {
      problems.add(Problem.of("failure", failure.isBlank() ? "is blank (say why the change could not be applied)"
          : "is given for a change " + status + " (only a change APPLY_FAILED has one)"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    changes = List.copyOf(changes);
    supersedes = List.copyOf(supersedes);
  }

  /**
   * The extraction's notes: the fields the announcement states in incompatible ways (left undetermined, so not among
   * {@link #changes()}) or only bounds; empty when it does neither. Kept with a change waiting for review across a
   * restart (state file format 4; a change written by an older format has none).
   */
  public List<ExtractionNote> notes() {
    return extraction.notes();
  }

  /** The same change with another status, stamped {@code at}, without a {@link #failure()}. */
  public PolicyChange withStatus(Status newStatus, Instant when) {
    return new PolicyChange(id, sourceId, platformId, announcement, extraction, changes, newStatus, when, supersedes,
        null);
  }

  /** The same change {@link Status#APPLY_FAILED} at {@code when}, for {@code reason} ({@link #failure()}). */
  public PolicyChange failed(String reason, Instant when) {
    return new PolicyChange(id, sourceId, platformId, announcement, extraction, changes, Status.APPLY_FAILED, when,
        supersedes, reason);
  }

  /** The same change, replacing the waiting changes {@code olderIds} of older texts of its announcement. */
  PolicyChange superseding(List<String> olderIds) {
    return new PolicyChange(id, sourceId, platformId, announcement, extraction, changes, status, at, olderIds,
        failure);
  }
}
