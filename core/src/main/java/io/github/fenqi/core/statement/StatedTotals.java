package io.github.fenqi.core.statement;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.RequiredParts;
import io.github.fenqi.core.money.Money;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a wallet export states above its rows about them: 共141笔记录, then the count and sum of each direction
 * (收入：1笔 300.00元, 支出：127笔 7070.87元, and Alipay's 不计收支 or WeChat's 中性交易). The rows of an untouched
 * export add up to it; a wallet export has no running balance, so these totals are the only figures an edited
 * amount, an added row or a removed one can disagree with ({@link StatementForensics} compares them). An older Alipay
 * export states its count below its rows (共15笔记录); its sums there (已收入, 已支出, …) count rows by their 资金状态,
 * not by 收/支, so only the count is kept and the three tallies are null.
 *
 * <p>Thread-safety: immutable.
 *
 * @param line 1-based line of the file stating the number of rows (共…笔记录)
 * @param rows the number of rows stated
 * @param credit what the 收入 line states, or null for an export whose count alone is kept
 * @param debit what the 支出 line states, or null as {@code credit}
 * @param neutral what the 不计收支 (Alipay) or 中性交易 (WeChat) line states, or null as {@code credit}
 */
public record StatedTotals(int line, int rows, @Nullable Tally credit, @Nullable Tally debit, @Nullable Tally neutral) {

  public StatedTotals {
    List<Problem> problems = new ArrayList<>();
    boolean none = credit == null && debit == null && neutral == null;
    if (!none) {
      problems.addAll(RequiredParts.problems(new String[] {"credit", "debit", "neutral"}, credit, debit, neutral));
    }
    check(problems, line, rows);
  }

  /** Throws naming each of {@code problems} and a line or count out of range. */
  private static void check(List<Problem> problems, int line, int rows) {
    List<Problem> all = new ArrayList<>(problems);
    if (line < 1) {
      all.add(Problem.of("line", line + " is not a line of a file (≥ 1)"));
    }
    if (rows < 0) {
      all.add(Problem.of("rows", rows + " is negative"));
    }
    if (!all.isEmpty()) {
      throw new InvalidInputException(all);
    }
  }

  /** The stated tally of one direction, or null when the export's count alone is kept. */
  public @Nullable Tally of(Direction direction) {
    return switch (direction) {
      case CREDIT -> credit;
      case DEBIT -> debit;
      case NEUTRAL -> neutral;
    };
  }

  /**
   * One line of the totals: how many rows of a direction and their sum.
   *
   * <p>Thread-safety: immutable.
   *
   * @param line 1-based line of the file stating it
   * @param label the line's own word for the direction (收入, 支出, 不计收支, 中性交易)
   * @param rows the number of rows stated
   * @param amount their sum
   */
  public record Tally(int line, String label, int rows, Money amount) {
    public Tally {
      check(RequiredParts.problems(new String[] {"label", "amount"}, label, amount), line, rows);
    }
  }
}
