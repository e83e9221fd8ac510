package io.github.fenqi.optaplanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.solve.AcceptanceModel;
import io.github.fenqi.core.solve.GridConfig;
import io.github.fenqi.core.solve.OptionGrid;
import io.github.fenqi.core.solve.Proposal;
import io.github.fenqi.core.solve.ProposalProblem;
import io.github.fenqi.core.solve.ProposalSet;
import io.github.fenqi.core.solve.ProposalSolver;
import io.github.fenqi.core.testkit.SampleShapedCases;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Every answer of the OptaPlanner solver on small random cases is one the engine accepts
 * ({@link ProposalProblem#violations(ProposalSet)} is empty), has a plan for exactly the strategies the exact solver
 * has, and is never better than the exact solver's proven optimum: a plan better than a proven optimum would mean a
 * plan outside the problem (above the budget or the savings, a term or waiver not allowed) or figures not the grid's.
 * The budgets run from a little below the least Σ first installments (infeasible) across the knife edge to well above
 * it, and the savings from nothing to twice the least Σ down payments.
 */
class ExactBoundProperties {

  @Property(tries = 20)
  void neverBetterThanTheExactOptimumAndAlwaysWithinTheProblem(@ForAll @IntRange(min = 1, max = 4) int debts,
      @ForAll @LongRange(min = 1, max = 10_000) long seed, @ForAll @LongRange(min = -2_000, max = 50_000) long plusFen,
      @ForAll @IntRange(min = 0, max = 2) int savingsFactor) {
    List<io.github.fenqi.core.solve.DebtTerms> terms = SampleShapedCases.debts(seed, debts);
    long leastFirst = 0;
    long leastDown = 0;
    for (OptionGrid g : ProposalProblem.of(terms, Money.ZERO, Money.ZERO).grids()) {
      leastFirst += g.leastFirstInstallmentFen();
      leastDown += g.leastDownPaymentFen();
    }
    ProposalProblem problem = new ProposalProblem(terms, Money.ofFen(Math.max(0, leastFirst + plusFen)),
        Money.ofFen(leastDown * savingsFactor), GridConfig.DEFAULTS, AcceptanceModel.defaults());
    ProposalSet exact = ProposalSolver.exact().solve(problem);
    ProposalSet opta = OptaPlannerProposalSolver.builder().deterministic(seed, 2_000).build().solve(problem);

    assertEquals(List.of(), problem.violations(opta), opta.toString());
    assertEquals(exact.proposals().stream().map(Proposal::strategy).toList(),
        opta.proposals().stream().map(Proposal::strategy).toList(), opta.notes().toString());
    assertEquals(exact.infeasibility(), opta.infeasibility());
    for (Proposal p : opta.proposals()) {
      Proposal e = exact.proposal(p.strategy()).orElseThrow();
      if (!e.provenOptimal()) {
        continue;
      }
      String what = p.strategy() + ": " + p + " against the proven optimum " + e;
      switch (p.strategy()) {
        case AGGRESSIVE -> assertTrue(p.totalPayable().fen() >= e.totalPayable().fen(), what);
        case CONSERVATIVE -> assertTrue(p.acceptanceProbability() <= e.acceptanceProbability() * (1 + 1e-9), what);
        case BALANCED -> assertTrue(p.expectedSaving() <= e.expectedSaving() + 1e-9 * Math.max(1, Math.abs(e.expectedSaving())),
            what);
      }
    }
  }
}
