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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

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

  /**
   * The budget's and the savings' hard penalties are the excess in fen: a limit 1.00 below the least Σ first
   * installments (or down payments) leaves every plan at least 100 fen over, and the best plan's hard score says so.
   * A penalty of one unit whatever the excess would leave local search no way to tell a plan 1.00 over from one
   * 10 000.00 over while it repairs (both mutants had survived every test).
   */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void theHardPenaltyIsTheExcessInFen(boolean budget) {
    long least = ProposalProblem.of(SAMPLE, ROOMY, ROOMY).grids().stream()
        .mapToLong(g -> budget ? g.leastFirstInstallmentFen() : g.leastDownPaymentFen()).sum();
    assertTrue(least >= 100, "the sample case has amounts to fall short of: " + least);
    Money short100 = Money.ofFen(least - 100);
    ProposalProblem problem = budget ? ProposalProblem.of(SAMPLE, short100, ROOMY)
        : ProposalProblem.of(SAMPLE, ROOMY, short100);
    ProposalSet opta = OptaPlannerProposalSolver.builder().deterministic(7, 20_000).build().solve(problem);
    assertEquals(List.of(), opta.proposals(), opta.notes().toString());
    for (Strategy s : Strategy.values()) {
      Matcher hard = Pattern.compile("best score (-?\\d+)hard").matcher(opta.notes().get(s));
      assertTrue(hard.find() && Long.parseLong(hard.group(1)) <= -100, s + ": " + opta.notes().get(s));
    }
  }

  private static void assertWithin(ProposalProblem problem, Strategy strategy, Proposal free) {
    ProposalSet opta = OptaPlannerProposalSolver.builder().deterministic(7, 20_000).build().solve(problem);
    Proposal p = opta.proposal(strategy).orElseThrow(() -> new AssertionError(opta.notes().toString()));
    assertNotEquals(free.plans(), p.plans(), "the unconstrained optimum is out of reach");
    assertEquals(List.of(), problem.violations(opta), opta.notes().toString());
  }
}
