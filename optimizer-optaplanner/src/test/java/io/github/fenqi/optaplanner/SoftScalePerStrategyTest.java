package io.github.fenqi.optaplanner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.solve.ProposalProblem;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;

/**
 * The soft score's units per strategy (README, Model): AGGRESSIVE's and BALANCED's fen-valued objectives × 10³,
 * CONSERVATIVE's Σ ln p × 10⁹, on a case far below the range where the factor shrinks. The units are what a user
 * constraint's soft penalty is weighed in; at × 1 AGGRESSIVE's acceptance tie-break (below one fen) rounded away and a
 * soft penalty of 1 000 units weighed ten yuan instead of one fen, and no other test noticed.
 */
class SoftScalePerStrategyTest {
  /** Records the factor of every choice it sees and penalises nothing. */
  record ScaleRecorder(Set<Double> scales) implements ProposalConstraint {
    @Override
    public Constraint define(ConstraintFactory f) {
      return f.forEach(DebtChoice.class).filter(c -> {
        scales.add(c.scale());
        return false;
      })
          .penalizeLong(HardSoftLongScore.ONE_SOFT, c -> 1).asConstraint("records the soft scale");
    }
  }

  @Test
  void fenObjectivesAreScaledByAThousandAndLogProbabilitiesByABillion() {
    Set<Double> scales = new ConcurrentSkipListSet<>();
    ProposalProblem problem = ProposalProblem.of(OptaPlannerProposalSolverTest.sampleDebts(1), Money.of("5040.00"),
        Money.of("12000.00"));
    OptaPlannerProposalSolver.builder().deterministic(7, 2_000).constraint(new ScaleRecorder(scales)).build()
        .solve(problem);
    assertEquals(new TreeSet<>(Set.of(1e3, 1e9)), new TreeSet<>(scales));
  }
}
