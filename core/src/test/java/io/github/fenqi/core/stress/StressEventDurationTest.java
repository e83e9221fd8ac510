package io.github.fenqi.core.stress;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.fenqi.core.money.Money;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * An event's end is drawn as its start is, a 16-bit uniform below the probability: a job loss or an income drop of mean
 * m months ends in a month whose draw is below 1/m and goes on in one whose draw is exactly 1/m (with a mean of 2 or 4,
 * 1/m is one of the 16-bit uniforms, drawn once in 65 536 months). Every path-month's income is held to an independent
 * walk of the path's SplittableRandom.
 */
class StressEventDurationTest {
  private static final FinancialProfile STEADY = new FinancialProfile(Money.ofYuan(9_500), OptionalDouble.of(0),
      Money.ofYuan(3_800), Money.ZERO);

  @Test
  void aJobLossGoesOnInAMonthWhoseDrawIsExactlyItsEndProbability() {
    for (double mean : new double[] {2, 4}) {
      walk(StressConfig.builder().paths(100_000).jobLoss(1.0, mean, 0).incomeDrop(0, 0.3, 4)
          .shockExpense(0, Money.ZERO, 1).build(), 0, mean, 0L);
    }
  }

  @Test
  void anIncomeDropGoesOnInAMonthWhoseDrawIsExactlyItsEndProbability() {
    for (double mean : new double[] {2, 4}) {
      walk(StressConfig.builder().paths(100_000).jobLoss(0, 3, 0).incomeDrop(1.0, 0.3, mean)
          .shockExpense(0, Money.ZERO, 1).build(), 16, mean, 665_000L);
    }
  }

  /**
   * Holds every path-month's income to the walk of an event of probability 1 (one that ends restarts the month after),
   * its uniform at bit {@code from} of the month's draw, and asks for months at the boundary, or the test proves nothing.
   */
  private static void walk(StressConfig c, int from, double mean, long eventIncome) {
    MonteCarloStressTester.Shocks s = MonteCarloStressTester.Shocks.generate(c, STEADY);
    int atTheBoundary = 0;
    for (int k = 0; k < c.paths(); k++) {
      SplittableRandom r = new SplittableRandom(MonteCarloStressTester.pathSeed(c.seed(), k));
      boolean on = false;
      for (int t = 0; t < c.horizonMonths(); t++) {
        long u = (r.nextLong() >>> from) & 0xFFFF;
        atTheBoundary += on && u * mean == 65_536 ? 1 : 0;
        on = !on || u * mean >= 65_536; // in progress, it goes on while the draw is at least 1/mean
        long expected = on ? eventIncome : 950_000L;
        if (s.income[k * c.horizonMonths() + t] != expected) {
          fail("mean " + mean + ", path " + k + ", month " + (t + 1) + ": " + s.income[k * c.horizonMonths() + t]
              + " fen, the walk's " + expected + " (draw " + u + " of 65536)");
        }
      }
    }
    assertTrue(atTheBoundary > 0, "mean " + mean + ": no month at the boundary");
  }
}
