package io.github.fenqi.core.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.money.Money;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Limits and forms the statement parsers document that mutation round 27 found no test holding: each is tested on the
 * side a mutant had moved.
 */
class StatementParsingLimitsTest {
  private static final String BANK_HEADER = "交易日期,交易时间,摘要,收入金额,支出金额,账户余额,对方户名,对方账号,交易渠道\n";

  private static ParsedStatement bank(String rows) {
    return StatementParser.bank().parse("b.csv", (BANK_HEADER + rows).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * "Files larger than {@link StatementParser#MAX_BYTES} are refused before they are decoded": a byte more than the limit
   * is refused naming the file and the limit, by each shipped parser and when the format is detected.
   */
  @Test
  void aByteMoreThanTheLimitIsRefusedBeforeDecoding() {
    byte[] over = new byte[StatementParser.MAX_BYTES + 1];
    for (StatementFormat format : StatementFormat.values()) {
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> StatementParser.of(format).parse("big.csv", over));
      assertEquals(List.of("big.csv: file is larger than 64 MB"), e.problems().stream()
          .map(p -> p.location() + ": " + p.reason()).toList(), format.id());
    }
    InvalidInputException detected = assertThrows(InvalidInputException.class,
        () -> StatementParser.parseDetected("big.csv", over));
    assertEquals("big.csv: file is larger than 64 MB", detected.getMessage());
  }

  /**
   * A time at UTC is in "another zone or offset", refused naming the column and the zone as -05:00 is, whether written
   * UTC, GMT or +00:00: only an offset of eight hours is Beijing time. A zero offset is no offset left out.
   */
  @Test
  void aTimeAtUtcIsRefusedNamingItsZone() {
    ParsedStatement s = bank("2026-05-01 10:00:00 UTC,,POS消费,,1.00,,超市,,POS\n"
        + "2026-05-02T10:00:00+00:00,,POS消费,,1.00,,超市,,POS\n"
        + "2026-05-03,10:00:00 GMT,POS消费,,1.00,,超市,,POS\n"
        + "2026-05-04,10:00:00 GMT+0,POS消费,,1.00,,超市,,POS\n"
        + "2026-05-05,10:00:00 UTC+8,POS消费,,1.00,,超市,,POS\n");
    assertEquals(List.of(LocalDateTime.parse("2026-05-05T10:00")), s.transactions().stream().map(Transaction::time)
        .toList());
    List<String> zones = List.of("b.csv:2 交易日期 '2026-05-01 10:00:00 UTC' ends in the zone 'UTC'",
        "b.csv:3 交易日期 '2026-05-02T10:00:00+00:00' ends in the zone '+00:00'",
        "b.csv:4 交易时间 '10:00:00 GMT' ends in the zone 'GMT'", "b.csv:5 交易时间 '10:00:00 GMT+0' ends in the zone 'GMT+0'");
    assertEquals(zones.size(), s.rejected().size(), s.rejected().toString());
    for (int i = 0; i < zones.size(); i++) {
      Problem p = s.rejected().get(i);
      assertEquals(zones.get(i) + ", which is not read", (p.location() + " " + p.reason()).split(": times are read")[0]);
    }
  }

  /**
   * A page's first line is at most its totals line (a page of no rows): the line after it is "not a line of a file up
   * to the totals line", refused naming {@code firstLine}, as line 0 is.
   */
  @Test
  void aPageStartsNoLaterThanItsTotalsLine() {
    assertEquals(5, new PageTotals(5, 5, Money.ofFen(100), null).firstLine());
    for (int firstLine : new int[] {6, 0}) {
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> new PageTotals(5, firstLine, Money.ofFen(100), null));
      assertEquals(List.of("firstLine: " + firstLine + " is not a line of a file (≥ 1) up to the totals line 5"),
          e.problems().stream().map(p -> p.location() + ": " + p.reason()).toList());
    }
  }

  /**
   * A quoted field's line breaks are followed over at most twenty lines after the record's first: a record of
   * twenty-one lines is one row, one of twenty-two is a quote left open, its first line rejected naming the column.
   */
  @Test
  void aQuotedFieldSpansAtMostTwentyLinesAfterItsFirst() {
    for (int after = 20; after <= 21; after++) {
      ParsedStatement s = bank("2026-05-01,09:00:00,\"备注" + "\n行".repeat(after - 1) + "\n尾\",,12.00,,超市,,POS\n");
      if (after == 20) {
        assertEquals(List.of("b.csv:2"), s.transactions().stream().map(Transaction::location).toList());
        assertEquals(List.of(), s.rejected());
      } else {
        assertEquals(List.of(), s.transactions());
        assertEquals("b.csv:2 摘要 opens a quote (\") that is not closed on its line or the lines after it: close the "
            + "quote, or remove it if it is a stray one", s.rejected().get(0).location() + " "
            + s.rejected().get(0).reason());
      }
    }
  }

  /**
   * Each way the currency column writes the yuan is the yuan (人民币, 人民币元, CNY and RMB in any case, the ISO number
   * 156, 本币) and its rows are read; 美元 is another currency, its row rejected naming it.
   */
  @Test
  void everyNameOfTheYuanInTheCurrencyColumnIsTheYuan() {
    String[] yuan = {"人民币", "人民币元", "CNY", "cny", "RMB", "156", "本币"};
    StringBuilder csv = new StringBuilder(BANK_HEADER.replace("\n", ",币种\n"));
    for (int i = 0; i < yuan.length; i++) {
      csv.append("2026-05-0").append(i + 1).append(",10:00:00,POS消费,,10.00,,超市,,POS,").append(yuan[i]).append('\n');
    }
    csv.append("2026-05-09,10:00:00,外币消费,,10.00,,Amazon,,网银,美元\n");
    ParsedStatement s = StatementParser.bank().parse("b.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
    assertEquals(yuan.length, s.transactions().size(), s.rejected().toString());
    assertEquals(List.of("b.csv:9"), s.rejected().stream().map(Problem::location).toList());
    assertTrue(s.rejected().get(0).reason().startsWith("币种 '美元' is not 人民币"), s.rejected().get(0).reason());
  }

  /**
   * The wallets' forms the parsers document: WeChat's 中性交易 is a neutral row as / is, and a status of
   * 已退款（¥10.00） in full-width parentheses states the refund as 已退款(￥10.00) does, and 服务费￥0.10 in 备注 the fee as
   * 服务费¥0.10 does; Alipay's 姓名 is read after a
   * colon of either width.
   */
  @Test
  void theWalletsFormsAreReadInEachWidth() {
    ParsedStatement wx = StatementParser.wechat().parse("wx.csv", ("交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,"
        + "当前状态,交易单号,商户单号,备注\n"
        + "2026-05-10 12:00:00,商户消费,肯德基,套餐,支出,¥59.56,零钱,已退款（¥10.00）,W1,M1,/\n"
        + "2026-05-10 13:00:00,零钱通,零钱通,/,中性交易,¥50.00,零钱,已存入,W2,M2,/\n"
        + "2026-05-10 14:00:00,零钱提现,招商银行,/,/,¥100.00,零钱,提现已到账,W3,M3,服务费￥0.10\n")
        .getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), wx.rejected());
    assertEquals(List.of(Money.ofFen(1000), Money.ZERO, Money.ZERO),
        wx.transactions().stream().map(Transaction::refunded).toList());
    assertEquals(List.of(Money.ZERO, Money.ZERO, Money.ofFen(10)),
        wx.transactions().stream().map(Transaction::fee).toList());
    assertEquals(List.of(Direction.DEBIT, Direction.NEUTRAL, Direction.NEUTRAL),
        wx.transactions().stream().map(Transaction::direction).toList());
    for (String colon : new String[] {"：", ":"}) {
      ParsedStatement a = StatementParser.alipay().parse("a.csv", ("支付宝交易明细\n姓名" + colon + "周子航\n"
          + "交易时间,交易分类,交易对方,对方账号,商品说明,收/付款方式,收/支,金额,交易状态,交易订单号,商家订单号,备注\n"
          + "2026-05-10 12:00:00,餐饮美食,肯德基,,套餐,余额,支出,59.56,交易成功,A1,M1,\n")
          .getBytes(StandardCharsets.UTF_8));
      assertEquals(1, a.transactions().size(), a.rejected().toString());
      assertEquals("周子航", a.holderName(), colon);
    }
  }

  /**
   * A line saying only which page it is, in each form the parser documents (第1页, 第 1 页 共 3 页, 第1页/共3页 and the
   * count first, 共3页 第2页, in one field or over two), is passed over as a blank line is; a row is not.
   */
  @Test
  void aPageNumberInEachDocumentedFormIsNoRow() {
    String row = "2026-05-01,09:00:00,POS消费,,12.00,,超市,,POS\n";
    ParsedStatement s = bank(row + "第1页\n" + row + "第 1 页 共 3 页\n" + row + "第1页/共3页\n" + row + "共3页 第2页\n" + row
        + "共3页,第3页\n" + row);
    assertEquals(List.of(), s.rejected());
    assertEquals(6, s.transactions().size());
  }

  /**
   * A line of one field after the footer is the bank's closing prose unless it starts as an amount does (a digit, a
   * sign, a yuan sign): {@code ¥12.00} there is a row gone wrong, not prose, so the 合计 before it is a footer line with
   * a line after it, each rejected naming its line.
   */
  @Test
  void aLoneAmountAfterTheFooterIsNoProse() {
    String rows = "2026-05-01,09:00:00,POS消费,,12.00,,超市,,POS\n合计,,,,12.00,,,,\n";
    assertEquals(List.of(), bank(rows + "本明细仅供参考\n").rejected());
    for (String amount : new String[] {"¥12.00", "￥12.00", "12.00", "-12.00"}) {
      assertEquals(List.of("b.csv:3", "b.csv:4"), bank(rows + amount + "\n").rejected().stream()
          .map(Problem::location).toList(), amount);
    }
  }

  /**
   * Every optional column a mapping names must be in the header, the balance as much as the time: a header without the
   * mapped 账户余额 is refused naming it at the header's line, not read as a statement with no balances.
   */
  @Test
  void aMappedBalanceColumnTheHeaderLacksIsRefusedNamingIt() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> StatementParser.bank().parse("b.csv",
        ("交易日期,交易时间,摘要,收入金额,支出金额,对方户名,对方账号,交易渠道\n"
            + "2026-05-01,09:00:00,POS消费,,12.00,超市,,POS\n").getBytes(StandardCharsets.UTF_8)));
    assertEquals("b.csv:1: the header lacks the mapped columns [账户余额] (set them to null in the column mapping if this "
        + "bank does not export them)", e.getMessage());
  }
}
