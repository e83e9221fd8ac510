package io.github.fenqi.core.statement;

/**
 * What the forensic checks conclude about a borrower's statements.
 *
 * <p>Thread-safety: immutable.
 */
public enum ForensicVerdict {
  /** No signal: the statements can be used. */
  PASS,
  /** Some signal: a person should look before the figures are trusted. */
  REVIEW,
  /** Strong evidence of tampering: the negotiation stops. */
  BLOCK
}
