package io.github.fenqi.core.stress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fenqi.core.money.Money;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Immutable as documented: a {@link StressConfig} keeps its own copy of the scenarios it was built with, and a
 * {@link PlanCashflow} its own months ("the array is copied in and out"), whatever the caller does with theirs after.
 */
class StressInputsCopiedTest {

  @Test
  void aConfigKeepsTheScenariosItWasBuiltWith() {
    List<StressScenario> given = new ArrayList<>(StressScenario.defaults());
    StressConfig config = StressConfig.builder().scenarios(given).build();
    given.clear();
    assertEquals(StressScenario.defaults(), config.scenarios());
    assertThrows(UnsupportedOperationException.class, () -> config.scenarios().remove(0));
  }

  @Test
  void aPlansMonthsAreCopiedOut() {
    PlanCashflow plan = PlanCashflow.ofMonthlyTotals(List.of(Money.ofYuan(100), Money.ofYuan(200)), Money.ZERO);
    plan.monthlyFen()[0] = 0;
    assertArrayEquals(new long[] {10_000, 20_000}, plan.monthlyFen());
    assertEquals(10_000, plan.dueFen(1));
  }
}
