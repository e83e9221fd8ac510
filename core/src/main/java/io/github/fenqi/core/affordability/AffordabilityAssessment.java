package io.github.fenqi.core.affordability;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.RequiredParts;
import io.github.fenqi.core.json.CheckedWhenRead;
import io.github.fenqi.core.json.SdkOutput;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.stress.FinancialProfile;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * What the borrower can really pay each month, and how that was worked out.
 *
 * <p>Thread-safety: immutable.
 *
 * @param monthlyNetIncome the income the plan is built on
 * @param incomeSource where it came from
 * @param incomeMonthsUsed how many statement months the median used (0 for declared income): whole months only,
 *     unless none is whole
 * @param observedEssentials essentials as declared or seen in statements
 * @param livingCostFloor the regional floor applied
 * @param essentialExpenses max(observed, floor)
 * @param abilityScore income × w1 − essentials × w2 (may be negative)
 * @param maxAffordableInstallment min(score, share × income), never negative: the budget for first-month installments
 * @param canSupportPlan false when the score is ≤ 0: no installment plan is affordable
 * @param incomeVolatility coefficient of variation of monthly income, when at least two months are known (JSON leaves it
 *     out when unknown, as a result leaves out its other absent parts, where it had written {@code null})
 * @param notes every step and discrepancy, in words
 */
@SdkOutput
public record AffordabilityAssessment(
    Money monthlyNetIncome,
    IncomeSource incomeSource,
    int incomeMonthsUsed,
    Money observedEssentials,
    LivingCostFloor.Applied livingCostFloor,
    Money essentialExpenses,
    Money abilityScore,
    Money maxAffordableInstallment,
    boolean canSupportPlan,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) OptionalDouble incomeVolatility,
    List<String> notes) implements CheckedWhenRead {

  /**
   * Its parts are held to each other, each differing figure named with the right one: an assessment read back from JSON
   * had been taken with essentials other than max(observed, floor), a plan supported on a score of 0 or a budget beside
   * a score that supports none, a budget below 0, and statement income from 0 months (or declared income from 3).
   */
  public AffordabilityAssessment {
    RequiredParts.check(new String[] {"monthlyNetIncome", "incomeSource", "observedEssentials", "livingCostFloor",
        "essentialExpenses", "abilityScore", "maxAffordableInstallment", "notes"}, monthlyNetIncome, incomeSource,
        observedEssentials, livingCostFloor, essentialExpenses, abilityScore, maxAffordableInstallment, notes);
    List<Problem> problems = new ArrayList<>();
    if (incomeSource == IncomeSource.DECLARED ? incomeMonthsUsed != 0 : incomeMonthsUsed < 1) {
      problems.add(Problem.of("incomeMonthsUsed", incomeMonthsUsed + (incomeSource == IncomeSource.DECLARED
          ? " for declared income, which uses no statement month: 0" : " for statement income: at least 1")));
    }
    Money essentials = observedEssentials.max(livingCostFloor.floor());
    if (!essentialExpenses.equals(essentials)) {
      problems.add(Problem.of("essentialExpenses", essentialExpenses + " is not max(observedEssentials "
          + observedEssentials + ", livingCostFloor.floor " + livingCostFloor.floor() + ") = " + essentials));
    }
    if (canSupportPlan != abilityScore.isPositive()) {
      problems.add(Problem.of("canSupportPlan", canSupportPlan + " with an abilityScore of " + abilityScore
          + ": a plan is supported exactly when the score is above 0"));
    }
    if (maxAffordableInstallment.isNegative() || !canSupportPlan && maxAffordableInstallment.isPositive()) {
      problems.add(Problem.of("maxAffordableInstallment", maxAffordableInstallment + " is not "
          + (canSupportPlan ? "0 or more" : "0, though no plan is supported")));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    notes = List.copyOf(notes);
    // JSON omits an empty value, so a result read back has none here: it means empty
    incomeVolatility = incomeVolatility == null ? OptionalDouble.empty() : incomeVolatility;
  }

  /**
   * What this assessment breaks of the bounds the design fixes for planning on it, each named by its field: a budget
   * above half the monthly net income (no plan may take more) or above a positive ability score (the budget is
   * min(score, share × income)), a negative income, an income volatility the stress test cannot run on ({@link
   * FinancialProfile#incomeVolatilityProblem}). The constructor does not hold them: the engine asks this of a custom
   * model's assessment and names a breach as the model's fault, and reading JSON ({@link #problemsWhenRead()}) names it
   * as the JSON's.
   */
  public List<Problem> outsideBounds() {
    List<Problem> problems = new ArrayList<>();
    Money half = monthlyNetIncome.max(Money.ZERO).multiply(new BigDecimal("0.5"), RoundingMode.DOWN);
    if (maxAffordableInstallment.isNegative() || maxAffordableInstallment.isGreaterThan(half)) {
      problems.add(Problem.of("maxAffordableInstallment", maxAffordableInstallment + " is outside 0.." + half
          + " (half the monthly net income " + monthlyNetIncome + "): no plan may take more than half of income"));
    } else if (maxAffordableInstallment.isGreaterThan(abilityScore.max(Money.ZERO))) {
      problems.add(Problem.of("maxAffordableInstallment", maxAffordableInstallment + " is above the abilityScore "
          + abilityScore + ": the budget is at most the score"));
    }
    if (monthlyNetIncome.isNegative()) {
      problems.add(Problem.of("monthlyNetIncome", monthlyNetIncome + " is negative"));
    }
    FinancialProfile.incomeVolatilityProblem("incomeVolatility", incomeVolatility).ifPresent(problems::add);
    return problems;
  }

  /** {@link #outsideBounds()}: an assessment read from JSON is held to what the engine holds a model's to. */
  @Override
  public List<Problem> problemsWhenRead() {
    return outsideBounds();
  }

  /** This assessment with {@code note} before its own notes (a step taken before the model ran). */
  public AffordabilityAssessment withNoteFirst(String note) {
    List<String> all = new ArrayList<>(notes.size() + 1);
    all.add(note);
    all.addAll(notes);
    return new AffordabilityAssessment(monthlyNetIncome, incomeSource, incomeMonthsUsed, observedEssentials,
        livingCostFloor, essentialExpenses, abilityScore, maxAffordableInstallment, canSupportPlan, incomeVolatility, all);
  }

  /**
   * Where the income figure came from.
   *
   * <p>Thread-safety: immutable (an enum).
   */
  public enum IncomeSource {
    /** Typed in by the borrower or an adviser. */
    DECLARED,
    /** The median of recent statement months. */
    STATEMENTS
  }
}
