package io.github.fenqi.core.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.debt.ProductType;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.money.Rate;
import io.github.fenqi.core.money.Ratio;
import io.github.fenqi.core.schedule.RepaymentMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * AGGRESSIVE's objective ({@link StrategyObjective}) is −totalPayable + p/(2n): among equally cheap plans the more
 * acceptable one wins, and the acceptance term, below one fen in total, never buys a dearer plan. The solver's
 * brute-force property compares objectives to a relative 10⁻⁶, far coarser than that term, so neither had a test.
 */
class AggressiveTieBreakTest {

  /** Interest-free, nothing waivable: every option of the debt costs exactly what is owed. */
  private static DebtTerms interestFree(String id, long principalFen) {
    Debt debt = new Debt(id, "p", ProductType.CREDIT_CARD, Money.ofFen(principalFen), Money.ZERO, Money.ZERO,
        Money.ZERO, Money.ZERO, Money.ZERO, Rate.of("0.18"), 120);
    return new DebtTerms(debt, "v1", List.of(3, 6, 12), RepaymentMethod.INTEREST_FREE, Rate.ZERO, Rate.ZERO, Map.of(),
        Ratio.ZERO, false);
  }

  /** Longer terms are likelier accepted: 0.35 at 3 of 12 months up to 0.8 at 12. */
  private static final AcceptanceModel BY_TERM = f -> 0.2 + 0.6 * f.termOfMax();

  @Test
  void amongEquallyCheapPlansAggressiveTakesTheMostAcceptableOne() {
    List<DebtTerms> debts = List.of(interestFree("a", 1_200_000), interestFree("b", 360_000));
    ProposalProblem problem = new ProposalProblem(debts, Money.ofYuan(1_000_000), Money.ofYuan(1_000_000),
        GridConfig.DEFAULTS, BY_TERM);
    double most = 0;
    for (OptionGrid grid : problem.grids()) {
      double best = 0;
      for (int i = 0; i < grid.size(); i++) {
        assertEquals(grid.totalOwedFen(), grid.totalPayableFen(i), "every option is equally cheap");
        best = Math.max(best, grid.acceptance(i));
      }
      most += best;
    }
    Proposal aggressive = ProposalSolver.exact().solve(problem).proposal(Strategy.AGGRESSIVE).orElseThrow();
    double sum = 0;
    for (PlanOption plan : aggressive.plans()) {
      assertEquals(12, plan.term(), plan.toString());
      sum += plan.acceptanceProbability();
    }
    assertEquals(most, sum, 1e-12);
  }

  @Test
  void theAcceptanceTermTotalsBelowOneFenWhateverTheNumberOfDebts() {
    for (int n = 1; n <= 6; n++) {
      List<DebtTerms> debts = new ArrayList<>();
      for (int d = 0; d < n; d++) {
        debts.add(interestFree("d" + d, 100_000 + d));
      }
      ProposalProblem problem = new ProposalProblem(debts, Money.ZERO, Money.ZERO, GridConfig.DEFAULTS, f -> 1.0);
      List<OptionGrid> grids = problem.grids();
      double acceptanceTerm = 0;
      for (OptionGrid grid : grids) {
        double[] values = StrategyObjective.values(Strategy.AGGRESSIVE, grid, problem.config(), n);
        double most = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < grid.size(); i++) {
          most = Math.max(most, values[i] + grid.totalPayableFen(i));
        }
        acceptanceTerm += most;
      }
      assertTrue(acceptanceTerm > 0 && acceptanceTerm < 1, n + " debts: " + acceptanceTerm + " fen");
    }
  }
}
