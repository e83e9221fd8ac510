package io.github.fenqi.optaplanner;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.solve.OptionGrid;
import io.github.fenqi.core.solve.ProposalProblem;
import io.github.fenqi.core.solve.Strategy;
import io.github.fenqi.core.solve.StrategyObjective;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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

  private static boolean dominates(OptionGrid g, double[] v, int a, int b) {
    return v[a] >= v[b] && g.firstInstallmentFen(a) <= g.firstInstallmentFen(b) && g.downPaymentFen(a) <= g.downPaymentFen(b);
  }
}
