package io.github.fenqi.core;

/**
 * Root of every exception fenqi throws on purpose. Unchecked, because most callers cannot recover
 * locally; those that can catch a subtype by meaning ({@link InvalidInputException},
 * {@link PolicyException}, ...).
 *
 * <p>Messages say what was wrong, what was expected and, where it helps, what to do. They never
 * contain unmasked personal identifiers.
 *
 * <p>Thread-safety: immutable once constructed.
 */
public class FenqiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FenqiException(String message) {
    super(message);
  }

  public FenqiException(String message, Throwable cause) {
    super(message, cause);
  }
}
