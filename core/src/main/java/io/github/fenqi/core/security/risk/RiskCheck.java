package io.github.fenqi.core.security.risk;

/**
 * Extension point for third-party credit and anti-fraud services consulted before a negotiation. An
 * implementation bounds its own latency (a timeout) and never throws for a service failure: it returns its
 * {@link FailureMode}'s degraded assessment instead, so the engine's behaviour on an outage is a configured
 * decision, not an accident. {@link HttpRiskCheck} is the HTTP/JSON example.
 *
 * <p>Engine wiring: call {@code check} for each configured service; a {@link RiskDecision#DENY} stops the
 * negotiation with an {@code AuditAction.FRAUD_BLOCK} audit entry; {@link RiskDecision#REVIEW} marks the case.
 *
 * <p>Implementations must be thread-safe.
 */
public interface RiskCheck {
  /** A stable name for logs and audit entries (e.g. {@code "acme-antifraud"}). */
  String name();

  /** Asks the service about {@code request}; never throws for a service failure. */
  RiskAssessment check(RiskCheckRequest request);
}
