package io.github.fenqi.core.solve;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.json.SdkOutput;
import io.github.fenqi.core.money.Money;
import java.util.ArrayList;
import java.util.List;

/**
 * Why no proposal fits, and by how much: an answer, not an error. The recommendation is to seek debt
 * restructuring (债务重组) with the lenders together or the legal route (e.g. personal debt mediation),
 * because no single-lender installment plan on the policies fits the borrower's means.
 *
 * <p>Thread-safety: immutable.
 *
 * @param binding the constraint that cannot be met
 * @param required the least the constraint would need (e.g. the smallest possible Σ first installments)
 * @param available what the borrower has: the problem's monthly budget where the budget binds (alone or with the
 *     savings), its liquid savings where the savings bind (the engine stops a solver giving another figure)
 * @param shortfall required − available: positive for the budget and savings; zero for {@link
 *     BindingConstraint#NO_ELIGIBLE_DEBT} and {@link BindingConstraint#USER_CONSTRAINT}, which no amount of money
 *     measures (their required and available are zero too); never negative ({@link
 *     BindingConstraint#BUDGET_AND_SAVINGS_TOGETHER}'s is 0 when the least total found is within the budget, as
 *     {@link #diagnose} says of grids that have a plan). The constructor holds the three amounts to this, so that one
 *     read back from JSON or built by a custom solver cannot tell a borrower a shortfall its own figures contradict.
 * @param reason one sentence for people
 * @param recommendation what to do instead
 */
@SdkOutput
public record Infeasibility(
    BindingConstraint binding, Money required, Money available, Money shortfall, String reason, String recommendation) {

  public Infeasibility {
    List<Problem> problems = new ArrayList<>();
    ProposalProblem.required(problems, new String[] {"binding", "required", "available", "shortfall", "reason",
        "recommendation"}, binding, required, available, shortfall, reason, recommendation);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    String[] fields = {"required", "available", "shortfall"};
    Money[] amounts = {required, available, shortfall};
    for (int i = 0; i < fields.length; i++) {
      if (amounts[i].isNegative()) {
        problems.add(Problem.of(fields[i], "'" + amounts[i] + "' is negative"));
      }
    }
    if (problems.isEmpty()) {
      amountsAgree(binding, required, available, shortfall).ifPresent(problems::add);
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  /** The problem with the amounts of a {@code binding} infeasibility, each of them non-negative; empty when none. */
  private static java.util.Optional<Problem> amountsAgree(BindingConstraint binding, Money required, Money available,
      Money shortfall) {
    Money gap = required.minus(available);
    return java.util.Optional.ofNullable(switch (binding) {
      case NO_ELIGIBLE_DEBT, USER_CONSTRAINT -> required.isZero() && available.isZero() && shortfall.isZero() ? null
          : Problem.of("shortfall", binding + " is measured by no amount of money: required, available and shortfall "
              + "are 0.00, not " + required + ", " + available + " and " + shortfall);
      case MONTHLY_BUDGET, LIQUID_SAVINGS -> gap.isPositive() && shortfall.equals(gap) ? null
          : Problem.of("shortfall", "'" + shortfall + "' where " + binding + " binds: required " + required
              + " less available " + available + " is " + gap + (gap.isPositive() ? "" : ", which binds nothing"));
      case BUDGET_AND_SAVINGS_TOGETHER -> shortfall.equals(gap.max(Money.ZERO)) ? null
          : Problem.of("shortfall", "'" + shortfall + "' where required " + required + " less available "
              + available + " is " + gap.max(Money.ZERO) + " (0.00 when none)");
      case ACCEPTANCE_FLOOR -> null; // a custom solver's floor: no amount of the problem's measures it
    });
  }

  /**
   * The constraints a case can fail on.
   *
   * <p>Thread-safety: immutable (an enum).
   */
  public enum BindingConstraint {
    /**
     * No eligible debt: nothing to negotiate under the policies. The answer to a problem with no debt, and to no other
     * (the engine stops a solver answering otherwise, as a contradiction of the eligibility).
     */
    NO_ELIGIBLE_DEBT,
    /**
     * Even the smallest first installments exceed the monthly budget (or the budget is zero). {@code required} is the
     * least Σ first installments whose down payments fit the savings, which is more than the smallest possible one
     * when that one needs more down payment than the borrower has: the budget must reach {@code required}.
     */
    MONTHLY_BUDGET,
    /**
     * Even the smallest down payments exceed liquid savings. No budget has a plan then, so the savings bind whether or
     * not the budget is short too; the reason says so when it is.
     */
    LIQUID_SAVINGS,
    /** Each fits alone but not both together. */
    BUDGET_AND_SAVINGS_TOGETHER,
    /**
     * No combination meets the acceptance floor. fenqi's solvers never answer with it: the floor is AGGRESSIVE's alone,
     * and a case in which only AGGRESSIVE has no plan is feasible, with a note on AGGRESSIVE saying so
     * ({@link ProposalSet#notes}); a custom solver whose every strategy has a floor may.
     */
    ACCEPTANCE_FLOOR,
    /**
     * A constraint a solver adds to the built-in ones (an OptaPlanner user constraint) cannot be met together with
     * them, though the budget and the savings alone can: the reason names it. Without this a solver could only
     * blame the budget or the savings, with a "shortfall" that does not exist.
     */
    USER_CONSTRAINT
  }

  /**
   * Which constraint binds, and by how much, for grids on which no plan fits: the smallest Σ down payments against
   * the savings first, as no budget has a plan while they exceed them (the reason then says too by how much the
   * smallest possible Σ first installments exceed a budget short as well); else the least Σ first installments whose
   * down payments fit the savings against the budget — {@link BindingConstraint#MONTHLY_BUDGET} when even the
   * smallest possible Σ exceeds it, {@link BindingConstraint#BUDGET_AND_SAVINGS_TOGETHER} otherwise. The budget's
   * shortfall is then what it must rise by for a plan to exist.
   */
  public static Infeasibility diagnose(java.util.List<OptionGrid> grids, Money budget, Money savings, GridConfig config) {
    return ExactProposalSolver.diagnoseGrids(grids, budget.fen(), savings.fen(), config);
  }

  /**
   * When no debt is eligible, the reasons differ (too recent, no proof, a balance small enough to pay in full), and so
   * does what to do: restructuring is the answer only when none of them can be met.
   */
  static final String NO_ELIGIBLE = "See each debt's reasons: some are met in time (more days overdue), with proof of "
      + "hardship, or by paying a small balance in full. If none can be, seek a debt restructuring across all lenders "
      + "(债务重组) or the legal route (personal debt mediation, court-supervised settlement).";

  static final String RESTRUCTURE = "Seek a debt restructuring across all lenders (债务重组) or the legal route "
      + "(personal debt mediation, court-supervised settlement) instead of single-lender installment negotiation.";
}
