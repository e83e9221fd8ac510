package io.github.fenqi.core.statement.internal;

import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.statement.BankColumnMapping;
import io.github.fenqi.core.statement.Direction;
import io.github.fenqi.core.statement.StatementFormat;
import io.github.fenqi.core.statement.Transaction;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A bank CSV whose columns a {@link BankColumnMapping} names. A row carries its amount in exactly one of the
 * credit and debit columns, or, when the mapping names one column as both, in that column with its sign (a minus
 * is money out); the balance, when mapped, is kept for the forensic balance-continuity check.
 *
 * <p>Thread-safety: immutable; one instance may parse many files at once.
 */
public final class BankCsvParser extends CsvStatementParser {
  private final BankColumnMapping m;

  public BankCsvParser(BankColumnMapping mapping) {
    this.m = mapping;
  }

  @Override
  public StatementFormat format() {
    return StatementFormat.BANK;
  }

  @Override
  protected boolean isHeader(List<String> fields) {
    return new Columns(fields).hasAll(m.date(), m.description(), m.credit(), m.debit());
  }

  @Override
  protected String expectedHeader() {
    return "with the columns " + List.of(m.date(), m.description(), m.credit(), m.debit());
  }

  /**
   * Names of a single amount column that some banks export instead of a credit and a debit column (招商银行's signed
   * 交易金额), and of a column holding the date with the time.
   */
  private static final List<String> ONE_AMOUNT = List.of("交易金额", "金额", "发生额", "交易金额(元)", "金额(元)");
  private static final List<String> DATE_TIME = List.of("交易时间", "记账时间", "交易日期时间");

  /**
   * How a line that holds some of the mapped columns falls short of the header, and how to map what it holds: a
   * signed export (one 交易金额, a date-time 交易时间) had been refused only with "no header line with the columns
   * [交易日期, 摘要, 收入金额, 支出金额]", which did not say that it can be read, or how.
   */
  @Override
  protected @Nullable String nearHeader(List<String> fields) {
    Columns c = new Columns(fields);
    List<String> has = new ArrayList<>();
    List<String> lacks = new ArrayList<>();
    for (String name : new String[] {m.date(), m.description(), m.credit(), m.debit()}) {
      (c.find(name) != null ? has : lacks).add(name);
    }
    String amount = lacks.contains(m.credit()) || lacks.contains(m.debit()) ? c.find(ONE_AMOUNT.toArray(String[]::new)) : null;
    String dateTime = lacks.contains(m.date()) ? c.find(DATE_TIME.toArray(String[]::new)) : null;
    if (has.isEmpty() && amount == null && dateTime == null || lacks.isEmpty()) {
      return null;
    }
    StringBuilder why = new StringBuilder("comes closest: it has " + has + " and lacks " + lacks);
    if (amount != null) {
      why.append("; its one amount column '").append(amount).append("', if it is signed (-123.45 for money out), is read "
          + "with a BankColumnMapping naming it as both credit and debit (if the direction is in a column of its own, "
          + "the file cannot be read as a bank statement)");
    }
    if (dateTime != null) {
      why.append("; its '").append(dateTime).append("', if it holds the date (with the time: 2026-05-01 20:15:03), is "
          + "read with a BankColumnMapping naming it as the date and the time as null");
    }
    return why.toString();
  }

  @Override
  protected void checkColumns(Columns columns) {
    List<String> missing = new ArrayList<>();
    for (String optional : new String[] {m.time(), m.balance(), m.counterpartyName(), m.counterpartyAccount(), m.channel()}) {
      if (optional != null && columns.find(optional) == null) {
        missing.add(optional);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("the header lacks the mapped columns " + missing
          + " (set them to null in the column mapping if this bank does not export them)");
    }
  }

  @Override
  protected RowReader reader(Columns c) {
    int date = c.index(m.date());
    int time = c.index(m.time());
    int creditColumn = c.index(m.credit());
    int debitColumn = c.index(m.debit());
    int balanceColumn = c.index(m.balance());
    int counterparty = c.index(m.counterpartyName());
    int account = c.index(m.counterpartyAccount());
    int description = c.index(m.description());
    int channel = c.index(m.channel());
    boolean signed = m.credit().equals(m.debit());
    return (f, source, fileLine, dataRow) -> {
      String credit = Columns.at(f, creditColumn);
      String debit = Columns.at(f, debitColumn);
      boolean hasCredit;
      Money amount;
      if (signed) {
        String field = credit.strip();
        boolean minus = field.startsWith("-");
        String unsigned = minus || field.startsWith("+") ? field.substring(1).strip() : field;
        if (unsigned.startsWith("-") || unsigned.startsWith("+")) {
          throw new IllegalArgumentException(m.credit() + " " + quoted(credit) + " has two signs; a signed amount is "
              + "-123.45 for money out and 123.45 or +123.45 for money in");
        }
        amount = amount(m.credit(), unsigned);
        if (amount.isZero()) {
          throw new IllegalArgumentException(m.credit() + " " + quoted(credit) + " is zero: neither money in nor out");
        }
        hasCredit = !minus;
      } else {
        hasCredit = !credit.isEmpty() && !isZero(credit);
        boolean hasDebit = !debit.isEmpty() && !isZero(debit);
        if (hasCredit == hasDebit) {
          throw new IllegalArgumentException(hasCredit ? "both " + m.credit() + " and " + m.debit() + " are filled"
              : "neither " + m.credit() + " nor " + m.debit() + " is filled");
        }
        amount = hasCredit ? amount(m.credit(), credit) : amount(m.debit(), debit);
      }
      String balanceText = Columns.at(f, balanceColumn);
      @Nullable Money balance = m.balance() == null || balanceText.isEmpty() ? null
          : balanceText.startsWith("-") ? amount(m.balance(), balanceText.substring(1)).negate() : amount(m.balance(), balanceText);
      return new Transaction(source, fileLine, dataRow,
          dateTime(m.date(), Columns.at(f, date), m.time() == null ? "" : m.time(), Columns.at(f, time)),
          hasCredit ? Direction.CREDIT : Direction.DEBIT, amount, text(Columns.at(f, counterparty)),
          text(Columns.at(f, account)), text(Columns.at(f, description)), text(Columns.at(f, channel)),
          text(Columns.at(f, channel)), "", "", "", balance);
    };
  }

  private static boolean isZero(String field) {
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c != '0' && c != '.' && c != ',') {
        return false;
      }
    }
    return true;
  }
}
