package io.github.fenqi.optaplanner;

import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;

/**
 * A constraint a user adds to the built-in ones, written with constraint streams over {@link DebtChoice} (and
 * {@link ProposalLimits}). Add one to {@link OptaPlannerProposalSolver.Builder#constraint(Class)} as a class with a public
 * no-argument constructor (created anew for each strategy's solver), or to
 * {@link OptaPlannerProposalSolver.Builder#constraint(ProposalConstraint)} as an instance, for one configured with
 * parameters (shared by every solve, so immutable).
 *
 * <pre>{@code
 * public final class AtMostTwoWithoutDownPayment implements ProposalConstraint {
 *   public Constraint define(ConstraintFactory f) {
 *     return f.forEach(DebtChoice.class).filter(c -> c.downPaymentFen() == 0)
 *         .groupBy(ConstraintCollectors.count()).filter(n -> n > 2)
 *         .penalizeLong(HardSoftLongScore.ONE_HARD, n -> n - 2).asConstraint("at most two without down payment");
 *   }
 * }
 * }</pre>
 *
 * <p>Hard scores may only be penalised (a hard reward would pay for a plan above the budget; the solver refuses one
 * that shows in a best plan), and the constraint's name must differ from the built-in ones' and the other user
 * constraints'.
 *
 * <p>Thread-safety: OptaPlanner builds and calls implementations on its solver threads; keep them stateless.
 */
public interface ProposalConstraint {
  Constraint define(ConstraintFactory factory);
}
