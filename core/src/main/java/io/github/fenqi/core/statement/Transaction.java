package io.github.fenqi.core.statement;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.security.Masking;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One row of a statement as the file states it. Text fields are never null ({@code ""} when the export leaves
 * them empty or writes {@code /}).
 *
 * <p>Thread-safety: immutable.
 *
 * @param source the file it came from (as named by the caller)
 * @param fileLine 1-based physical line in the file (preamble and header included)
 * @param dataRow 1-based index among the data rows after the header
 * @param time when it happened, in Beijing time (UTC+08:00), as the exports write it
 * @param direction credit, debit or neutral
 * @param amount the amount, never negative
 * @param counterparty 交易对方 / 对方户名
 * @param counterpartyAccount 对方账号
 * @param description 商品说明 / 商品 / 摘要
 * @param type the export's own classification (Alipay 交易分类, WeChat 交易类型, bank 交易渠道)
 * @param channel how it was paid (收/付款方式, 支付方式)
 * @param status 交易状态 / 当前状态
 * @param serial the transaction's unique number (交易订单号, 交易单号), "" for bank rows without one
 * @param merchantOrder 商家订单号 / 商户单号, shared by a purchase and its refund
 * @param balance the account balance after the row, when the export states it (bank statements)
 * @param note 备注, as the export writes it ({@code ""} when empty or {@code /})
 * @param fee what the holder paid on top of the row, as the export states it: an older Alipay export's
 *     服务费（元）, or the 服务费¥1.00 a WeChat Pay 零钱提现 or 信用卡还款 states in its 备注 (WeChat charges it beyond
 *     the amount withdrawn); zero when none. Money spent: the analyzer counts it as {@link TransactionCategory#FEE}
 *     even when the row itself is a move between the holder's own accounts
 * @param refunded what was refunded of this row on the row itself: an older Alipay export's 成功退款（元）, or the
 *     amount of a WeChat status 已退款(￥10.00); zero when none. The analyzer counts the row net of it, and a refund
 *     row of the same purchase as already netted; at most {@code amount}
 * @param fundStatus an older Alipay export's 资金状态 as it writes it (已收入, 已支出, 资金转移, 冻结, … or {@code ""}), {@code ""}
 *     for an export without one: the column that export's stated sums (已收入, 已支出) count rows by, not their 收/支 (a
 *     closed trade keeps 支出 with no 资金状态), so an amount edited in such an export disagrees with them only when
 *     the rows are summed by it ({@link StatedTotals#byFundStatus})
 */
public record Transaction(
    String source,
    int fileLine,
    int dataRow,
    LocalDateTime time,
    Direction direction,
    Money amount,
    String counterparty,
    String counterpartyAccount,
    String description,
    String type,
    String channel,
    String status,
    String serial,
    String merchantOrder,
    @Nullable Money balance,
    String note,
    Money fee,
    Money refunded,
    String fundStatus) {

  public Transaction {
    if (source == null || time == null || direction == null || amount == null || counterparty == null
        || counterpartyAccount == null || description == null || type == null || channel == null || status == null
        || serial == null || merchantOrder == null || note == null || fee == null || refunded == null
        || fundStatus == null) {
      throw new InvalidInputException(missing(source + ":" + fileLine, new Object[] {source, time, direction, amount,
          counterparty, counterpartyAccount, description, type, channel, status, serial, merchantOrder, note, fee,
          refunded, fundStatus}));
    }
    if (amount.isNegative()) {
      throw new InvalidInputException(source + ":" + fileLine, "amount " + amount + " is negative");
    }
    if (fee.isNegative() || refunded.isNegative()) {
      throw new InvalidInputException(source + ":" + fileLine, (fee.isNegative() ? "fee " + fee : "refunded " + refunded)
          + " is negative");
    }
    if (refunded.isGreaterThan(amount)) {
      throw new InvalidInputException(source + ":" + fileLine, "refunded " + refunded + " is more than the amount "
          + amount + ": a row cannot be refunded beyond what it paid");
    }
    if (fileLine < 1 || dataRow < 1) {
      throw new InvalidInputException(source + ":" + fileLine, "line and row numbers start at 1");
    }
  }

  /**
   * A row of an export without a 资金状态 ({@code fundStatus} {@code ""}): every export but the older Alipay one, and the
   * form of a parser written before that component, kept so that it still compiles.
   */
  public Transaction(String source, int fileLine, int dataRow, LocalDateTime time, Direction direction, Money amount,
      String counterparty, String counterpartyAccount, String description, String type, String channel, String status,
      String serial, String merchantOrder, @Nullable Money balance, String note, Money fee, Money refunded) {
    this(source, fileLine, dataRow, time, direction, amount, counterparty, counterpartyAccount, description, type,
        channel, status, serial, merchantOrder, balance, note, fee, refunded, "");
  }

  /**
   * A row without a note, a fee or a refund on it: the form of a parser written before those components (a
   * {@link StatementParser} of one's own), kept so that it still compiles.
   */
  public Transaction(String source, int fileLine, int dataRow, LocalDateTime time, Direction direction, Money amount,
      String counterparty, String counterpartyAccount, String description, String type, String channel, String status,
      String serial, String merchantOrder, @Nullable Money balance) {
    this(source, fileLine, dataRow, time, direction, amount, counterparty, counterpartyAccount, description, type,
        channel, status, serial, merchantOrder, balance, "", Money.ZERO, Money.ZERO, "");
  }

  /**
   * A problem for each null among {@code values} (the components from source to fundStatus but balance, in order). A parser of
   * one's own (the {@link StatementParser} SPI) that left a text field null had it met as a NullPointerException in
   * the analyzer, naming neither row nor field.
   */
  private static List<Problem> missing(String where, Object[] values) {
    String[] names = {"source", "time", "direction", "amount", "counterparty", "counterpartyAccount", "description",
        "type", "channel", "status", "serial", "merchantOrder", "note", "fee", "refunded", "fundStatus"};
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      if (values[i] == null) {
        problems.add(Problem.of(where + " " + names[i], i < 4 || i == 13 || i == 14 ? "is required"
            : "is null; a field the export leaves empty is \"\""));
      }
    }
    return problems;
  }

  /** The calendar month it counts in. */
  public YearMonth month() {
    return YearMonth.of(time.getYear(), time.getMonthValue());
  }

  /** {@code file:line}, how problems and explanations point at this row. */
  public String location() {
    return source + ":" + fileLine;
  }

  /**
   * Location, time, direction, amount and description; the counterparty and its account masked (they may be people),
   * and the identifiers in the description too ({@link Masking#redact}): a transfer's description names a mobile or a
   * card often enough ({@code 转账给13912345678}), and it had been printed in clear.
   */
  @Override
  public String toString() {
    Masking m = Masking.defaults();
    return "Transaction[" + location() + " " + time + " " + direction + " " + amount + " " + m.name(counterparty)
        + (counterpartyAccount.isEmpty() ? "" : " " + m.bankCard(counterpartyAccount)) + " '"
        + m.redact(description) + "']";
  }

  /**
   * This row with another amount (a purchase net of a partial refund), its fee kept; its refund on the row kept as
   * far as the new amount holds it.
   */
  public Transaction withAmount(Money newAmount) {
    return new Transaction(source, fileLine, dataRow, time, direction, newAmount, counterparty, counterpartyAccount,
        description, type, channel, status, serial, merchantOrder, balance, note, fee, refunded.min(newAmount),
        fundStatus);
  }

  /**
   * This row with another amount, fee and refund: the analyzer's netted row (net of its refund, which it then no
   * longer holds) or a move between own accounts kept as only its fee.
   */
  Transaction with(Money newAmount, Money newFee, Money newRefunded) {
    return new Transaction(source, fileLine, dataRow, time, direction, newAmount, counterparty, counterpartyAccount,
        description, type, channel, status, serial, merchantOrder, balance, note, newFee, newRefunded, fundStatus);
  }
}
