package io.github.fenqi.core.affordability;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.money.Money;
import java.time.YearMonth;

/**
 * One month of a borrower's cleaned and categorised statements: what the affordability model reads.
 *
 * <p>Thread-safety: immutable.
 *
 * @param month the calendar month
 * @param income all income (salary and other)
 * @param salaryIncome the salary part of it
 * @param essentialExpenses rent, utilities, groceries and other essentials
 * @param loanRepayments repayments of loans seen in the statements
 */
public record MonthlyFigures(YearMonth month, Money income, Money salaryIncome, Money essentialExpenses, Money loanRepayments) {
  /**
   * The most a month's figure may be: 10^15 yuan, the bound of every amount read from text. A statement's month sums
   * many rows, each up to that bound, and sums far beyond it (5 × 10^16 yuan in each of two months) had made the model's
   * median overflow with an {@link ArithmeticException}; within it, the model's arithmetic cannot overflow.
   */
  public static final Money MAX = Money.ofYuan(1_000_000_000_000_000L);

  public MonthlyFigures {
    if (income.isNegative() || salaryIncome.isNegative() || essentialExpenses.isNegative() || loanRepayments.isNegative()) {
      throw new InvalidInputException(month.toString(), "monthly figures must not be negative");
    }
    Money largest = income.max(salaryIncome).max(essentialExpenses).max(loanRepayments);
    if (largest.isGreaterThan(MAX)) {
      throw new InvalidInputException(month.toString(), "a monthly figure of " + largest + " is above " + MAX
          + ", more than any borrower's month");
    }
  }
}
