package io.github.fenqi.core;

/**
 * The case was stopped before any proposal: its statements look forged or a risk service denied it. The
 * {@link #screening()} says why; the engine has written a {@code FRAUD_BLOCK} audit entry when it has an audit log.
 *
 * <p>Thread-safety: immutable.
 */
public final class NegotiationBlockedException extends FenqiException {
  private static final long serialVersionUID = 1L;
  private final String caseId;
  private final Screening screening;

  public NegotiationBlockedException(String caseId, Screening screening) {
    super("case " + caseId + " blocked: " + String.join("; ", screening.reasons()));
    this.caseId = caseId;
    this.screening = screening;
  }

  /** The blocked case. */
  public String caseId() {
    return caseId;
  }

  /**
   * Why it was blocked; kept by Java serialization too (it had been transient, null in an exception read back: a
   * screening and its parts are serializable records, read back through their validating constructors).
   */
  public Screening screening() {
    return screening;
  }
}
