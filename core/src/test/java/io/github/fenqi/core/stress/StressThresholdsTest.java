package io.github.fenqi.core.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The traffic light at its thresholds, as {@link RiskLevel} documents them: GREEN at or below the green threshold, RED
 * strictly above the red one, YELLOW between; and the figures of one seed on every thread.
 */
class StressThresholdsTest {
  private static final FinancialProfile PROFILE = new FinancialProfile(Money.ofYuan(9500), OptionalDouble.empty(),
      Money.ofYuan(3800), Money.ofYuan(3000));
  private static final PlanCashflow PLAN = PlanCashflow.ofMonthlyTotals(Collections.nCopies(12, Money.ofYuan(3000)),
      Money.ZERO);
  private static final StressConfig CONFIG = StressConfig.builder().paths(2_000).build();

  private static RiskLevel level(double green, double red) {
    return StressTester.monteCarlo(CONFIG.toBuilder().thresholds(green, red).build()).test(PROFILE, PLAN).level();
  }

  @Test
  void eachThresholdIsTestedOnBothSidesOfItsExactValue() {
    double p = StressTester.monteCarlo(CONFIG).test(PROFILE, PLAN).defaultProbability();
    assertTrue(p > 0 && p < 1, "the plan must re-default on some paths, not all: " + p);
    double below = Math.nextDown(p);
    assertEquals(RiskLevel.GREEN, level(p, 1), "at the green threshold: GREEN (inclusive)");
    assertEquals(RiskLevel.YELLOW, level(below, 1), "just above the green threshold: YELLOW");
    assertEquals(RiskLevel.YELLOW, level(0, p), "at the red threshold: not RED (exclusive)");
    assertEquals(RiskLevel.RED, level(0, below), "just above the red threshold: RED");
    assertEquals(RiskLevel.GREEN, level(p, p), "at both thresholds at once: GREEN");
    assertEquals(RiskLevel.RED, level(below, below), "above both: RED");
  }

  /**
   * A threshold written as a decimal ({@code 0.2185}) is the share of paths it spells (437 of 2 000), not a double a
   * hair away from it: the level is decided on the side the decimal says.
   */
  @Test
  void aThresholdWrittenAsTheDecimalOfTheShareIsAtIt() {
    double p = StressTester.monteCarlo(CONFIG).test(PROFILE, PLAN).defaultProbability();
    long defaults = Math.round(p * CONFIG.paths());
    double written = Double.parseDouble(BigDecimal.valueOf(defaults).divide(BigDecimal.valueOf(CONFIG.paths()))
        .toPlainString());
    assertEquals(RiskLevel.GREEN, level(written, 1));
    assertEquals(RiskLevel.YELLOW, level(0, written));
  }

  /** One tester, one seed: the figures on eight threads at once are those of one thread alone. */
  @Test
  void theSameSeedGivesTheSameFiguresOnEveryThread() throws Exception {
    StressTester tester = StressTester.monteCarlo(CONFIG);
    List<PlanCashflow> plans = List.of(PLAN, PlanCashflow.ofMonthlyTotals(Collections.nCopies(6, Money.ofYuan(2000)),
        Money.ofYuan(1000)));
    List<StressResult> alone = tester.compare(PROFILE, plans);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<StressResult>>> runs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        runs.add(pool.submit(() -> tester.compare(PROFILE, plans)));
      }
      for (Future<List<StressResult>> run : runs) {
        assertEquals(alone, run.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
