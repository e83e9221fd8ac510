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
 * The hard score may only be penalised (README, Hard penalties): a user constraint whose hard total is positive in a
 * best plan fails the solve, however small the reward, since any reward can pay for breaking the budget by as much.
 */
class HardRewardOfOneTest {
  /** Rewards every lender with one unit of the hard score: +3 on the sample case, whatever the plan. */
  public static final class RewardsOneHardPerLender implements ProposalConstraint {
    static final String NAME = "one hard unit per lender";

    @Override
    public Constraint define(ConstraintFactory f) {
      return f.forEach(DebtChoice.class).rewardLong(HardSoftLongScore.ONE_HARD, c -> 1L).asConstraint(NAME);
    }
  }

  /** Rewards every plan with a single unit of the hard score: +1 in all, the smallest reward there is. */
  public static final class RewardsOneHardPerPlan implements ProposalConstraint {
    static final String NAME = "one hard unit per plan";

    @Override
    public Constraint define(ConstraintFactory f) {
      return f.forEach(ProposalLimits.class).rewardLong(HardSoftLongScore.ONE_HARD, limits -> 1L).asConstraint(NAME);
    }
  }

  @Test
  void aHardRewardOfOneUnitIsNamed() {
    assertRefused(RewardsOneHardPerLender.class, RewardsOneHardPerLender.NAME, 3);
  }

  /** The reward above totals +3, so a check letting a total of +1 through (a fen over the budget) went unnoticed. */
  @Test
  void aHardRewardOfOneUnitInAllIsNamed() {
    assertRefused(RewardsOneHardPerPlan.class, RewardsOneHardPerPlan.NAME, 1);
  }

  private static void assertRefused(Class<? extends ProposalConstraint> constraint, String name, long reward) {
    ProposalProblem sample = ProposalProblem.of(OptaPlannerProposalSolverTest.sampleDebts(1), Money.of("5040.00"),
        Money.of("12000.00"));
    ComponentContractException e = assertThrows(ComponentContractException.class, () -> OptaPlannerProposalSolver
        .builder().deterministic(7, 1_000).constraint(constraint).build().solve(sample));
    assertEquals("a user constraint (\"" + name + "\")", e.component());
    assertEquals("hard score", e.problems().get(0).location());
    assertTrue(e.getMessage().contains("rewards the hard score (+" + reward + " in the best plan)"), e.getMessage());
  }
}
