package io.github.fenqi.core.solve;

import java.util.Objects;
import java.util.concurrent.Executor;

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

  /**
   * The exact default solver: the optimum of every strategy on the option grid. Its {@code solve} throws a
   * {@link io.github.fenqi.core.SearchBudgetExhaustedException} (budget and strategy) when {@code
   * config.maxSearchNodes} runs out before any plan is found or ruled out, rather than call a case that may fit
   * infeasible.
   */
  static ProposalSolver exact() {
    return new ExactProposalSolver(null);
  }

  /**
   * The exact solver with the three strategies' searches run concurrently on {@code executor} (the grids are still
   * built once, on the calling thread): the same proposals as {@link #exact()}, in less wall-clock time when the
   * executor has idle cores — about 1.3× on 2 cores for a 20-debt case (benchmarks/README.md). For latency at low
   * load: a server already busy with many cases gains no throughput from it. The calling thread waits for the
   * three; an executor that rejects a task, or a search that fails, fails the call.
   */
  static ProposalSolver exact(Executor executor) {
    return new ExactProposalSolver(Objects.requireNonNull(executor, "executor"));
  }
}
