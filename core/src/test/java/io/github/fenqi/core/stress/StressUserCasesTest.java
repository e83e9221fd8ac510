package io.github.fenqi.core.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.fenqi.core.money.Money;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * Cases a user meets through the public API at the edges of the model: a month that takes every fen, a borrower with
 * no savings, a plan longer than the horizon.
 */
class StressUserCasesTest {
  /** No events and no income noise: every path is the declared figures, month by month. */
  private static final StressConfig QUIET = StressConfig.builder().paths(100).jobLoss(0, 3, 0).incomeDrop(0, 0.3, 4)
      .shockExpense(0, Money.ZERO, 0).build();

  /**
   * A borrower with no savings whose first installment takes every fen of the month's income left after essentials
   * pays it (the buffer ends the month at exactly 0), on the shortest horizon and the longest; a fen more is missed on
   * every path in month 1, short by that fen. The deterministic scenarios start from the same empty buffer and are not
   * failed in month 0.
   */
  @Test
  void aFirstMonthThatTakesEveryFenLeftIsPaidAndAFenMoreIsMissed() {
    FinancialProfile noSavings = new FinancialProfile(Money.ofFen(950_001), OptionalDouble.of(0), Money.ofFen(380_000),
        Money.ZERO);
    for (int h : new int[] {6, 12}) {
      StressConfig c = QUIET.toBuilder().horizonMonths(h)
          .scenarios(List.of(new StressScenario("nothing happens", 1, 0, 1.0, Money.ZERO))).build();
      StressResult paid = StressTester.monteCarlo(c).test(noSavings,
          PlanCashflow.ofMonthlyTotals(List.of(Money.ofFen(570_001)), Money.ZERO));
      assertEquals(0.0, paid.defaultProbability(), paid.toString());
      assertEquals(RiskLevel.GREEN, paid.level());
      assertEquals(Optional.empty(), paid.scenarios().get(0).failsInMonth(), paid.toString());
      StressResult fenMore = StressTester.monteCarlo(c).test(noSavings,
          PlanCashflow.ofMonthlyTotals(List.of(Money.ofFen(570_002)), Money.ZERO));
      assertEquals(1.0, fenMore.defaultProbability(), fenMore.toString());
      assertEquals(1.0, fenMore.expectedFirstDefaultMonth().orElseThrow());
      assertEquals(Money.ofFen(1), fenMore.worstShortfall95());
      assertEquals(Optional.of(1), fenMore.scenarios().get(0).failsInMonth(), fenMore.toString());
    }
  }

  /**
   * A 60-month plan on a 6-month horizon is judged on its first six months alone, whatever falls due after them: its
   * figures, with the default events and noise, are those of the plan cut to six months.
   */
  @Test
  void aSixtyMonthPlanOnASixMonthHorizonIsJudgedOnItsFirstSixMonths() {
    List<Money> sixty = new ArrayList<>(Collections.nCopies(6, Money.ofYuan(3_000)));
    sixty.addAll(Collections.nCopies(54, Money.ofYuan(1_000_000)));
    FinancialProfile p = new FinancialProfile(Money.ofYuan(9_500), OptionalDouble.empty(), Money.ofYuan(3_800),
        Money.ofYuan(3_000));
    StressTester t = StressTester.monteCarlo(StressConfig.builder().paths(2_000).horizonMonths(6).build());
    StressResult long60 = t.test(p, PlanCashflow.ofMonthlyTotals(sixty, Money.ZERO));
    StressResult cut = t.test(p, PlanCashflow.ofMonthlyTotals(sixty.subList(0, 6), Money.ZERO));
    assertEquals(cut, long60);
    // and the horizon's last month counts: the same plan owing the million in month 6 fails on every path there
    sixty.set(5, Money.ofYuan(1_000_000));
    StressResult heavy = t.test(p, PlanCashflow.ofMonthlyTotals(sixty, Money.ZERO));
    assertNotEquals(cut.defaultProbability(), heavy.defaultProbability());
    assertEquals(1.0, heavy.defaultProbability(), heavy.toString());
  }

  /** The same case twice, from one tester or two built from equal configs, gives equal results. */
  @Test
  void theSameCaseTwiceGivesTheSameResult() {
    FinancialProfile p = new FinancialProfile(Money.ofYuan(9_500), OptionalDouble.of(0.2), Money.ofYuan(3_800),
        Money.ZERO);
    PlanCashflow plan = PlanCashflow.ofMonthlyTotals(Collections.nCopies(12, Money.ofYuan(4_000)), Money.ZERO);
    StressConfig c = StressConfig.builder().paths(2_000).seed(7).build();
    StressResult first = StressTester.monteCarlo(c).test(p, plan);
    assertEquals(first, StressTester.monteCarlo(c).test(p, plan));
    assertEquals(first, StressTester.monteCarlo(c.toBuilder().build()).test(p, plan));
  }
}
