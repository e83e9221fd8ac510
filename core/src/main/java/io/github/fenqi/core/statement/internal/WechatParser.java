package io.github.fenqi.core.statement.internal;

import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.statement.Direction;
import io.github.fenqi.core.statement.StatedTotals;
import io.github.fenqi.core.statement.StatementFormat;
import io.github.fenqi.core.statement.Transaction;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * 微信支付账单明细: UTF-8 with a BOM, a preamble (nickname only, no real name), amounts like {@code ¥25.00},
 * neutral rows (充值, 提现, 零钱通, 信用卡还款) with 收/支 {@code /}. A 零钱提现 or 信用卡还款 beyond the free quota
 * states its fee only in 备注 ({@code 服务费¥1.00}), charged beyond the amount: it is read as the row's
 * {@link Transaction#fee}, since the fee had been lost with the move it belongs to. A purchase partly refunded says so
 * in its status ({@code 已退款(￥10.00)}), read as {@link Transaction#refunded}: its refund row names no goods
 * ({@code /}) and another order number, so it had found no purchase and the purchase stayed spent in full.
 *
 * <p>Thread-safety: immutable; one instance may parse many files at once.
 */
public final class WechatParser extends CsvStatementParser {
  private static final String[] AMOUNT = {"金额(元)", "金额（元）", "金额"};
  /** {@code 服务费¥1.00} (or ￥, a colon, spaces) anywhere in 备注; a 备注 of 免服务费 names no amount and is no fee. */
  private static final Pattern FEE = Pattern.compile("服务费[:：]?\\s*([¥￥]\\s*[0-9][0-9,.]*|[0-9][0-9,.]*)");
  /** A status such as {@code 已退款(￥10.00)} or {@code 已退款（¥10.00）}: the amount refunded so far. */
  private static final Pattern REFUNDED = Pattern.compile("已退款\\s*[(（]\\s*([¥￥]?\\s*[0-9][0-9,.]*)\\s*[)）]");

  @Override
  public StatementFormat format() {
    return StatementFormat.WECHAT;
  }

  @Override
  protected boolean isHeader(List<String> fields) {
    return hasAll(fields, "交易时间", "交易类型", "交易对方", "收/支") && hasAny(fields, AMOUNT);
  }

  @Override
  protected String expectedHeader() {
    return "'交易时间,交易类型,交易对方,商品,收/支,金额(元),…'";
  }

  /** 共…笔记录, 收入, 支出 and 中性交易: what the rows add up to (see {@link StatedTotals}). */
  @Override
  protected @Nullable StatedTotals statedTotals(String source, List<String> preamble) {
    return walletTotals(source, preamble, "中性交易");
  }

  @Override
  protected RowReader reader(Columns c) {
    String amountColumn = c.find(AMOUNT);
    int way = c.index("收/支");
    int time = c.index("交易时间");
    int amount = c.index(amountColumn);
    int counterparty = c.index("交易对方");
    int goods = c.index("商品");
    int type = c.index("交易类型");
    int channel = c.index("支付方式");
    int status = c.index("当前状态");
    int serial = c.index("交易单号");
    int merchantOrder = c.index("商户单号");
    int note = c.optionalIndex("备注");
    return (f, source, fileLine, dataRow) -> {
      Direction direction = direction(Columns.at(f, way));
      String noteText = text(Columns.at(f, note));
      String statusText = text(Columns.at(f, status));
      return new Transaction(source, fileLine, dataRow, dateTime("交易时间", Columns.at(f, time)), direction,
          amount(amountColumn, Columns.at(f, amount)), text(Columns.at(f, counterparty)), "", text(Columns.at(f, goods)),
          text(Columns.at(f, type)), text(Columns.at(f, channel)), statusText, orderNumber(Columns.at(f, serial)),
          orderNumber(Columns.at(f, merchantOrder)), null, noteText, stated(FEE, "备注", noteText),
          stated(REFUNDED, "当前状态", statusText));
    };
  }

  /**
   * The amount {@code pattern} finds in {@code field}, zero when it finds none; one it cannot read rejects the row,
   * quoting that amount, not the field: a 备注 such as 转账给张三 服务费¥1.001 had been quoted whole, the name in clear.
   */
  private static Money stated(Pattern pattern, String column, String field) {
    Matcher m = pattern.matcher(field);
    return m.find() ? amount("the amount " + column + " states", m.group(1)) : Money.ZERO;
  }
}
