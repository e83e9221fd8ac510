package io.github.fenqi.core.security.audit;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.security.Base64Key;
import java.util.Objects;
import java.util.function.Function;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The HMAC-SHA-256 key that authenticates audit entries and checkpoints. It is kept apart from the log
 * (environment, keystore, KMS): whoever can write the log file but lacks the key cannot forge entries.
 *
 * <p>Thread-safety: immutable. {@link #toString()} never shows the key.
 */
public final class AuditKey {
  /** The default environment variable: {@code FENQI_AUDIT_KEY}, base64 of 32 bytes. */
  public static final String DEFAULT_VARIABLE = "FENQI_AUDIT_KEY";

  private final SecretKeySpec key;

  private AuditKey(byte[] key) {
    this.key = new SecretKeySpec(key, "HmacSHA256");
  }

  /** A key from 32 raw bytes (copied). */
  public static AuditKey of(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length != 32) {
      throw new InvalidInputException("auditKey", "must be 32 bytes, found " + key.length);
    }
    return new AuditKey(key.clone());
  }

  /**
   * A key from the base64 of 32 bytes; {@code location} names where the text came from.
   *
   * @throws InvalidInputException naming {@code location} when the text is not the base64 of 32 bytes (saying so when
   *     it looks like a hex-encoded key; the text is never shown)
   */
  public static AuditKey fromBase64(String location, String base64) {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(base64, "base64");
    return new AuditKey(Base64Key.decode(location, base64, "audit HMAC key"));
  }

  /**
   * A key from environment variable {@code variable}, looked up through {@code environment}
   * ({@code System::getenv} in production, a map's {@code get} in tests).
   */
  public static AuditKey fromEnvironment(String variable, Function<String, @Nullable String> environment) {
    Objects.requireNonNull(variable, "variable");
    Objects.requireNonNull(environment, "environment");
    String value = environment.apply(variable);
    // set but empty ('FENQI_AUDIT_KEY= fenqi ...', a secret store that answered nothing) was reported "not set",
    // sending the reader to look for a missing export instead of an empty value
    String expected = "the base64 of a 32-byte audit HMAC key";
    if (value == null) {
      throw Base64Key.unsetVariable("variable", variable, expected);
    }
    if (value.isBlank()) {
      throw new InvalidInputException(variable, "environment variable is empty (expected " + expected + ")");
    }
    return fromBase64(variable, value);
  }

  SecretKeySpec spec() {
    return key;
  }

  @Override
  public String toString() {
    return "AuditKey[HMAC-SHA-256]";
  }
}
