package io.github.fenqi.optaplanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fenqi.core.ComponentContractException;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.solve.ProposalProblem;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;

/**
 * An exception thrown while scoring is the user constraint's when code of its class, nested classes included, is on
 * the stack: a method reference to a helper nested in the constraint runs only in the nested class's frames.
 */
class ScoringFailureNamingTest {
  private static final ProposalProblem SAMPLE = ProposalProblem.of(OptaPlannerProposalSolverTest.sampleDebts(1),
      Money.of("5040.00"), Money.of("12000.00"));

  /** Its filter is a method reference to its own nested helper, which fails on every plan. */
  public static final class FailsInItsNestedHelper implements ProposalConstraint {
    static final class Rules {
      static boolean tooLong(DebtChoice c) {
        throw new ArithmeticException("no rate table for " + c.term() + " months");
      }
    }

    @Override
    public Constraint define(ConstraintFactory f) {
      return f.forEach(DebtChoice.class).filter(Rules::tooLong)
          .penalizeLong(HardSoftLongScore.ONE_HARD, c -> 1L).asConstraint("no term without a rate");
    }
  }

  /** Its filter refuses every plan with the SDK's own exception, as a rule checking its input might. */
  public static final class RefusesWithTheSdksException implements ProposalConstraint {
    @Override
    public Constraint define(ConstraintFactory f) {
      return f.forEach(DebtChoice.class).filter(c -> {
        throw new InvalidInputException("term", c.term() + " months is not in this lender's rate table");
      }).penalizeLong(HardSoftLongScore.ONE_HARD, c -> 1L).asConstraint("rate table");
    }
  }

  /**
   * An {@link InvalidInputException} thrown by the constraint's own code is named by the constraint too, as any
   * exception its lambdas throw (README): it had passed through bare, so the engine blamed "the proposal solver" and
   * named no constraint.
   */
  @Test
  void theSdksOwnExceptionFromTheConstraintsCodeIsNamedByTheConstraint() {
    assertNamedBy(RefusesWithTheSdksException.class, InvalidInputException.class);
  }

  @Test
  void anExceptionInTheConstraintsNestedHelperIsNamedByTheConstraint() {
    assertNamedBy(FailsInItsNestedHelper.class, ArithmeticException.class);
  }

  /** Solving with {@code constraint} stops naming it, at {@code scoring}, with the exception it threw as the cause. */
  private static void assertNamedBy(Class<? extends ProposalConstraint> constraint, Class<? extends Throwable> thrown) {
    ComponentContractException e = assertThrows(ComponentContractException.class, () -> OptaPlannerProposalSolver
        .builder().deterministic(7, 1_000).constraint(constraint).build().solve(SAMPLE));
    assertEquals("a user constraint (" + constraint.getName() + ")", e.component());
    assertEquals("scoring", e.problems().get(0).location());
    assertInstanceOf(thrown, e.getCause());
  }
}
