package io.github.fenqi.core.monitor;

import io.github.fenqi.core.solve.Strategy;
import java.util.Locale;

/**
 * Raised when a platform's recent acceptance rate for a strategy is significantly below its baseline.
 *
 * <p>Thread-safety: immutable.
 *
 * @param z the test statistic; {@code pValue} its one-sided p-value
 */
public record AcceptanceDropAlert(String platformId, Strategy strategy, double baselineRate, int baselineTotal,
    double recentRate, int recentTotal, double z, double pValue) {

  /** One line for a log or a pager, naming the platform and the likely cause. */
  public String message() {
    return String.format(Locale.ROOT,
        "acceptance of %s proposals by platform %s dropped from %.1f%% (n=%d) to %.1f%% (last %d), z=%.2f, p=%.2g: "
            + "the platform's policy may have changed; review its policy file",
        strategy, platformId, baselineRate * 100, baselineTotal, recentRate * 100, recentTotal, z, pValue);
  }
}
