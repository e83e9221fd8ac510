package io.github.fenqi.spring;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's settings ({@code fenqi.*}). Secrets default to environment variables (see application.yml) and
 * are never logged: {@link #toString()} omits them.
 *
 * <p>Thread-safety: immutable.
 *
 * @param policiesDir the directory (a file-system path; Spring would read a {@code Path} as a resource) of policy JSON files loaded at start (each validated; any error stops start)
 * @param auditLog the audit log file (hash-chained, HMAC-sealed)
 * @param clientToken bearer token of API clients (role CLIENT)
 * @param adminToken bearer token of administrators (roles ADMIN and CLIENT)
 * @param fieldKey base64 of the 32-byte AES key encrypting stored identifiers
 * @param fieldKeyId the id of {@code fieldKey}, written into every new ciphertext (default {@code field1}); a new key
 *     needs a new id, so that ciphertexts say which key they need
 * @param retiredFieldKeys keys no longer used to encrypt but still needed to read older rows until they are
 *     re-encrypted: {@code id=base64} pairs separated by commas (empty when there are none)
 * @param indexKey base64 of the 32-byte HMAC key of the identifiers' blind index
 * @param auditKey base64 of the 32-byte HMAC key of the audit log
 * @param maxBodyBytes the largest request body accepted
 * @param maxDebts the most debts one case may list (the solver's time grows with them, and a submission's stored
 *     proposal with them: 200 debts made 1.5 MB)
 * @param monitor the acceptance monitor's windows and thresholds
 */
@ConfigurationProperties("fenqi")
public record FenqiProperties(@Nullable String policiesDir, @Nullable String auditLog, @Nullable String clientToken,
    @Nullable String adminToken, @Nullable String fieldKey, @Nullable String fieldKeyId,
    @Nullable String retiredFieldKeys, @Nullable String indexKey, @Nullable String auditKey, @DefaultValue("262144") int maxBodyBytes,
    @DefaultValue("100") int maxDebts, @DefaultValue Monitor monitor) {

  /** See {@link io.github.fenqi.core.monitor.MonitorConfig}. */
  public record Monitor(@DefaultValue("50") int recentWindow, @DefaultValue("200") int baselineWindow,
      @DefaultValue("50") int minBaseline, @DefaultValue("0.0001") double alpha, @DefaultValue("0.10") double minDrop) {}

  @Override
  public String toString() {
    return "FenqiProperties[policiesDir=" + policiesDir + ", auditLog=" + auditLog + ", maxBodyBytes=" + maxBodyBytes
        + ", maxDebts=" + maxDebts + ", monitor=" + monitor + ", secrets=<hidden>]";
  }
}
