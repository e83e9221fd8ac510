package io.github.fenqi.core.monitor;

import io.github.fenqi.core.solve.Strategy;
import java.util.OptionalDouble;

/**
 * Where one platform and strategy stand: the two samples, the latest test and whether an alert is active.
 *
 * <p>Thread-safety: immutable.
 *
 * @param pValue the one-sided p-value of the latest test; empty when the samples were too small to test
 */
public record AcceptanceStatus(String platformId, Strategy strategy, int baselineAccepted, int baselineTotal,
    int recentAccepted, int recentTotal, OptionalDouble pValue, boolean alerting) {

  /** Acceptances over all outcomes seen in both windows; 0 when there are none. */
  public double acceptanceRate() {
    int total = baselineTotal + recentTotal;
    return total == 0 ? 0 : (double) (baselineAccepted + recentAccepted) / total;
  }

  /** The recent window's acceptance rate; 0 when empty. */
  public double recentRate() {
    return recentTotal == 0 ? 0 : (double) recentAccepted / recentTotal;
  }

  /** The baseline's acceptance rate; 0 when empty. */
  public double baselineRate() {
    return baselineTotal == 0 ? 0 : (double) baselineAccepted / baselineTotal;
  }
}
