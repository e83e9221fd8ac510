package io.github.fenqi.core.security.risk;

/**
 * What a risk service says about a borrower.
 *
 * <p>Thread-safety: immutable (an enum).
 */
public enum RiskDecision {
  /** No concern; negotiation may proceed. */
  ALLOW,
  /** Proceed only after a person has looked. */
  REVIEW,
  /** Stop: fraud or an unacceptable risk. */
  DENY
}
