package io.github.fenqi.optaplanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.solve.OptionGrid;
import io.github.fenqi.core.solve.Proposal;
import io.github.fenqi.core.solve.ProposalProblem;
import io.github.fenqi.core.solve.ProposalSet;
import io.github.fenqi.core.solve.Strategy;
import io.github.fenqi.core.solve.StrategyObjective;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;

/** The pruned value ranges: every allowed option is kept or dominated by a kept one, and nothing dominated is kept. */
class ValueRangePruningTest {

  @ParameterizedTest
  @EnumSource(Strategy.class)
  void everyAllowedOptionIsKeptOrDominatedByAKeptOne(Strategy strategy) {
    ProposalProblem problem = ProposalProblem.of(OptaPlannerProposalSolverTest.sampleDebts(1), Money.of("5040.00"), Money.of("12000.00"));
    for (OptionGrid g : problem.grids()) {
      double[] v = StrategyObjective.values(strategy, g, problem.config(), problem.grids().size());
      List<Integer> kept = OptaPlannerProposalSolver.nonDominated(g, v);
      Set<Integer> keptSet = new HashSet<>(kept);
      assertTrue(kept.size() < OptaPlannerProposalSolver.allowed(v).size(), "pruning removes something on the sample grids");
      for (int i : OptaPlannerProposalSolver.allowed(v)) {
        boolean covered = keptSet.contains(i) || kept.stream().anyMatch(k -> dominates(g, v, k, i));
        assertTrue(covered, "option " + i + " is neither kept nor dominated");
      }
      for (int a : kept) {
        for (int b : kept) {
          assertTrue(a == b || !(dominates(g, v, a, b) && !dominates(g, v, b, a)), a + " dominates kept " + b);
        }
      }
    }
  }

  /** One debt's down payment within a band, a lender's own rule: on the sample grids only dominated options meet it. */
  record DownPaymentBand(String debtId, long fromFen, long toFen) implements ProposalConstraint {
    @Override
    public Constraint define(ConstraintFactory f) {
      return f.forEach(DebtChoice.class).filter(c -> c.getDebtId().equals(debtId)
              && (c.downPaymentFen() < fromFen || c.downPaymentFen() > toFen))
          .penalizeLong(HardSoftLongScore.ONE_HARD, c -> 1_000_000L)
          .asConstraint("down payment of " + debtId + " in its band");
    }
  }

  /**
   * With user constraints the whole allowed grid is searched (README, Model): on the sample case no non-dominated
   * option of the consumer-finance debt has a down payment from 1 700.00 to 1 850.00 for AGGRESSIVE or BALANCED, yet a
   * constraint that accepts only those gets a plan for every strategy, each within the band.
   */
  @Test
  void aUserConstraintThatOnlyDominatedOptionsMeetGetsPlans() {
    ProposalProblem problem = ProposalProblem.of(OptaPlannerProposalSolverTest.sampleDebts(1), Money.of("5040.00"),
        Money.of("12000.00"));
    int d = 1;
    OptionGrid grid = problem.grids().get(d);
    String id = grid.terms().debt().id();
    for (Strategy strategy : List.of(Strategy.AGGRESSIVE, Strategy.BALANCED)) {
      double[] v = StrategyObjective.values(strategy, grid, problem.config(), problem.grids().size());
      assertTrue(OptaPlannerProposalSolver.nonDominated(grid, v).stream()
          .noneMatch(i -> grid.downPaymentFen(i) >= 170_000 && grid.downPaymentFen(i) <= 185_000), strategy.toString());
    }
    ProposalSet set = OptaPlannerProposalSolver.builder().deterministic(7, 2_000)
        .constraint(new DownPaymentBand(id, 170_000, 185_000)).build().solve(problem);
    assertEquals(3, set.proposals().size(), set.notes().toString());
    for (Proposal p : set.proposals()) {
      long down = p.plans().get(d).downPayment().fen();
      assertTrue(down >= 170_000 && down <= 185_000, p.strategy() + ": " + down);
    }
    assertEquals(List.of(), problem.violations(set));
  }

  private static boolean dominates(OptionGrid g, double[] v, int a, int b) {
    return v[a] >= v[b] && g.firstInstallmentFen(a) <= g.firstInstallmentFen(b) && g.downPaymentFen(a) <= g.downPaymentFen(b);
  }
}
