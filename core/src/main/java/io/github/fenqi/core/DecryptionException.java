package io.github.fenqi.core;

/**
 * A ciphertext could not be decrypted: wrong or unknown key, truncated or altered data, or a
 * ciphertext moved to another record or field. Never carries the plaintext or key material.
 *
 * <p>Thread-safety: immutable.
 */
public class DecryptionException extends FenqiException {
  private static final long serialVersionUID = 1L;

  public DecryptionException(String message) {
    super(message);
  }

  public DecryptionException(String message, Throwable cause) {
    super(message, cause);
  }
}
