package io.github.fenqi.core.statement;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which header names of a bank CSV hold which field. Banks differ; the {@link #DEFAULT} mapping fits the common
 * layout {@code 交易日期,交易时间,摘要,收入金额,支出金额,账户余额,对方户名,对方账号,交易渠道}. A column that is
 * absent is {@code null}; date, description, credit and debit are required.
 *
 * <p>A bank that exports one signed amount column (招商银行's {@code 交易金额}: {@code -2800.00} for money out) is
 * mapped by naming that column as both credit and debit: a leading minus makes a row a debit, no sign or {@code +}
 * a credit, and a zero amount is rejected. (A file whose amount column is unsigned, with the direction in a column of
 * its own, cannot be mapped: read as signed, every row would be a credit.) With a credit and a debit column, a minus
 * in the debit column is the bank signing its money out: {@code -123.45} there is a debit of 123.45. A minus in the
 * credit column is refused, naming the row and column: it may be a reversal (冲正) of an earlier credit or money out
 * in the wrong column, and the file does not say which. A minus may be written {@code -}, {@code −} (U+2212) or
 * {@code －} (U+FF0D), or as accounting does, the amount in parentheses ({@code (123.45)}, {@code （123.45）}); a zero ({@code 0.00}, {@code ¥0.00}) in the column a row does not use is empty. A bank that writes the date and time into
 * one column ({@code 交易时间: 2026-05-01 20:15:03}) is mapped by naming it as the date and the time as null; a time
 * column that repeats the row's date before the time is read too.
 *
 * <p>Thread-safety: immutable.
 *
 * @param date the date column (yyyy-MM-dd, yyyy/MM/dd or yyyyMMdd; may also carry the time)
 * @param time the time column (HH:mm:ss, or the row's date and the time), or null when the date column carries it or
 *     there is none
 * @param description 摘要
 * @param credit money in (or the signed amount column, when {@code debit} names it too)
 * @param debit money out (or the signed amount column, when {@code credit} names it too)
 * @param balance the balance after the row
 * @param counterpartyName 对方户名
 * @param counterpartyAccount 对方账号
 * @param channel 交易渠道
 */
public record BankColumnMapping(
    String date,
    @Nullable String time,
    String description,
    String credit,
    String debit,
    @Nullable String balance,
    @Nullable String counterpartyName,
    @Nullable String counterpartyAccount,
    @Nullable String channel) {

  /** The common layout; see the type's documentation. */
  public static final BankColumnMapping DEFAULT =
      new BankColumnMapping("交易日期", "交易时间", "摘要", "收入金额", "支出金额", "账户余额", "对方户名", "对方账号", "交易渠道");

  public BankColumnMapping {
    List<Problem> problems = new ArrayList<>();
    require(problems, "date", date);
    require(problems, "description", description);
    require(problems, "credit", credit);
    require(problems, "debit", debit);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  private static void require(List<Problem> problems, String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      problems.add(Problem.of("bankColumns." + field, "a column name is required"));
    }
  }
}
