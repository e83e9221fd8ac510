package io.github.fenqi.core.affordability;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.borrower.Borrower;
import io.github.fenqi.core.money.Money;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * {@link AffordabilityModel#weighted}: income is the median of the last (up to) six statement months when
 * statements are given, else the declared income; essentials are the larger of what is observed (statements'
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
    List<MonthlyFigures> months = input.statementMonths();
    List<MonthlyFigures> recent = months.subList(Math.max(0, months.size() - RECENT_MONTHS), months.size());
    Money income;
    AffordabilityAssessment.IncomeSource source;
    Money observedEssentials;
    if (!recent.isEmpty()) {
      income = median(recent.stream().mapToLong(m -> m.income().fen()).toArray());
      source = AffordabilityAssessment.IncomeSource.STATEMENTS;
      observedEssentials = median(recent.stream().mapToLong(m -> m.essentialExpenses().fen()).toArray());
      notes.add("income " + income + " is the median of " + recent.size() + " statement months ("
          + recent.get(0).month() + ".." + recent.get(recent.size() - 1).month() + ")");
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
        + "低保) × uplift × household of " + b.householdSize() + (floor.fallback() ? ", region not in the table" : "") + ")");
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

  private static void discrepancy(List<String> notes, String what, Money declared, Money observed) {
    long diff = Math.abs(declared.fen() - observed.fen());
    if (diff * 10 > Math.max(observed.fen(), declared.fen())) {
      notes.add("declared " + what + " " + declared + " differs from the statements' " + observed + " by more than 10 %");
    }
  }

  private static Money median(long[] values) {
    long[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return Money.ofFen(n % 2 == 1 ? v[n / 2] : Math.floorDiv(Math.addExact(v[n / 2 - 1], v[n / 2]), 2));
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
