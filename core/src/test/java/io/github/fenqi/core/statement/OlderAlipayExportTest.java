package io.github.fenqi.core.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.money.Money;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The older Alipay export (支付宝交易记录明细查询, GBK, fields padded with spaces and order numbers with a tab) states
 * its count and sums after its rows, below the closing {@code ---} line: 共N笔记录, 已收入, 待收入, 已支出, 待支出. They
 * had not been read, so a row added to or removed from such an export passed the check the newer export's rows are
 * held to. The sums count rows by 资金状态, not by 收/支: {@link OlderAlipaySumsTest} compares them.
 */
class OlderAlipayExportTest {
  private static final Charset GBK = Charset.forName("GBK");
  static final String RULE = "------------------------------------------------------------------------------------";

  /** A row as the export writes it: padded fields, the order number ending in a tab. */
  static String row(String serial, String time, String counterparty, String goods, String amount, String way,
      String status, String fundStatus) {
    return serial + "\t," + "T" + serial.substring(serial.length() - 4) + "\t," + time + " ," + time + " ," + time
        + " ,其他（包括阿里巴巴和外部商家）,即时到账交易          ," + counterparty + "            ," + goods + "     ," + amount
        + "  ," + way + "      ," + status + "    ,0.00     ,0.00     ,                    ," + fundStatus + "     ,";
  }

  /**
   * A genuine export of January 2019: a purchase, money received, a move to 余额宝 and a closed trade, which keeps 支出
   * in its 收/支 and has no 资金状态, so 已支出 does not count it.
   */
  static List<String> genuine() {
    return export(
        row("2019010522001456000001", "2019-01-05 12:00:00", "某某餐厅", "午餐", "200.00", "支出", "交易成功", "已支出"),
        row("2019011022001456000002", "2019-01-10 09:00:00", "某某科技有限公司", "报酬", "5000.00", "收入", "交易成功",
            "已收入"),
        row("2019011522001456000003", "2019-01-15 10:00:00", "余额宝", "转入", "1000.00", "", "交易成功", "资金转移"),
        row("2019012022001456000004", "2019-01-20 20:00:00", "某某数码店", "耳机", "99.00", "支出", "交易关闭", ""),
        RULE,
        "共4笔记录",
        "已收入:1笔,5000.00元",
        "待收入:0笔,0.00元",
        "已支出:1笔,200.00元",
        "待支出:0笔,0.00元",
        "导出时间:[2019-02-01 11:11:11]    用户:周子航",
        "");
  }

  /** An export of January 2019: its title, account, period and header lines, then {@code rest} (rows, footer). */
  static List<String> export(String... rest) {
    List<String> lines = new ArrayList<>(List.of(
        "支付宝交易记录明细查询",
        "账号:[zzh***@163.com]",
        "起始日期:[2019-01-01 00:00:00]    终止日期:[2019-01-31 23:59:59]",
        "---------------------------------交易记录明细列表------------------------------------",
        "交易号                  ,商家订单号               ,交易创建时间              ,付款时间                ,最近修改时间"
            + "              ,交易来源地     ,类型              ,交易对方            ,商品名称                ,金额（元）   ,"
            + "收/支     ,交易状态    ,服务费（元）   ,成功退款（元）  ,备注                  ,资金状态     ,"));
    lines.addAll(Arrays.asList(rest));
    return lines;
  }

  static ParsedStatement parse(List<String> lines) {
    return StatementParser.alipay().parse("old.csv", String.join("\r\n", lines).getBytes(GBK));
  }

  private static Optional<ForensicSignal> totals(ParsedStatement s) {
    ForensicReport r = StatementForensics.defaults().examine(List.of(s), StatementAnalyzer.defaults().analyze(List.of(s)));
    return r.signals().stream().filter(x -> x.kind() == ForensicSignal.Kind.STATED_TOTALS_MISMATCH).findFirst();
  }

  private static List<String> with(int index, String line) {
    List<String> lines = genuine();
    lines.set(index, line);
    return lines;
  }

  /**
   * Its sums count rows by 资金状态: compared by 收/支, the closed trade's 99.00 had made 已支出 (1 row of 200.00)
   * disagree with the rows' debits (2 of 299.00), flagging every genuine export holding a closed trade as edited.
   * (This had expected the count alone kept, the tallies null: the sums were not compared at all.)
   */
  @Test
  void aGenuineOlderExportWithAClosedTradeIsNotFlagged() {
    ParsedStatement s = parse(genuine());
    assertEquals(List.of(), s.rejected());
    assertEquals(4, s.transactions().size());
    assertEquals(new StatedTotals(11, 4, new StatedTotals.Tally(12, "已收入", 1, Money.of("5000.00")),
        new StatedTotals.Tally(14, "已支出", 1, Money.of("200.00")), null, true), s.statedTotals());
    assertEquals(Optional.empty(), totals(s));
  }

  /**
   * A row removed or added disagrees with the count and with the sum of its 资金状态 (which had not been compared, so
   * only the count's line was named).
   */
  @Test
  void aRowRemovedOrAddedIsCaughtByTheCount() {
    List<String> removed = genuine();
    removed.remove(5);
    ForensicSignal gone = totals(parse(removed)).orElseThrow();
    assertEquals(List.of("old.csv:10", "old.csv:13"), gone.rows());
    assertTrue(gone.detail().contains("old.csv:10 states 4 rows, 3 were read"), gone.detail());
    List<String> added = genuine();
    added.add(6, row("2019012522001456000009", "2019-01-25 09:00:00", "某某科技有限公司", "报酬", "3000.00", "收入",
        "交易成功", "已收入"));
    assertEquals(List.of("old.csv:12", "old.csv:13"), totals(parse(added)).orElseThrow().rows());
  }

  @Test
  void aTotalsLineRemovedStatedTwiceOtherwiseOrNoAmountRefusesTheFile() {
    List<String> dropped = genuine();
    dropped.remove(14);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> parse(dropped));
    assertTrue(e.getMessage().contains("no line states 待支出 as N笔 X元: the export states all five (0笔 0.00元 "
        + "included)"), e.getMessage());
    List<String> twice = genuine();
    twice.add(15, "已支出:1笔,300.00元");
    e = assertThrows(InvalidInputException.class, () -> parse(twice));
    assertEquals("old.csv:16", e.problems().get(0).location());
    e = assertThrows(InvalidInputException.class, () -> parse(with(13, "已支出:1笔,2,00.00元")));
    assertEquals("old.csv:14", e.problems().get(0).location());
  }

  /** Totals stated above the rows, as the newer export states them, and below them too: which to add up to is unknown. */
  @Test
  void totalsStatedBothAboveAndBelowTheRowsRefuseTheFile() {
    List<String> lines = genuine();
    lines.addAll(1, List.of("共4笔记录", "收入：1笔 5000.00元", "支出：1笔 200.00元", "不计收支：2笔 1099.00元"));
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> parse(lines));
    assertEquals("old.csv:15", e.problems().get(0).location());
    assertTrue(e.problems().get(0).reason().startsWith("states the rows' totals after them where line 2 states them "
        + "above"), e.getMessage());
  }

  /** Lines after a second ruler line are no totals of this export (another export's, or a note). */
  @Test
  void totalsAfterASecondRulerLineAreNotRead() {
    List<String> lines = genuine();
    lines.add(10, RULE);
    assertEquals(null, parse(lines).statedTotals());
  }

  /**
   * The older export names its holder after its rows, on its 导出时间 line (用户:周子航); it had been read as stating
   * none, so another person's export passed the holder check.
   */
  @Test
  void theHolderAnOlderExportNamesAfterItsRowsIsItsHolder() {
    ParsedStatement s = parse(genuine());
    assertEquals("周子航", s.holderName());
    ForensicReport other = StatementForensics.defaults().examine(List.of(s),
        StatementAnalyzer.defaults().analyze(List.of(s)), null, "李秀兰");
    assertEquals(ForensicVerdict.BLOCK, other.verdict());
    assertTrue(other.signals().stream().anyMatch(x -> x.kind() == ForensicSignal.Kind.HOLDER_MISMATCH));
    ForensicReport own = StatementForensics.defaults().examine(List.of(s),
        StatementAnalyzer.defaults().analyze(List.of(s)), null, "周 子航");
    assertTrue(own.signals().stream().noneMatch(x -> x.kind() == ForensicSignal.Kind.HOLDER_MISMATCH));
    assertEquals(null, parse(with(15, "导出时间:[2019-02-01 11:11:11]")).holderName());
  }

  @Test
  void anExportStatingNoTotalsBelowItsRowsIsReadUnchecked() {
    List<String> lines = genuine();
    lines.subList(10, 15).clear();
    ParsedStatement s = parse(lines);
    assertEquals(null, s.statedTotals());
    assertEquals(4, s.transactions().size());
    assertNotNull(s.exportedAt());
  }
}
