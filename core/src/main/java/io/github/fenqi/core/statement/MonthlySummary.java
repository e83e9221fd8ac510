package io.github.fenqi.core.statement;

import io.github.fenqi.core.affordability.MonthlyFigures;
import io.github.fenqi.core.money.Money;
import java.time.YearMonth;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One calendar month of cleaned, categorised statements (by each row's own date: salary counts in the month it is
 * credited).
 *
 * <p>Thread-safety: immutable.
 *
 * @param month the month
 * @param salaryIncome {@link TransactionCategory#SALARY} credits
 * @param otherIncome other income categories (gig, transfers from others, benefits, interest, unrecognised credits)
 * @param income salary plus other income
 * @param otherIncomeByCategory the other income split by category (only categories with money)
 * @param essentialExpenses rent + utilities + food
 * @param rent rent
 * @param utilities water, electricity, gas, heating
 * @param food meals, takeaway, groceries
 * @param otherSpending every other debit (telecom, shopping, transport, transfers out, cash, a wallet's
 *     withdrawal fees, unrecognised), and every fee a kept row states ({@link Transaction#fee})
 * @param loanRepayments repayments to lenders
 * @param loanRepaymentsByPlatform the repayments by lender: a person's name masked ({@code 张*}), and those whose lender
 *     no row names (a bank's 贷款还款 without a counterparty) under {@link #UNNAMED_LENDER}
 * @param daysCovered how many of the month's days the statements cover, from a statement's first row's day to its
 *     last's (the only dates every export gives): fewer than the month's length when one begins or ends inside it
 */
public record MonthlySummary(
    YearMonth month,
    Money salaryIncome,
    Money otherIncome,
    Money income,
    Map<TransactionCategory, Money> otherIncomeByCategory,
    Money essentialExpenses,
    Money rent,
    Money utilities,
    Money food,
    Money otherSpending,
    Money loanRepayments,
    Map<String, Money> loanRepaymentsByPlatform,
    int daysCovered) {

  /**
   * The key of the repayments whose row names no lender (no counterparty): they had been summed under an empty name,
   * {@code "": 500.00} in the JSON.
   */
  public static final String UNNAMED_LENDER = "(lender not named)";

  public MonthlySummary {
    if (month != null && (daysCovered < 1 || daysCovered > month.lengthOfMonth())) {
      throw new io.github.fenqi.core.InvalidInputException(month + " daysCovered", daysCovered + " is not within 1.."
          + month.lengthOfMonth() + ", the days of the month");
    }
    // category and name order: Map.copyOf's iteration order changes from one JVM to the next, and so did the JSON
    Map<TransactionCategory, Money> byCategory = new EnumMap<>(TransactionCategory.class);
    byCategory.putAll(Map.copyOf(otherIncomeByCategory));
    otherIncomeByCategory = Collections.unmodifiableMap(byCategory);
    loanRepaymentsByPlatform = Collections.unmodifiableMap(new TreeMap<>(Map.copyOf(loanRepaymentsByPlatform)));
  }

  /** A month the statements cover in whole. */
  public MonthlySummary(YearMonth month, Money salaryIncome, Money otherIncome, Money income,
      Map<TransactionCategory, Money> otherIncomeByCategory, Money essentialExpenses, Money rent, Money utilities,
      Money food, Money otherSpending, Money loanRepayments, Map<String, Money> loanRepaymentsByPlatform) {
    this(month, salaryIncome, otherIncome, income, otherIncomeByCategory, essentialExpenses, rent, utilities, food,
        otherSpending, loanRepayments, loanRepaymentsByPlatform, month.lengthOfMonth());
  }

  /** What the affordability model reads. */
  public MonthlyFigures figures() {
    return new MonthlyFigures(month, income, salaryIncome, essentialExpenses, loanRepayments, daysCovered);
  }
}
