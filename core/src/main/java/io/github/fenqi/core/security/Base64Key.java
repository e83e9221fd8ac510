package io.github.fenqi.core.security;

import io.github.fenqi.core.InvalidInputException;
import java.util.Base64;
import java.util.Objects;

/**
 * Reads a 32-byte key written as base64 text (an environment variable, a setting), as the built-in key readers
 * ({@link EnvironmentKeyProvider}, {@link io.github.fenqi.core.security.audit.AuditKey}) do. A key written as 64
 * hexadecimal characters — what {@code openssl rand -hex 32} prints — is also valid base64 and was reported as
 * "found 48 bytes", with nothing to say base64 was expected or that the text looks like hex; the error now says both.
 * Errors name where the text came from and never show the text.
 *
 * <p>Thread-safety: stateless.
 */
public final class Base64Key {
  /** The length of every key fenqi reads: AES-256 and HMAC-SHA-256 keys alike. */
  public static final int BYTES = 32;

  private Base64Key() {}

  /**
   * The {@value #BYTES} bytes that {@code text} (surrounding white space ignored) is the base64 of.
   *
   * @param location where the text came from (a variable's name), the location of the error
   * @param what the key's use, for the error ({@code "AES-256 key for key id 'k1'"})
   * @throws InvalidInputException naming {@code location} when the text is not base64 or not the base64 of
   *     {@value #BYTES} bytes, saying so when it is a hex-encoded key: exactly {@code 2 * BYTES} hex digits
   */
  public static byte[] decode(String location, String text, String what) {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(what, "what");
    String value = text.strip();
    String expected = "expected the base64 of a " + BYTES + "-byte " + what;
    String hex = isHexOfAKey(value) ? "; it looks like the hex of a " + BYTES + "-byte key — convert it with "
        + "'xxd -r -p | base64' or create one with 'openssl rand -base64 " + BYTES + "'" : "";
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(location, "is not valid base64 (" + expected + ")" + hex);
    }
    if (bytes.length != BYTES) {
      throw new InvalidInputException(location, "holds " + value.length() + " characters, the base64 of "
          + bytes.length + " bytes (" + expected + ")" + hex);
    }
    return bytes;
  }

  /**
   * Whether {@code value} is {@value #BYTES} bytes in hex, exactly {@code 2 * BYTES} hex digits. Any text of hex
   * digits had been told it "looks like hex" and to convert it with {@code xxd}: a colour ({@code c0ffee}), a commit
   * id or a 32-character hash given by mistake, none of which makes a key that way.
   */
  private static boolean isHexOfAKey(String value) {
    return value.length() == 2 * BYTES && value.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f'
        || c >= 'A' && c <= 'F');
  }
}
