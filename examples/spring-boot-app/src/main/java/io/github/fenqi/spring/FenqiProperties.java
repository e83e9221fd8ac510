package io.github.fenqi.spring;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.solve.GridConfig;
import java.util.ArrayList;
import java.util.List;
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
 * @param maxSearchNodes the exact solver's node budget per strategy ({@code GridConfig.maxSearchNodes}); a case that
 *     needs more search is answered 500 naming this setting
 * @param monitor the acceptance monitor's windows and thresholds
 */
@ConfigurationProperties("fenqi")
public record FenqiProperties(@Nullable String policiesDir, @Nullable String auditLog, @Nullable String clientToken,
    @Nullable String adminToken, @Nullable String fieldKey, @Nullable String fieldKeyId,
    @Nullable String retiredFieldKeys, @Nullable String indexKey, @Nullable String auditKey, @DefaultValue("262144") int maxBodyBytes,
    @DefaultValue("100") int maxDebts, @DefaultValue("" + GridConfig.DEFAULT_MAX_SEARCH_NODES) long maxSearchNodes, @DefaultValue Monitor monitor) {

  /** Limits outside their range stop the start, naming the setting: they would fail or refuse every request instead. */
  public FenqiProperties {
    List<Problem> problems = new ArrayList<>();
    if (maxBodyBytes < 1024 || maxBodyBytes > MAX_BODY_LIMIT) {
      problems.add(Problem.of("fenqi.max-body-bytes", maxBodyBytes + " is outside 1024.." + MAX_BODY_LIMIT));
    }
    if (maxDebts < 1 || maxDebts > 1000) {
      problems.add(Problem.of("fenqi.max-debts", maxDebts + " is outside 1..1000"));
    }
    if (maxSearchNodes < 1) {
      problems.add(Problem.of("fenqi.max-search-nodes", maxSearchNodes + " must be positive"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  /** The largest body limit: 64 MiB, the core's own bound on an input file. */
  static final int MAX_BODY_LIMIT = 64 * 1024 * 1024;

  /** See {@link io.github.fenqi.core.monitor.MonitorConfig}. Thread-safety: immutable. */
  public record Monitor(@DefaultValue("50") int recentWindow, @DefaultValue("200") int baselineWindow,
      @DefaultValue("50") int minBaseline, @DefaultValue("0.0001") double alpha, @DefaultValue("0.10") double minDrop) {}

  @Override
  public String toString() {
    return "FenqiProperties[policiesDir=" + policiesDir + ", auditLog=" + auditLog + ", maxBodyBytes=" + maxBodyBytes
        + ", maxDebts=" + maxDebts + ", maxSearchNodes=" + maxSearchNodes + ", monitor=" + monitor + ", secrets=<hidden>]";
  }
}
