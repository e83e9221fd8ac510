package io.github.fenqi.core.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.debt.DebtComponent;
import io.github.fenqi.core.debt.ProductType;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.money.Rate;
import io.github.fenqi.core.money.Ratio;
import io.github.fenqi.core.schedule.RepaymentMethod;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The defaults and bounds {@link GridConfig} documents, each at its edge, and each strategy's objective as
 * {@link StrategyObjective} writes it: a slip of one (a default, a closed bound made open, the tie-break's 2n) had
 * passed every other test.
 */
class GridConfigDocumentedFiguresTest {

  @Test
  void theDefaultsAreTheDocumentedOnes() {
    GridConfig d = GridConfig.DEFAULTS;
    assertEquals(0.05, d.waiverStep(), "5 % waiver steps");
    assertEquals(List.of(DebtComponent.PENALTY_INTEREST, DebtComponent.COMPOUND_INTEREST, DebtComponent.LATE_FEES,
        DebtComponent.OTHER_FEES, DebtComponent.INTEREST, DebtComponent.PRINCIPAL), d.waiverPriority(),
        "penalty first and principal last");
    assertEquals(4, d.downPaymentLevels(), "four down-payment levels");
    assertEquals(0.05, d.downPaymentStep(), "5 % apart");
    assertEquals(0.3, d.acceptanceFloor(), "floor 0.3");
    assertEquals(0.01, d.lenderMonthlyDiscountRate(), "1 %/month");
    assertEquals(5_000_000L, d.maxSearchNodes(), "5 000 000 nodes");
  }

  @Test
  void eachBoundHoldsItsClosedEndAndRefusesJustPastIt() {
    GridConfig d = GridConfig.DEFAULTS;
    assertEquals(20, d.withDownPayments(20, 0.05).downPaymentLevels(), "1..20");
    assertRefused("downPaymentLevels", () -> d.withDownPayments(21, 0.05));
    assertEquals(0.0, d.withAcceptanceFloor(0).acceptanceFloor(), "[0, 1)");
    assertRefused("acceptanceFloor", () -> d.withAcceptanceFloor(1));
    assertEquals(1.0, d.withWaiverStep(1).waiverStep(), "[0.001, 1]");
    assertEquals(1.0, d.withDownPayments(4, 1).downPaymentStep(), "(0, 1]");
    assertRefused("downPaymentStep", () -> d.withDownPayments(4, 0));
    GridConfig edge = new GridConfig(0.05, d.waiverPriority(), 4, 0.05, 0.3, 0.2, 1);
    assertEquals(0.2, edge.lenderMonthlyDiscountRate(), "[0, 0.2]");
    assertEquals(0.0, new GridConfig(0.05, d.waiverPriority(), 4, 0.05, 0.3, 0, 1).lenderMonthlyDiscountRate());
    assertRefused("lenderMonthlyDiscountRate", () -> new GridConfig(0.05, d.waiverPriority(), 4, 0.05, 0.3, 0.2001, 1));
    assertRefused("maxSearchNodes", () -> d.withMaxSearchNodes(0));
  }

  private static void assertRefused(String field, org.junit.jupiter.api.function.Executable build) {
    assertEquals(field, assertThrows(InvalidInputException.class, build).problems().get(0).location());
  }

  @Test
  void eachStrategysObjectiveIsTheDocumentedFormula() {
    Debt debt = new Debt("d", "p", ProductType.CREDIT_CARD, Money.of("10000"), Money.of("800"), Money.of("300"),
        Money.ZERO, Money.ZERO, Money.ZERO, Rate.of("0.18"), 90);
    DebtTerms terms = new DebtTerms(debt, "v1", List.of(6, 12), RepaymentMethod.EQUAL_PRINCIPAL, Rate.ZERO, Rate.ZERO,
        Map.of(DebtComponent.PENALTY_INTEREST, Ratio.of("1"), DebtComponent.INTEREST, Ratio.of("0.5")), Ratio.of("0.1"),
        false);
    OptionGrid grid = OptionGrid.of(terms, GridConfig.DEFAULTS, AcceptanceModel.defaults());
    int debts = 3;
    // the floor at option 0's own acceptance: "p ≥ the floor" keeps that option
    GridConfig config = GridConfig.DEFAULTS.withAcceptanceFloor(grid.acceptance(0));
    double[] aggressive = StrategyObjective.values(Strategy.AGGRESSIVE, grid, config, debts);
    double[] conservative = StrategyObjective.values(Strategy.CONSERVATIVE, grid, config, debts);
    double[] balanced = StrategyObjective.values(Strategy.BALANCED, grid, config, debts);
    assertFalse(Double.isNaN(aggressive[0]), "an option at exactly the floor is allowed");
    for (int i = 0; i < grid.size(); i++) {
      double p = grid.acceptance(i);
      if (p >= config.acceptanceFloor()) {
        assertEquals(-grid.totalPayableFen(i) + p / (2 * debts), aggressive[i], 1e-6, "−totalPayable + p/(2n)");
      } else {
        assertEquals(Double.NaN, aggressive[i], "below the floor: not allowed");
      }
      assertEquals(Math.log(p), conservative[i], 1e-12, "ln p");
      assertEquals(p * (grid.totalOwedFen() - grid.totalPayableFen(i)), balanced[i], 1e-6, "p × (owed − payable)");
    }
  }
}
