package io.github.fenqi.core.statement;

import io.github.fenqi.core.Problem;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One statement file as read: its rows, and the rows it could not read with the reason for each.
 * {@code rowsRead == transactions.size() + rejected.size()}.
 *
 * <p>Thread-safety: immutable.
 *
 * @param source the file's name as given by the caller
 * @param format which export it is
 * @param encoding the encoding found ({@code GBK}, {@code UTF-8}, {@code UTF-8-BOM}, {@code UTF-16})
 * @param holderName the account holder's name when the export states it (Alipay's 姓名, a bank's 户名 or 账户名称 before its header), else null
 * @param headerLine 1-based line of the header row
 * @param transactions the rows read, in file order
 * @param rejected one problem per malformed row, located {@code file:line}
 */
public record ParsedStatement(
    String source,
    StatementFormat format,
    String encoding,
    @Nullable String holderName,
    int headerLine,
    List<Transaction> transactions,
    List<Problem> rejected) {

  public ParsedStatement {
    transactions = List.copyOf(transactions);
    rejected = List.copyOf(rejected);
  }

  /** The holder's name when the export states it. */
  public Optional<String> holder() {
    return Optional.ofNullable(holderName);
  }

  /** Data rows read, kept or not. */
  public int rowsRead() {
    return transactions.size() + rejected.size();
  }
}
