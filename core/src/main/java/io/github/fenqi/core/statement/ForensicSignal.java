package io.github.fenqi.core.statement;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.RequiredParts;
import java.util.ArrayList;
import java.util.List;

/**
 * One sign that a statement may have been edited.
 *
 * <p>Thread-safety: immutable.
 *
 * @param kind what was seen
 * @param rows the rows concerned, as {@code file:line}
 * @param strength how strong the sign is, 0 (faint) to 1 (conclusive)
 * @param detail what was measured, in words
 */
public record ForensicSignal(Kind kind, List<String> rows, double strength, String detail)
    implements java.io.Serializable {

  /**
   * The signals {@link StatementForensics} looks for.
   *
   * <p>Thread-safety: immutable (an enum).
   */
  public enum Kind {
    /** Previous balance + credit − debit ≠ stated balance: a row was edited, inserted or removed. */
    BALANCE_BREAK,
    /** The same serial (or an identical bank row) twice. */
    DUPLICATE_SERIAL,
    /** Rows out of the file's time order. */
    NON_CHRONOLOGICAL,
    /** The first digits of the amounts are far from Benford's law (on a large enough sample). */
    BENFORD_DEVIATION,
    /** Income in the last month before the application far above the months before. */
    INCOME_SPIKE,
    /** Most large credits are suspiciously round. */
    ROUND_AMOUNTS,
    /**
     * Rows dated after the day the statements were examined, or after the time their export states it was made
     * ({@link ParsedStatement#exportedAt}): no export can hold them; conclusive (BLOCK).
     */
    FUTURE_DATED,
    /**
     * The statement states a holder (Alipay's 姓名) who is not the borrower: its income is another person's;
     * conclusive (BLOCK).
     */
    HOLDER_MISMATCH,
    /**
     * The rows do not add up to the count or sums the wallet export states above them ({@link StatedTotals}), or a
     * bank export's to the sums its 合计 line states after them ({@link FooterTotals}): a row was edited, added or
     * removed after the export (a wallet's has no running balance to break; a bank row edited with every balance
     * after it breaks none). Alipay warns its totals may be counted otherwise than its rows, so this asks for review,
     * not a block.
     */
    STATED_TOTALS_MISMATCH,
    /**
     * Two statements of one account (they share rows to the balance) disagree about the days both cover: a row of
     * one is not in the other, so one of them was edited after the export.
     */
    STATEMENTS_DISAGREE,
    /**
     * Rows dated outside the period the export states ({@link ParsedStatement#statedFrom()} to
     * {@link ParsedStatement#statedTo()}): the export holds only that period's rows, so each was added or its date
     * edited after it.
     */
    OUTSIDE_STATED_PERIOD
  }

  public ForensicSignal {
    List<Problem> problems = new ArrayList<>(RequiredParts.problems(new String[] {"kind", "rows", "detail"}, kind, rows,
        detail));
    if (!(strength >= 0 && strength <= 1)) {
      problems.add(Problem.of("strength", strength + " is outside [0, 1]"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    rows = List.copyOf(rows);
  }
}
