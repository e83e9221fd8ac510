package io.github.fenqi.core.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.money.Money;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * The deterministic scenarios run to the last month of the horizon, 6 to 12 months, each month adding income and
 * subtracting essentials, the scenario's expense and the installment, as the package documentation has the buffer.
 */
class StressScenarioMonthsTest {
  /** 9 500 of income, 3 800 of essentials and 1 000 due: 4 700 a month added to the buffer. */
  private static final FinancialProfile NO_SAVINGS = new FinancialProfile(Money.ofYuan(9_500), OptionalDouble.empty(),
      Money.ofYuan(3_800), Money.ZERO);
  private static final PlanCashflow PLAN = PlanCashflow.ofMonthlyTotals(Collections.nCopies(12, Money.ofYuan(1_000)),
      Money.ZERO);

  /**
   * An expense in the horizon's last month is charged there: 4 700·h yuan is paid from the buffer of month h to the
   * yuan, a yuan more fails the plan in month h, for the shortest horizon and the longest.
   */
  @Test
  void aScenarioInTheHorizonsLastMonthIsPlayedOutToIt() {
    for (int h : new int[] {6, 12}) {
      StressScenario justPaid = new StressScenario("paid in month " + h, h, 0, 1.0, Money.ofYuan(4_700L * h));
      StressScenario yuanMore = new StressScenario("a yuan more in month " + h, h, 0, 1.0, Money.ofYuan(4_700L * h + 1));
      StressConfig config = StressConfig.builder().paths(100).horizonMonths(h).scenarios(List.of(justPaid, yuanMore))
          .build();
      List<StressResult.ScenarioOutcome> outcomes = StressTester.monteCarlo(config).test(NO_SAVINGS, PLAN).scenarios();
      assertTrue(outcomes.get(0).passed(), outcomes.get(0).toString());
      assertEquals(Optional.of(h), outcomes.get(1).failsInMonth(), outcomes.get(1).toString());
    }
  }
}
