package io.github.fenqi.core.security;

import io.github.fenqi.core.InvalidInputException;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads a 32-byte key written as base64 text (an environment variable, a setting), as the built-in key readers
 * ({@link EnvironmentKeyProvider}, {@link io.github.fenqi.core.security.audit.AuditKey}) do. A key written as 64
 * hexadecimal characters — what {@code openssl rand -hex 32} prints — is also valid base64 and was reported as
 * "found 48 bytes", with nothing to say base64 was expected or that the text looks like hex; the error now says both.
 * Errors name where the text came from and never show the text; one that is no base64 says why when the reason is how
 * the key is written: the URL-safe alphabet, white space inside it, quotes around it.
 *
 * <p>Thread-safety: stateless.
 */
public final class Base64Key {
  /** The length of every key fenqi reads: AES-256 and HMAC-SHA-256 keys alike. */
  public static final int BYTES = 32;
  /** What an environment variable's name is made of: letters, digits and {@code _}, not first a digit (POSIX). */
  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

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
      throw new InvalidInputException(location, "is not valid base64 (" + expected + ")" + hex + whyNotBase64(value));
    }
    if (bytes.length != BYTES) {
      throw new InvalidInputException(location, "holds " + value.length() + " characters, the base64 of "
          + bytes.length + " bytes (" + expected + ")" + hex);
    }
    return bytes;
  }

  /**
   * Why {@code value}, which is no base64, is none when the reason is how a key was written: a key in the URL-safe
   * alphabet ({@code secrets.token_urlsafe(32)}; one holding neither {@code -} nor {@code _} reads as base64, so the
   * same tool's key had worked one time in four), wrapped onto lines or left in an env file's quotes. Empty otherwise.
   */
  private static String whyNotBase64(String value) {
    if (isBase64OfAKey(Base64.getUrlDecoder(), value)) {
      return "; it is in the URL-safe alphabet: write '+' for '-' and '/' for '_'";
    }
    // value is no base64: each text below differs from it when it is the base64 of a key
    if (isBase64OfAKey(Base64.getDecoder(), value.replaceAll("\\s", ""))) {
      return "; it holds white space: write it on one line";
    }
    return isBase64OfAKey(Base64.getDecoder(), value.replaceAll("^[\"']|[\"']$", "").strip())
        ? "; it is in quotes: give it without them" : "";
  }

  private static boolean isBase64OfAKey(Base64.Decoder decoder, String text) {
    try {
      return decoder.decode(text).length == BYTES;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * The error for environment variable {@code variable}, which is not set: it names the variable, or {@code parameter}
   * in its place when the name is no variable's name or is the base64 of a {@value #BYTES}-byte key. A key or password
   * passed where its variable's name belongs ({@code fromSystemEnvironment("k1", System.getenv("FENQI_KEY"))}) had been
   * named as the variable, {@code "c9Ua…6g=: environment variable is not set"}, in a message that is logged.
   *
   * @param parameter the parameter that held the name, the error's location when the name is not shown
   * @param expected what the variable should hold ({@code "the base64 of a 32-byte audit HMAC key"})
   */
  public static InvalidInputException unsetVariable(String parameter, String variable, String expected) {
    Objects.requireNonNull(parameter, "parameter");
    Objects.requireNonNull(variable, "variable");
    Objects.requireNonNull(expected, "expected");
    if (VARIABLE_NAME.matcher(variable).matches() && !isBase64OfAKey(Base64.getUrlDecoder(), variable)) {
      return new InvalidInputException(variable, "environment variable is not set (expected " + expected + ")");
    }
    return new InvalidInputException(parameter, "names an environment variable that is not set and is not shown: it is "
        + "no variable's name (letters, digits and '_') or it is the base64 of a " + BYTES + "-byte key; was the value "
        + "given in place of the variable's name? (expected " + expected + ")");
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
