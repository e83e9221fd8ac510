package io.github.fenqi.core.statement;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.RequiredParts;
import io.github.fenqi.core.affordability.MonthlyFigures;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The borrower's statements after parsing, cleaning and categorising: every row is accounted for as rejected
 * (malformed), removed (with the reason) or kept (with its category), and the months sum the kept rows.
 *
 * <p>Thread-safety: immutable.
 *
 * @param statements one summary per file
 * @param rejected malformed rows, {@code file:line: reason}
 * @param removals rows cleaning removed, each explained
 * @param transactions the kept rows with their categories, in time order
 * @param months every calendar month from the first to the last row read (kept or not) that a statement covers: a
 *     month without kept rows inside one statement's span is a month with nothing in it (zeros)
 * @param uncovered the months between the first and the last row that no statement covers (one ends before, the
 *     next begins after): nothing is known of them, so they are left out of {@code months} rather than counted as
 *     months without income
 */
public record StatementAnalysis(
    List<StatementSummary> statements,
    List<Problem> rejected,
    List<Removal> removals,
    List<CategorisedTransaction> transactions,
    List<MonthlySummary> months,
    List<YearMonth> uncovered) {

  /** An analysis whose months are all covered. */
  public StatementAnalysis(List<StatementSummary> statements, List<Problem> rejected, List<Removal> removals,
      List<CategorisedTransaction> transactions, List<MonthlySummary> months) {
    this(statements, rejected, removals, transactions, months, List.of());
  }

  /**
   * One file's counts.
   *
   * <p>Thread-safety: immutable.
   *
   * @param source the file
   * @param format its format
   * @param encoding the encoding found
   * @param rowsRead data rows read
   * @param rowsRejected malformed rows
   * @param rowsRemoved rows removed by cleaning
   * @param rowsKept rows kept and categorised
   */
  public record StatementSummary(String source, StatementFormat format, String encoding, int rowsRead, int rowsRejected,
      int rowsRemoved, int rowsKept) implements java.io.Serializable {
    public StatementSummary {
      RequiredParts.check(new String[] {"source", "format", "encoding"}, source, format, encoding);
    }
  }

  public StatementAnalysis {
    statements = List.copyOf(statements);
    rejected = List.copyOf(rejected);
    removals = List.copyOf(removals);
    transactions = List.copyOf(transactions);
    months = List.copyOf(months);
    uncovered = List.copyOf(uncovered);
  }

  /** Data rows read over all files. */
  public int rowsRead() {
    return statements.stream().mapToInt(StatementSummary::rowsRead).sum();
  }

  /** Rows kept after cleaning. */
  public int rowsKept() {
    return transactions.size();
  }

  /** Rows removed for any of {@code kinds}. */
  public long removed(RemovalKind... kinds) {
    List<RemovalKind> k = List.of(kinds);
    return removals.stream().filter(r -> k.contains(r.kind())).count();
  }

  /**
   * The months as the affordability model reads them. A month whose rows sum beyond what a month may hold (two salary
   * credits of 999 999 999 999 999.00) is refused naming the statements its kept rows come from, every such month at
   * once: each row was within bounds, and the problem had named the month alone ({@code 2026-10 income}), not the file
   * to look in.
   */
  public List<MonthlyFigures> monthlyFigures() {
    List<MonthlyFigures> figures = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (MonthlySummary month : months) {
      try {
        figures.add(month.figures());
      } catch (InvalidInputException e) {
        String files = transactions.stream().map(CategorisedTransaction::transaction)
            .filter(t -> YearMonth.from(t.time()).equals(month.month())).map(Transaction::source).distinct()
            .collect(Collectors.joining(", "));
        for (Problem problem : e.problems()) {
          problems.add(files.isEmpty() ? problem : Problem.of(files + ": " + problem.location(), problem.reason()));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return List.copyOf(figures);
  }
}
