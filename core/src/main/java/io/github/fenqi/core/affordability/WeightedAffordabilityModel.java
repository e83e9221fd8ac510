package io.github.fenqi.core.affordability;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.borrower.Borrower;
import io.github.fenqi.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * {@link AffordabilityModel#weighted}: income is the median of the last (up to) six statement months the statements
 * cover in whole (the part months only when none is whole) when statements are given, else the declared income; essentials are the larger of what is observed (statements'
 * median, else declared) and the regional floor; score = income × w1 − essentials × w2; the budget is
 * min(score, share × income), never negative.
 *
 * <p>Thread-safety: immutable.
 */
final class WeightedAffordabilityModel implements AffordabilityModel {
  static final int RECENT_MONTHS = 6;
  private final AffordabilityCoefficients c;
  private final LivingCostFloor floorTable;

  WeightedAffordabilityModel(AffordabilityCoefficients coefficients, LivingCostFloor floor) {
    this.c = coefficients;
    this.floorTable = floor;
  }

  @Override
  public AffordabilityAssessment assess(AffordabilityInput input) {
    Borrower b = input.borrower();
    List<String> notes = new ArrayList<>();
    List<MonthlyFigures> recent = incomeMonths(input.statementMonths(), notes);
    Money income;
    AffordabilityAssessment.IncomeSource source;
    Money observedEssentials;
    if (!recent.isEmpty()) {
      income = median(recent.stream().mapToLong(m -> m.income().fen()).toArray(), RoundingMode.DOWN);
      source = AffordabilityAssessment.IncomeSource.STATEMENTS;
      observedEssentials = median(recent.stream().mapToLong(m -> m.essentialExpenses().fen()).toArray(), RoundingMode.UP);
      notes.add("income " + income + " is the median of " + recent.size() + " statement month"
          + (recent.size() == 1 ? "" : "s") + " (" + recent.stream().map(m -> m.month().toString()).collect(Collectors.joining(", ")) + ")");
      if (b.monthlyNetIncome() != null) {
        discrepancy(notes, "income", b.monthlyNetIncome(), income);
      }
      if (b.essentialExpenses() != null) {
        discrepancy(notes, "essential expenses", b.essentialExpenses(), observedEssentials);
      }
    } else if (b.monthlyNetIncome() != null) {
      income = b.monthlyNetIncome();
      source = AffordabilityAssessment.IncomeSource.DECLARED;
      observedEssentials = b.essentialExpenses() == null ? Money.ZERO : b.essentialExpenses();
      notes.add("income " + income + " as declared (no statement months)");
    } else {
      throw new InvalidInputException("borrower.monthlyNetIncome", "is required when no statement months are given");
    }
    LivingCostFloor.Applied floor = floorTable.floor(b.regionCode(), b.householdSize());
    Money essentials = observedEssentials.max(floor.floor());
    notes.add("essentials " + essentials + " = max(observed " + observedEssentials + ", floor " + floor.floor() + " = "
        + floor.row().monthlyPerPerson() + " (" + floor.row().name() + " " + (floor.row().year() == 0 ? "" : floor.row().year() + " ")
        + "低保) × uplift " + floorTable.uplift().toPlainString() + " × household of " + b.householdSize() + (floor.fallback() ? ", region not in the table" : "") + ")");
    Money score = income.multiply(c.incomeWeight(), RoundingMode.DOWN)
        .minus(essentials.multiply(c.essentialsWeight(), RoundingMode.UP));
    Money cap = income.multiply(c.maxIncomeShare(), RoundingMode.DOWN);
    Money budget = score.min(cap).max(Money.ZERO);
    boolean canSupport = score.isPositive();
    notes.add("ability score " + score + " = income × " + c.incomeWeight().toPlainString() + " − essentials × "
        + c.essentialsWeight().toPlainString());
    notes.add(canSupport ? "maximum affordable installment " + budget + " = min(score, " + c.maxIncomeShare().toPlainString()
        + " × income = " + cap + ")"
        : "the score is not positive: this income cannot support any installment plan");
    return new AffordabilityAssessment(income, source, source == AffordabilityAssessment.IncomeSource.STATEMENTS ? recent.size() : 0,
        observedEssentials, floor, essentials, score, budget, canSupport, volatility(recent), notes);
  }

  /**
   * The last (up to) six months the statements cover in whole; the months they cover in part only when none is whole.
   * A part month holds only its covered days' rows: counted as a month it put a salary paid outside them at zero (a
   * case dated the 9th, salary on the 10th: the median of May and that June was half the salary), so each one left out
   * is named with its days.
   */
  private static List<MonthlyFigures> incomeMonths(List<MonthlyFigures> months, List<String> notes) {
    List<MonthlyFigures> pool = MonthlyFigures.measuredFrom(months);
    boolean whole = pool.stream().anyMatch(MonthlyFigures::wholeMonth);
    List<MonthlyFigures> part = months.stream().filter(m -> !m.wholeMonth()).toList();
    String parts = part.stream().map(m -> m.month() + " (" + m.daysCovered() + " of " + m.month().lengthOfMonth()
        + " days)").collect(Collectors.joining(", "));
    if (!part.isEmpty() && whole) {
      notes.add("left out of the income months: " + parts + ", which the statements cover only in part; counted "
          + "whole, a part month understates income and spending (a salary paid outside the days covered reads as none)");
    } else if (!part.isEmpty()) {
      notes.add("no month is covered by the statements from its first day to its last: the part months " + parts
          + " are used, and their income and spending may be understated; statements of a whole month give a truer "
          + "budget");
    }
    return pool.subList(Math.max(0, pool.size() - RECENT_MONTHS), pool.size());
  }

  private static void discrepancy(List<String> notes, String what, Money declared, Money observed) {
    long diff = Math.abs(declared.fen() - observed.fen());
    if (diff * 10 > Math.max(observed.fen(), declared.fen())) {
      notes.add("declared " + what + " " + declared + " differs from the statements' " + observed
          + " by more than 10 % of the larger figure");
    }
  }

  /**
   * The middle value, or the mean of the middle two rounded to the fen in the cautious direction ({@code DOWN} for
   * income, {@code UP} for essentials): both had been rounded down, so essentials of 2 000.00 and 2 000.01 were
   * 2 000.00, and the budget a fen above what the months allow.
   */
  private static Money median(long[] values, RoundingMode rounding) {
    long[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    if (n % 2 == 1) {
      return Money.ofFen(v[n / 2]);
    }
    return Money.ofFen(Math.addExact(v[n / 2 - 1], v[n / 2])).multiply(new BigDecimal("0.5"), rounding);
  }

  private static OptionalDouble volatility(List<MonthlyFigures> months) {
    if (months.size() < 2) {
      return OptionalDouble.empty();
    }
    double mean = months.stream().mapToLong(m -> m.income().fen()).average().orElse(0);
    if (mean <= 0) {
      return OptionalDouble.empty();
    }
    double var = months.stream().mapToDouble(m -> Math.pow(m.income().fen() - mean, 2)).sum() / (months.size() - 1);
    return OptionalDouble.of(Math.sqrt(var) / mean);
  }
}
