package io.github.fenqi.core.statement;

import io.github.fenqi.core.Problem;
import io.github.fenqi.core.security.Masking;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
 * @param holderName the account holder's name when the export states it (Alipay's 姓名, or an older Alipay export's
 *     用户 after its rows; a bank's 户名 or 账户名称 before its header), else null
 * @param headerLine 1-based line of the header row
 * @param transactions the rows read, in file order
 * @param rejected one problem per malformed row, located {@code file:line}
 * @param statedFrom the first day of the period the export states it covers (Alipay's and WeChat's 起始时间, a bank's
 *     起止日期 or 查询期间 before its header), else null
 * @param statedTo the last day of that period (终止时间), else null; given with {@code statedFrom} and not before it
 * @param statedTotals the count and sums the export states above its rows (a wallet's 共…笔记录, 收入, 支出 and
 *     不计收支 or 中性交易 lines) or, an older Alipay export, those it states below them (共…笔记录, 已收入 and 已支出
 *     after its closing {@code ---} line, whose sums count rows by 资金状态: {@link StatedTotals#byFundStatus}), else
 *     null
 * @param footerTotals the sums a bank export's footer after its last row states (合计,,,12345.67,…, or 收入合计 and
 *     支出合计 lines), else null
 * @param pageTotals the sums each page of a bank export saved page by page states of its rows (本页合计), in file order
 * @param exportedAt when the export states it was made (a wallet's 导出时间 above its rows, a bank's 导出时间, 打印时间 or
 *     下载时间 before its header or in its footer; a date alone, 打印日期, stands for the end of that day), Beijing
 *     time, else null: no row of the export can be dated after it
 */
public record ParsedStatement(
    String source,
    StatementFormat format,
    String encoding,
    @Nullable String holderName,
    int headerLine,
    List<Transaction> transactions,
    List<Problem> rejected,
    @Nullable LocalDate statedFrom,
    @Nullable LocalDate statedTo,
    @Nullable StatedTotals statedTotals,
    @Nullable FooterTotals footerTotals,
    List<PageTotals> pageTotals,
    @Nullable LocalDateTime exportedAt) {

  public ParsedStatement {
    transactions = List.copyOf(transactions);
    pageTotals = List.copyOf(pageTotals);
    rejected = List.copyOf(rejected);
    if ((statedFrom == null) != (statedTo == null) || statedFrom != null && statedFrom.isAfter(statedTo)) {
      throw new io.github.fenqi.core.InvalidInputException(source + " statedFrom", statedFrom + " .. statedTo "
          + statedTo + " is not a period: both or neither, the first not after the last");
    }
  }

  /** A statement that states no time it was exported. */
  public ParsedStatement(String source, StatementFormat format, String encoding, @Nullable String holderName,
      int headerLine, List<Transaction> transactions, List<Problem> rejected, @Nullable LocalDate statedFrom,
      @Nullable LocalDate statedTo, @Nullable StatedTotals statedTotals, @Nullable FooterTotals footerTotals,
      List<PageTotals> pageTotals) {
    this(source, format, encoding, holderName, headerLine, transactions, rejected, statedFrom, statedTo, statedTotals,
        footerTotals, pageTotals, null);
  }

  /** A statement none of whose pages states its own totals (本页合计). */
  public ParsedStatement(String source, StatementFormat format, String encoding, @Nullable String holderName,
      int headerLine, List<Transaction> transactions, List<Problem> rejected, @Nullable LocalDate statedFrom,
      @Nullable LocalDate statedTo, @Nullable StatedTotals statedTotals, @Nullable FooterTotals footerTotals) {
    this(source, format, encoding, holderName, headerLine, transactions, rejected, statedFrom, statedTo, statedTotals,
        footerTotals, List.of());
  }

  /** A statement that states no totals after its rows (a wallet's, or a bank's without a 合计 line). */
  public ParsedStatement(String source, StatementFormat format, String encoding, @Nullable String holderName,
      int headerLine, List<Transaction> transactions, List<Problem> rejected, @Nullable LocalDate statedFrom,
      @Nullable LocalDate statedTo, @Nullable StatedTotals statedTotals) {
    this(source, format, encoding, holderName, headerLine, transactions, rejected, statedFrom, statedTo, statedTotals,
        null);
  }

  /** A statement that states no totals above or after its rows. */
  public ParsedStatement(String source, StatementFormat format, String encoding, @Nullable String holderName,
      int headerLine, List<Transaction> transactions, List<Problem> rejected, @Nullable LocalDate statedFrom,
      @Nullable LocalDate statedTo) {
    this(source, format, encoding, holderName, headerLine, transactions, rejected, statedFrom, statedTo, null, null);
  }

  /** A statement that states no period: the days from its first row's to its last's are what it covers. */
  public ParsedStatement(String source, StatementFormat format, String encoding, @Nullable String holderName,
      int headerLine, List<Transaction> transactions, List<Problem> rejected) {
    this(source, format, encoding, holderName, headerLine, transactions, rejected, null, null, null, null);
  }

  /** The holder's name when the export states it. */
  public Optional<String> holder() {
    return Optional.ofNullable(holderName);
  }

  /** Data rows read, kept or not. */
  public int rowsRead() {
    return transactions.size() + rejected.size();
  }

  /**
   * The record's parts, the holder's name masked ({@link Masking#name}) as each row's counterparty is: the record's own
   * {@code toString} had printed {@code holderName=周子航} in clear into any log that showed a statement.
   */
  @Override
  public String toString() {
    return "ParsedStatement[source=" + source + ", format=" + format + ", encoding=" + encoding + ", holderName="
        + (holderName == null ? null : Masking.defaults().name(holderName)) + ", headerLine=" + headerLine
        + ", transactions=" + transactions + ", rejected=" + rejected + ", statedFrom=" + statedFrom + ", statedTo="
        + statedTo + ", statedTotals=" + statedTotals + ", footerTotals=" + footerTotals + ", pageTotals=" + pageTotals
        + ", exportedAt=" + exportedAt + "]";
  }
}
