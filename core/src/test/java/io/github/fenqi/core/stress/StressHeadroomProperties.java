package io.github.fenqi.core.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.money.Money;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * What a user relies on of any stress test, whatever the figures: the same seed gives the same result from a tester
 * built anew, and a borrower with more headroom (more income, fewer essentials, more savings) is never riskier on the
 * same seed, path by path: the draws do not depend on the income, so each month's income can only rise with it.
 */
class StressHeadroomProperties {

  /** A volatility of 0 is drawn a third of the time: its incomes are exact, the other path through generation. */
  private static OptionalDouble volatility(int pick, double cv) {
    return pick == 0 ? OptionalDouble.empty() : pick == 1 ? OptionalDouble.of(0) : OptionalDouble.of(cv);
  }

  private static StressConfig config(long seed, int horizon) {
    // events frequent enough that every driver is met on a few hundred paths
    return StressConfig.builder().paths(300).seed(seed).horizonMonths(horizon).jobLoss(0.03, 3, 0.2)
        .incomeDrop(0.05, 0.4, 3).shockExpense(0.06, Money.ofYuan(4_000), 1.0).build();
  }

  @Property(tries = 60)
  void moreHeadroomIsNeverRiskier(@ForAll long seed, @ForAll @IntRange(min = 6, max = 12) int horizon,
      @ForAll @IntRange(max = 2) int pick, @ForAll @DoubleRange(max = 1.5) double cv,
      @ForAll @LongRange(max = 20_000) long income, @ForAll @LongRange(max = 12_000) long essentials,
      @ForAll @LongRange(max = 30_000) long savings, @ForAll @LongRange(max = 10_000) long monthly,
      @ForAll @IntRange(min = 1, max = 24) int months, @ForAll @LongRange(max = 10_000) long down,
      @ForAll @LongRange(max = 3_000) long moreIncome, @ForAll @LongRange(max = 3_000) long fewerEssentials,
      @ForAll @LongRange(max = 10_000) long moreSavings) {
    StressTester t = StressTester.monteCarlo(config(seed, horizon));
    PlanCashflow plan = PlanCashflow.ofMonthlyTotals(Collections.nCopies(months, Money.ofYuan(monthly)),
        Money.ofYuan(down));
    FinancialProfile tight = new FinancialProfile(Money.ofYuan(income), volatility(pick, cv), Money.ofYuan(essentials),
        Money.ofYuan(savings));
    FinancialProfile roomy = new FinancialProfile(Money.ofYuan(income + moreIncome), volatility(pick, cv),
        Money.ofYuan(Math.max(0, essentials - fewerEssentials)), Money.ofYuan(savings + moreSavings));
    StressResult a = t.test(tight, plan);
    StressResult b = t.test(roomy, plan);
    String what = tight + " vs " + roomy + ", " + plan + ": " + a + " vs " + b;
    assertTrue(b.defaultProbability() <= a.defaultProbability(), what);
    assertTrue(b.level().compareTo(a.level()) <= 0, what);
    for (int i = 0; i < a.scenarios().size(); i++) {
      StressResult.ScenarioOutcome was = a.scenarios().get(i);
      StressResult.ScenarioOutcome now = b.scenarios().get(i);
      assertTrue(now.passed() || now.failsInMonth().orElseThrow() >= was.failsInMonth().orElse(Integer.MAX_VALUE),
          what);
    }
  }

  /**
   * The same seed gives equal results from two testers built from configs made apart; every figure is one a user can
   * be shown: a share in 0..1, a first default month of the down payments' month 0 when they exceed the savings and
   * otherwise within the horizon's months, a shortfall not negative, the drivers' shares adding up to the probability.
   */
  @Property(tries = 60)
  void theSameSeedGivesTheSameFiguresAndEachIsOneToShow(@ForAll long seed,
      @ForAll @IntRange(min = 6, max = 12) int horizon, @ForAll @LongRange(max = 20_000) long income,
      @ForAll @LongRange(max = 12_000) long essentials, @ForAll @LongRange(max = 30_000) long savings,
      @ForAll @LongRange(max = 10_000) long monthly, @ForAll @IntRange(min = 1, max = 24) int months,
      @ForAll @LongRange(max = 10_000) long down) {
    FinancialProfile p = new FinancialProfile(Money.ofYuan(income), OptionalDouble.empty(), Money.ofYuan(essentials),
        Money.ofYuan(savings));
    PlanCashflow plan = PlanCashflow.ofMonthlyTotals(Collections.nCopies(months, Money.ofYuan(monthly)),
        Money.ofYuan(down));
    StressResult r = StressTester.monteCarlo(config(seed, horizon)).test(p, plan);
    assertEquals(r, StressTester.monteCarlo(config(seed, horizon)).compare(p, List.of(plan)).get(0));
    String what = p + ", " + plan + ": " + r;
    assertTrue(r.defaultProbability() >= 0 && r.defaultProbability() <= 1, what);
    assertFalse(r.worstShortfall95().isNegative(), what);
    if (r.defaultProbability() > 0) {
      double first = r.expectedFirstDefaultMonth().orElseThrow();
      if (down > savings) {
        assertEquals(0.0, first, what);
      } else {
        assertTrue(first >= 1 && first <= Math.min(horizon, months), what);
      }
    }
    double sum = r.defaultsByDriver().values().stream().mapToDouble(Double::doubleValue).sum();
    assertEquals(r.defaultProbability(), sum, 1e-9, what);
  }
}
