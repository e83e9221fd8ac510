package io.github.fenqi.core.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.money.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The defaults {@link StressConfig} and {@link StressScenario#defaults()} document, and a negative shock median refused. */
class StressDefaultsTest {

  /** As StressConfig's Javadoc gives them: 12 months, 10 000 paths, the event model's figures, GREEN ≤ 10 %, RED > 30 %. */
  @Test
  void theConfigDefaultsAreTheDocumentedOnes() {
    StressConfig c = StressConfig.DEFAULTS;
    assertEquals(List.of(12, 10_000), List.of(c.horizonMonths(), c.paths()));
    assertEquals(List.of(0.01, 3.0, 0.0), List.of(c.jobLossMonthlyHazard(), c.jobLossMeanMonths(),
        c.jobLossIncomeReplacement()));
    assertEquals(List.of(0.02, 1.0), List.of(c.shockExpenseMonthlyProbability(), c.shockExpenseLogSd()));
    assertEquals(Money.ofYuan(3_000), c.shockExpenseMedian());
    assertEquals(List.of(0.02, 0.3, 4.0), List.of(c.incomeDropMonthlyProbability(), c.incomeDropSize(),
        c.incomeDropMeanMonths()));
    assertEquals(List.of(0.15, 0.10, 0.30), List.of(c.defaultIncomeVolatility(), c.greenThreshold(), c.redThreshold()));
    assertEquals(StressScenario.defaults(), c.scenarios());
  }

  /** Medical expense of 20 000 in month 3; income −30 % from month 2 to the horizon; no income in months 2 and 3. */
  @Test
  void theScenarioDefaultsAreTheDocumentedOnes() {
    List<StressScenario> s = StressScenario.defaults();
    assertEquals(3, s.size());
    assertEquals(List.of(3, 0, 1.0, Money.ofYuan(20_000)), List.of(s.get(0).fromMonth(), s.get(0).months(),
        s.get(0).incomeFactor(), s.get(0).extraExpense()));
    assertEquals(List.of(2, 0.7, Money.ZERO), List.of(s.get(1).fromMonth(), s.get(1).incomeFactor(), s.get(1).extraExpense()));
    assertEquals(true, s.get(1).months() >= 12, "to the end of any horizon");
    assertEquals(List.of(2, 2, 0.0, Money.ZERO), List.of(s.get(2).fromMonth(), s.get(2).months(), s.get(2).incomeFactor(),
        s.get(2).extraExpense()));
  }

  /**
   * A variant built from a config ({@code toBuilder}, as the Javadoc offers) starts from every one of its parameters,
   * each of them here unlike the default's, not from the defaults.
   */
  @Test
  void aConfigsBuilderStartsFromEveryOneOfItsParameters() {
    StressConfig c = new StressConfig(7, 1_234, 42L, 0.03, 5.0, 0.4, 0.05, Money.ofYuan(1_000), 0.5, 0.04, 0.2, 6.0,
        0.25, 0.05, 0.2, List.of(StressScenario.defaults().get(0)));
    assertEquals(c, c.toBuilder().build());
  }

  @Test
  void aNegativeShockMedianIsRefusedNamingIt() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> StressConfig.builder().shockExpense(0.02, Money.ofYuan(-1), 1.0).build());
    assertEquals("shockExpenseMedian", e.problems().get(0).location());
  }
}
