package io.github.fenqi.nlp.source;

import io.github.fenqi.core.FenqiException;

/**
 * A {@link PolicySource} could not be read: the message names the source and says what went wrong (timeout,
 * size limit, HTTP status, malformed feed). The watcher reports it and tries again at the next poll.
 *
 * <p>Thread-safety: immutable.
 */
public class PolicySourceException extends FenqiException {
  private static final long serialVersionUID = 1L;

  private final String sourceId;

  public PolicySourceException(String sourceId, String message) {
    super("policy source '" + sourceId + "': " + message);
    this.sourceId = sourceId;
  }

  public PolicySourceException(String sourceId, String message, Throwable cause) {
    super("policy source '" + sourceId + "': " + message, cause);
    this.sourceId = sourceId;
  }

  /** The source that failed. */
  public String sourceId() {
    return sourceId;
  }
}
