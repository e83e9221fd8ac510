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
  public MonthlyFigures {
    if (income.isNegative() || salaryIncome.isNegative() || essentialExpenses.isNegative() || loanRepayments.isNegative()) {
      throw new InvalidInputException(month.toString(), "monthly figures must not be negative");
    }
  }
}
