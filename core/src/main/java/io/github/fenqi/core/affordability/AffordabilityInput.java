package io.github.fenqi.core.affordability;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.borrower.Borrower;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the model assesses: the borrower (region, household, declared figures) and, when available, the
 * months of their cleaned statements. Either or both; with both, discrepancies are reported.
 *
 * <p>Thread-safety: immutable.
 *
 * @param borrower the borrower
 * @param statementMonths months from statements, any order (sorted on construction), each month once — a month
 *     given twice (one per statement) would count twice in the median, so it is an error; may be empty
 */
public record AffordabilityInput(Borrower borrower, List<MonthlyFigures> statementMonths) {
  /**
   * A missing borrower, list or month is named (each had been a bare NullPointerException, the borrower's only once
   * a model read it), as is a month given twice.
   */
  public AffordabilityInput {
    List<Problem> problems = new ArrayList<>();
    if (borrower == null) {
      problems.add(Problem.of("borrower", "is missing"));
    }
    if (statementMonths == null) {
      problems.add(Problem.of("statementMonths", "is missing (an empty list when there are no statements)"));
      throw new InvalidInputException(problems);
    }
    for (int i = 0; i < statementMonths.size(); i++) {
      if (statementMonths.get(i) == null) {
        problems.add(Problem.of("statementMonths[" + i + "]", "is missing"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    Map<YearMonth, Integer> first = new HashMap<>();
    for (int i = 0; i < statementMonths.size(); i++) {
      Integer earlier = first.putIfAbsent(statementMonths.get(i).month(), i);
      if (earlier != null) {
        problems.add(Problem.of("statementMonths[" + i + "].month", statementMonths.get(i).month() + " is also "
            + "statementMonths[" + earlier + "]: one figure per month (sum the statements' months, as "
            + "StatementAnalysis.monthlyFigures does)"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    List<MonthlyFigures> sorted = new ArrayList<>(statementMonths);
    sorted.sort(Comparator.comparing(MonthlyFigures::month));
    statementMonths = List.copyOf(sorted);
  }

  /** Declared figures only. */
  public static AffordabilityInput declared(Borrower borrower) {
    return new AffordabilityInput(borrower, List.of());
  }
}
