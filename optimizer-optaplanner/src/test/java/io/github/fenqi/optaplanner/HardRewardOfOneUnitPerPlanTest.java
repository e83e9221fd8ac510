package io.github.fenqi.optaplanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.ComponentContractException;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.solve.ProposalProblem;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;

/**
 * The smallest hard reward, one unit for a whole plan, fails the solve as a larger one does (README, Hard penalties):
 * it pays for a plan one fen above the budget. {@link HardRewardOfOneTest}'s reward totals +3, so a check that let a
 * total of +1 through went unnoticed.
 */
class HardRewardOfOneUnitPerPlanTest {
  /** Rewards every plan with a single unit of the hard score. */
  public static final class RewardsOneHardPerPlan implements ProposalConstraint {
    static final String NAME = "one hard unit per plan";

    @Override
    public Constraint define(ConstraintFactory f) {
      return f.forEach(ProposalLimits.class).rewardLong(HardSoftLongScore.ONE_HARD, limits -> 1L).asConstraint(NAME);
    }
  }

  @Test
  void aHardRewardOfOneUnitInAllIsNamed() {
    ProposalProblem sample = ProposalProblem.of(OptaPlannerProposalSolverTest.sampleDebts(1), Money.of("5040.00"),
        Money.of("12000.00"));
    ComponentContractException e = assertThrows(ComponentContractException.class, () -> OptaPlannerProposalSolver
        .builder().deterministic(7, 1_000).constraint(RewardsOneHardPerPlan.class).build().solve(sample));
    assertEquals("a user constraint (\"" + RewardsOneHardPerPlan.NAME + "\")", e.component());
    assertEquals("hard score", e.problems().get(0).location());
    assertTrue(e.getMessage().contains("rewards the hard score (+1 in the best plan)"), e.getMessage());
  }
}
