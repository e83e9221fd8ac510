package io.github.fenqi.core.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.fenqi.core.money.Money;
import org.junit.jupiter.api.Test;

/** A scenario's income is floor(income × factor) to the fen, as {@link StressScenario} documents: never rounded up. */
class StressScenarioIncomeTest {
  @Test
  void aScenariosIncomeIsRoundedDownToTheFen() {
    StressScenario cut = new StressScenario("cut", 1, 1, 0.7, Money.ZERO);
    assertEquals(0, cut.reducedIncome(1), "0.7 fen is 0 fen");
    assertEquals(6, cut.reducedIncome(9), "6.3 fen is 6 fen");
    assertEquals(114_730, cut.reducedIncome(163_900));
    assertEquals(1_049, new StressScenario("cut", 1, 1, 0.15, Money.ZERO).reducedIncome(6_999), "1 049.85 fen is 1 049");
  }
}
