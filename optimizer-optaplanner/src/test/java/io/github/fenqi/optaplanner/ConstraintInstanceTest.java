package io.github.fenqi.optaplanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.ComponentContractException;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.solve.PlanOption;
import io.github.fenqi.core.solve.Proposal;
import io.github.fenqi.core.solve.ProposalProblem;
import io.github.fenqi.core.solve.ProposalSet;
import io.github.fenqi.core.solve.ProposalSolver;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;

/**
 * User constraints given as instances, for constraints configured with a parameter: only classes with a public
 * no-argument constructor could be added, so "no lender's first installment above N % of the budget" needed a class
 * per N.
 */
class ConstraintInstanceTest {
  private static final ProposalProblem SAMPLE =
      ProposalProblem.of(OptaPlannerProposalSolverTest.sampleDebts(1), Money.of("5040.00"), Money.of("12000.00"));

  /** No lender's first installment above {@code percent} % of the budget. */
  record NoInstallmentAbove(int percent) implements ProposalConstraint {
    @Override
    public Constraint define(ConstraintFactory f) {
      return f.forEach(DebtChoice.class)
          .join(ProposalLimits.class)
          .filter((c, limits) -> c.firstInstallmentFen() * 100 > limits.budgetFen() * percent)
          .penalizeLong(HardSoftLongScore.ONE_HARD,
              (c, limits) -> c.firstInstallmentFen() * 100 - limits.budgetFen() * percent)
          .asConstraint("no first installment above " + percent + " % of the budget");
    }
  }

  /** Any limits other than these break it: for reading, through a user constraint, the problem fact a solve sees. */
  record LimitsOtherThan(ProposalLimits expected) implements ProposalConstraint {
    @Override
    public Constraint define(ConstraintFactory f) {
      return f.forEach(ProposalLimits.class).filter(limits -> !limits.equals(expected))
          .penalizeLong(HardSoftLongScore.ONE_HARD, limits -> 1_000_000L).asConstraint("the case's own limits");
    }
  }

  private static boolean above(ProposalSet set, int percent) {
    return set.proposals().stream().flatMap(p -> p.plans().stream())
        .anyMatch(o -> o.firstInstallment().fen() * 100 > SAMPLE.monthlyBudget().fen() * percent);
  }

  @Test
  void aConstraintWithAParameterIsRespected() {
    assertTrue(above(OptaPlannerProposalSolver.builder().deterministic(7, 50_000).build().solve(SAMPLE), 35),
        "without it some plan puts more than 35 % of the budget on one lender");
    ProposalSet set = OptaPlannerProposalSolver.builder().deterministic(7, 50_000)
        .constraint(new NoInstallmentAbove(35)).build().solve(SAMPLE);
    assertFalse(set.proposals().isEmpty(), set.notes().toString());
    assertFalse(above(set, 35), set.proposals().toString());
    assertEquals(List.of(), SAMPLE.violations(set));
  }

  /** ProposalLimits carries the budget, the savings and the number of debts (README, Model), in fen. */
  @Test
  void theLimitsAUserConstraintReadsAreTheCasesBudgetSavingsAndDebts() {
    ProposalSet set = OptaPlannerProposalSolver.builder().deterministic(7, 2_000)
        .constraint(new LimitsOtherThan(new ProposalLimits(504_000, 1_200_000, 3))).build().solve(SAMPLE);
    assertEquals(3, set.proposals().size(), set.notes() + " " + set.infeasibility());
  }

  @Test
  void twoInstancesOfOneClassAndAClassTogether() {
    ProposalSolver solver = OptaPlannerProposalSolver.builder().deterministic(7, 50_000)
        .constraint(AtMostTwoWithoutDownPayment.class).constraint(new NoInstallmentAbove(60))
        .constraint(new NoInstallmentAbove(35)).build();
    ProposalSet set = solver.solve(SAMPLE);
    assertFalse(set.proposals().isEmpty(), set.notes().toString());
    assertFalse(above(set, 35));
    for (Proposal p : set.proposals()) {
      assertTrue(p.plans().stream().filter(o -> o.downPayment().isZero()).count() <= 2, "at most two without down payment");
    }
  }

  /** The instances reach the solver on any thread: they are handed over on the thread that solves. */
  @Test
  void anInstanceIsUsedOnAnotherThread() throws Exception {
    ProposalSolver solver = OptaPlannerProposalSolver.builder().deterministic(7, 50_000)
        .constraint(new NoInstallmentAbove(35)).build();
    ProposalSet set = CompletableFuture.supplyAsync(() -> solver.solve(SAMPLE)).get();
    assertFalse(set.proposals().isEmpty());
    assertFalse(above(set, 35));
  }

  /**
   * The solver is documented as thread-safe and, in deterministic mode, reproducible: one instance with user
   * constraints (a class and an instance, whose provider and class loader are set per solving thread) serves four
   * threads solving at once, and each gets exactly the proposals of a lone solve.
   */
  @Test
  void oneSolverOnSeveralThreadsAtOnceGivesEachTheProposalsOfALoneSolve() throws Exception {
    ProposalSolver solver = OptaPlannerProposalSolver.builder().deterministic(7, 50_000)
        .constraint(AtMostTwoWithoutDownPayment.class).constraint(new NoInstallmentAbove(35)).build();
    ProposalSet alone = solver.solve(SAMPLE);
    assertFalse(alone.proposals().isEmpty(), alone.notes().toString());
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<ProposalSet>> sets = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        sets.add(pool.submit(() -> {
          start.await();
          return solver.solve(SAMPLE);
        }));
      }
      start.countDown();
      for (java.util.concurrent.Future<ProposalSet> set : sets) {
        assertEquals(alone, set.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theSameInstanceAddedTwiceIsRefused() {
    NoInstallmentAbove once = new NoInstallmentAbove(35);
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> OptaPlannerProposalSolver.builder().constraint(once).constraint(once));
    assertEquals("constraint", e.problems().get(0).location());
  }

  @Test
  void twoInstancesOfOneNameAreNamed() {
    ComponentContractException e = assertThrows(ComponentContractException.class, () -> OptaPlannerProposalSolver
        .builder().deterministic(7, 1_000).constraint(new NoInstallmentAbove(35))
        .constraint(new NoInstallmentAbove(35)).build().solve(SAMPLE));
    assertTrue(e.getMessage().contains("\"no first installment above 35 % of the budget\""), e.getMessage());
  }

  /** A lambda that throws while scoring is named by the class it is written in. */
  @Test
  void aLambdaThatFailsWhileScoringIsNamedByItsClass() {
    ProposalConstraint lambda = f -> f.forEach(DebtChoice.class).filter(c -> c.platformId().charAt(50) == 'x')
        .penalizeLong(HardSoftLongScore.ONE_HARD, c -> 1L).asConstraint("fails");
    ComponentContractException e = assertThrows(ComponentContractException.class, () -> OptaPlannerProposalSolver
        .builder().deterministic(7, 1_000).constraint(lambda).build().solve(SAMPLE));
    assertEquals("a user constraint (" + ConstraintInstanceTest.class.getName() + ")", e.component());
    assertInstanceOf(StringIndexOutOfBoundsException.class, e.getCause());
  }

  /** Plans checked against the instance's parameter by hand, not through the solver's own score. */
  @Test
  void theFilledPlansOfAKnifeEdgeMeetTheInstance() {
    ProposalProblem problem = ExactFallbackTest.knifeEdge(20, 2, 0);
    ProposalSet set = OptaPlannerProposalSolver.builder().deterministic(7, 100_000)
        .constraint(new NoInstallmentAbove(100)).build().solve(problem);
    assertFalse(set.proposals().isEmpty(), set.infeasibility() + " " + set.notes());
    for (Proposal p : set.proposals()) {
      for (PlanOption o : p.plans()) {
        assertFalse(o.firstInstallment().isGreaterThan(problem.monthlyBudget()));
      }
    }
  }
}
