package io.github.fenqi.core.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.money.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * AGGRESSIVE uses options whose acceptance is <em>at least</em> the floor ({@link GridConfig#acceptanceFloor}): an
 * option exactly at it is allowed, one a hair below is not. A model of one constant probability puts every option on
 * the chosen side of the floor, which a model's continuous figures almost never hit exactly.
 */
class AcceptanceFloorBoundaryTest {

  private static final double FLOOR = 0.5;

  private static ProposalSet solveWithEveryOptionAt(double probability) {
    List<DebtTerms> debts = ExactProposalSolverProperties.randomDebts(7, 2, true);
    GridConfig config = ExactProposalSolverProperties.smallGrid().withAcceptanceFloor(FLOOR);
    ProposalProblem problem = new ProposalProblem(debts, Money.ofYuan(10_000_000), Money.ofYuan(10_000_000), config,
        features -> probability);
    return ProposalSolver.exact().solve(problem);
  }

  @Test
  void optionsExactlyAtTheFloorAreAggressivesToChoose() {
    ProposalSet set = solveWithEveryOptionAt(FLOOR);
    Proposal aggressive = set.proposal(Strategy.AGGRESSIVE).orElseThrow(
        () -> new AssertionError("no AGGRESSIVE plan with every option at the floor: " + set.notes()));
    for (PlanOption option : aggressive.plans()) {
      assertEquals(FLOOR, option.acceptanceProbability());
    }
  }

  @Test
  void optionsJustBelowTheFloorLeaveAggressiveWithoutAPlanAndSaySo() {
    ProposalSet set = solveWithEveryOptionAt(Math.nextDown(FLOOR));
    assertTrue(set.proposal(Strategy.AGGRESSIVE).isEmpty());
    assertTrue(set.proposal(Strategy.CONSERVATIVE).isPresent(), "the floor is AGGRESSIVE's alone");
    assertTrue(set.notes().get(Strategy.AGGRESSIVE).contains("acceptance at or above " + FLOOR),
        set.notes().toString());
  }
}
