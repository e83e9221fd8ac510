package io.github.fenqi.core.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.money.Money;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A wallet export of a month in which the borrower spent nothing holds no row, but states its period (起始时间..终止时间)
 * and totals of no rows: it is what proves that month had no spending. It had covered no month, because a statement's
 * days were counted only from its rows.
 */
class ZeroRowExportTest {
  private static final String HEADER = "交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,\n";

  private static ParsedStatement alipay(String name, String from, String to, String totals, String rows) {
    String preamble = "------------------------------------------------------------------------------------\n"
        + "导出信息：\n姓名：周子航\n起始时间：[" + from + " 00:00:00]    终止时间：[" + to + " 23:59:59]\n"
        + "导出时间：[" + to + " 23:59:59]\n" + totals
        + "------------------------支付宝（中国）网络技术有限公司  电子客户回单------------------------\n";
    return StatementParser.alipay().parse(name, (preamble + HEADER + rows).getBytes(StandardCharsets.UTF_8));
  }

  private static final String NONE = "共0笔记录\n收入：0笔 0.00元\n支出：0笔 0.00元\n不计收支：0笔 0.00元\n";

  private static String row(String day, String amount) {
    return day + " 12:00:00,餐饮美食,某某餐厅,,午餐,支出," + amount + ",账户余额,交易成功,2026" + day.replace("-", "")
        + "0001,,,\n";
  }

  @Test
  void anExportOfNoRowsCoversThePeriodItStatesWithTotalsOfNone() {
    ParsedStatement may = alipay("may.csv", "2026-05-01", "2026-05-31", NONE, "");
    assertEquals(List.of(), may.transactions());
    StatementAnalysis a = StatementAnalyzer.defaults().analyze(List.of(may));
    assertEquals(1, a.months().size());
    MonthlySummary m = a.months().get(0);
    assertEquals(YearMonth.of(2026, 5), m.month());
    assertEquals(31, m.daysCovered());
    assertEquals(Money.ZERO, m.food());
    assertEquals(Money.ZERO, m.income());
    assertEquals(List.of(), a.uncovered());
    ForensicReport r = StatementForensics.defaults().examine(List.of(may), a);
    assertTrue(r.signals().stream().noneMatch(s -> s.kind() == ForensicSignal.Kind.STATED_TOTALS_MISMATCH));
  }

  @Test
  void aMonthBetweenExportsWithRowsIsCoveredByTheEmptyExportOfIt() {
    ParsedStatement apr = alipay("apr.csv", "2026-04-01", "2026-04-30",
        "共1笔记录\n收入：0笔 0.00元\n支出：1笔 30.00元\n不计收支：0笔 0.00元\n", row("2026-04-10", "30.00"));
    ParsedStatement may = alipay("may.csv", "2026-05-01", "2026-05-31", NONE, "");
    ParsedStatement jun = alipay("jun.csv", "2026-06-01", "2026-06-30",
        "共1笔记录\n收入：0笔 0.00元\n支出：1笔 50.00元\n不计收支：0笔 0.00元\n", row("2026-06-10", "50.00"));
    StatementAnalysis a = StatementAnalyzer.defaults().analyze(List.of(apr, may, jun));
    assertEquals(List.of(YearMonth.of(2026, 4), YearMonth.of(2026, 5), YearMonth.of(2026, 6)),
        a.months().stream().map(MonthlySummary::month).toList());
    assertEquals(List.of(30, 31, 30), a.months().stream().map(MonthlySummary::daysCovered).toList());
    assertEquals(Money.ZERO, a.months().get(1).food());
    assertEquals(List.of(), a.uncovered());
    // a case dated within June still counts May, whole
    StatementAnalysis through = StatementAnalyzer.defaults().analyzeThrough(List.of(apr, may, jun),
        LocalDate.of(2026, 6, 5));
    assertEquals(31, through.months().get(1).daysCovered());
    assertEquals(List.of(), through.uncovered());
  }

  @Test
  void anExportOfNoRowsProvesNothingWithoutTotalsOfNone() {
    // its rows removed, the totals still stating them; or no totals at all: no day is covered
    ParsedStatement emptied = alipay("may.csv", "2026-05-01", "2026-05-31",
        "共1笔记录\n收入：0笔 0.00元\n支出：1笔 30.00元\n不计收支：0笔 0.00元\n", "");
    ParsedStatement untold = alipay("may.csv", "2026-05-01", "2026-05-31", "", "");
    ParsedStatement noneButASum = alipay("may.csv", "2026-05-01", "2026-05-31",
        "共0笔记录\n收入：0笔 0.00元\n支出：0笔 30.00元\n不计收支：0笔 0.00元\n", "");
    for (ParsedStatement s : List.of(emptied, untold, noneButASum)) {
      assertEquals(List.of(), StatementAnalyzer.defaults().analyze(List.of(s)).months(), s.toString());
    }
    ParsedStatement apr = alipay("apr.csv", "2026-04-01", "2026-04-30",
        "共1笔记录\n收入：0笔 0.00元\n支出：1笔 30.00元\n不计收支：0笔 0.00元\n", row("2026-04-10", "30.00"));
    ParsedStatement jun = alipay("jun.csv", "2026-06-01", "2026-06-30",
        "共1笔记录\n收入：0笔 0.00元\n支出：1笔 50.00元\n不计收支：0笔 0.00元\n", row("2026-06-10", "50.00"));
    StatementAnalysis a = StatementAnalyzer.defaults().analyze(List.of(apr, emptied, jun));
    assertEquals(List.of(YearMonth.of(2026, 5)), a.uncovered());
  }

  /** A statement whose rows all fall after a case's date covers its stated days up to that date. */
  @Test
  void anExportCutBeforeAllItsRowsCoversItsStatedDaysUpToTheCasesDate() {
    ParsedStatement late = alipay("may.csv", "2026-05-01", "2026-06-30",
        "共1笔记录\n收入：0笔 0.00元\n支出：1笔 50.00元\n不计收支：0笔 0.00元\n", row("2026-06-20", "50.00"));
    StatementAnalysis a = StatementAnalyzer.defaults().analyzeThrough(List.of(late), LocalDate.of(2026, 5, 31));
    assertEquals(List.of(YearMonth.of(2026, 5)), a.months().stream().map(MonthlySummary::month).toList());
    assertEquals(31, a.months().get(0).daysCovered());
  }
}
