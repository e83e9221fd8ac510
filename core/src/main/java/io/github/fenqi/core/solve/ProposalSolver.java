package io.github.fenqi.core.solve;

/**
 * Finds the three proposals of a {@link ProposalProblem} (design-card interface). Implementations must
 * respect every hard constraint: every option within its policy, Σ first installments ≤ the monthly budget,
 * Σ down payments ≤ liquid savings; an infeasible case is an answer with its reason, not an exception.
 *
 * <p>Implementations must be thread-safe.
 */
public interface ProposalSolver {

  /** The three strategies' proposals, or why there are none. */
  ProposalSet solve(ProposalProblem problem);

  /** The exact default solver: the optimum of every strategy on the option grid. */
  static ProposalSolver exact() {
    return new ExactProposalSolver();
  }
}
