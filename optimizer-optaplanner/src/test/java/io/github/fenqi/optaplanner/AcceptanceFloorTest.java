package io.github.fenqi.optaplanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.solve.OptionGrid;
import io.github.fenqi.core.solve.Proposal;
import io.github.fenqi.core.solve.ProposalProblem;
import io.github.fenqi.core.solve.ProposalSet;
import io.github.fenqi.core.solve.ProposalSolver;
import io.github.fenqi.core.solve.Strategy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * AGGRESSIVE's acceptance floor is a hard constraint (README, Model): where no option of a debt reaches it there is no
 * AGGRESSIVE plan, however roomy the budget and savings, and the note says the exact solver has none either.
 */
class AcceptanceFloorTest {
  @Test
  void noAggressivePlanWhereNoOptionReachesTheFloor() {
    // budget and savings fit any option, so only the floor can rule out a plan
    ProposalProblem sample = ProposalProblem.of(OptaPlannerProposalSolverTest.sampleDebts(1), Money.of("1000000.00"),
        Money.of("1000000.00"));
    ProposalProblem problem = new ProposalProblem(sample.debts(), sample.monthlyBudget(), sample.liquidSavings(),
        sample.config().withAcceptanceFloor(0.99), sample.acceptanceModel());
    double most = problem.grids().stream().mapToDouble(g -> best(g)).min().orElseThrow();
    assertTrue(most < 0.99, "some debt has no option at the floor: " + most);
    ProposalSet exact = ProposalSolver.exact().solve(problem);
    ProposalSet opta = OptaPlannerProposalSolver.builder().deterministic(7, 20_000).build().solve(problem);
    assertEquals(List.of(Strategy.CONSERVATIVE, Strategy.BALANCED),
        exact.proposals().stream().map(Proposal::strategy).toList(), exact.notes().toString());
    assertEquals(List.of(Strategy.CONSERVATIVE, Strategy.BALANCED),
        opta.proposals().stream().map(Proposal::strategy).toList(), opta.notes().toString());
    assertTrue(opta.notes().get(Strategy.AGGRESSIVE).contains("the exact solver has none either"),
        opta.notes().get(Strategy.AGGRESSIVE));
    assertEquals(List.of(), problem.violations(opta));
  }

  private static double best(OptionGrid g) {
    double most = 0;
    for (int i = 0; i < g.size(); i++) {
      most = Math.max(most, g.acceptance(i));
    }
    return most;
  }
}
