package io.github.fenqi.core.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.fenqi.core.money.Money;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * A job loss that replaces the whole income costs nothing and drives no default, but a shock expense in its months
 * still does: the plan fits every month without events (8 000 − 3 000 − 4 000 leaves 1 000), and a shock of 2 000 makes
 * it miss month 1 by 1 000. The shock had been hidden by the costless job loss, and the default put on the plan itself
 * ("mostly through plan too heavy"), though the path without its events pays every month.
 */
class StressCostlessJobLossDriverTest {
  private static final FinancialProfile STEADY = new FinancialProfile(Money.ofYuan(8_000), OptionalDouble.of(0),
      Money.ofYuan(3_000), Money.ZERO);
  private static final PlanCashflow PLAN = PlanCashflow.ofMonthlyTotals(Collections.nCopies(12, Money.ofYuan(4_000)),
      Money.ZERO);

  private static StressResult withJobLossAlways(double replacement, double dropProbability) {
    StressConfig c = StressConfig.builder().paths(100).jobLoss(1.0, 36, replacement)
        .incomeDrop(dropProbability, 0.5, 36).shockExpense(1.0, Money.ofYuan(2_000), 0).scenarios(List.of()).build();
    return StressTester.monteCarlo(c).test(STEADY, PLAN);
  }

  @Test
  void aShockInTheMonthsOfAJobLossThatReplacesTheWholeIncomeIsTheDriver() {
    for (double drop : new double[] {0, 1}) { // a drop does not apply during a job loss: not named either
      StressResult r = withJobLossAlways(1.0, drop);
      assertEquals(1.0, r.defaultProbability(), r.toString());
      assertEquals(Money.ofYuan(1_000), r.worstShortfall95(), r.toString());
      assertEquals(Optional.of(StressDriver.SHOCK_EXPENSE), r.dominantDriver(), r.toString());
      assertEquals(1.0, r.defaultsByDriver().get(StressDriver.SHOCK_EXPENSE), r.toString());
      assertEquals(0.0, r.defaultsByDriver().get(StressDriver.PLAN_TOO_HEAVY), r.toString());
      assertEquals(r, StressTester.monteCarlo(StressConfig.builder().paths(100).jobLoss(0, 36, 0)
          .incomeDrop(0, 0.5, 36).shockExpense(1.0, Money.ofYuan(2_000), 0).scenarios(List.of()).build())
          .test(STEADY, PLAN), "as if there were no job loss");
    }
  }

  @Test
  void aJobLossThatCostsEightYuanIsTheDriverBeforeTheShock() {
    StressResult r = withJobLossAlways(0.999, 0);
    assertEquals(Optional.of(StressDriver.JOB_LOSS), r.dominantDriver(), r.toString());
    assertEquals(1.0, r.defaultsByDriver().get(StressDriver.JOB_LOSS), r.toString());
  }
}
