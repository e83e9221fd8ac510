package io.github.fenqi.rules;

import io.github.fenqi.core.security.audit.AuditAction;
import io.github.fenqi.core.security.audit.AuditEvent;
import io.github.fenqi.core.security.audit.AuditLog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes every rule reload and every rejected rule file to an {@link AuditLog} as {@code RULE_RELOAD} entries:
 * who (the file's owner), what (file, change, content hash, rules now live or the problems) and the rule-set
 * version. One durable append per reload; a first load that finds no rule file is one entry too, its {@code change}
 * {@value #EMPTY}.
 *
 * <pre>{@code
 * EasyRulesEligibilityEvaluator rules = EasyRulesEligibilityEvaluator.open(dir).watch();
 * RuleSetListener.Subscription audit = RuleSetAudit.attach(rules, auditLog);
 * }</pre>
 *
 * <p>Thread-safety: stateless; the log serialises appends.
 */
public final class RuleSetAudit {
  /** The actor of the entries. */
  public static final String ACTOR = "fenqi-rules";

  /** The {@code change} of the entry of a load that found no rule file, and so left no rule live. */
  public static final String EMPTY = "EMPTY";

  /** The subject of that entry, which concerns no one file. */
  public static final String EMPTY_SUBJECT = "(no rule files)";

  private RuleSetAudit() {}

  /** Subscribes {@code log} to {@code rules}' events; close the subscription to stop. */
  public static RuleSetListener.Subscription attach(EasyRulesEligibilityEvaluator rules, AuditLog log) {
    return rules.addListener(listener(log));
  }

  /**
   * The listener that writes to {@code log}; give it to {@link EasyRulesEligibilityEvaluator#open(java.nio.file.Path,
   * RuleSetListener...)} to audit the first load too.
   */
  public static RuleSetListener listener(AuditLog log) {
    return event -> log.appendAll(events(event));
  }

  /** The audit events of one rule-set event. */
  static List<AuditEvent> events(RuleSetEvent event) {
    List<AuditEvent> out = new ArrayList<>();
    if (event instanceof RuleSetEvent.Reloaded r) {
      for (RuleSetEvent.FileChange c : r.changes()) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("change", c.change().name());
        d.put("owner", c.owner());
        d.put("version", Long.toString(r.version()));
        d.put("sha256", c.sha256() == null ? "" : c.sha256());
        d.put("rules", String.join(",", c.rules()));
        out.add(new AuditEvent(ACTOR, AuditAction.RULE_RELOAD, c.file(), d));
      }
      if (r.changes().isEmpty()) {
        // the first load of a directory holding no rule file (the only reload without a change): no rule is live, and
        // without an entry the audit had shown nothing of it, as if the rules had never loaded
        Map<String, String> d = new LinkedHashMap<>();
        d.put("change", EMPTY);
        d.put("version", Long.toString(r.version()));
        d.put("rules", "");
        out.add(new AuditEvent(ACTOR, AuditAction.RULE_RELOAD, EMPTY_SUBJECT, d));
      }
    } else if (event instanceof RuleSetEvent.Rejected x) {
      Map<String, String> d = new LinkedHashMap<>();
      d.put("change", "REJECTED");
      d.put("owner", x.owner());
      d.put("liveVersion", Long.toString(x.liveVersion()));
      d.put("sha256", x.sha256());
      d.put("problems", x.problems().size() + ": " + x.problems().get(0));
      out.add(new AuditEvent(ACTOR, AuditAction.RULE_RELOAD, x.file(), d));
    }
    return out;
  }
}
