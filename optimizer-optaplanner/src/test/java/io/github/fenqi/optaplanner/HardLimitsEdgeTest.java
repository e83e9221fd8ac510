package io.github.fenqi.optaplanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.solve.Proposal;
import io.github.fenqi.core.solve.ProposalProblem;
import io.github.fenqi.core.solve.ProposalSet;
import io.github.fenqi.core.solve.ProposalSolver;
import io.github.fenqi.core.solve.Strategy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The budget and the savings are hard to the fen (README, Model: Σ first installments ≤ budget, Σ down payments ≤
 * savings): with one of them a single fen below what a strategy's unconstrained optimum needs, that optimum is out of
 * reach, and no proposal goes over by even a fen, though going over would score better.
 */
class HardLimitsEdgeTest {
  private static final List<io.github.fenqi.core.solve.DebtTerms> SAMPLE = OptaPlannerProposalSolverTest.sampleDebts(1);
  private static final Money ROOMY = Money.of("1000000.00");

  @ParameterizedTest
  @EnumSource(Strategy.class)
  void aBudgetOneFenShortOfTheOptimumIsNotExceeded(Strategy strategy) {
    Proposal free = ProposalSolver.exact().solve(ProposalProblem.of(SAMPLE, ROOMY, ROOMY)).proposal(strategy).orElseThrow();
    Money budget = Money.ofFen(free.totalFirstMonthInstallment().fen() - 1);
    assertWithin(ProposalProblem.of(SAMPLE, budget, ROOMY), strategy, free);
  }

  @ParameterizedTest
  @EnumSource(Strategy.class)
  void savingsOneFenShortOfTheOptimumAreNotExceeded(Strategy strategy) {
    Proposal free = ProposalSolver.exact().solve(ProposalProblem.of(SAMPLE, ROOMY, ROOMY)).proposal(strategy).orElseThrow();
    assertTrue(free.totalDownPayment().isPositive(), "the optimum has down payments to cut: " + free.totalDownPayment());
    Money savings = Money.ofFen(free.totalDownPayment().fen() - 1);
    assertWithin(ProposalProblem.of(SAMPLE, ROOMY, savings), strategy, free);
  }

  /**
   * A budget one fen below the least Σ first installments admits no plan, and OptaPlanner's best plan then breaks it by
   * a single fen (a hard score of -1): that is infeasible as any larger excess is, and the answer is the exact solver's
   * shortfall of 0.01, not a proposal one fen over the budget.
   */
  @Test
  void aBudgetOneFenBelowTheLeastPlanIsInfeasible() {
    long least = ProposalProblem.of(SAMPLE, ROOMY, ROOMY).grids().stream().mapToLong(g -> {
      long min = Long.MAX_VALUE;
      for (int i = 0; i < g.size(); i++) {
        min = Math.min(min, g.firstInstallmentFen(i));
      }
      return min;
    }).sum();
    ProposalProblem problem = ProposalProblem.of(SAMPLE, Money.ofFen(least - 1), ROOMY);
    ProposalSet exact = ProposalSolver.exact().solve(problem);
    assertEquals(Money.ofFen(1), exact.infeasibility().orElseThrow().shortfall(), exact.notes().toString());
    ProposalSet opta = OptaPlannerProposalSolver.builder().deterministic(7, 20_000).build().solve(problem);
    assertEquals(List.of(), opta.proposals(), opta.notes().toString());
    assertEquals(exact.infeasibility(), opta.infeasibility());
  }

  private static void assertWithin(ProposalProblem problem, Strategy strategy, Proposal free) {
    ProposalSet opta = OptaPlannerProposalSolver.builder().deterministic(7, 20_000).build().solve(problem);
    Proposal p = opta.proposal(strategy).orElseThrow(() -> new AssertionError(opta.notes().toString()));
    assertNotEquals(free.plans(), p.plans(), "the unconstrained optimum is out of reach");
    assertEquals(List.of(), problem.violations(opta), opta.notes().toString());
  }
}
