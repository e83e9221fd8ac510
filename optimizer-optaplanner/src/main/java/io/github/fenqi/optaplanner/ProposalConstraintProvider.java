package io.github.fenqi.optaplanner;

import io.github.fenqi.core.ComponentContractException;
import io.github.fenqi.core.Problem;
import java.util.ArrayList;
import java.util.List;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintCollectors;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;

/**
 * The built-in constraints as small named functions, plus the user's {@link ProposalConstraint}s, whose class
 * names arrive through the custom property {@code userConstraints} (comma-separated).
 *
 * <p>Hard: Σ first installments ≤ budget, Σ down payments ≤ savings, every option allowed by the strategy
 * (AGGRESSIVE's acceptance floor). Soft: the strategy's objective scaled to a long — AGGRESSIVE core's objective
 * (the negated total payable in fen plus its acceptance tie-break) × 10^3, CONSERVATIVE Σ ln p × 10^9, BALANCED
 * Σ p × saving in fen × 10^3; a smaller factor where that could leave half a long's range
 * ({@code OptaPlannerProposalSolver.softScale}).
 *
 * <p>Thread-safety: OptaPlanner creates and uses it on one thread.
 */
public class ProposalConstraintProvider implements ConstraintProvider {
  static final double SCALE = 1e9;
  static final String BUDGET = "first installments within the monthly budget";
  static final String SAVINGS = "down payments within savings";
  static final String ALLOWED = "option allowed by the strategy";
  static final String OBJECTIVE = "strategy objective";
  /** The names of the built-in constraints: every other constraint is a user's. */
  static final java.util.Set<String> BUILT_IN = java.util.Set.of(BUDGET, SAVINGS, ALLOWED, OBJECTIVE);
  /**
   * The user constraints given as instances, for the solver being built on this thread: OptaPlanner's configuration
   * names a provider only by class, with string properties, so {@link OptaPlannerProposalSolver} sets them around
   * building a solver (and explaining a score), during which OptaPlanner calls {@link #defineConstraints}.
   */
  static final ThreadLocal<List<ProposalConstraint>> INSTANCES = new ThreadLocal<>();
  private String userConstraints = "";
  private int userConstraintInstances;

  /** Set by OptaPlanner from the custom properties. */
  public void setUserConstraints(String classNames) {
    this.userConstraints = classNames;
  }

  /** Set by OptaPlanner from the custom properties: how many instances {@link #INSTANCES} must hold. */
  public void setUserConstraintInstances(int count) {
    this.userConstraintInstances = count;
  }

  @Override
  public Constraint[] defineConstraints(ConstraintFactory f) {
    List<Constraint> all = new ArrayList<>(List.of(budget(f), savings(f), allowedByStrategy(f), objective(f)));
    List<ProposalConstraint> users = new ArrayList<>();
    for (String name : userConstraints.split(",")) {
      if (!name.isBlank()) {
        users.add(instantiate(name.strip()));
      }
    }
    List<ProposalConstraint> given = userConstraintInstances == 0 ? List.of() : INSTANCES.get();
    if (given == null || given.size() != userConstraintInstances) {
      // silently scoring without the user's constraints would return plans that break them
      throw new IllegalStateException(userConstraintInstances + " user constraint instances were not handed to the "
          + "constraint provider: OptaPlanner built it outside OptaPlannerProposalSolver's solve, or on another thread");
    }
    users.addAll(given);
    for (ProposalConstraint user : users) {
      Constraint c = defined(user, f);
      for (int i = 0; i < all.size(); i++) {
        if (all.get(i).getConstraintId().equals(c.getConstraintId())) {
          throw ComponentContractException.of("a user constraint", user, List.of(Problem.of("define", "names its "
              + "constraint \"" + c.getConstraintName() + "\", as " + (i < BUILT_IN.size() ? "a built-in" : "another user")
              + " constraint does; give it a name of its own (OptaPlanner refuses two constraints of one name)")));
        }
      }
      all.add(c);
    }
    return all.toArray(Constraint[]::new);
  }

  /**
   * What a user constraint defines; a failure is named as that constraint's (a null had surfaced as OptaPlanner's
   * complaint about this provider, an exception as the bare exception).
   */
  private static Constraint defined(ProposalConstraint user, ConstraintFactory f) {
    Constraint c;
    try {
      c = user.define(f);
    } catch (RuntimeException e) {
      ComponentContractException wrapped = ComponentContractException.of("a user constraint", user,
          List.of(Problem.of("define", "threw " + e)));
      wrapped.initCause(e);
      throw wrapped;
    }
    if (c == null) {
      throw ComponentContractException.of("a user constraint", user,
          List.of(Problem.of("define", "returned null; it must return the constraint it defines")));
    }
    return c;
  }

  static Constraint budget(ConstraintFactory f) {
    return f.forEach(DebtChoice.class)
        .groupBy(ConstraintCollectors.sumLong(DebtChoice::firstInstallmentFen))
        .join(ProposalLimits.class)
        .filter((sum, limits) -> sum > limits.budgetFen())
        .penalizeLong(HardSoftLongScore.ONE_HARD, (sum, limits) -> sum - limits.budgetFen())
        .asConstraint(BUDGET);
  }

  static Constraint savings(ConstraintFactory f) {
    return f.forEach(DebtChoice.class)
        .groupBy(ConstraintCollectors.sumLong(DebtChoice::downPaymentFen))
        .join(ProposalLimits.class)
        .filter((sum, limits) -> sum > limits.savingsFen())
        .penalizeLong(HardSoftLongScore.ONE_HARD, (sum, limits) -> sum - limits.savingsFen())
        .asConstraint(SAVINGS);
  }

  static Constraint allowedByStrategy(ConstraintFactory f) {
    return f.forEach(DebtChoice.class)
        .filter(c -> Double.isNaN(c.value()))
        .penalizeLong(HardSoftLongScore.ONE_HARD, c -> 1_000_000L)
        .asConstraint(ALLOWED);
  }

  static Constraint objective(ConstraintFactory f) {
    return f.forEach(DebtChoice.class)
        .filter(c -> !Double.isNaN(c.value()))
        .impactLong(HardSoftLongScore.ONE_SOFT, c -> Math.round(c.value() * scaleOf(c)))
        .asConstraint(OBJECTIVE);
  }

  /** Fen-valued objectives stay exact; probability-valued ones are scaled to keep nine digits. */
  static double scaleOf(DebtChoice c) {
    return c.scale();
  }

  private static ProposalConstraint instantiate(String className) {
    try {
      Class<?> type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
      return (ProposalConstraint) type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalArgumentException("user constraint " + className
          + " must be a public class implementing ProposalConstraint with a public no-argument constructor", e);
    }
  }
}
