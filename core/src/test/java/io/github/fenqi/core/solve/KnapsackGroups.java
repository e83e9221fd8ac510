package io.github.fenqi.core.solve;

import io.github.fenqi.core.solve.internal.MultipleChoiceKnapsack;
import java.util.List;

/**
 * The knapsack groups the exact solver builds for one strategy — weights, values and the shared weight order — for
 * tools that run {@link MultipleChoiceKnapsack} directly (the solver's work and proof reports in benchmarks). Lives
 * in the test-jar, in this package, because the solver's own construction is package-private.
 *
 * <p>Thread-safety: stateless.
 */
public final class KnapsackGroups {
  private KnapsackGroups() {}

  /** One strategy's groups for {@code grids} (the problem's, in order). */
  public static MultipleChoiceKnapsack.Group[] of(ProposalProblem problem, List<OptionGrid> grids, Strategy strategy) {
    return ExactProposalSolver.groups(strategy, grids, ExactProposalSolver.weights(grids), problem.config());
  }
}
