package io.github.fenqi.core.security.risk;

import io.github.fenqi.core.RequiredParts;
import org.jspecify.annotations.Nullable;

/**
 * A risk service's answer, or the {@link FailureMode}'s stand-in when the service failed.
 *
 * <p>Thread-safety: immutable.
 *
 * @param service the {@link RiskCheck#name()} that produced it
 * @param decision allow, review or deny
 * @param score the service's score when it gave one (its own scale), else null
 * @param reason the service's reason, or what went wrong
 * @param degraded true when the service failed and the decision comes from the failure mode
 */
public record RiskAssessment(String service, RiskDecision decision, @Nullable Double score, String reason,
    boolean degraded) {
  public RiskAssessment {
    RequiredParts.check(new String[] {"service", "decision", "reason"}, service, decision, reason);
  }
}
