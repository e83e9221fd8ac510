package io.github.fenqi.core.affordability;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.money.Money;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

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
 * @param daysCovered how many of the month's days the statements cover (1 to its length): a month they cover only in
 *     part (a statement beginning on the 20th, a case dated the 9th) holds only those days' income and spending, so the
 *     model leaves it out when whole months are known ({@link #wholeMonth()})
 */
public record MonthlyFigures(YearMonth month, Money income, Money salaryIncome, Money essentialExpenses, Money loanRepayments,
    int daysCovered) {
  /**
   * The most a month's figure may be: 10^15 yuan, the bound of every amount read from text. A statement's month sums
   * many rows, each up to that bound, and sums far beyond it (5 × 10^16 yuan in each of two months) had made the model's
   * median overflow with an {@link ArithmeticException}; within it, the model's arithmetic cannot overflow.
   */
  public static final Money MAX = Money.ofYuan(1_000_000_000_000_000L);

  /**
   * Every problem of the month at once, each naming the month and the figure ({@code 2026-05 income}): a missing month
   * had been accepted and broke {@link AffordabilityInput} later with a bare NullPointerException from its sort, a
   * missing figure was a bare NullPointerException here, a negative figure was reported without saying which of the
   * four it was, and a salary above the month's income (salary is a part of it: the two figures swapped, or income
   * given without the salary) was accepted without a word.
   */
  public MonthlyFigures {
    List<Problem> problems = new ArrayList<>();
    if (month == null) {
      problems.add(Problem.of("month", "is missing"));
    }
    String at = month == null ? "" : month + " ";
    figure(problems, at + "income", income);
    figure(problems, at + "salaryIncome", salaryIncome);
    figure(problems, at + "essentialExpenses", essentialExpenses);
    figure(problems, at + "loanRepayments", loanRepayments);
    if (month != null && (daysCovered < 1 || daysCovered > month.lengthOfMonth())) {
      problems.add(Problem.of(at + "daysCovered", daysCovered + " is not within 1.." + month.lengthOfMonth()
          + ", the days of the month"));
    }
    if (problems.isEmpty() && salaryIncome.isGreaterThan(income)) {
      problems.add(Problem.of(at + "salaryIncome", salaryIncome + " is more than the month's income " + income
          + ", of which it is a part"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  /** A month the statements cover from its first day to its last. */
  public MonthlyFigures(YearMonth month, Money income, Money salaryIncome, Money essentialExpenses, Money loanRepayments) {
    this(month, income, salaryIncome, essentialExpenses, loanRepayments, month == null ? 1 : month.lengthOfMonth());
  }

  /** Whether the statements cover every day of the month, so that its figures are a whole month's. */
  public boolean wholeMonth() {
    return daysCovered == month.lengthOfMonth();
  }

  /**
   * The months of {@code months} income is measured from: those covered whole, or all of them when none is (a part
   * month holds only its covered days' rows, and counted beside whole months understates them). The default model takes
   * its income from the last six of these, and the engine judges by the last of them whether the income may be out of
   * date: by the last month of all, a part month, an income measured years earlier had been taken as current.
   */
  public static List<MonthlyFigures> measuredFrom(List<MonthlyFigures> months) {
    List<MonthlyFigures> whole = months.stream().filter(MonthlyFigures::wholeMonth).toList();
    return whole.isEmpty() ? List.copyOf(months) : whole;
  }

  private static void figure(List<Problem> problems, String field, @Nullable Money amount) {
    if (amount == null) {
      problems.add(Problem.of(field, "is missing"));
    } else if (amount.isNegative()) {
      problems.add(Problem.of(field, amount + " is negative"));
    } else if (amount.isGreaterThan(MAX)) {
      problems.add(Problem.of(field, amount + " is above " + MAX + ", more than any borrower's month"));
    }
  }
}
