package io.github.fenqi.optaplanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.solve.OptionGrid;
import io.github.fenqi.core.solve.PlanOption;
import io.github.fenqi.core.solve.ProposalProblem;
import io.github.fenqi.core.solve.Strategy;
import io.github.fenqi.core.solve.StrategyObjective;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What user constraints read (README, Model): the chosen option's figures through {@code firstInstallmentFen()},
 * {@code downPaymentFen()}, {@code totalPayableFen()}, {@code term()}, {@code acceptance()} and {@code platformId()},
 * each the core grid's figure for that option and that debt, never another figure of it.
 */
class DebtChoiceAccessorsTest {
  @Test
  void everyAccessorReadsTheChosenOptionOfTheCoreGrid() {
    ProposalProblem problem = ProposalProblem.of(OptaPlannerProposalSolverTest.sampleDebts(1), Money.of("5040.00"),
        Money.of("12000.00"));
    List<OptionGrid> grids = problem.grids();
    int differingTotals = 0;
    int differingAcceptance = 0;
    for (OptionGrid g : grids) {
      double[] values = StrategyObjective.values(Strategy.BALANCED, g, problem.config(), grids.size());
      DebtChoice choice = new DebtChoice(g, values, 1000.0, OptaPlannerProposalSolver.allowed(values));
      assertSame(g, choice.grid());
      assertEquals(g.terms().debt().id(), choice.getDebtId());
      for (int i = 0; i < g.size(); i++) {
        choice.setOption(i);
        PlanOption o = g.option(i);
        String at = g.terms().debt().id() + " option " + i;
        assertEquals(g.terms().debt().platformId(), choice.platformId(), at);
        assertEquals(o.firstInstallment().fen(), choice.firstInstallmentFen(), at);
        assertEquals(o.downPayment().fen(), choice.downPaymentFen(), at);
        assertEquals(o.totalPayable().fen(), choice.totalPayableFen(), at);
        assertEquals(o.term(), choice.term(), at);
        assertEquals(o.acceptanceProbability(), choice.acceptance(), 0.0, at);
        differingTotals += o.totalPayable().fen() != o.firstInstallment().fen() ? 1 : 0;
        differingAcceptance += o.acceptanceProbability() < 1.0 ? 1 : 0;
      }
    }
    // the figures differ from one another, so each assertion tells its accessor from a neighbour's
    assertTrue(differingTotals > 0 && differingAcceptance > 0, differingTotals + " " + differingAcceptance);
    assertTrue(grids.stream().map(g -> g.terms().debt().platformId()).noneMatch(p -> grids.stream()
        .anyMatch(g -> g.terms().debt().id().equals(p))), "platform ids are not debt ids");
  }
}
