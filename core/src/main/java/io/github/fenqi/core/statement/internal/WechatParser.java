package io.github.fenqi.core.statement.internal;

import io.github.fenqi.core.statement.Direction;
import io.github.fenqi.core.statement.StatementFormat;
import io.github.fenqi.core.statement.Transaction;
import java.util.List;

/**
 * 微信支付账单明细: UTF-8 with a BOM, a preamble (nickname only, no real name), amounts like {@code ¥25.00},
 * neutral rows (充值, 提现, 零钱通, 信用卡还款) with 收/支 {@code /}.
 *
 * <p>Thread-safety: immutable; one instance may parse many files at once.
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
    return (f, source, fileLine, dataRow) -> {
      Direction direction = direction(Columns.at(f, way));
      return new Transaction(source, fileLine, dataRow, dateTime("交易时间", Columns.at(f, time)), direction,
          amount(amountColumn, Columns.at(f, amount)), text(Columns.at(f, counterparty)), "", text(Columns.at(f, goods)),
          text(Columns.at(f, type)), text(Columns.at(f, channel)), text(Columns.at(f, status)), text(Columns.at(f, serial)),
          text(Columns.at(f, merchantOrder)), null);
    };
  }
}
