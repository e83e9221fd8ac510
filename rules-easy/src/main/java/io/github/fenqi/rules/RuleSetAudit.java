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
 * version. One durable append per reload.
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

  private RuleSetAudit() {}

  /** Subscribes {@code log} to {@code rules}' events; close the subscription to stop. */
  public static RuleSetListener.Subscription attach(EasyRulesEligibilityEvaluator rules, AuditLog log) {
    return rules.addListener(event -> log.appendAll(events(event)));
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
