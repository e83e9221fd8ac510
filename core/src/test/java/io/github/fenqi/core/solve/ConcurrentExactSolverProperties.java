package io.github.fenqi.core.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fenqi.core.money.Money;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.lifecycle.AfterContainer;
import org.junit.jupiter.api.Test;

/** The exact solver with its three searches on an executor gives exactly what the sequential one gives. */
class ConcurrentExactSolverProperties {
  private static final ExecutorService POOL = Executors.newFixedThreadPool(3);

  @AfterContainer
  static void stop() {
    POOL.shutdownNow();
  }

  @Property(tries = 150)
  void sameProposalsAsTheSequentialSolver(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int debts,
      @ForAll @LongRange(min = 0, max = 3_000_000) long budget, @ForAll @LongRange(min = 0, max = 3_000_000) long savings) {
    List<DebtTerms> terms = ExactProposalSolverProperties.randomDebts(seed, debts, false);
    ProposalProblem problem = ProposalProblem.of(terms, Money.ofFen(budget), Money.ofFen(savings));
    assertEquals(ProposalSolver.exact().solve(problem), ProposalSolver.exact(POOL).solve(problem));
  }

  @Test
  void anExecutorThatRejectsTheWorkFailsTheCall() {
    ExecutorService closed = Executors.newSingleThreadExecutor();
    closed.shutdown();
    ProposalProblem problem = ProposalProblem.of(ExactProposalSolverProperties.randomDebts(7, 3, false),
        Money.ofFen(2_000_000), Money.ofFen(2_000_000));
    assertThrows(RejectedExecutionException.class, () -> ProposalSolver.exact(closed).solve(problem));
    assertThrows(NullPointerException.class, () -> ProposalSolver.exact(null));
  }
}
