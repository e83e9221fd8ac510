package io.github.fenqi.core.security.risk;

/** What a risk service says about a borrower. */
public enum RiskDecision {
  /** No concern; negotiation may proceed. */
  ALLOW,
  /** Proceed only after a person has looked. */
  REVIEW,
  /** Stop: fraud or an unacceptable risk. */
  DENY
}
