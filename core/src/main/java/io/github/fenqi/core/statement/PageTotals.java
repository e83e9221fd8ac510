package io.github.fenqi.core.statement;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.money.Money;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a bank export saved page by page states a page's rows add up to: its 本页合计 (or 本页小计) line under the
 * credit and the debit column, after the page's last row, before the header repeats or the export's 合计. The bank adds
 * the page up when it exports it, so a row of the page edited, added or removed disagrees with it unless the line was
 * edited too ({@link StatementForensics} compares them, naming this line). Such lines had been rejected as footer lines
 * among the rows, and the last page's taken as the export's totals, which its 合计 line then contradicted.
 *
 * <p>Thread-safety: immutable.
 *
 * @param line 1-based line of the file stating the page's sums
 * @param firstLine 1-based first line of the page: the line after the header or the previous page's totals line; the
 *     page's rows are those from it to the line before {@code line}
 * @param credit the sum of the page's credits stated, or null when the line leaves it empty
 * @param debit the sum of the page's debits stated (its magnitude, when the bank signs it), or null when the line
 *     leaves it empty
 */
public record PageTotals(int line, int firstLine, @Nullable Money credit, @Nullable Money debit) {

  public PageTotals {
    List<Problem> problems = new ArrayList<>();
    if (credit == null && debit == null) {
      problems.add(Problem.of("credit", "is missing, and so is debit: a page's totals line states at least one sum"));
    }
    if (credit != null && credit.isNegative()) {
      problems.add(Problem.of("credit", credit + " is negative"));
    }
    if (debit != null && debit.isNegative()) {
      problems.add(Problem.of("debit", debit + " is negative"));
    }
    if (firstLine < 1 || firstLine > line) {
      problems.add(Problem.of("firstLine", firstLine + " is not a line of a file (≥ 1) up to the totals line " + line));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }
}
