package io.github.fenqi.core.security.risk;

/**
 * What a {@link RiskCheck} answers when its service fails (timeout, connection refused, HTTP error, unreadable
 * answer). Fail-closed is the safe default for anti-fraud; fail-open suits advisory scores whose outage must
 * not stop negotiations. Either way the assessment is marked {@link RiskAssessment#degraded() degraded}.
 *
 * <p>Thread-safety: immutable (an enum).
 */
public enum FailureMode {
  /** A failure counts as {@link RiskDecision#DENY}. */
  FAIL_CLOSED(RiskDecision.DENY),
  /** A failure counts as {@link RiskDecision#ALLOW}. */
  FAIL_OPEN(RiskDecision.ALLOW);

  private final RiskDecision decision;

  FailureMode(RiskDecision decision) {
    this.decision = decision;
  }

  /** The degraded assessment for a failure of {@code service} described by {@code reason}. */
  public RiskAssessment onFailure(String service, String reason) {
    return new RiskAssessment(service, decision, null, reason + " (" + name().toLowerCase(java.util.Locale.ROOT)
        .replace('_', '-') + ")", true);
  }
}
