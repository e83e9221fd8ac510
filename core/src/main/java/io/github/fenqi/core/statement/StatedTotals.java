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
 * export states its totals below its rows (共15笔记录, 已收入, 待收入, 已支出, 待支出), and its sums count rows by their
 * 资金状态 ({@link Transaction#fundStatus}), not by 收/支: a closed trade keeps 支出 with no 资金状态 and is in neither.
 * Its 已收入 and 已支出 are kept as {@code credit} and {@code debit}, {@code byFundStatus} set and {@code neutral}
 * null; its 待收入 and 待支出 are read but not kept, as no export seen shows which rows Alipay counts there.
 *
 * <p>Thread-safety: immutable.
 *
 * @param line 1-based line of the file stating the number of rows (共…笔记录)
 * @param rows the number of rows stated
 * @param credit what the 收入 line states (an older Alipay export's 已收入), or null for an export whose count alone is
 *     kept
 * @param debit what the 支出 line states (an older Alipay export's 已支出), or null as {@code credit}
 * @param neutral what the 不计收支 (Alipay) or 中性交易 (WeChat) line states, or null as {@code credit} and when
 *     {@code byFundStatus}
 * @param byFundStatus whether {@code credit} and {@code debit} count the rows whose 资金状态 is their label (an older
 *     Alipay export's 已收入 and 已支出), not the rows of their direction; both are then stated and {@code neutral} is
 *     null
 */
public record StatedTotals(int line, int rows, @Nullable Tally credit, @Nullable Tally debit, @Nullable Tally neutral,
    boolean byFundStatus) {

  public StatedTotals {
    List<Problem> problems = new ArrayList<>();
    if (byFundStatus) {
      problems.addAll(RequiredParts.problems(new String[] {"credit", "debit"}, credit, debit));
      if (neutral != null) {
        problems.add(Problem.of("neutral", "is stated, where tallies counted by 资金状态 have none"));
      }
    } else if (credit != null || debit != null || neutral != null) {
      problems.addAll(RequiredParts.problems(new String[] {"credit", "debit", "neutral"}, credit, debit, neutral));
    }
    check(problems, line, rows);
  }

  /** Totals whose tallies count the rows of their direction, as the newer wallet exports' do. */
  public StatedTotals(int line, int rows, @Nullable Tally credit, @Nullable Tally debit, @Nullable Tally neutral) {
    this(line, rows, credit, debit, neutral, false);
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

  /**
   * The stated tally of one direction, or null when the export's count alone is kept (and {@code neutral} when
   * {@code byFundStatus}: then {@code credit} and {@code debit} are 已收入 and 已支出, which count rows by 资金状态).
   */
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
