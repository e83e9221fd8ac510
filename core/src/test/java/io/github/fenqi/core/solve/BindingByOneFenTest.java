package io.github.fenqi.core.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.debt.DebtComponent;
import io.github.fenqi.core.debt.ProductType;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.money.Rate;
import io.github.fenqi.core.money.Ratio;
import io.github.fenqi.core.schedule.RepaymentMethod;
import io.github.fenqi.core.solve.Infeasibility.BindingConstraint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Savings a fen short of the least down payments bind on the savings, and the reason speaks of the budget only when it
 * is short too: a budget exactly at the least first-month total is not (it had been told "0.00 above the affordable",
 * too, had the comparison been at-or-above). A budget a fen short with savings enough is told the smallest possible
 * total alone, not of down payments beyond the savings.
 */
class BindingByOneFenTest {

  /** Two debts: 11 100.00 owed at 12 % with a 10 % least down payment, 5 200.00 owed with fees, 5 %. */
  private static final List<DebtTerms> DEBTS = List.of(
      terms("a", "10000.00", "800.00", List.of(3, 6, 9, 12), RepaymentMethod.EQUAL_INSTALLMENT, "0.12", "0", "0.5",
          "0.1"),
      terms("b", "5000.00", "200.00", List.of(6, 12, 18), RepaymentMethod.FEE_INSTALLMENT, "0", "0.005", "0.3",
          "0.05"));

  private static DebtTerms terms(String id, String principal, String penalty, List<Integer> months, RepaymentMethod m,
      String rate, String fee, String cap, String minDown) {
    Debt debt = new Debt(id, "demo", ProductType.ONLINE_LOAN, Money.of(principal), Money.ZERO, Money.of(penalty),
        Money.ZERO, Money.ZERO, Money.ZERO, Rate.of("0.2"), 60);
    return new DebtTerms(debt, "v1", months, m, Rate.of(rate), Rate.of(fee),
        Map.of(DebtComponent.PRINCIPAL, Ratio.of(cap), DebtComponent.PENALTY_INTEREST, Ratio.of(cap)),
        Ratio.of(minDown), false);
  }

  private static ProposalSet solve(long budget, long savings) {
    return ProposalSolver.exact().solve(new ProposalProblem(DEBTS, Money.ofFen(budget), Money.ofFen(savings),
        GridConfig.DEFAULTS, AcceptanceModel.defaults()));
  }

  @Test
  void aFenShortBindsTheConstraintThatIsShortAndNamesNoOther() {
    // least down payments by hand: a waives 50 % of 10 800.00, 5 400.00 settled, 10 % is 540.00; b waives 30 % of
    // 5 200.00, 3 640.00 settled, 5 % is 182.00
    long leastDown = 54_000 + 18_200;
    List<OptionGrid> grids = new ProposalProblem(DEBTS, Money.ZERO, Money.ZERO, GridConfig.DEFAULTS,
        AcceptanceModel.defaults()).grids();
    assertEquals(leastDown, grids.get(0).leastDownPaymentFen() + grids.get(1).leastDownPaymentFen());
    long leastFirst = grids.get(0).leastFirstInstallmentFen() + grids.get(1).leastFirstInstallmentFen();

    Infeasibility savingsShort = solve(leastFirst, leastDown - 1).infeasibility().orElseThrow();
    assertEquals(BindingConstraint.LIQUID_SAVINGS, savingsShort.binding());
    assertEquals(Money.ofFen(1), savingsShort.shortfall());
    assertFalse(savingsShort.reason().contains("affordable"), savingsShort.reason());

    Infeasibility both = solve(leastFirst - 1, leastDown - 1).infeasibility().orElseThrow();
    assertEquals(BindingConstraint.LIQUID_SAVINGS, both.binding());
    assertTrue(both.reason().endsWith(", 0.01 above the affordable " + Money.ofFen(leastFirst - 1) + ", too."),
        both.reason());

    // with savings enough, the least first-month total is the smallest possible one, and the reason says no more
    Infeasibility budgetShort = solve(leastFirst - 1, Long.MAX_VALUE / 4).infeasibility().orElseThrow();
    assertEquals(BindingConstraint.MONTHLY_BUDGET, budgetShort.binding());
    assertEquals(Money.ofFen(1), budgetShort.shortfall());
    assertEquals("The smallest possible first-month installments total " + Money.ofFen(leastFirst)
        + ", 0.01 above the affordable " + Money.ofFen(leastFirst - 1) + ".", budgetShort.reason());

    assertTrue(solve(leastFirst, Long.MAX_VALUE / 4).feasible(), "a budget at the least first-month total fits");
    assertTrue(solve(Long.MAX_VALUE / 4, leastDown).feasible(), "savings at the least down payments fit");
  }
}
