package io.github.fenqi.optaplanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.FenqiException;
import io.github.fenqi.core.NegotiationRequest;
import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.debt.DebtComponent;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.policy.InMemoryPolicyRepository;
import io.github.fenqi.core.policy.Policy;
import io.github.fenqi.core.policy.PolicyAdjustment;
import io.github.fenqi.core.policy.PolicyValidator;
import io.github.fenqi.core.solve.DebtTerms;
import io.github.fenqi.core.solve.OptionGrid;
import io.github.fenqi.core.solve.PlanOption;
import io.github.fenqi.core.solve.Proposal;
import io.github.fenqi.core.solve.ProposalProblem;
import io.github.fenqi.core.solve.ProposalSet;
import io.github.fenqi.core.solve.ProposalSolver;
import io.github.fenqi.core.solve.Strategy;
import io.github.fenqi.core.testkit.Samples;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptaPlannerProposalSolverTest {
  private static final ProposalSolver OPTA = OptaPlannerProposalSolver.builder().deterministic(7, 200_000).build();

  /** The sample case's debts, repeated {@code copies} times with distinct ids, under the sample policies. */
  static List<DebtTerms> sampleDebts(int copies) {
    NegotiationRequest r = Samples.sampleCase();
    InMemoryPolicyRepository repo = InMemoryPolicyRepository.of(Samples.policies());
    List<DebtTerms> terms = new ArrayList<>();
    for (int c = 0; c < copies; c++) {
      for (Debt d : r.debts()) {
        Debt copy = new Debt(d.id() + "-" + c, d.platformId(), d.productType(), d.principal(), d.interest(),
            d.penaltyInterest(), d.compoundInterest(), d.lateFees(), d.otherFees(), d.annualRate(), d.overdueDays());
        terms.add(DebtTerms.of(copy, repo.find(d.platformId(), r.asOf()).orElseThrow(), PolicyAdjustment.NONE, true));
      }
    }
    return terms;
  }

  private static void assertWithinEveryConstraint(ProposalProblem problem, Proposal p) {
    assertFalse(p.totalFirstMonthInstallment().isGreaterThan(problem.monthlyBudget()), "budget");
    assertFalse(p.totalDownPayment().isGreaterThan(problem.liquidSavings()), "savings");
    for (int d = 0; d < p.plans().size(); d++) {
      DebtTerms t = problem.debts().get(d);
      PlanOption o = p.plans().get(d);
      assertTrue(t.allowedTerms().contains(o.term()));
      for (DebtComponent c : DebtComponent.values()) {
        Money cap = t.debt().amount(c).multiply(t.waiverCap(c).value(), RoundingMode.DOWN);
        assertFalse(o.waived().getOrDefault(c, Money.ZERO).isGreaterThan(cap));
      }
    }
    assertFalse(p.provenOptimal(), "local search never claims a proof");
    assertEquals(List.of(), problem.violations(p), "the engine's check of every solver's answer");
  }

  @Test
  void feasibleWheneverTheExactSolverIsAndCloseToItsObjective() {
    ProposalProblem problem = ProposalProblem.of(sampleDebts(1), Money.of("5040.00"), Money.of("12000.00"));
    ProposalSet exact = ProposalSolver.exact().solve(problem);
    ProposalSet opta = OPTA.solve(problem);
    assertEquals(exact.proposals().size(), opta.proposals().size(), opta.notes().toString());
    for (Proposal p : opta.proposals()) {
      assertWithinEveryConstraint(problem, p);
      Proposal e = exact.proposal(p.strategy()).orElseThrow();
      switch (p.strategy()) {
        case AGGRESSIVE -> assertTrue(e.totalPayable().fen() >= 0.995 * p.totalPayable().fen()
            && p.totalPayable().fen() >= e.totalPayable().fen(), p.totalPayable() + " vs exact " + e.totalPayable());
        case CONSERVATIVE -> assertTrue(p.acceptanceProbability() >= 0.995 * e.acceptanceProbability()
            && p.acceptanceProbability() <= e.acceptanceProbability() + 1e-12,
            p.acceptanceProbability() + " vs exact " + e.acceptanceProbability());
        case BALANCED -> assertTrue(p.expectedSaving() >= 0.995 * e.expectedSaving() - 1e-6
            && p.expectedSaving() <= e.expectedSaving() + 1e-6, p.expectedSaving() + " vs " + e.expectedSaving());
      }
    }
  }

  @Test
  void userConstraintsAreRespected() {
    ProposalProblem problem = ProposalProblem.of(sampleDebts(1), Money.of("5040.00"), Money.of("12000.00"));
    ProposalSolver constrained = OptaPlannerProposalSolver.builder().deterministic(7, 200_000)
        .constraint(AtMostTwoWithoutDownPayment.class).constraint(NoPlanAboveFortyPercentOfBudget.class).build();
    ProposalSet set = constrained.solve(problem);
    assertFalse(set.proposals().isEmpty(), set.notes().toString());
    for (Proposal p : set.proposals()) {
      assertWithinEveryConstraint(problem, p);
      assertTrue(p.plans().stream().filter(o -> o.downPayment().isZero()).count() <= 2, "at most two without down payment");
      for (PlanOption o : p.plans()) {
        assertTrue(o.firstInstallment().fen() * 10 <= problem.monthlyBudget().fen() * 4, "40 % of the budget");
      }
    }
    // the 40 % rule bites: without it some strategy puts more than 40 % of the budget on one lender
    boolean violatedWithout = OPTA.solve(problem).proposals().stream().flatMap(p -> p.plans().stream())
        .anyMatch(o -> o.firstInstallment().fen() * 10 > problem.monthlyBudget().fen() * 4);
    assertTrue(violatedWithout, "the example constraint changes the answer");
  }

  @Test
  void infeasibleCaseSaysWhichConstraintBinds() {
    ProposalProblem problem = ProposalProblem.of(sampleDebts(1), Money.of("1140.00"), Money.of("6000.00"));
    ProposalSet set = OPTA.solve(problem);
    assertFalse(set.feasible());
    assertEquals(ProposalSolver.exact().solve(problem).infeasibility(), set.infeasibility());
  }

  @Test
  void reusesTheCoreGridForEveryFigure() {
    ProposalProblem problem = ProposalProblem.of(sampleDebts(1), Money.of("5040.00"), Money.of("12000.00"));
    Proposal p = OPTA.solve(problem).proposal(Strategy.BALANCED).orElseThrow();
    List<OptionGrid> grids = problem.grids();
    for (int d = 0; d < p.plans().size(); d++) {
      PlanOption o = p.plans().get(d);
      boolean found = false;
      for (int i = 0; i < grids.get(d).size() && !found; i++) {
        found = grids.get(d).option(i).equals(o);
      }
      assertTrue(found, "every chosen option is an option of the core grid");
    }
  }

  /**
   * OptaPlanner ends a solve early, quietly, when its thread is interrupted: on an interrupted thread the feasible
   * sample case came back infeasible (BUDGET_AND_SAVINGS_TOGETHER, "at least 2102.15, above the affordable 5040.00",
   * shortfall 0.00), and an interrupt during AGGRESSIVE left CONSERVATIVE and BALANCED "without a plan". The solve is
   * cancelled instead, saying so, and the interrupt status stays set.
   */
  @Test
  void anInterruptedSolveIsCancelledNotReportedInfeasible() {
    ProposalProblem problem = ProposalProblem.of(sampleDebts(1), Money.of("5040.00"), Money.of("12000.00"));
    Thread.currentThread().interrupt();
    try {
      FenqiException e = assertThrows(FenqiException.class, () -> OPTA.solve(problem));
      assertTrue(e.getMessage().contains("interrupted while solving AGGRESSIVE: it is cancelled"), e.getMessage());
      assertTrue(Thread.currentThread().isInterrupted(), "the interrupt status stays set");
    } finally {
      Thread.interrupted();
    }
    assertEquals(3, OPTA.solve(problem).proposals().size(), "a solve on a thread no longer interrupted runs");
  }

  /**
   * An interrupt that arrives mid-solve cancels it promptly. The construction phase ignored it and ran its kicks on to
   * half the time limit: with 20 s per strategy a 20-debt solve interrupted at 0.5 s was cancelled 9.6 s later (with
   * 30 s, 15 s later). It now ends the phase at once, local search stops, and the solve throws saying it was
   * interrupted; a loaded shared host is given seconds of slack, far below half the limit.
   */
  @Test
  void anInterruptMidSolveCancelsItPromptly() throws InterruptedException {
    ProposalProblem problem = io.github.fenqi.core.testkit.SampleShapedCases.problem(20, 1.3, 2.0, 3,
        io.github.fenqi.core.solve.GridConfig.DEFAULTS);
    ProposalSolver solver = OptaPlannerProposalSolver.builder().timeLimit(Duration.ofSeconds(30)).build();
    Thread caller = Thread.currentThread();
    long[] interruptedAt = new long[1];
    Thread interrupter = new Thread(() -> {
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return; // the solve ended first: nothing to interrupt
      }
      interruptedAt[0] = System.nanoTime();
      caller.interrupt();
    });
    interrupter.start();
    try {
      FenqiException e = assertThrows(FenqiException.class, () -> solver.solve(problem));
      long afterMillis = (System.nanoTime() - interruptedAt[0]) / 1_000_000;
      assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
      assertTrue(caller.isInterrupted(), "the interrupt status stays set");
      assertTrue(afterMillis < 5000, "cancelled " + afterMillis + " ms after the interrupt, with 30 s per strategy");
    } finally {
      interrupter.interrupt();
      interrupter.join();
      Thread.interrupted();
    }
  }

  /**
   * The sample consumer loan under its lender's policy narrowed to one plan: a 12-month term, no waiver and a down
   * payment of 95 %, so its grid has a single option.
   */
  static DebtTerms singleOptionDebt() {
    String json = new String(Samples.bytes("samples/policies/demo-consumer-finance.json"), StandardCharsets.UTF_8)
        .replace("\"min\": 12, \"max\": 36, \"step\": 6", "\"min\": 12, \"max\": 12, \"step\": 6")
        .replace("\"interest\": \"0.5\", \"penaltyInterest\": \"1\", \"compoundInterest\": \"1\", \"lateFees\": \"1\", "
            + "\"otherFees\": \"0.5\"", "\"interest\": \"0\", \"penaltyInterest\": \"0\", \"compoundInterest\": \"0\", "
            + "\"lateFees\": \"0\", \"otherFees\": \"0\"")
        .replace("\"minRatio\": \"0.05\"", "\"minRatio\": \"0.95\"");
    Policy narrow = new PolicyValidator().validate(json.getBytes(StandardCharsets.UTF_8), "narrow.json").orElseThrow();
    Debt loan = Samples.sampleCase().debts().stream().filter(d -> d.platformId().equals(narrow.platformId()))
        .findFirst().orElseThrow();
    return DebtTerms.of(loan, narrow, PolicyAdjustment.NONE, true);
  }

  /**
   * A case where no debt has a second option leaves local search no move to make: in deterministic mode, whose limit
   * counts score calculations, it looped forever (one debt whose grid has a single option never returned). The
   * construction's plan, the only one, is the answer.
   */
  @Test
  void aCaseWithNothingToChooseEndsInDeterministicMode() {
    ProposalProblem problem = ProposalProblem.of(List.of(singleOptionDebt()), Money.of("5000.00"), Money.of("100000.00"));
    assertEquals(1, problem.grids().get(0).size(), "the debt has a single option");
    ProposalSet set = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> OPTA.solve(problem));
    ProposalSet exact = ProposalSolver.exact().solve(problem);
    assertEquals(3, set.proposals().size(), set.notes().toString());
    for (Proposal p : set.proposals()) {
      assertWithinEveryConstraint(problem, p);
      assertEquals(exact.proposal(p.strategy()).orElseThrow().plans(), p.plans());
    }
  }

  /**
   * A limit reached before the construction phase began (1 ms on a cold solver, or a count of one score calculation)
   * left every debt without an option, and the feasible sample case came back "infeasible" with a shortfall of 0.00.
   * The limit now stops the solver only once it has a whole plan.
   */
  @Test
  void aLimitTooShortForTheConstructionStillGivesThePlansOfAFeasibleCase() {
    ProposalProblem problem = ProposalProblem.of(sampleDebts(1), Money.of("5040.00"), Money.of("12000.00"));
    for (ProposalSolver tiny : List.of(OptaPlannerProposalSolver.builder().timeLimit(java.time.Duration.ofMillis(1)).build(),
        OptaPlannerProposalSolver.builder().deterministic(7, 1).build())) {
      ProposalSet set = tiny.solve(problem);
      assertEquals(3, set.proposals().size(), set.notes() + " " + set.infeasibility());
      set.proposals().forEach(p -> assertWithinEveryConstraint(problem, p));
    }
  }

  /**
   * A result's notes say why a strategy has no proposal or why its proposal is not proven optimal, as the exact solver's
   * do when its node budget runs out. OptaPlanner's plans are never proven, yet their notes had said nothing: a reader
   * of the CLI's text saw the heuristic's plans as the exact solver's.
   */
  @Test
  void everyPlanOfOptaPlannersOwnSaysItIsNotProvenOptimalAndWithinWhatBound() {
    ProposalProblem problem = ProposalProblem.of(sampleDebts(1), Money.of("5040.00"), Money.of("12000.00"));
    ProposalSet counted = OptaPlannerProposalSolver.builder().deterministic(7, 2_000).build().solve(problem);
    ProposalSet timed = OptaPlannerProposalSolver.builder().timeLimit(Duration.ofMillis(300)).build().solve(problem);
    ProposalSet unimproved = OptaPlannerProposalSolver.builder().timeLimit(Duration.ofMillis(300))
        .unimprovedTimeLimit(Duration.ofMillis(100)).build().solve(problem);
    for (var set : List.of(counted, timed, unimproved)) {
      assertEquals(3, set.proposals().size(), set.notes().toString());
      set.proposals().forEach(p -> assertFalse(p.provenOptimal(), "never marked provenOptimal: " + p.strategy()));
    }
    for (Strategy s : Strategy.values()) {
      assertEquals("OptaPlanner's best plan within 2000 score calculations (a heuristic: optimality is not proven)",
          counted.notes().get(s));
      assertEquals("OptaPlanner's best plan within 300 ms (a heuristic: optimality is not proven)", timed.notes().get(s));
      assertEquals("OptaPlanner's best plan within 300 ms, or 100 ms without a better plan (a heuristic: optimality is "
          + "not proven)", unimproved.notes().get(s));
    }
  }
}
