package io.github.fenqi.optaplanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.FenqiException;
import io.github.fenqi.core.SearchBudgetExhaustedException;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.solve.AcceptanceFeatures;
import io.github.fenqi.core.solve.AcceptanceModel;
import io.github.fenqi.core.solve.GridConfig;
import io.github.fenqi.core.solve.Infeasibility;
import io.github.fenqi.core.solve.Proposal;
import io.github.fenqi.core.solve.ProposalProblem;
import io.github.fenqi.core.solve.ProposalSet;
import io.github.fenqi.core.solve.ProposalSolver;
import io.github.fenqi.core.solve.Strategy;
import io.github.fenqi.core.testkit.SampleShapedCases;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;

/**
 * A strategy OptaPlanner finds no plan for is settled by the exact solver: "infeasible" only when it is, with the
 * exact solver's binding constraint and shortfall, and a plan the exact solver finds fills the miss. At a knife-edge
 * budget (20 sample-shaped debts, seed 2, the budget exactly the least Σ first installments within the savings)
 * OptaPlanner had found no plan for any strategy and answered BUDGET_AND_SAVINGS_TOGETHER with a shortfall of 0.00,
 * where the exact solver finds CONSERVATIVE and BALANCED.
 */
class ExactFallbackTest {
  private static final ProposalSolver OPTA = OptaPlannerProposalSolver.builder().deterministic(7, 100_000).build();

  /** Never breaks: every term is below 1000 months. */
  public static final class NoTermAboveAThousandMonths implements ProposalConstraint {
    @Override
    public Constraint define(ConstraintFactory f) {
      return f.forEach(DebtChoice.class).filter(c -> c.term() > 1000)
          .penalizeLong(HardSoftLongScore.ONE_HARD, c -> 1_000_000L).asConstraint("no term above 1000 months");
    }
  }

  /** {@code n} sample-shaped debts whose budget is the least Σ first installments within the savings, plus {@code plusFen}. */
  static ProposalProblem knifeEdge(int n, long seed, long plusFen) {
    ProposalProblem p = SampleShapedCases.problem(n, 1.0, 3.0, seed, GridConfig.DEFAULTS);
    Money least = Infeasibility.diagnose(p.grids(), p.monthlyBudget(), p.liquidSavings(), p.config()).required();
    return new ProposalProblem(p.debts(), Money.ofFen(Math.max(0, least.fen() + plusFen)), p.liquidSavings(),
        p.config(), p.acceptanceModel());
  }

  private static List<Strategy> strategies(ProposalSet set) {
    return set.proposals().stream().map(Proposal::strategy).toList();
  }

  @Test
  void aKnifeEdgeBudgetIsFeasibleWithTheExactSolversPlans() {
    ProposalProblem problem = knifeEdge(20, 2, 0);
    ProposalSet exact = ProposalSolver.exact().solve(problem);
    ProposalSet opta = OPTA.solve(problem);
    assertEquals(List.of(Strategy.CONSERVATIVE, Strategy.BALANCED), strategies(exact));
    assertEquals(strategies(exact), strategies(opta), opta.infeasibility() + " " + opta.notes());
    assertEquals(List.of(), problem.violations(opta), "the engine's check of every solver's answer");
    for (Strategy s : strategies(exact)) {
      assertEquals(exact.proposal(s), opta.proposal(s), "the miss is filled with the exact solver's plan");
      assertTrue(opta.notes().get(s).contains("OptaPlanner found no plan") && opta.notes().get(s)
          .contains("this is the exact solver's plan, proven optimal"), opta.notes().get(s));
    }
    assertTrue(opta.notes().get(Strategy.AGGRESSIVE).endsWith("; the exact solver has none either: "
        + exact.notes().get(Strategy.AGGRESSIVE)), opta.notes().get(Strategy.AGGRESSIVE) + " / " + exact.notes());
  }

  @Test
  void aUserConstraintTheExactPlanMeetsLetsItFillTheMiss() {
    ProposalProblem problem = knifeEdge(20, 2, 0);
    ProposalSet opta = OptaPlannerProposalSolver.builder().deterministic(7, 100_000)
        .constraint(NoTermAboveAThousandMonths.class).build().solve(problem);
    assertEquals(List.of(Strategy.CONSERVATIVE, Strategy.BALANCED), strategies(opta), opta.notes().toString());
    assertEquals(List.of(), problem.violations(opta));
  }

  @Test
  void aUserConstraintTheExactPlanBreaksIsNamedNotTheBudget() {
    ProposalProblem problem = knifeEdge(20, 2, 0);
    ProposalSet opta = OptaPlannerProposalSolver.builder().deterministic(7, 100_000)
        .constraint(UserConstraintInfeasibilityTest.EverythingAtOnce.class).build().solve(problem);
    Infeasibility why = opta.infeasibility().orElseThrow();
    assertEquals(Infeasibility.BindingConstraint.USER_CONSTRAINT, why.binding(), why.reason());
    assertTrue(opta.notes().get(Strategy.BALANCED).contains("the exact solver's optimum within the budget and savings "
        + "breaks \"" + UserConstraintInfeasibilityTest.EverythingAtOnce.NAME + "\""), opta.notes().get(Strategy.BALANCED));
  }

  /**
   * When the exact solver's node budget runs out before it finds or rules out a plan and OptaPlanner has none for any
   * strategy, the solve throws the exact solver's SearchBudgetExhaustedException, naming the budget: the case may fit,
   * so it is not called infeasible (with 100 nodes the knife edge's check finds no plan).
   */
  @Test
  void aNodeBudgetThatRunsOutWithNoPlanAnywhereIsThrownNotCalledInfeasible() {
    ProposalProblem problem = withMaxSearchNodes(knifeEdge(20, 2, 0), 100);
    SearchBudgetExhaustedException e = assertThrows(SearchBudgetExhaustedException.class,
        () -> OptaPlannerProposalSolver.builder().deterministic(2, 20_000).build().solve(problem));
    assertEquals(100, e.maxSearchNodes(), e.getMessage());
  }

  /**
   * When the node budget runs out and other strategies have plans, the missed strategy's note says so (a plan may
   * exist) rather than only that OptaPlanner found none: on the knife edge of seed 5 OptaPlanner plans CONSERVATIVE and
   * BALANCED, not AGGRESSIVE, and 100 nodes settle nothing.
   */
  @Test
  void aNodeBudgetThatRunsOutBesidePlansIsNotedOnTheMissedStrategy() {
    ProposalProblem problem = withMaxSearchNodes(knifeEdge(20, 5, 0), 100);
    ProposalSet opta = OptaPlannerProposalSolver.builder().deterministic(5, 20_000).build().solve(problem);
    assertEquals(List.of(Strategy.CONSERVATIVE, Strategy.BALANCED), strategies(opta), opta.notes().toString());
    String note = opta.notes().get(Strategy.AGGRESSIVE);
    assertTrue(note.startsWith("OptaPlanner found no plan") && note.endsWith("; the exact solver's check ran out of "
        + "search nodes, so a plan may exist (raise GridConfig.maxSearchNodes)"), note);
    assertEquals(List.of(), problem.violations(opta));
  }

  /**
   * A plan the exact solver fills in takes its strategy's place: on the 5-debt knife edge of seed 33 OptaPlanner
   * misses CONSERVATIVE, which the exact solver fills, and plans BALANCED itself; the proposals stay in Strategy order,
   * as a ProposalSet must hold them (the engine's check refuses another order).
   */
  @Test
  void aFilledPlanTakesItsStrategysPlaceBeforeALaterOwnPlan() {
    ProposalProblem problem = knifeEdge(5, 33, 0);
    ProposalSet opta = OptaPlannerProposalSolver.builder().deterministic(33, 2_000).build().solve(problem);
    assertTrue(opta.notes().get(Strategy.CONSERVATIVE).contains("this is the exact solver's plan")
        && opta.notes().get(Strategy.BALANCED).startsWith("OptaPlanner's best plan"), opta.notes().toString());
    assertEquals(List.of(Strategy.CONSERVATIVE, Strategy.BALANCED), strategies(opta), opta.notes().toString());
    assertEquals(List.of(), problem.violations(opta));
  }

  /**
   * A plan the exact solver fills in without proving it optimal (its node budget ran out after it found one) says so,
   * with the exact solver's own reason: the note had said only "this is the exact solver's plan", dropping the exact
   * solver's "not this strategy's proven optimum", so the CLI's text showed it like a proven plan (knife edge of
   * seed 2, 1000 nodes: OptaPlanner misses CONSERVATIVE and BALANCED, the exact solver has unproven plans for both).
   */
  @Test
  void aFilledPlanNotProvenOptimalSaysSoInItsNote() {
    ProposalProblem problem = withMaxSearchNodes(knifeEdge(20, 2, 0), 1000);
    ProposalSet exact = ProposalSolver.exact().solve(problem);
    ProposalSet opta = OPTA.solve(problem);
    assertEquals(List.of(Strategy.CONSERVATIVE, Strategy.BALANCED), strategies(opta), opta.notes().toString());
    for (Strategy s : strategies(opta)) {
      assertEquals(exact.proposal(s), opta.proposal(s), "the miss is filled with the exact solver's plan");
      assertFalse(opta.proposal(s).orElseThrow().provenOptimal(), s.toString());
      String note = opta.notes().get(s);
      assertTrue(note.startsWith("OptaPlanner found no plan") && note.endsWith("; this is the exact solver's plan, "
          + "not proven optimal: " + exact.notes().get(s)), note);
    }
  }

  private static ProposalProblem withMaxSearchNodes(ProposalProblem p, long nodes) {
    return new ProposalProblem(p.debts(), p.monthlyBudget(), p.liquidSavings(), p.config().withMaxSearchNodes(nodes),
        p.acceptanceModel());
  }

  /**
   * The default model, interrupting the calling thread once it has been asked more than {@code calls} times: a solve
   * builds the grids once and the exact solver's check builds them again, so with {@code calls} the number one build
   * asks, the interrupt arrives during the check, after OptaPlanner's solves.
   */
  private record InterruptingAfter(long calls, AtomicLong asked) implements AcceptanceModel {
    @Override
    public double probability(AcceptanceFeatures features) {
      if (asked.incrementAndGet() == calls + 1) {
        Thread.currentThread().interrupt();
      }
      return AcceptanceModel.defaults().probability(features);
    }
  }

  /**
   * An interrupt that arrives while the exact solver checks the strategies OptaPlanner missed cancels the solve once
   * the check ends, and the message says so: it had said "interrupted while solving AGGRESSIVE", the first missed
   * strategy, though OptaPlanner's solves were over (on a 60-debt knife edge the check ran 43 s past the interrupt).
   */
  @Test
  void anInterruptDuringTheExactCheckIsNamedAsSuch() {
    ProposalProblem edge = knifeEdge(20, 2, 0);
    AtomicLong asked = new AtomicLong();
    ProposalProblem counting = new ProposalProblem(edge.debts(), edge.monthlyBudget(), edge.liquidSavings(),
        edge.config(), new InterruptingAfter(Long.MAX_VALUE - 1, asked));
    counting.grids();
    ProposalProblem problem = new ProposalProblem(edge.debts(), edge.monthlyBudget(), edge.liquidSavings(),
        edge.config(), new InterruptingAfter(asked.get(), new AtomicLong()));
    try {
      FenqiException e = assertThrows(FenqiException.class, () -> OPTA.solve(problem));
      assertTrue(e.getMessage().contains("interrupted while the exact solver checked [AGGRESSIVE, CONSERVATIVE, "
          + "BALANCED]"), e.getMessage());
      assertTrue(Thread.currentThread().isInterrupted(), "the interrupt status stays set");
    } finally {
      Thread.interrupted();
    }
  }

  /**
   * Around the knife edge (a few yuan below to a few above the least budget), with a small search that often misses:
   * the OptaPlanner solver has a plan for exactly the strategies the exact solver has, and an infeasible answer is the
   * exact solver's, binding constraint and shortfall.
   */
  @Property(tries = 10)
  void infeasibleOnlyWhenTheExactSolverIs(@ForAll @IntRange(min = 3, max = 9) int debts,
      @ForAll @LongRange(min = 1, max = 1000) long seed, @ForAll @LongRange(min = -500, max = 500) long plusFen) {
    ProposalProblem problem = knifeEdge(debts, seed, plusFen);
    ProposalSet exact = ProposalSolver.exact().solve(problem);
    ProposalSet opta = OptaPlannerProposalSolver.builder().deterministic(seed, 2_000).build().solve(problem);
    assertEquals(strategies(exact), strategies(opta), opta.notes().toString());
    assertEquals(exact.infeasibility(), opta.infeasibility());
    assertEquals(List.of(), problem.violations(opta));
  }
}
