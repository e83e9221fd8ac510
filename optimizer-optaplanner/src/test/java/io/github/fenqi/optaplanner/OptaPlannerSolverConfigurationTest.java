package io.github.fenqi.optaplanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.ComponentContractException;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.solve.ProposalProblem;
import io.github.fenqi.core.solve.ProposalSet;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintCollectors;
import org.optaplanner.core.api.score.stream.ConstraintFactory;

/**
 * What the builder accepts is what a solve can run: limits OptaPlanner refuses, and user constraints it cannot
 * create, are named when the solver is built; a user constraint is found whatever the calling thread's context class
 * loader; a user constraint that fails is named.
 */
class OptaPlannerSolverConfigurationTest {
  private static final ProposalProblem SAMPLE = ProposalProblem.of(OptaPlannerProposalSolverTest.sampleDebts(1),
      Money.of("5040.00"), Money.of("12000.00"));

  static final class NotPublic implements ProposalConstraint {
    @Override
    public Constraint define(ConstraintFactory f) {
      return AtMostTwoWithoutDownPaymentHolder.define(f);
    }
  }

  public static final class NoNoArgumentConstructor implements ProposalConstraint {
    public NoNoArgumentConstructor(int ignored) {}

    @Override
    public Constraint define(ConstraintFactory f) {
      return AtMostTwoWithoutDownPaymentHolder.define(f);
    }
  }

  public final class Inner implements ProposalConstraint {
    @Override
    public Constraint define(ConstraintFactory f) {
      return AtMostTwoWithoutDownPaymentHolder.define(f);
    }
  }

  public abstract static class Abstract implements ProposalConstraint {}

  public static final class Throws implements ProposalConstraint {
    @Override
    public Constraint define(ConstraintFactory f) {
      throw new IllegalStateException("no lender table configured");
    }
  }

  public static final class ReturnsNull implements ProposalConstraint {
    @Override
    public Constraint define(ConstraintFactory f) {
      return null;
    }
  }

  /** Reads past the end of the platform id while scoring: a bug in the user's code, not in the case. */
  public static final class ThrowsWhileScoring implements ProposalConstraint {
    @Override
    public Constraint define(ConstraintFactory f) {
      return f.forEach(DebtChoice.class).filter(c -> c.platformId().charAt(50) == 'x')
          .penalizeLong(HardSoftLongScore.ONE_HARD, c -> 1L).asConstraint("platform rule");
    }
  }

  /** Rewards plans without down payment with the hard score, which then pays for breaking the budget. */
  public static final class RewardsHard implements ProposalConstraint {
    static final String NAME = "prefer no down payment";

    @Override
    public Constraint define(ConstraintFactory f) {
      return f.forEach(DebtChoice.class).filter(c -> c.downPaymentFen() == 0)
          .rewardLong(HardSoftLongScore.ONE_HARD, c -> 100_000_000L).asConstraint(NAME);
    }
  }

  /** One penalty near the hard score's limit whenever a lender gets more than one month: no plan meets it. */
  public static final class PenalisesNearTheLimit implements ProposalConstraint {
    static final String NAME = "everything at once, weighed heavily";

    @Override
    public Constraint define(ConstraintFactory f) {
      return f.forEach(DebtChoice.class).filter(c -> c.term() > 1).groupBy(ConstraintCollectors.count())
          .penalizeLong(HardSoftLongScore.ONE_HARD, n -> Long.MAX_VALUE - 1_000).asConstraint(NAME);
    }
  }

  /** Half a long per lender on the hard score: its own total wraps. */
  public static final class PenalisesHalfALongPerLender implements ProposalConstraint {
    static final String NAME = "half a long per lender";

    @Override
    public Constraint define(ConstraintFactory f) {
      return f.forEach(DebtChoice.class).filter(c -> c.term() > 1)
          .penalizeLong(HardSoftLongScore.ONE_HARD, c -> Long.MAX_VALUE / 2).asConstraint(NAME);
    }
  }

  /** Half a long per lender on the soft score, meant to outweigh the strategy's objective. */
  public static final class OutweighsTheObjective implements ProposalConstraint {
    static final String NAME = "prefer short terms above all";

    @Override
    public Constraint define(ConstraintFactory f) {
      return f.forEach(DebtChoice.class)
          .penalizeLong(HardSoftLongScore.ONE_SOFT, c -> Long.MAX_VALUE / 2).asConstraint(NAME);
    }
  }

  /** Named like the built-in savings constraint. */
  public static final class NamedLikeSavings implements ProposalConstraint {
    @Override
    public Constraint define(ConstraintFactory f) {
      return f.forEach(DebtChoice.class).filter(c -> c.term() > 120)
          .penalizeLong(HardSoftLongScore.ONE_HARD, c -> 1L).asConstraint("down payments within savings");
    }
  }

  /** Named like the shipped example {@link AtMostTwoWithoutDownPayment}. */
  public static final class NamedLikeTheExample implements ProposalConstraint {
    @Override
    public Constraint define(ConstraintFactory f) {
      return f.forEach(DebtChoice.class).filter(c -> c.term() > 120)
          .penalizeLong(HardSoftLongScore.ONE_HARD, c -> 1L).asConstraint("at most two lenders without down payment");
    }
  }

  /** The shipped example's definition, for the malformed classes above. */
  static final class AtMostTwoWithoutDownPaymentHolder {
    static Constraint define(ConstraintFactory f) {
      return new AtMostTwoWithoutDownPayment().define(f);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 999_999, 1_500_000})
  void aFractionOfAMillisecondIsRefusedWhenTheSolverIsBuilt(long nanos) {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> OptaPlannerProposalSolver.builder().timeLimit(Duration.ofNanos(nanos)));
    assertEquals("timeLimit", e.problems().get(0).location(), e.getMessage());
    assertThrows(InvalidInputException.class, () -> OptaPlannerProposalSolver.builder().unimprovedTimeLimit(Duration.ofNanos(nanos)));
  }

  @Test
  void aLimitBeyondTheLongestIsRefusedWhenTheSolverIsBuilt() {
    Duration huge = Duration.ofSeconds(Long.MAX_VALUE);
    assertEquals("timeLimit", assertThrows(InvalidInputException.class,
        () -> OptaPlannerProposalSolver.builder().timeLimit(huge)).problems().get(0).location());
    assertEquals("unimprovedTimeLimit", assertThrows(InvalidInputException.class,
        () -> OptaPlannerProposalSolver.builder().unimprovedTimeLimit(huge)).problems().get(0).location());
    // the longest accepted limit solves (the unimproved limit ends it)
    ProposalSet set = OptaPlannerProposalSolver.builder().timeLimit(OptaPlannerProposalSolver.Builder.LONGEST_LIMIT)
        .unimprovedTimeLimit(Duration.ofMillis(100)).build().solve(SAMPLE);
    assertEquals(3, set.proposals().size(), set.notes().toString());
  }

  /** Deterministic mode is bounded by its count: a time limit set beside it was ignored without a word. */
  @Test
  void aTimeLimitBesideDeterministicModeIsRefusedNamingIt() {
    InvalidInputException time = assertThrows(InvalidInputException.class, () -> OptaPlannerProposalSolver.builder()
        .timeLimit(Duration.ofSeconds(5)).deterministic(7, 1_000).build());
    assertEquals("timeLimit", time.problems().get(0).location(), time.getMessage());
    assertTrue(time.getMessage().contains("1000 score calculations"), time.getMessage());
    InvalidInputException unimproved = assertThrows(InvalidInputException.class, () -> OptaPlannerProposalSolver
        .builder().deterministic(7, 1_000).unimprovedTimeLimit(Duration.ofMillis(100)).build());
    assertEquals("unimprovedTimeLimit", unimproved.problems().get(0).location(), unimproved.getMessage());
    // either alone builds
    OptaPlannerProposalSolver.builder().deterministic(7, 1_000).build();
    OptaPlannerProposalSolver.builder().timeLimit(Duration.ofSeconds(5)).unimprovedTimeLimit(Duration.ofMillis(100))
        .build();
  }

  @ParameterizedTest
  @ValueSource(classes = {NotPublic.class, NoNoArgumentConstructor.class, Inner.class, Abstract.class})
  @SuppressWarnings("unchecked")
  void aConstraintOptaPlannerCannotCreateIsNamedWhenTheSolverIsBuilt(Class<?> type) {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> OptaPlannerProposalSolver.builder().constraint((Class<? extends ProposalConstraint>) type));
    assertTrue(e.getMessage().contains(type.getName()), e.getMessage());
  }

  /**
   * A common-pool thread's context class loader is the system class loader, which in a fat jar does not see the
   * application's classes: the user constraint was "not found" and reported as not public.
   */
  @Test
  void aUserConstraintIsFoundWhateverTheThreadsContextClassLoader() throws Exception {
    OptaPlannerProposalSolver solver = OptaPlannerProposalSolver.builder().deterministic(7, 20_000)
        .constraint(AtMostTwoWithoutDownPayment.class).build();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      ProposalSet set = CompletableFuture.supplyAsync(() -> {
        Thread.currentThread().setContextClassLoader(ClassLoader.getPlatformClassLoader());
        return solver.solve(SAMPLE);
      }, pool).get();
      assertEquals(3, set.proposals().size(), set.notes().toString());
    } finally {
      pool.shutdownNow();
    }
  }

  /** The same class added twice had failed every solve with OptaPlanner's "multiple constraints with the same ID". */
  @Test
  void aConstraintAddedTwiceIsRefusedWhenTheSolverIsBuilt() {
    OptaPlannerProposalSolver.Builder builder = OptaPlannerProposalSolver.builder().constraint(AtMostTwoWithoutDownPayment.class);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> builder.constraint(AtMostTwoWithoutDownPayment.class));
    assertEquals("constraint", e.problems().get(0).location());
    assertTrue(e.getMessage().contains(AtMostTwoWithoutDownPayment.class.getName() + " is added twice"), e.getMessage());
  }

  /**
   * A user constraint named like a built-in or another user constraint failed the solve with OptaPlanner's bare
   * IllegalStateException "There are multiple constraints with the same ID (io.github.fenqi.optaplanner/down payments
   * within savings)", which did not say whose constraint it was.
   */
  @Test
  void aUserConstraintNamedLikeAnotherIsNamed() {
    ComponentContractException builtIn = assertThrows(ComponentContractException.class, () -> OptaPlannerProposalSolver
        .builder().deterministic(7, 1_000).constraint(NamedLikeSavings.class).build().solve(SAMPLE));
    assertTrue(builtIn.component().contains(NamedLikeSavings.class.getName()), builtIn.getMessage());
    assertTrue(builtIn.getMessage().contains("\"down payments within savings\", as a built-in constraint does"),
        builtIn.getMessage());
    ComponentContractException user = assertThrows(ComponentContractException.class, () -> OptaPlannerProposalSolver
        .builder().deterministic(7, 1_000).constraint(AtMostTwoWithoutDownPayment.class)
        .constraint(NamedLikeTheExample.class).build().solve(SAMPLE));
    assertTrue(user.component().contains(NamedLikeTheExample.class.getName()), user.getMessage());
    assertTrue(user.getMessage().contains("as another user constraint does"), user.getMessage());
  }

  /**
   * An exception thrown by a user constraint's lambda while OptaPlanner scores a plan had left solve() bare (a
   * StringIndexOutOfBoundsException: "String index out of range: 50"), not saying which constraint failed.
   */
  @Test
  void aUserConstraintThatFailsWhileScoringIsNamed() {
    ComponentContractException e = assertThrows(ComponentContractException.class, () -> OptaPlannerProposalSolver
        .builder().deterministic(7, 1_000).constraint(AtMostTwoWithoutDownPayment.class)
        .constraint(ThrowsWhileScoring.class).build().solve(SAMPLE));
    assertEquals("a user constraint (" + ThrowsWhileScoring.class.getName() + ")", e.component());
    assertEquals("scoring", e.problems().get(0).location());
    assertInstanceOf(StringIndexOutOfBoundsException.class, e.getCause());
  }

  /**
   * A plan counts as within every hard constraint when its hard score is not negative, so a hard reward paid for
   * breaking the budget: on the sample case with a budget of 2300.00 (no plan fits: at least 2323.58) the solver
   * returned three "feasible" proposals with first installments of 2323.58–2349.31.
   */
  @Test
  void aUserConstraintThatRewardsTheHardScoreIsNamed() {
    ProposalProblem tight = ProposalProblem.of(OptaPlannerProposalSolverTest.sampleDebts(1), Money.of("2300.00"),
        Money.of("4000.00"));
    ComponentContractException e = assertThrows(ComponentContractException.class, () -> OptaPlannerProposalSolver
        .builder().deterministic(7, 1_000).constraint(RewardsHard.class).build().solve(tight));
    assertEquals("a user constraint (\"" + RewardsHard.NAME + "\")", e.component());
    assertEquals("hard score", e.problems().get(0).location());
  }

  /**
   * OptaPlanner adds scores in plain longs. A user constraint penalising the hard score by Long.MAX_VALUE - 1000 wrapped
   * the sample case's hard score past zero: its three proposals broke the budget (5050.12 and 5050.44 of 5040.00) or
   * the savings (12010.50 of 12000.00) and came back feasible. Half a long per lender wrapped the constraint's own
   * total, refused as a hard reward it was not; half a long per lender on the soft score misled the search unseen.
   */
  @ParameterizedTest
  @ValueSource(classes = {PenalisesNearTheLimit.class, PenalisesHalfALongPerLender.class, OutweighsTheObjective.class})
  @SuppressWarnings("unchecked")
  void aUserConstraintWhoseScoreOverflowsALongIsNamed(Class<?> type) throws Exception {
    ComponentContractException e = assertThrows(ComponentContractException.class, () -> OptaPlannerProposalSolver
        .builder().deterministic(7, 20_000).constraint((Class<? extends ProposalConstraint>) type).build().solve(SAMPLE));
    assertEquals("a user constraint (\"" + type.getDeclaredField("NAME").get(null) + "\")", e.component());
    String level = type == OutweighsTheObjective.class ? "soft score" : "hard score";
    assertEquals(level, e.problems().get(0).location());
    assertTrue(e.getMessage().contains("beyond a long's range"), e.getMessage());
  }

  @Test
  void aUserConstraintThatFailsIsNamed() {
    Function<Class<? extends ProposalConstraint>, ComponentContractException> solve = type -> assertThrows(
        ComponentContractException.class, () -> OptaPlannerProposalSolver.builder().deterministic(7, 1_000)
            .constraint(type).build().solve(SAMPLE));
    ComponentContractException thrown = solve.apply(Throws.class);
    assertTrue(thrown.component().contains(Throws.class.getName()), thrown.getMessage());
    assertInstanceOf(IllegalStateException.class, thrown.getCause());
    assertTrue(thrown.getMessage().contains("no lender table configured"), thrown.getMessage());
    ComponentContractException nothing = solve.apply(ReturnsNull.class);
    assertTrue(nothing.component().contains(ReturnsNull.class.getName()) && nothing.getMessage().contains("null"),
        nothing.getMessage());
  }
}
