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
 * 支付宝交易明细: GBK, a preamble (with 姓名) before the header, 收/支 of 收入, 支出 or 不计收支, plain amounts,
 * order numbers padded with a tab. Column names vary a little between export versions; the aliases cover them.
 * An older export's 服务费（元） is a fee the holder paid ({@link Transaction#fee}) and its 成功退款（元） what was
 * refunded of the row on the row itself ({@link Transaction#refunded}); both had been ignored, the fee lost and the
 * refunded purchase counted in full. Its 资金状态 is what its stated sums count rows by ({@link Transaction#fundStatus}).
 *
 * <p>Thread-safety: immutable; one instance may parse many files at once.
 */
public final class AlipayParser extends CsvStatementParser {
  private static final String[] TIME = {"交易时间", "交易创建时间", "付款时间"};
  private static final String[] AMOUNT = {"金额", "金额（元）", "金额(元)"};
  private static final String[] DESCRIPTION = {"商品说明", "商品名称"};
  private static final String[] SERIAL = {"交易订单号", "交易号"};
  private static final String[] MERCHANT_ORDER = {"商家订单号", "商户订单号"};
  private static final String[] TYPE = {"交易分类", "类型"};
  private static final String[] FEE = {"服务费（元）", "服务费(元)", "服务费"};
  private static final String[] REFUNDED = {"成功退款（元）", "成功退款(元)", "成功退款"};

  @Override
  public StatementFormat format() {
    return StatementFormat.ALIPAY;
  }

  @Override
  protected boolean isHeader(List<String> fields) {
    return hasAny(fields, TIME) && hasAny(fields, AMOUNT) && hasAll(fields, "收/支", "交易对方")
        && !fields.contains("交易类型");
  }

  @Override
  protected String expectedHeader() {
    return "'交易时间,交易分类,交易对方,…,收/支,金额,…'";
  }

  @Override
  protected @Nullable String holder(List<String> preamble) {
    for (String line : preamble) {
      String l = line.strip();
      if (l.startsWith("姓名：") || l.startsWith("姓名:")) {
        String name = l.substring(3).replace(",", "").strip();
        return name.isEmpty() ? null : name;
      }
    }
    return null;
  }

  /**
   * An older export's holder, stated after its rows on its 导出时间 line (导出时间:[2019-02-01 11:11:11]    用户:周子航):
   * it had not been read, so such an export stated no holder and another person's passed the holder check.
   */
  @Override
  protected @Nullable String holderAfterRows(List<String> after) {
    for (String line : after) {
      Matcher m = USER.matcher(line);
      if (m.find()) {
        String name = m.group(1).replace(",", "").strip();
        return name.isEmpty() ? null : name;
      }
    }
    return null;
  }

  /** 用户:周子航 after an older export's 导出时间, the rest of its line. */
  private static final Pattern USER = Pattern.compile("(?:^|\\s)用户[：:](.*)$");

  /** 共…笔记录, 收入, 支出 and 不计收支: what the rows add up to (see {@link StatedTotals}). */
  @Override
  protected @Nullable StatedTotals statedTotals(String source, List<String> preamble) {
    return walletTotals(source, preamble, "不计收支");
  }

  /**
   * An older export's 共…笔记录, 已收入, 待收入, 已支出 and 待支出 after its closing line, its 已收入 and 已支出 counting
   * rows by their 资金状态 (see {@link StatedTotals}).
   */
  @Override
  protected @Nullable StatedTotals totalsAfterRows(String source, List<String> after, int firstLine, Columns columns) {
    return olderWalletTotals(source, after, firstLine, columns.optionalIndex(FUND_STATUS) >= 0);
  }

  /** An older export's column its stated sums count rows by (已收入, 已支出, 资金转移, 冻结, 解冻, …). */
  private static final String FUND_STATUS = "资金状态";

  @Override
  protected RowReader reader(Columns c) {
    String amountColumn = c.find(AMOUNT);
    String timeColumn = c.find(TIME);
    int way = c.index("收/支");
    int time = c.index(timeColumn);
    int amount = c.index(amountColumn);
    int counterparty = c.index("交易对方");
    int account = c.index("对方账号");
    int description = c.index(c.find(DESCRIPTION));
    int type = c.index(c.find(TYPE));
    int channel = c.index("收/付款方式");
    int status = c.index("交易状态");
    int serial = c.index(c.find(SERIAL));
    int merchantOrder = c.index(c.find(MERCHANT_ORDER));
    String feeColumn = c.find(FEE);
    String refundedColumn = c.find(REFUNDED);
    int fee = c.index(feeColumn);
    int refunded = c.index(refundedColumn);
    int note = c.optionalIndex("备注");
    int fundStatus = c.optionalIndex(FUND_STATUS);
    return (f, source, fileLine, dataRow) -> {
      Direction direction = direction(Columns.at(f, way));
      return new Transaction(source, fileLine, dataRow, dateTime(timeColumn, Columns.at(f, time)), direction,
          amount(amountColumn, Columns.at(f, amount)), text(Columns.at(f, counterparty)), text(Columns.at(f, account)),
          text(Columns.at(f, description)), text(Columns.at(f, type)), text(Columns.at(f, channel)),
          text(Columns.at(f, status)), orderNumber(Columns.at(f, serial)), orderNumber(Columns.at(f, merchantOrder)), null,
          text(Columns.at(f, note)), optionalAmount(feeColumn, Columns.at(f, fee)),
          optionalAmount(refundedColumn, Columns.at(f, refunded)), text(Columns.at(f, fundStatus)));
    };
  }

  /** An amount column a row may leave empty (or {@code /}): zero then. */
  private static Money optionalAmount(@Nullable String column, String field) {
    return column == null || text(field).isBlank() ? Money.ZERO : amount(column, field);
  }
}
