package io.github.fenqi.core.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.money.Money;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bounds the statement parsers document, each tested on both sides: mutation round 8 found them checked on one
 * side only, or not at all.
 */
class StatementParsingBoundsTest {
  private static final String BANK_HEADER = "交易日期,交易时间,摘要,收入金额,支出金额,账户余额,对方户名,对方账号,交易渠道\n";
  private static final String WECHAT_HEADER = "交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注\n";

  private static ParsedStatement bank(String rows) {
    return StatementParser.bank().parse("b.csv", (BANK_HEADER + rows).getBytes(StandardCharsets.UTF_8));
  }

  /** The fees of WeChat rows, each read without a rejection. */
  private static List<Money> wechatFees(String rows) {
    ParsedStatement wx = StatementParser.wechat().parse("wx.csv",
        (WECHAT_HEADER + rows).getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), rejected(wx));
    return wx.transactions().stream().map(Transaction::fee).toList();
  }

  private static List<String> rejected(ParsedStatement s) {
    return s.rejected().stream().map(p -> p.location() + " " + p.reason()).toList();
  }

  /** "No header line … in the first 100 lines": a header on line 100 is found, one on line 101 is not. */
  @Test
  void theHeaderIsLookedForInTheFirstHundredLinesExactly() {
    String row = "2026-05-01,09:00:00,POS消费,,12.00,,超市,,POS\n";
    ParsedStatement s = StatementParser.bank().parse("b.csv",
        ("说明\n".repeat(99) + BANK_HEADER + row).getBytes(StandardCharsets.UTF_8));
    assertEquals(100, s.headerLine());
    assertEquals(1, s.transactions().size());
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> StatementParser.bank().parse("b.csv",
        ("说明\n".repeat(100) + BANK_HEADER + row).getBytes(StandardCharsets.UTF_8)));
    assertEquals("b.csv: not a statement in the bank format: no header line with the columns [交易日期, 摘要, 收入金额, "
        + "支出金额] in the first 100 lines", e.getMessage());
  }

  /** A wallet row's negative amount is rejected naming its column, as every amount that cannot be read is. */
  @Test
  void aNegativeWalletAmountIsRejectedNamingItsColumn() {
    ParsedStatement s = StatementParser.wechat().parse("wx.csv", (WECHAT_HEADER
        + "2026-05-10 12:00:00,商户消费,肯德基,套餐,支出,-59.56,零钱,支付成功,W1,M1,/\n").getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of("wx.csv:2 金额(元) '-59.56' is negative"), rejected(s));
  }

  /**
   * A wallet amount of zero written with a minus ({@code -0.00}, {@code ¥-0.00}) is rejected as {@code -59.56} is: no
   * export writes a sign there, so the row was edited or shifted. It had been read as a payment of 0.00.
   */
  @Test
  void aWalletZeroWrittenWithAMinusIsRejectedNamingItsColumn() {
    ParsedStatement s = StatementParser.wechat().parse("wx.csv", (WECHAT_HEADER
        + "2026-05-10 12:00:00,商户消费,肯德基,套餐,支出,-0.00,零钱,支付成功,W1,M1,/\n"
        + "2026-05-10 12:01:00,商户消费,肯德基,套餐,支出,¥-0.00,零钱,支付成功,W2,M2,/\n"
        + "2026-05-10 12:02:00,商户消费,肯德基,套餐,支出,0.00,零钱,支付成功,W3,M3,/\n").getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of("wx.csv:2 金额(元) '-0.00' has a minus, which an amount here is never written with",
        "wx.csv:3 金额(元) '¥-0.00' has a minus, which an amount here is never written with"), rejected(s));
    assertEquals(List.of(Money.ZERO), s.transactions().stream().map(Transaction::amount).toList());
  }

  /**
   * An amount in a statement is held to ±10^15 yuan as any amount read from text is: 10^15 yuan is read, a fen more or
   * a sixteen-digit number of yuan is refused naming the column, however short the text.
   */
  @Test
  void aStatementAmountIsHeldToTenToTheFifteenYuan() {
    ParsedStatement s = bank("2026-05-01,09:00:00,代发工资,1000000000000000,,,某某科技有限公司,,批量代发\n"
        + "2026-05-02,09:00:00,代发工资,1000000000000000.01,,,某某科技有限公司,,批量代发\n"
        + "2026-05-03,09:00:00,代发工资,9999999999999999,,,某某科技有限公司,,批量代发\n"
        + "2026-05-04,09:00:00,代发工资,99999999999999.99,,,某某科技有限公司,,批量代发\n");
    assertEquals(List.of(Money.LARGEST_INPUT, Money.ofFen(9_999_999_999_999_999L)),
        s.transactions().stream().map(Transaction::amount).toList());
    assertEquals(List.of("b.csv:3", "b.csv:4"), s.rejected().stream().map(Problem::location).toList());
    assertEquals(List.of("收入金额 '" + Problem.excerpt("1000000000000000.01") + "' is out of range; amounts are limited "
        + "to ±10^15 yuan", "收入金额 '" + Problem.excerpt("9999999999999999") + "' is out of range; amounts are limited "
        + "to ±10^15 yuan"), s.rejected().stream().map(Problem::reason).toList());
  }

  /** An amount with one decimal is read as tenths of a yuan, with or without a yuan sign, in every format. */
  @Test
  void anAmountWithOneDecimalIsTenthsOfAYuan() {
    ParsedStatement s = bank("2026-05-01,09:00:00,POS消费,,17.5,,超市,,POS\n"
        + "2026-05-02,09:00:00,POS消费,,¥0.5,,超市,,POS\n");
    assertEquals(List.of(Money.ofFen(1750), Money.ofFen(50)), s.transactions().stream().map(Transaction::amount).toList());
    ParsedStatement wx = StatementParser.wechat().parse("wx.csv", (WECHAT_HEADER
        + "2026-05-10 12:00:00,商户消费,肯德基,套餐,支出,¥59.5,零钱,支付成功,W1,M1,/\n").getBytes(StandardCharsets.UTF_8));
    assertEquals(Money.ofFen(5950), wx.transactions().get(0).amount());
  }

  /**
   * Only an offset of +8 alone, or after UTC or GMT, is Beijing time: a zone's letters with it (CST+08:00) are another
   * zone, refused naming it, and a 12-hour clock's PM is no zone but no time this reads either.
   */
  @Test
  void onlyAnOffsetOfEightHoursIsBeijingTimeAndAClocksPmIsNoZone() {
    ParsedStatement s = bank("2026-05-01,09:00:00 GMT+8,POS消费,,1.00,,超市,,POS\n"
        + "2026-05-02,09:00:00 CST+08:00,POS消费,,1.00,,超市,,POS\n"
        + "2026-05-03 09:31 PM,,POS消费,,1.00,,超市,,POS\n");
    assertEquals(1, s.transactions().size());
    List<String> reasons = rejected(s);
    assertEquals(2, reasons.size(), reasons.toString());
    assertTrue(reasons.get(0).startsWith("b.csv:3 交易时间 '09:00:00 CST+08:00' ends in the zone 'CST+08:00', which is "
        + "not read"), reasons.get(0));
    assertEquals("b.csv:4 交易日期 '2026-05-03 09:31 PM' is not a date and time", reasons.get(1));
  }

  /**
   * A 收/支 of 不计收支, 中性交易, / or nothing is a neutral row; any other word is rejected, quoted when it is made of the
   * field's own characters (a typo) and described otherwise: a row shifted by a column puts its description or
   * counterparty there (转账-张三), which had been quoted in clear.
   */
  @Test
  void anEmptyWayIsNeutralAsTheExportsWriteIt() {
    ParsedStatement wx = StatementParser.wechat().parse("wx.csv", (WECHAT_HEADER
        + "2026-05-10 12:00:00,零钱提现,招商银行,/,,¥100.00,零钱,提现已到账,W2,M2,/\n"
        + "2026-05-10 13:00:00,零钱充值,招商银行,/,/,¥50.00,零钱,充值完成,W3,M3,/\n"
        + "2026-05-10 14:00:00,转账,某人,/,其他,¥5.00,零钱,已转账,W4,M4,/\n"
        + "2026-05-10 15:00:00,转账,某人,/,转账-张三,¥5.00,零钱,已转账,W5,M5,/\n"
        + "2026-05-10 16:00:00,转账,某人,/,支入,¥5.00,零钱,已转账,W6,M6,/\n"
        + "2026-05-10 17:00:00,转账,某人,/,out,¥5.00,零钱,已转账,W7,M7,/\n").getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(Direction.NEUTRAL, Direction.NEUTRAL),
        wx.transactions().stream().map(Transaction::direction).toList());
    String described = " (not quoted: it may be a person's name, as in a row shifted by a column)";
    assertEquals(List.of("wx.csv:4 收/支 holds text of 2 characters, not 收入, 支出, 不计收支 or /" + described,
        "wx.csv:5 收/支 holds text of 5 characters, not 收入, 支出, 不计收支 or /" + described,
        "wx.csv:6 收/支 '支入' is not 收入, 支出, 不计收支 or /", "wx.csv:7 收/支 'out' is not 收入, 支出, 不计收支 or /"),
        rejected(wx));
  }

  /**
   * A 收/支 made only of the characters of 收入, 支出, 不计收支 and 中性交易 is a typo and quoted (a lone 收, 收出, 中性,
   * 交易); one holding any other CJK character, Han or kana or Hangul, is described: mutation round 53 found the
   * vocabulary's characters and the scripts besides Han untested.
   */
  @Test
  void aWayOfTheFieldsOwnCharactersIsQuotedAndAnyOtherCjkTextDescribed() {
    String[] ways = {"收", "收出", "出入", "中性", "交易", "计不", "タナカ", "김철수"};
    StringBuilder rows = new StringBuilder(WECHAT_HEADER);
    for (int i = 0; i < ways.length; i++) {
      rows.append("2026-05-10 16:00:0").append(i).append(",转账,某人,/,").append(ways[i])
          .append(",¥5.00,零钱,已转账,W").append(i).append(",M").append(i).append(",/\n");
    }
    ParsedStatement wx = StatementParser.wechat().parse("wx.csv", rows.toString().getBytes(StandardCharsets.UTF_8));
    String not = " is not 收入, 支出, 不计收支 or /";
    String described = " (not quoted: it may be a person's name, as in a row shifted by a column)";
    assertEquals(List.of("wx.csv:2 收/支 '收'" + not, "wx.csv:3 收/支 '收出'" + not, "wx.csv:4 收/支 '出入'" + not,
        "wx.csv:5 收/支 '中性'" + not, "wx.csv:6 收/支 '交易'" + not, "wx.csv:7 收/支 '计不'" + not,
        "wx.csv:8 收/支 holds text of 3 characters, not 收入, 支出, 不计收支 or /" + described,
        "wx.csv:9 收/支 holds text of 3 characters, not 收入, 支出, 不计收支 or /" + described), rejected(wx));
  }

  /**
   * An order number a spreadsheet shortened (4.20002E+27) is unknown, "", since unrelated rows share it; one written in
   * full is kept, letters and all.
   */
  @Test
  void anOrderNumberShortenedBySpreadsheetIsUnknown() {
    ParsedStatement wx = StatementParser.wechat().parse("wx.csv", (WECHAT_HEADER
        + "2026-05-10 12:00:00,商户消费,肯德基,套餐,支出,¥7.00,零钱,支付成功,4.20002E+27,1.00004e31,/\n"
        + "2026-05-10 13:00:00,商户消费,肯德基,套餐,支出,¥7.00,零钱,支付成功,42000029E27,ME1,/\n")
        .getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of("", "42000029E27"), wx.transactions().stream().map(Transaction::serial).toList());
    assertEquals(List.of("", "ME1"), wx.transactions().stream().map(Transaction::merchantOrder).toList());
  }

  /**
   * A file with a byte-order mark whose last line ends in a whole Chinese character, with no line break after it, is
   * read to its end: only a character cut short is "the file ends inside a character".
   */
  @Test
  void aLastLineEndingInAWholeCharacterIsRead() {
    byte[] rows = (WECHAT_HEADER + "2026-05-10 12:00:00,商户消费,肯德基,套餐,支出,¥7.00,零钱,支付成功,W1,M1,早餐")
        .getBytes(StandardCharsets.UTF_8);
    byte[] bom = new byte[rows.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(rows, 0, bom, 3, rows.length);
    ParsedStatement wx = StatementParser.wechat().parse("wx.csv", bom);
    assertEquals(List.of(), rejected(wx));
    assertEquals(List.of("早餐"), wx.transactions().stream().map(Transaction::note).toList());
    ParsedStatement cut = StatementParser.wechat().parse("wx.csv", java.util.Arrays.copyOf(bom, bom.length - 1));
    assertEquals(List.of(), cut.transactions());
    assertEquals(List.of("wx.csv:2"), cut.rejected().stream().map(Problem::location).toList());
  }

  /** A line of three dashes is the closing rule where reading stops, as a longer one is; the rows before it are read. */
  @Test
  void aRuleOfThreeDashesClosesTheRows() {
    ParsedStatement s = bank("2026-05-01,09:00:00,POS消费,,12.00,,超市,,POS\n---\n"
        + "2026-05-02,09:00:00,POS消费,,13.00,,超市,,POS\n");
    assertEquals(1, s.transactions().size());
    assertEquals(List.of("b.csv:4 a row after the closing '---' line 3, where reading stops; remove that line if the "
        + "statement goes on after it"), rejected(s));
  }

  /** A WeChat purchase whose status says 已退款(￥10.00) is refunded 10.00 on the row; a status without it, nothing. */
  @Test
  void aWechatStatusStatingARefundIsReadAsTheRowsRefund() {
    ParsedStatement wx = StatementParser.wechat().parse("wx.csv", (WECHAT_HEADER
        + "2026-05-10 12:00:00,商户消费,肯德基,套餐,支出,¥59.56,零钱,已退款(￥10.00),W1,M1,/\n"
        + "2026-05-10 13:00:00,商户消费,肯德基,套餐,支出,¥59.56,零钱,支付成功,W2,M2,/\n").getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(Money.ofFen(1000), Money.ZERO), wx.transactions().stream().map(Transaction::refunded).toList());
  }

  /**
   * A row a transaction's own check refuses names its line once: a refund above the amount had read
   * "wx.csv:2: wx.csv:2 refunded 100.00 is more than the amount 59.56".
   */
  @Test
  void aRowRefusedByTheTransactionsOwnCheckNamesItsLineOnce() {
    ParsedStatement wx = StatementParser.wechat().parse("wx.csv", (WECHAT_HEADER
        + "2026-05-10 12:00:00,商户消费,肯德基,套餐,支出,¥59.56,零钱,已退款(￥100.00),W1,M1,/\n").getBytes(StandardCharsets.UTF_8));
    assertEquals(1, wx.rejected().size(), wx.rejected().toString());
    Problem p = wx.rejected().get(0);
    assertEquals("wx.csv:" + (WECHAT_HEADER.split("\n", -1).length), p.location());
    assertTrue(p.reason().startsWith("refunded 100.00 is more than the amount 59.56"), p.reason());
  }

  /**
   * An amount written with an unquoted thousands comma in a row whose last column is empty: the extra field is empty, so
   * the width check let it through, and {@code 1,234.00} was read as a debit of 1.00 with the balance 234.00, without a
   * word. It is refused naming the line and the amount; a row padded with an empty field and no such amount is read.
   */
  @Test
  void anAmountSplitByAnUnquotedThousandsCommaIsRefusedNotReadShifted() {
    ParsedStatement s = bank("2026-05-01,09:00:00,工资,8000.00,,9222.00,某公司,,\n"
        + "2026-05-02,10:00:00,POS消费,,1,234.00,7988.00,超市,,\n"
        + "2026-05-03,10:00:00,POS消费,,34.00,7954.00,超市,,,\n");
    assertEquals(List.of("b.csv:3 has 10 fields where the header (line 1) has 9: '1,234.00' reads as an amount whose "
        + "thousands comma is not quoted, so the columns after it are shifted; quote the field or write the amount "
        + "without the comma"), rejected(s));
    assertEquals(List.of(Money.of("8000.00"), Money.of("34.00")),
        s.transactions().stream().map(Transaction::amount).toList());
  }

  /**
   * The same in a 合计 line: {@code 合计,,,0.00,1,234.00,,,,} had been read as a debit sum of 1.00, and the rows' 1234.00
   * compared with it. It is a totals line that cannot be read, naming the amount, and the rows are read.
   */
  @Test
  void aTotalSplitByAnUnquotedThousandsCommaIsNotReadAsASmallerSum() {
    ParsedStatement s = bank("2026-05-02,10:00:00,POS消费,,\"1,234.00\",7988.00,超市,,\n"
        + "合计,,,0.00,1,234.00,,,,\n");
    assertEquals(List.of("b.csv:3 the totals line after the last row cannot be read, so the rows are not compared with "
        + "it: it has 10 fields where the header has 9: '1,234.00' reads as an amount whose thousands comma is not "
        + "quoted, so the columns after it are shifted; quote the field or write the amount without the comma"),
        rejected(s));
    assertEquals(List.of(Money.of("1234.00")), s.transactions().stream().map(Transaction::amount).toList());
  }

  /** A column mapping names its date, description, credit and debit columns, each refused blank or missing. */
  @Test
  void aColumnMappingRequiresItsFourColumnsNamed() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> new BankColumnMapping("交易日期", null, " ", null, "\t", null, null, null, null));
    assertEquals(List.of("bankColumns.description", "bankColumns.credit", "bankColumns.debit"),
        e.problems().stream().map(Problem::location).toList());
  }

  /**
   * An older Alipay export's 服务费（元） left empty or / is no fee, and WeChat's 服务费¥1.00 in 备注 is the row's fee.
   */
  @Test
  void aFeeColumnLeftEmptyIsNoFeeAndAWechatNoteStatingOneIsTheFee() {
    String header = "交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,服务费（元）,备注\n";
    ParsedStatement ali = StatementParser.alipay().parse("a.csv", (header
        + "2026-05-10 12:00:00,餐饮,肯德基,,套餐,支出,59.56,余额,交易成功,A1,B1,,/\n"
        + "2026-05-10 13:00:00,餐饮,肯德基,,套餐,支出,59.56,余额,交易成功,A2,B2,/,/\n"
        + "2026-05-10 14:00:00,提现,本人,,提现,不计收支,100.00,余额,交易成功,A3,B3,0.10,/\n")
        .getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), rejected(ali));
    assertEquals(List.of(Money.ZERO, Money.ZERO, Money.ofFen(10)), ali.transactions().stream().map(Transaction::fee)
        .toList());
    assertEquals(List.of(Money.ofFen(100), Money.ZERO), wechatFees(
        "2026-05-10 12:00:00,零钱提现,招商银行,/,/,¥1000.00,零钱,提现已到账,W1,M1,服务费¥1.00\n"
        + "2026-05-10 13:00:00,零钱提现,招商银行,/,/,¥100.00,零钱,提现已到账,W2,M2,免服务费\n"));
  }

  /**
   * WeChat's 备注 may write its fee after a colon, full-width or not, with spaces and either yuan sign (服务费：¥0.10,
   * 服务费: ￥2.00, 服务费:3.00): each is the row's fee, as 服务费¥1.00 is (round 99: a pattern taking only the ASCII
   * colon passed every test).
   */
  @Test
  void aWechatFeeAfterAColonOfEitherWidthIsTheRowsFee() {
    assertEquals(List.of(Money.ofFen(10), Money.ofFen(200), Money.ofFen(300)), wechatFees(
        "2026-05-10 12:00:00,零钱提现,招商银行,/,/,¥100.00,零钱,提现已到账,W1,M1,服务费：¥0.10\n"
        + "2026-05-10 13:00:00,零钱提现,招商银行,/,/,¥2000.00,零钱,提现已到账,W2,M2,服务费: ￥2.00\n"
        + "2026-05-10 14:00:00,零钱提现,招商银行,/,/,¥3000.00,零钱,提现已到账,W3,M3,服务费:3.00\n"));
  }

  /** Of an export's lines stating when it was made under different labels, the earliest is when it was made. */
  @Test
  void ofTwoLabelledExportTimesTheEarliestIsTaken() {
    ParsedStatement s = bank("2026-05-01,09:00:00,POS消费,,12.00,,超市,,POS\n"
        + "导出时间：2026-06-01 12:00:00\n打印时间：2026-06-01 12:01:00\n");
    assertEquals(java.time.LocalDateTime.of(2026, 6, 1, 12, 0), s.exportedAt());
  }

  /** A wallet's stated totals name a line of the file, 1 or later. */
  @Test
  void statedTotalsNameALineOfTheFile() {
    StatedTotals.Tally none = new StatedTotals.Tally(2, "收入", 0, Money.ZERO);
    assertEquals(List.of("line"), assertThrows(InvalidInputException.class,
        () -> new StatedTotals(0, 0, none, none, none)).problems().stream().map(Problem::location).toList());
    assertEquals(1, new StatedTotals(1, 0, none, none, none).line());
  }
}
