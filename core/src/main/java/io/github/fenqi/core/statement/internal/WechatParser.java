package io.github.fenqi.core.statement.internal;

import io.github.fenqi.core.statement.Direction;
import io.github.fenqi.core.statement.StatementFormat;
import io.github.fenqi.core.statement.Transaction;
import java.util.List;

/**
 * 微信支付账单明细: UTF-8 with a BOM, a preamble (nickname only, no real name), amounts like {@code ¥25.00},
 * neutral rows (充值, 提现, 零钱通, 信用卡还款) with 收/支 {@code /}.
 */
public final class WechatParser extends CsvStatementParser {
  private static final String[] AMOUNT = {"金额(元)", "金额（元）", "金额"};

  @Override
  public StatementFormat format() {
    return StatementFormat.WECHAT;
  }

  @Override
  protected boolean isHeader(List<String> fields) {
    Columns c = new Columns(fields);
    return c.hasAll("交易时间", "交易类型", "交易对方", "收/支") && c.find(AMOUNT) != null;
  }

  @Override
  protected String expectedHeader() {
    return "'交易时间,交易类型,交易对方,商品,收/支,金额(元),…'";
  }

  @Override
  protected Transaction row(Columns c, List<String> f, String source, int fileLine, int dataRow) {
    Direction direction = direction(c.get(f, "收/支"));
    String amountColumn = c.find(AMOUNT);
    return new Transaction(source, fileLine, dataRow, dateTime("交易时间", c.get(f, "交易时间")), direction,
        amount(amountColumn, c.get(f, amountColumn)), text(c.get(f, "交易对方")), "", text(c.get(f, "商品")),
        text(c.get(f, "交易类型")), text(c.get(f, "支付方式")), text(c.get(f, "当前状态")), text(c.get(f, "交易单号")),
        text(c.get(f, "商户单号")), null);
  }
}
