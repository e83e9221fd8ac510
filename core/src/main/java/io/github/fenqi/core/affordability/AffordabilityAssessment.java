package io.github.fenqi.core.affordability;

import io.github.fenqi.core.RequiredParts;
import io.github.fenqi.core.money.Money;
import java.util.List;
import java.util.OptionalDouble;

/**
 * What the borrower can really pay each month, and how that was worked out.
 *
 * <p>Thread-safety: immutable.
 *
 * @param monthlyNetIncome the income the plan is built on
 * @param incomeSource where it came from
 * @param incomeMonthsUsed how many statement months the median used (0 for declared income)
 * @param observedEssentials essentials as declared or seen in statements
 * @param livingCostFloor the regional floor applied
 * @param essentialExpenses max(observed, floor)
 * @param abilityScore income × w1 − essentials × w2 (may be negative)
 * @param maxAffordableInstallment min(score, share × income), never negative: the budget for first-month installments
 * @param canSupportPlan false when the score is ≤ 0: no installment plan is affordable
 * @param incomeVolatility coefficient of variation of monthly income, when at least two months are known
 * @param notes every step and discrepancy, in words
 */
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
    OptionalDouble incomeVolatility,
    List<String> notes) {

  public AffordabilityAssessment {
    RequiredParts.check(new String[] {"monthlyNetIncome", "incomeSource", "observedEssentials", "livingCostFloor",
        "essentialExpenses", "abilityScore", "maxAffordableInstallment", "notes"}, monthlyNetIncome, incomeSource,
        observedEssentials, livingCostFloor, essentialExpenses, abilityScore, maxAffordableInstallment, notes);
    notes = List.copyOf(notes);
    // JSON omits an empty value, so a result read back has none here: it means empty
    incomeVolatility = incomeVolatility == null ? OptionalDouble.empty() : incomeVolatility;
  }

  /** This assessment with {@code note} before its own notes (a step taken before the model ran). */
  public AffordabilityAssessment withNoteFirst(String note) {
    List<String> all = new java.util.ArrayList<>(notes.size() + 1);
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
