package io.github.fenqi.core.statement;

import static io.github.fenqi.core.statement.OlderAlipayExportTest.RULE;
import static io.github.fenqi.core.statement.OlderAlipayExportTest.export;
import static io.github.fenqi.core.statement.OlderAlipayExportTest.parse;
import static io.github.fenqi.core.statement.OlderAlipayExportTest.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.money.Money;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The older Alipay export's 已收入 and 已支出 (stated below its rows) count and sum the rows whose 资金状态 says so, not
 * the rows of a 收/支: a closed trade keeps 支出 with no 资金状态, a move to 余额宝 is 资金转移 with no 收/支, and both are
 * in neither. fenqi had not read 资金状态, so it compared the count alone, and an amount edited in such an export passed.
 */
class OlderAlipaySumsTest {

  /**
   * A genuine export: a purchase later refunded on a row of its own (退款成功, 已收入), money received, a meal, a move to
   * 余额宝 (资金转移) and a closed trade (支出, no 资金状态).
   */
  static List<String> genuine() {
    return export(
        row("2019010322001456000011", "2019-01-03 10:00:00", "某某服饰店", "外套", "150.00", "支出", "交易成功", "已支出"),
        row("2019010522001456000001", "2019-01-05 12:00:00", "某某餐厅", "午餐", "200.00", "支出", "交易成功", "已支出"),
        row("2019010822001456000012", "2019-01-08 09:30:00", "某某服饰店", "退款-外套", "150.00", "收入", "退款成功",
            "已收入"),
        row("2019011022001456000002", "2019-01-10 09:00:00", "某某科技有限公司", "报酬", "5000.00", "收入", "交易成功",
            "已收入"),
        row("2019011522001456000003", "2019-01-15 10:00:00", "余额宝", "转入", "1000.00", "", "交易成功", "资金转移"),
        row("2019012022001456000004", "2019-01-20 20:00:00", "某某数码店", "耳机", "99.00", "支出", "交易关闭", ""),
        RULE,
        "共6笔记录",
        "已收入:2笔,5150.00元",
        "待收入:0笔,0.00元",
        "已支出:2笔,350.00元",
        "待支出:0笔,0.00元",
        "导出时间:[2019-02-01 11:11:11]    用户:周子航",
        "");
  }

  private static final int COAT = 5; // 0-based index of each line in genuine()
  private static final int MEAL = 6;
  private static final int REFUND = 7;
  private static final int SALARY = 8;
  private static final int YUEBAO = 9;
  private static final int CLOSED = 10;
  private static final int CREDITS = 13;
  private static final int DEBITS = 15;

  private static List<String> with(int index, String from, String to) {
    List<String> lines = genuine();
    String line = lines.get(index);
    assertTrue(line.contains(from), line);
    lines.set(index, line.replace(from, to));
    return lines;
  }

  private static ForensicReport examine(List<String> lines) {
    ParsedStatement s = parse(lines);
    return StatementForensics.defaults().examine(List.of(s), StatementAnalyzer.defaults().analyze(List.of(s)));
  }

  private static Optional<ForensicSignal> totals(List<String> lines) {
    return examine(lines).signals().stream().filter(x -> x.kind() == ForensicSignal.Kind.STATED_TOTALS_MISMATCH)
        .findFirst();
  }

  @Test
  void aGenuineExportWithAClosedTradeARefundAndAMoveTo余额宝IsNotFlagged() {
    ParsedStatement s = parse(genuine());
    assertEquals(List.of(), s.rejected());
    assertEquals(new StatedTotals(13, 6, new StatedTotals.Tally(14, "已收入", 2, Money.of("5150.00")),
        new StatedTotals.Tally(16, "已支出", 2, Money.of("350.00")), null, true), s.statedTotals());
    assertEquals(List.of("已支出", "已支出", "已收入", "已收入", "资金转移", ""),
        s.transactions().stream().map(Transaction::fundStatus).toList());
    ForensicReport r = examine(genuine());
    assertEquals(List.of(), r.signals());
    assertTrue(r.notes().stream().noneMatch(n -> n.contains("资金状态")), r.notes().toString());
  }

  @Test
  void anAmountEditedIsFlaggedNamingTheLineStatingItsSum() {
    ForensicSignal meal = totals(with(MEAL, ",200.00  ,", ",20.00  ,")).orElseThrow();
    assertEquals(List.of("old.csv:16"), meal.rows());
    assertEquals("old.csv:16 states 已支出 2 rows of 350.00, the rows whose 资金状态 is 已支出 hold 2 of 170.00: a row was "
        + "edited, added or removed after the export", meal.detail());
    assertEquals(0.8, meal.strength());
    ForensicSignal salary = totals(with(SALARY, ",5000.00  ,", ",8000.00  ,")).orElseThrow();
    assertEquals(List.of("old.csv:14"), salary.rows());
    assertTrue(salary.detail().contains("states 已收入 2 rows of 5150.00, the rows whose 资金状态 is 已收入 hold 2 of "
        + "8150.00"), salary.detail());
    ForensicSignal byAFen = totals(with(REFUND, ",150.00  ,", ",150.01  ,")).orElseThrow();
    assertEquals(List.of("old.csv:14"), byAFen.rows());
  }

  @Test
  void aRowsFundStatusChangedIsFlagged() {
    ForensicSignal moved = totals(with(MEAL, ",已支出     ,", ",资金转移     ,")).orElseThrow();
    assertEquals(List.of("old.csv:16"), moved.rows());
    assertTrue(moved.detail().contains("the rows whose 资金状态 is 已支出 hold 1 of 150.00"), moved.detail());
    ForensicSignal closed = totals(with(CLOSED, ",     ,", ",已支出     ,")).orElseThrow();
    assertEquals(List.of("old.csv:16"), closed.rows());
    ForensicSignal swapped = totals(with(SALARY, ",已收入     ,", ",已支出     ,")).orElseThrow();
    assertEquals(List.of("old.csv:14", "old.csv:16"), swapped.rows());
  }

  @Test
  void aFooterSumOrCountEditedIsFlagged() {
    List<String> sum = genuine();
    sum.set(DEBITS, "已支出:2笔,300.00元");
    assertEquals(List.of("old.csv:16"), totals(sum).orElseThrow().rows());
    List<String> count = genuine();
    count.set(CREDITS, "已收入:1笔,5150.00元");
    ForensicSignal c = totals(count).orElseThrow();
    assertEquals(List.of("old.csv:14"), c.rows());
    assertTrue(c.detail().contains("states 已收入 1 rows of 5150.00, the rows whose 资金状态 is 已收入 hold 2 of 5150.00"),
        c.detail());
  }

  /** Rows of 资金转移, 冻结, 解冻, 待支出 or none are in neither sum; 待收入 and 待支出 are not compared. */
  @Test
  void rowsOfAnotherFundStatusAreInNeitherSum() {
    ForensicSignal none = totals(with(YUEBAO, ",1000.00  ,", ",1.00  ,")).orElse(null);
    assertEquals(null, none);
    assertEquals(null, totals(with(CLOSED, ",99.00  ,", ",9.00  ,")).orElse(null));
    for (String other : List.of("冻结", "解冻", "待支出", "待收入")) {
      assertEquals(null, totals(with(YUEBAO, ",资金转移     ,", "," + other + "     ,")).orElse(null), other);
    }
  }

  /**
   * A row stating a 成功退款 (or a 服务费) on itself: whether Alipay's sum holds it as paid, net or with its fee, no
   * export seen shows, so that tally's count is compared and its sum is not (a note says so), and the other's sum is.
   */
  @Test
  void aTallyHoldingARowWithARefundOnItHasItsCountComparedNotItsSum() {
    List<String> lines = with(COAT, ",0.00     ,0.00     ,", ",0.00     ,50.00     ,");
    ForensicReport r = examine(lines);
    assertEquals(List.of(), r.signals());
    assertTrue(r.notes().contains("old.csv:16: a row of 资金状态 已支出 states a 服务费 or a 成功退款, which the export's "
        + "sum may or may not hold: only its count was compared with the rows"), r.notes().toString());
    lines.set(DEBITS, "已支出:2笔,300.00元");
    assertEquals(null, totals(lines).orElse(null));
    lines.set(MEAL, lines.get(MEAL).replace(",已支出     ,", ",资金转移     ,"));
    ForensicSignal moved = totals(lines).orElseThrow();
    assertEquals("old.csv:16 states 已支出 2 rows, the rows whose 资金状态 is 已支出 are 1: a row was edited, added or "
        + "removed after the export", moved.detail());
    List<String> fee = with(COAT, ",0.00     ,0.00     ,", ",1.00     ,0.00     ,");
    fee.set(DEBITS, "已支出:2笔,351.00元");
    assertEquals(null, totals(fee).orElse(null));
    fee.set(SALARY, fee.get(SALARY).replace(",5000.00  ,", ",5000.10  ,"));
    assertEquals(List.of("old.csv:14"), totals(fee).orElseThrow().rows());
  }

  /**
   * Every older export seen states 资金状态; under a header without it, 已收入 and 已支出 cannot be compared (by 收/支
   * its closed trade would be flagged), and the count alone is kept, as before the sums were compared: the file is
   * read, an edited count still caught.
   */
  @Test
  void anExportWithoutA资金状态ColumnKeepsTheCountAlone() {
    List<String> lines = genuine();
    for (int i = 4; i <= CLOSED; i++) {
      lines.set(i, lines.get(i).replaceFirst(",[^,]*,$", ","));
    }
    assertTrue(lines.get(4).endsWith("备注                  ,"), lines.get(4));
    ParsedStatement read = parse(lines);
    assertEquals(false, read.statedTotals().byFundStatus());
    assertEquals(null, read.statedTotals().credit());
    assertEquals(Optional.empty(), totals(lines));
    List<String> removed = new ArrayList<>(lines);
    removed.remove(SALARY);
    assertEquals(1, totals(removed).orElseThrow().rows().size());
  }

  @Test
  void totalsCountedBy资金状态StateBothTalliesAndNoNeutral() {
    StatedTotals.Tally in = new StatedTotals.Tally(2, "已收入", 0, Money.ZERO);
    StatedTotals.Tally out = new StatedTotals.Tally(4, "已支出", 0, Money.ZERO);
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> new StatedTotals(1, 0, in, null, null, true));
    assertEquals("debit", e.problems().get(0).location());
    e = assertThrows(InvalidInputException.class, () -> new StatedTotals(1, 0, in, out, in, true));
    assertEquals("neutral", e.problems().get(0).location());
    assertEquals(false, new StatedTotals(1, 0, null, null, null).byFundStatus());
    LocalDateTime at = LocalDateTime.of(2019, 1, 5, 12, 0);
    assertEquals("", new Transaction("a.csv", 2, 1, at, Direction.DEBIT, Money.of("1.00"), "", "", "", "", "", "", "",
        "", null, "", Money.ZERO, Money.ZERO).fundStatus());
    Transaction paid = new Transaction("a.csv", 2, 1, at, Direction.DEBIT, Money.of("1.00"), "", "", "", "", "", "", "",
        "", null, "", Money.ZERO, Money.ZERO, "已支出");
    assertEquals("已支出", paid.withAmount(Money.of("0.50")).fundStatus());
    e = assertThrows(InvalidInputException.class, () -> new Transaction("a.csv", 2, 1, at, Direction.DEBIT,
        Money.of("1.00"), "", "", "", "", "", "", "", "", null, "", Money.ZERO, Money.ZERO, null));
    assertEquals("a.csv:2 fundStatus", e.problems().get(0).location());
    assertTrue(e.problems().get(0).reason().startsWith("is null; a field the export leaves empty is"), e.getMessage());
  }
}
