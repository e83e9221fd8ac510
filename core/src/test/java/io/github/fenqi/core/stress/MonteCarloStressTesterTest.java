package io.github.fenqi.core.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.money.Money;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class MonteCarloStressTesterTest {
  private static final StressConfig FAST = StressConfig.builder().paths(2_000).build();

  private static FinancialProfile profile(long income, long essentials, long savings) {
    return new FinancialProfile(Money.ofYuan(income), OptionalDouble.empty(), Money.ofYuan(essentials), Money.ofYuan(savings));
  }

  private static PlanCashflow flat(long monthlyYuan, int months, long downYuan) {
    return PlanCashflow.ofMonthlyTotals(Collections.nCopies(months, Money.ofYuan(monthlyYuan)), Money.ofYuan(downYuan));
  }

  @Test
  void sameSeedGivesTheSameFigures() {
    StressTester t = StressTester.monteCarlo(FAST);
    StressResult a = t.test(profile(9500, 3800, 6000), flat(1100, 36, 1000));
    StressResult b = t.test(profile(9500, 3800, 6000), flat(1100, 36, 1000));
    assertEquals(a, b);
  }

  @Test
  void comfortablePlanIsGreenAndImpossiblePlanIsRedWithARecommendation() {
    StressTester t = StressTester.monteCarlo(FAST);
    StressResult easy = t.test(profile(9500, 3000, 30_000), flat(500, 36, 0));
    assertEquals(RiskLevel.GREEN, easy.level());
    assertTrue(easy.recommendation().isEmpty());
    StressResult hard = t.test(profile(9500, 3800, 0), flat(6500, 36, 0));
    assertEquals(RiskLevel.RED, hard.level());
    assertTrue(hard.defaultProbability() > 0.95, "−800 a month: only rare runs of high income noise survive");
    assertEquals(Optional.of(StressDriver.PLAN_TOO_HEAVY), hard.dominantDriver());
    assertTrue(hard.recommendation().orElseThrow().contains("restructuring"));
    // 9500 − 3800 − 6500 = −800 a month: only upward income noise delays the default past month 1
    assertTrue(hard.expectedFirstDefaultMonth().orElseThrow() < 3, hard.toString());
  }

  @Test
  void jobLossDominatesWhenItIsCertain() {
    StressConfig always = StressConfig.builder().paths(500).jobLoss(1.0, 12, 0).build();
    StressResult r = StressTester.monteCarlo(always).test(profile(9500, 3000, 5000), flat(1000, 12, 0));
    assertEquals(Optional.of(StressDriver.JOB_LOSS), r.dominantDriver());
    assertEquals(RiskLevel.RED, r.level());
  }

  /**
   * The recommendation names the dominant driver in plain words whatever the JVM's default locale: in Turkish,
   * {@code "INCOME_DROP".toLowerCase()} would begin with a dotless ı.
   */
  @Test
  void theDominantDriverIsNamedTheSameInAnyLocale() {
    StressConfig always = StressConfig.builder().paths(500).jobLoss(0, 3, 0).incomeDrop(1.0, 0.9, 12)
        .shockExpense(0, Money.ofYuan(3_000), 1.0).build();
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      StressResult r = StressTester.monteCarlo(always).test(profile(9500, 3000, 2000), flat(4000, 12, 0));
      assertEquals(Optional.of(StressDriver.INCOME_DROP), r.dominantDriver());
      assertEquals(RiskLevel.RED, r.level());
      assertTrue(r.recommendation().orElseThrow().contains("mostly through income drop."), r.recommendation().get());
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void deterministicScenariosPassOrFailAtAMonth() {
    StressResult r = StressTester.monteCarlo(FAST).test(profile(9500, 3800, 6000), flat(1140, 36, 0));
    // buffer after month 1: 6000 + 9500 − 3800 − 1140 = 10560; month 2 +4560 → 15120; month 3 − 20000 + 4560 < 0
    StressResult.ScenarioOutcome medical = r.scenarios().get(0);
    assertFalse(medical.passed());
    assertEquals(Optional.of(3), medical.failsInMonth());
    StressResult.ScenarioOutcome cut = r.scenarios().get(1);
    assertTrue(cut.passed(), "income −30 % still covers 3800 + 1140: " + cut);
    // no income in months 2–3: 10560 → 5620 → 680, then income returns: passes
    assertTrue(r.scenarios().get(2).passed());
    // without savings: 4560 after month 1, then 4560 − 4940 < 0 in month 2
    StressResult broke = StressTester.monteCarlo(FAST).test(profile(9500, 3800, 0), flat(1140, 36, 0));
    assertEquals(Optional.of(2), broke.scenarios().get(2).failsInMonth());
  }

  @Test
  void normalQuantilesMatchKnownValues() {
    assertEquals(0.0, MonteCarloStressTester.inverseNormal(0.5), 1e-12);
    assertEquals(1.959964, MonteCarloStressTester.inverseNormal(0.975), 1e-6);
    assertEquals(-2.326348, MonteCarloStressTester.inverseNormal(0.01), 1e-6);
  }

  @Test
  void defaultProbabilityMatchesTheAnalyticValueOfASimpleCase() {
    // only job loss, certain to last the horizon, no savings, plan = income − essentials: the path defaults
    // in the first month of job loss, so P(default within 6 months) = 1 − (1 − h)^6
    StressConfig c = StressConfig.builder().paths(200_000).horizonMonths(6).jobLoss(0.05, 36, 0)
        .shockExpense(0, Money.ZERO, 0).incomeDrop(0, 0, 1).defaultIncomeVolatility(0).build();
    StressResult r = StressTester.monteCarlo(c).test(profile(9000, 3000, 0), flat(6000, 12, 0));
    assertEquals(1 - Math.pow(0.95, 6), r.defaultProbability(), 0.003);
  }

  @Test
  void configErrorsNameTheField() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> StressConfig.builder().horizonMonths(24).thresholds(0.5, 0.2).build());
    assertEquals("horizonMonths", e.problems().get(0).location());
    assertEquals("greenThreshold", e.problems().get(1).location());
  }

  /** Common random numbers: a plan that is never dearer never defaults more often. */
  @Property(tries = 60)
  void cheaperEveryMonthNeverShowsAHigherDefaultProbability(@ForAll @IntRange(min = 6, max = 36) int months,
      @ForAll @LongRange(min = 0, max = 5000) long monthly, @ForAll @LongRange(min = 0, max = 2000) long cheaper,
      @ForAll @LongRange(min = 0, max = 20_000) long savings, @ForAll @LongRange(min = 0, max = 3000) long down) {
    StressConfig c = StressConfig.builder().paths(500).build();
    List<Money> dear = new ArrayList<>();
    List<Money> cheap = new ArrayList<>();
    for (int t = 0; t < months; t++) {
      dear.add(Money.ofYuan(monthly));
      cheap.add(Money.ofYuan(Math.max(0, monthly - (t % 3 == 0 ? cheaper : 0))));
    }
    List<StressResult> r = StressTester.monteCarlo(c).compare(profile(8000, 3500, savings),
        List.of(PlanCashflow.ofMonthlyTotals(dear, Money.ofYuan(down)), PlanCashflow.ofMonthlyTotals(cheap, Money.ofYuan(down / 2))));
    assertTrue(r.get(1).defaultProbability() <= r.get(0).defaultProbability(), r.toString());
  }
}
