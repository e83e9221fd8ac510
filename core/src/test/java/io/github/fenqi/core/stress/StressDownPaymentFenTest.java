package io.github.fenqi.core.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.fenqi.core.money.Money;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * Down payments one fen above the savings fail in month 0, on every path and in every scenario, however well the months
 * after would go; down payments equal to the savings leave the plan to its months. Every existing case was short by
 * 2 000 yuan: a tester that let a month's income cover a gap of 1 fen (a buffer of −1 fen taken as paid, in the paths or
 * in the scenarios) passed them all (mutation round 87, M8 and M10).
 */
class StressDownPaymentFenTest {
  private static final StressConfig QUIET = StressConfig.builder().paths(100).jobLoss(0, 3, 0).incomeDrop(0, 0.3, 4)
      .shockExpense(0, Money.ZERO, 0)
      .scenarios(List.of(new StressScenario("nothing happens", 1, 0, 1.0, Money.ZERO),
          new StressScenario("medical expense of 1.00 in month 2", 2, 0, 1.0, Money.ofYuan(1)))).build();

  /** An income far above the plan: only month 0 can fail. */
  private static final FinancialProfile RICH = new FinancialProfile(Money.ofYuan(50_000), OptionalDouble.of(0),
      Money.ofYuan(1_000), Money.ofYuan(12_000));

  private static final PlanCashflow DUE = PlanCashflow.ofMonthlyTotals(List.of(Money.ofYuan(100), Money.ofYuan(100)),
      Money.ofFen(1_200_001));

  @Test
  void downPaymentsAFenAboveTheSavingsFailInMonthZero() {
    for (int h : new int[] {6, 12}) {
      StressResult r = StressTester.monteCarlo(QUIET.toBuilder().horizonMonths(h).build()).test(RICH, DUE);
      assertEquals(1.0, r.defaultProbability(), r.toString());
      assertEquals(0.0, r.expectedFirstDefaultMonth().orElseThrow(), r.toString());
      assertEquals(Money.ofFen(1), r.worstShortfall95());
      assertEquals(RiskLevel.RED, r.level());
      assertEquals(Optional.of(StressDriver.PLAN_TOO_HEAVY), r.dominantDriver());
      r.scenarios().forEach(s -> assertEquals(Optional.of(0), s.failsInMonth(), s.toString()));
    }
  }

  @Test
  void downPaymentsEqualToTheSavingsLeaveThePlanToItsMonths() {
    PlanCashflow exact = PlanCashflow.ofMonthlyTotals(List.of(Money.ofYuan(100), Money.ofYuan(100)),
        Money.ofYuan(12_000));
    StressResult r = StressTester.monteCarlo(QUIET).test(RICH, exact);
    assertEquals(0.0, r.defaultProbability(), r.toString());
    assertEquals(RiskLevel.GREEN, r.level());
    r.scenarios().forEach(s -> assertEquals(Optional.empty(), s.failsInMonth(), s.toString()));
  }
}
