package io.github.fenqi.core;

import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The audit log was found edited, truncated, reordered or otherwise not what was written.
 * {@link #sequence()} locates the first bad entry, and {@link #file()} the log it is in: a service keeps a log per
 * instance, and a plan several, so "entry 3 (line 3) is not valid JSON" alone did not say which file to look at. A
 * {@code FileAuditLog} names its file in every one it throws (the message then starts with the file), so callers need
 * not, and must not, add it again.
 *
 * <p>Thread-safety: immutable.
 */
public class AuditIntegrityException extends FenqiException {
  private static final long serialVersionUID = 1L;

  private final long sequence;
  private final transient @Nullable Path file;
  /**
   * Whether the message starts with a file, which outlives {@link #file} in an exception read back by Java
   * serialization: without it {@link #in} had named the file a second time in a failure read back.
   */
  private final boolean named;

  /** A bad entry of a log that is not a file (an in-memory log, lines given directly). */
  public AuditIntegrityException(long sequence, String message) {
    super(message);
    this.sequence = sequence;
    this.file = null;
    this.named = false;
  }

  /** A bad entry of the log {@code file}; the message is {@code message} after the file's name. */
  public AuditIntegrityException(Path file, long sequence, String message) {
    super(file + ": " + message);
    this.sequence = sequence;
    this.file = file;
    this.named = true;
  }

  /** Sequence number (or 1-based line) of the first entry that failed verification. */
  public long sequence() {
    return sequence;
  }

  /**
   * The log file the bad entry is in, when the log is a file. Empty too in an exception read back by Java
   * serialization, since a {@link Path} is not serializable: its message still starts with the file.
   */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /**
   * This failure as one of {@code log}: itself when it already names a file (it is then about that one), also when
   * read back by Java serialization without its {@link #file()}, else a new exception naming {@code log}, with this
   * one's sequence, message and stack trace.
   */
  public AuditIntegrityException in(Path log) {
    if (named) {
      return this;
    }
    AuditIntegrityException located = new AuditIntegrityException(log, sequence, getMessage());
    located.setStackTrace(getStackTrace());
    return located;
  }
}
