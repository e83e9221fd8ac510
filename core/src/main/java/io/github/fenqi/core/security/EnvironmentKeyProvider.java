package io.github.fenqi.core.security;

import io.github.fenqi.core.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.SecretKey;

/**
 * Keys from environment variables, each holding the base64 of 32 random bytes. Meant for development and
 * containers whose orchestrator injects secrets as variables; production deployments should prefer
 * {@link Pkcs12KeyProvider} or a KMS-backed provider of their own.
 *
 * <p>The variables are read once, at construction. Thread-safety: immutable.
 */
public final class EnvironmentKeyProvider extends RingKeyProvider {

  private EnvironmentKeyProvider(KeyRing ring) {
    super(ring);
  }

  /** One key, {@code keyId}, from the process environment variable {@code variable}. */
  public static EnvironmentKeyProvider fromSystemEnvironment(String keyId, String variable) {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(variable, "variable");
    return of(System.getenv(), keyId, Map.of(keyId, variable));
  }

  /**
   * Keys from {@code environment} (pass {@code System.getenv()} in production, a map in tests):
   * {@code variableByKeyId} maps each key id to the variable holding it; {@code activeKeyId} is one of them.
   *
   * @throws InvalidInputException naming the variable when it is unset, not base64 or not the base64 of 32 bytes
   *     (saying so when it looks like a hex-encoded key, which is no base64 of 32 bytes; the value is never shown);
   *     naming {@code variableByKeyId} when an unset variable's name is not shown ({@link Base64Key#unsetVariable})
   */
  public static EnvironmentKeyProvider of(Map<String, String> environment, String activeKeyId,
      Map<String, String> variableByKeyId) {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(activeKeyId, "activeKeyId");
    Objects.requireNonNull(variableByKeyId, "variableByKeyId");
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    variableByKeyId.forEach((id, variable) -> {
      KeyRing.requireKeyId("keyIds", id);
      String value = environment.get(variable);
      String expected = "the base64 of a 32-byte key for key id '" + id + "'";
      if (value == null) {
        throw Base64Key.unsetVariable("variableByKeyId", variable, expected);
      }
      if (value.isBlank()) { // set but empty was called "not set", as AuditKey's was: one looked for a missing export
        throw new InvalidInputException(variable, "environment variable is empty (expected " + expected + ")");
      }
      keys.put(id, KeyRing.aesKey(variable, Base64Key.decode(variable, value, "key for key id '" + id + "'")));
    });
    return new EnvironmentKeyProvider(new KeyRing(KeyRing.requireKeyId("activeKeyId", activeKeyId), keys));
  }
}
