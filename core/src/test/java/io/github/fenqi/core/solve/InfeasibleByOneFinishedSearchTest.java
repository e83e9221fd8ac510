package io.github.fenqi.core.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.solve.internal.MultipleChoiceKnapsack;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A case no plan fits is answered as infeasible when CONSERVATIVE's <em>or</em> BALANCED's search (both over every
 * option, with no floor) finished, even when the other one and the diagnosis's own search for the least first-month
 * total ran out of nodes: one finished search without a plan is the proof. Small node budgets leave exactly one of the
 * two finished on these cases; requiring both would answer them with a {@code SearchBudgetExhaustedException}.
 */
class InfeasibleByOneFinishedSearchTest {

  private static void assertInfeasibleByOneFinishedSearch(long seed, int debts, long budget, long savings, long nodes) {
    GridConfig config = ExactProposalSolverProperties.smallGrid().withMaxSearchNodes(nodes);
    List<DebtTerms> terms = ExactProposalSolverProperties.randomDebts(seed, debts, true);
    ProposalProblem problem = new ProposalProblem(terms, Money.ofFen(budget), Money.ofFen(savings), config,
        AcceptanceModel.defaults());
    List<OptionGrid> grids = problem.grids();
    boolean[] finished = new boolean[Strategy.values().length];
    for (Strategy s : List.of(Strategy.CONSERVATIVE, Strategy.BALANCED)) {
      MultipleChoiceKnapsack.Result r = MultipleChoiceKnapsack.solve(KnapsackGroups.of(problem, grids, s), budget,
          savings, nodes);
      assertTrue(r.best().isEmpty(), s + " found a plan");
      finished[s.ordinal()] = r.proven();
    }
    assertNotEquals(finished[Strategy.CONSERVATIVE.ordinal()], finished[Strategy.BALANCED.ordinal()],
        "the case no longer has exactly one of the two searches finished");
    assertEquals(-1, cheapestFitting(grids, 0, budget, savings), "a plan fits");

    ProposalSet set = ProposalSolver.exact().solve(problem);

    assertTrue(set.proposals().isEmpty());
    assertEquals(Infeasibility.BindingConstraint.BUDGET_AND_SAVINGS_TOGETHER, set.infeasibility().orElseThrow().binding());
  }

  /** Index of a fitting combination's first option (any), or −1 when no combination fits: brute force. */
  private static int cheapestFitting(List<OptionGrid> grids, int d, long budgetLeft, long savingsLeft) {
    if (d == grids.size()) {
      return 0;
    }
    OptionGrid g = grids.get(d);
    for (int i = 0; i < g.size(); i++) {
      if (g.firstInstallmentFen(i) <= budgetLeft && g.downPaymentFen(i) <= savingsLeft
          && cheapestFitting(grids, d + 1, budgetLeft - g.firstInstallmentFen(i),
              savingsLeft - g.downPaymentFen(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void balancedsFinishedSearchProvesItThoughConservativesRanOut() {
    assertInfeasibleByOneFinishedSearch(-1651965960826312228L, 3, 1_611_063, 1_415_178, 2);
  }

  @Test
  void conservativesFinishedSearchProvesItThoughBalancedsRanOut() {
    assertInfeasibleByOneFinishedSearch(-8898291947848927200L, 4, 2_826_860, 1_712_962, 3);
  }
}
