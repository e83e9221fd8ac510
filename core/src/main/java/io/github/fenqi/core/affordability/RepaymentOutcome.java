package io.github.fenqi.core.affordability;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.money.Money;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One historical plan and how it ended, for {@link AffordabilityCalibration}.
 *
 * <p>Each amount is at most {@link Money#LARGEST_INPUT} (10^15 yuan), like an amount read from text or a
 * {@code Borrower}'s: essentials of {@code Money.ofFen(Long.MAX_VALUE)} had made the calibration's grid walk overflow
 * with a bare {@link ArithmeticException} ("Overflow") at the first essentials weight above 1.
 *
 * <p>Thread-safety: immutable.
 *
 * @param monthlyNetIncome the borrower's assessed monthly net income when the plan started
 * @param essentialExpenses the assessed essential expenses then
 * @param installment the plan's monthly installment
 * @param defaulted whether the plan later defaulted
 */
public record RepaymentOutcome(Money monthlyNetIncome, Money essentialExpenses, Money installment, boolean defaulted) {
  public RepaymentOutcome {
    List<Problem> problems = new ArrayList<>();
    if (monthlyNetIncome == null) {
      problems.add(Problem.of("monthlyNetIncome", "is missing"));
    } else if (!monthlyNetIncome.isPositive()) {
      problems.add(Problem.of("monthlyNetIncome", monthlyNetIncome + " must be positive"));
    }
    if (essentialExpenses == null) {
      problems.add(Problem.of("essentialExpenses", "is missing"));
    } else if (essentialExpenses.isNegative()) {
      problems.add(Problem.of("essentialExpenses", essentialExpenses + " must not be negative"));
    }
    if (installment == null) {
      problems.add(Problem.of("installment", "is missing"));
    } else if (!installment.isPositive()) {
      problems.add(Problem.of("installment", installment + " must be positive"));
    }
    tooLarge("monthlyNetIncome", monthlyNetIncome, problems);
    tooLarge("essentialExpenses", essentialExpenses, problems);
    tooLarge("installment", installment, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  private static void tooLarge(String field, @Nullable Money amount, List<Problem> problems) {
    if (amount != null && amount.isGreaterThan(Money.LARGEST_INPUT)) {
      problems.add(Problem.of(field, amount + " is above " + Money.LARGEST_INPUT + ", the largest amount"));
    }
  }
}
