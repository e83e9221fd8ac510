package io.github.fenqi.core;

/**
 * The audit log was found edited, truncated, reordered or otherwise not what was written.
 * {@link #sequence()} locates the first bad entry.
 *
 * <p>Thread-safety: immutable.
 */
public class AuditIntegrityException extends FenqiException {
  private static final long serialVersionUID = 1L;

  private final long sequence;

  public AuditIntegrityException(long sequence, String message) {
    super(message);
    this.sequence = sequence;
  }

  /** Sequence number (or 1-based line) of the first entry that failed verification. */
  public long sequence() {
    return sequence;
  }
}
