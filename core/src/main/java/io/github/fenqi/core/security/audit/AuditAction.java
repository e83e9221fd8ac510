package io.github.fenqi.core.security.audit;

/**
 * What an audit entry records. Serialised by name; names are never reused for another meaning.
 *
 * <p>Thread-safety: immutable (an enum).
 */
public enum AuditAction {
  /** Personal data was read or decrypted. */
  DATA_ACCESS,
  /** A lender policy was added, changed or removed. */
  POLICY_CHANGE,
  /** Eligibility rules were reloaded. */
  RULE_RELOAD,
  /** Proposals were generated for a case. */
  PROPOSAL_GENERATED,
  /** A proposal was submitted to a lender. */
  SUBMISSION,
  /** A forged statement or a risk service stopped a negotiation. */
  FRAUD_BLOCK,
  /** A lender's answer to a submission was recorded. */
  OUTCOME_RECORDED,
  /** A third-party risk check was consulted. */
  RISK_CHECK,
  /** Keys were rotated or data re-encrypted. */
  KEY_ROTATION,
  /** Anything else; say what in the details. */
  OTHER
}
