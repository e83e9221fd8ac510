package io.github.fenqi.core.statement;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.money.Money;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a bank export's totals line after its last row (合计,,,12345.67,2345.00,…) states its rows add up to: the sum
 * it writes under the credit column and the one under the debit column, each where it writes one. The bank adds the
 * rows up when it exports them, so rows edited, added or removed afterwards disagree with it unless the line was edited
 * too ({@link StatementForensics} compares them).
 *
 * <p>Thread-safety: immutable.
 *
 * @param line 1-based line of the file holding the totals
 * @param credit the sum stated under the credit column, or null when the line leaves that column empty
 * @param debit the sum stated under the debit column (its magnitude, when the bank signs it), or null when empty
 */
public record FooterTotals(int line, @Nullable Money credit, @Nullable Money debit) {

  public FooterTotals {
    List<Problem> problems = new ArrayList<>();
    if (line < 1) {
      problems.add(Problem.of("line", line + " is not a line of a file (≥ 1)"));
    }
    if (credit == null && debit == null) {
      problems.add(Problem.of("credit", "is missing, and so is debit: a totals line states at least one sum"));
    }
    if (credit != null && credit.isNegative()) {
      problems.add(Problem.of("credit", credit + " is negative"));
    }
    if (debit != null && debit.isNegative()) {
      problems.add(Problem.of("debit", debit + " is negative"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }
}
