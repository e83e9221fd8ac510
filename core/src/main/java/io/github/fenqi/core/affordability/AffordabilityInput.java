package io.github.fenqi.core.affordability;

import io.github.fenqi.core.borrower.Borrower;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the model assesses: the borrower (region, household, declared figures) and, when available, the
 * months of their cleaned statements. Either or both; with both, discrepancies are reported.
 *
 * <p>Thread-safety: immutable.
 *
 * @param borrower the borrower
 * @param statementMonths months from statements, any order (sorted on construction); may be empty
 */
public record AffordabilityInput(Borrower borrower, List<MonthlyFigures> statementMonths) {
  public AffordabilityInput {
    List<MonthlyFigures> sorted = new ArrayList<>(statementMonths);
    sorted.sort(Comparator.comparing(MonthlyFigures::month));
    statementMonths = List.copyOf(sorted);
  }

  /** Declared figures only. */
  public static AffordabilityInput declared(Borrower borrower) {
    return new AffordabilityInput(borrower, List.of());
  }
}
