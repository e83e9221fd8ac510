package io.github.fenqi.core.statement;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.money.Money;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a bank export's footer after its last row states its rows add up to: the sum of the credits and the sum of the
 * debits, each where it states one — both on one totals line (合计,,,12345.67,2345.00,…, under the credit and the debit
 * column), or each on a line of its own (收入合计：12345.67, 支出合计：2345.00). The bank adds the rows up when it
 * exports them, so rows edited, added or removed afterwards disagree with it unless the footer was edited too
 * ({@link StatementForensics} compares them, naming the line a sum is stated on).
 *
 * <p>Thread-safety: immutable.
 *
 * @param creditLine 1-based line of the file stating the credit sum, or 0 when none states it
 * @param credit the sum of the credits stated, or null when no line states it
 * @param debitLine 1-based line of the file stating the debit sum, or 0 when none states it
 * @param debit the sum of the debits stated (its magnitude, when the bank signs it), or null when no line states it
 */
public record FooterTotals(int creditLine, @Nullable Money credit, int debitLine, @Nullable Money debit) {

  public FooterTotals {
    List<Problem> problems = new ArrayList<>();
    if (credit == null && debit == null) {
      problems.add(Problem.of("credit", "is missing, and so is debit: a footer states at least one sum"));
    }
    check(problems, "credit", creditLine, credit);
    check(problems, "debit", debitLine, debit);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  /** Both sums stated on one totals line (either may be left empty there). */
  public FooterTotals(int line, @Nullable Money credit, @Nullable Money debit) {
    this(credit == null ? 0 : line, credit, debit == null ? 0 : line, debit);
  }

  private static void check(List<Problem> problems, String field, int line, @Nullable Money sum) {
    if (sum == null && line != 0) {
      problems.add(Problem.of(field + "Line", line + " names a line stating no " + field + " sum (0 when none does)"));
    }
    if (sum != null && line < 1) {
      problems.add(Problem.of(field + "Line", line + " is not a line of a file (≥ 1)"));
    }
    if (sum != null && sum.isNegative()) {
      problems.add(Problem.of(field, sum + " is negative"));
    }
  }

  /** The first line of the file stating a sum. */
  public int line() {
    return credit == null ? debitLine : debit == null ? creditLine : Math.min(creditLine, debitLine);
  }

  /**
   * These sums, each missing one taken from {@code later} (a footer line after the one stating these): the first line
   * stating a sum states it. The parser rejects a later line stating a sum otherwise than these before it joins them,
   * and takes that sum from neither line.
   */
  public FooterTotals and(FooterTotals later) {
    return new FooterTotals(credit == null ? later.creditLine : creditLine, credit == null ? later.credit : credit,
        debit == null ? later.debitLine : debitLine, debit == null ? later.debit : debit);
  }
}
