package io.github.fenqi.optaplanner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.solve.Proposal;
import io.github.fenqi.core.solve.ProposalProblem;
import io.github.fenqi.core.solve.ProposalSolver;
import io.github.fenqi.core.solve.Strategy;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;

/**
 * CONSERVATIVE's soft score is Σ ln p × 10⁹ (README, Model), so a user constraint's soft penalty of 1 000 units
 * weighs a millionth of ln p: on the sample case it leaves CONSERVATIVE's plan the exact optimum. At × 10³ the same penalty
 * weighed a whole unit of ln p and the plan gave up a down payment for 1.7 % of its acceptance probability.
 */
class SoftScoreUnitsTest {
  /** A light soft penalty on every down payment. */
  record SoftPenaltyPerDownPayment(long units) implements ProposalConstraint {
    @Override
    public Constraint define(ConstraintFactory f) {
      return f.forEach(DebtChoice.class).filter(c -> c.downPaymentFen() > 0)
          .penalizeLong(HardSoftLongScore.ONE_SOFT, c -> units).asConstraint("fewer down payments, lightly");
    }
  }

  @Test
  void aThousandSoftUnitsWeighAMillionthOfConservativesLogProbability() {
    ProposalProblem problem = ProposalProblem.of(OptaPlannerProposalSolverTest.sampleDebts(1), Money.of("5040.00"),
        Money.of("12000.00"));
    Proposal exact = ProposalSolver.exact().solve(problem).proposal(Strategy.CONSERVATIVE).orElseThrow();
    Proposal opta = OptaPlannerProposalSolver.builder().deterministic(7, 20_000)
        .constraint(new SoftPenaltyPerDownPayment(1_000)).build().solve(problem).proposal(Strategy.CONSERVATIVE)
        .orElseThrow();
    assertEquals(exact.acceptanceProbability(), opta.acceptanceProbability(), 1e-12, opta.plans().toString());
  }
}
