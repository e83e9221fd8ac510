package io.github.fenqi.core.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Edges of the forensic signals that the other forensic tests leave open (mutation audit round 22): each case sits
 * where the Javadoc of {@link StatementForensics} draws a line.
 */
class ForensicEdgesTest {
  private static final String BANK_HEADER = "交易日期,交易时间,摘要,收入金额,支出金额,账户余额,对方户名,对方账号,交易渠道\n";

  private static ParsedStatement bank(String name, String text) {
    return StatementParser.bank().parse(name, text.getBytes(StandardCharsets.UTF_8));
  }

  /** The default forensics on the default analysis of {@code statements}, as the engine runs them. */
  private static ForensicReport examine(List<ParsedStatement> statements) {
    return StatementForensics.defaults().examine(statements, StatementAnalyzer.defaults().analyze(statements));
  }

  private static List<ForensicSignal> signals(ForensicReport r, ForensicSignal.Kind kind) {
    return r.signals().stream().filter(x -> x.kind() == kind).toList();
  }

  /**
   * A row after both the export time the file states and the day of the examination is named once, by the check
   * against today; the check against the export time names only the rows after it and not after today.
   */
  @Test
  void aRowAfterTodayIsNotNamedAgainAsAfterTheExportTime() {
    ParsedStatement s = bank("b.csv", BANK_HEADER
        + "2026-11-30,10:00:00,POS消费,,10.00,990.00,超市,,POS\n"
        + "2026-11-30,12:00:01,POS消费,,10.00,980.00,超市,,POS\n"
        + "2099-01-05,09:00:00,POS消费,,10.00,970.00,超市,,POS\n"
        + "导出时间:2026-11-30 12:00,,,,,,,,\n");
    ForensicReport r = StatementForensics.defaults().examine(List.of(s), StatementAnalyzer.defaults().analyze(List.of(s)),
        LocalDate.of(2026, 12, 1), null);
    List<List<String>> named = signals(r, ForensicSignal.Kind.FUTURE_DATED).stream().map(ForensicSignal::rows).toList();
    assertEquals(List.of(List.of("b.csv:4"), List.of("b.csv:3")), named, r.signals().toString());
  }
  /**
   * A bank row whose balance cell is blank breaks nothing: the running balance is walked only between rows that both
   * state one, so the row after it is not compared with a balance that is unknown (that had thrown).
   */
  @Test
  void aRowWithoutABalanceIsSkippedByTheRunningBalance() {
    ParsedStatement s = bank("b.csv", BANK_HEADER
        + "2026-05-01,10:00:00,POS消费,,10.00,990.00,超市,,POS\n"
        + "2026-05-02,10:00:00,POS消费,,10.00,,超市,,POS\n"
        + "2026-05-03,10:00:00,POS消费,,10.00,970.00,超市,,POS\n"
        + "2026-05-04,10:00:00,POS消费,,10.00,960.00,超市,,POS\n");
    assertEquals(List.of(), s.rejected());
    ForensicReport r = examine(List.of(s));
    assertEquals(ForensicVerdict.PASS, r.verdict(), r.signals().toString());
  }
  /**
   * Breaks right after rejected rows ask for review, not a block, in a newest-first export too: it is walked oldest
   * row first, so the data-row numbers fall along the walk and a gap in them is still a gap.
   */
  @Test
  void breaksAfterRejectedRowsOfANewestFirstExportAskForReviewNotABlock() {
    ParsedStatement s = bank("b.csv", BANK_HEADER
        + "2026-05-16,09:00:00,POS消费,,10.00,5690.00,超市,,POS\n"
        + "2026-5/15,09:00:00,POS消费,,100.00,5700.00,超市,,POS\n"
        + "2026-05-14,09:00:00,POS消费,,30.00,5800.00,超市,,POS\n"
        + "2026-05-13,09:00:00,POS消费,,20..00,5830.00,超市,,POS\n"
        + "2026-05-12,09:00:00,POS消费,,50.00,5850.00,超市,,POS\n"
        + "2026-05-11,09:00:00,POS消费,,abc,5900.00,超市,,POS\n"
        + "2026-05-10,09:00:00,代发工资,6000.00,,6000.00,某某科技有限公司,,批量代发\n");
    assertEquals(3, s.rejected().size());
    ForensicReport r = examine(List.of(s));
    assertEquals(ForensicVerdict.REVIEW, r.verdict(), r.signals().toString());
    ForensicSignal breaks = signals(r, ForensicSignal.Kind.BALANCE_BREAK).get(0);
    assertEquals(0.0, breaks.strength(), breaks.detail());
  }
  /**
   * Two statements that share no row to the balance are of two accounts: the days both cover hold other rows in each,
   * and that is no disagreement (a shared row makes them one account: {@link OverlappingStatementsTest}).
   */
  @Test
  void statementsSharingNoRowAreOfTwoAccountsAndDoNotDisagree() {
    ParsedStatement a = bank("a.csv", BANK_HEADER
        + "2026-05-01,10:00:00,POS消费,,10.00,990.00,超市,,POS\n"
        + "2026-05-02,10:00:00,POS消费,,10.00,980.00,超市,,POS\n"
        + "2026-05-03,10:00:00,POS消费,,10.00,970.00,超市,,POS\n");
    ParsedStatement b = bank("b.csv", BANK_HEADER
        + "2026-05-01,11:00:00,POS消费,,20.00,480.00,药店,,POS\n"
        + "2026-05-02,11:00:00,POS消费,,20.00,460.00,药店,,POS\n"
        + "2026-05-03,11:00:00,POS消费,,20.00,440.00,药店,,POS\n");
    List<ParsedStatement> both = List.of(a, b);
    ForensicReport r = examine(both);
    assertEquals(List.of(), signals(r, ForensicSignal.Kind.STATEMENTS_DISAGREE));
    assertEquals(ForensicVerdict.PASS, r.verdict(), r.signals().toString());
  }
  /**
   * Two bank rows alike in time, amount, counterparty and description but not in balance are two purchases (two
   * coffees paid in one second), not one row twice: the balance is part of an identical row.
   */
  @Test
  void bankRowsAlikeButForTheirBalanceAreNoDuplicates() {
    ParsedStatement s = bank("b.csv", BANK_HEADER
        + "2026-05-01,10:00:00,POS消费,,10.00,990.00,咖啡店,,POS\n"
        + "2026-05-01,10:00:00,POS消费,,10.00,980.00,咖啡店,,POS\n");
    ForensicReport r = examine(List.of(s));
    assertEquals(List.of(), signals(r, ForensicSignal.Kind.DUPLICATE_SERIAL));
  }
  /**
   * Rows of two statements of one account are the same row only to the balance: a row whose balance one of them
   * states otherwise is in only one of them, and the statements disagree about it.
   */
  @Test
  void aRowOfOneAccountWithAnotherBalanceIsADisagreement() {
    ParsedStatement a = bank("a.csv", BANK_HEADER
        + "2026-05-01,10:00:00,POS消费,,10.00,990.00,超市,,POS\n"
        + "2026-05-02,10:00:00,POS消费,,10.00,980.00,超市,,POS\n"
        + "2026-05-03,10:00:00,POS消费,,10.00,970.00,超市,,POS\n");
    ParsedStatement b = bank("b.csv", BANK_HEADER
        + "2026-05-01,10:00:00,POS消费,,10.00,990.00,超市,,POS\n"
        + "2026-05-02,10:00:00,POS消费,,10.00,1980.00,超市,,POS\n"
        + "2026-05-03,10:00:00,POS消费,,10.00,970.00,超市,,POS\n");
    List<ParsedStatement> both = List.of(a, b);
    ForensicReport r = examine(both);
    assertEquals(List.of(List.of("a.csv:3", "b.csv:3")),
        signals(r, ForensicSignal.Kind.STATEMENTS_DISAGREE).stream().map(ForensicSignal::rows).toList(),
        r.signals().toString());
  }
  /**
   * A row dated before the first day of the period the export states is outside it as much as one after its last
   * day; both are named, the first of them in the detail, and the period's own first and last days are inside.
   */
  @Test
  void rowsBeforeAndAfterTheStatedPeriodAreNamedTheFirstInTheDetail() {
    ParsedStatement s = StatementParser.parseDetected("b.csv", ("户名：周子航\n起止日期：2026-05-01 至 2026-05-31\n"
        + BANK_HEADER
        + "2026-04-30,10:00:00,POS消费,,10.00,990.00,超市,,POS\n"
        + "2026-05-01,10:00:00,POS消费,,10.00,980.00,超市,,POS\n"
        + "2026-05-31,10:00:00,POS消费,,10.00,970.00,超市,,POS\n"
        + "2026-06-01,10:00:00,POS消费,,10.00,960.00,超市,,POS\n").getBytes(StandardCharsets.UTF_8));
    ForensicReport r = examine(List.of(s));
    List<ForensicSignal> outside = signals(r, ForensicSignal.Kind.OUTSIDE_STATED_PERIOD);
    assertEquals(1, outside.size(), r.signals().toString());
    assertEquals(List.of("b.csv:4", "b.csv:7"), outside.get(0).rows());
    assertEquals("2 row(s) of b.csv dated outside the period 2026-05-01 to 2026-05-31 it states, the first 2026-04-30 "
        + "at b.csv:4: the export holds only that period's rows, so each was added or its date edited after it",
        outside.get(0).detail());
  }
  /**
   * A first job is no income spike: with no income in the months before, their median is nothing and no spike is
   * signalled. A spike names the income rows of its month, not the spending beside them.
   */
  @Test
  void aFirstSalaryIsNoSpikeAndASpikeNamesOnlyItsMonthsIncome() {
    String spending = "2026-05-12,09:00:00,POS消费,,10.00,,超市,,POS\n"
        + "2026-06-12,09:00:00,POS消费,,10.00,,超市,,POS\n"
        + "2026-07-12,09:00:00,POS消费,,10.00,,超市,,POS\n"
        + "2026-08-12,09:00:00,POS消费,,10.00,,超市,,POS\n";
    ParsedStatement first = bank("b.csv", BANK_HEADER + spending
        + "2026-08-10,09:00:00,代发工资,6000.00,,,某某科技有限公司,,批量代发\n");
    ForensicReport r = examine(List.of(first));
    assertEquals(List.of(), signals(r, ForensicSignal.Kind.INCOME_SPIKE), r.signals().toString());

    ParsedStatement spike = bank("b.csv", BANK_HEADER + spending
        + "2026-05-10,09:00:00,代发工资,6000.00,,,某某科技有限公司,,批量代发\n"
        + "2026-06-10,09:00:00,代发工资,6000.00,,,某某科技有限公司,,批量代发\n"
        + "2026-07-10,09:00:00,代发工资,6000.00,,,某某科技有限公司,,批量代发\n"
        + "2026-08-10,09:00:00,代发工资,16000.00,,,某某科技有限公司,,批量代发\n");
    ForensicReport s = examine(List.of(spike));
    assertEquals(List.of(List.of("b.csv:9")), signals(s, ForensicSignal.Kind.INCOME_SPIKE).stream()
        .map(ForensicSignal::rows).toList(), s.signals().toString());
  }
  /** Only credits are looked at for round amounts: rent paid in round thousands is no sign of forged income. */
  @Test
  void roundDebitsAreNoRoundCredits() {
    ParsedStatement s = bank("b.csv", BANK_HEADER
        + "2026-05-01,09:00:00,转账,,3000.00,,房东,,网银\n"
        + "2026-06-01,09:00:00,转账,,3000.00,,房东,,网银\n"
        + "2026-07-01,09:00:00,转账,,3000.00,,房东,,网银\n");
    ForensicReport r = examine(List.of(s));
    assertEquals(List.of(), signals(r, ForensicSignal.Kind.ROUND_AMOUNTS), r.signals().toString());
  }
}
