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
 * credit and debit columns; the balance, when mapped, is kept for the forensic balance-continuity check.
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
    return (f, source, fileLine, dataRow) -> {
      String credit = Columns.at(f, creditColumn);
      String debit = Columns.at(f, debitColumn);
      boolean hasCredit = !credit.isEmpty() && !isZero(credit);
      boolean hasDebit = !debit.isEmpty() && !isZero(debit);
      if (hasCredit == hasDebit) {
        throw new IllegalArgumentException(hasCredit ? "both " + m.credit() + " and " + m.debit() + " are filled"
            : "neither " + m.credit() + " nor " + m.debit() + " is filled");
      }
      Money amount = hasCredit ? amount(m.credit(), credit) : amount(m.debit(), debit);
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
