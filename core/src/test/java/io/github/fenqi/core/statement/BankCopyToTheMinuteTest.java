package io.github.fenqi.core.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.testkit.Samples;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A bank statement whose rows state their date and time in one column, given twice: as downloaded, and as a
 * spreadsheet saved it again — its times to the minute (2026/5/1 20:15), its amounts without their trailing zeros.
 * Each row of the copy is the row of the other alike in every part, its balance included, but its time's seconds, and
 * is removed as its duplicate: all but the rows at a whole minute had been counted twice, the salary of each month
 * doubled.
 */
class BankCopyToTheMinuteTest {
  private static final String HEADER = "交易日期,交易时间,摘要,收入金额,支出金额,账户余额,对方户名,对方账号,交易渠道";
  private static final Pattern ROW = Pattern.compile("(?m)^(\\d{4})-(\\d{2})-(\\d{2}),(\\d{2}):(\\d{2}):(\\d{2}),");

  private static String sample() {
    return new String(Samples.bytes("samples/statements/bank_A.csv"), StandardCharsets.UTF_8);
  }

  /** The sample with each row's date and time in 交易日期: 2026-05-01 20:15:03. */
  private static String asDownloaded() {
    return ROW.matcher(sample()).replaceAll("$1-$2-$3 $4:$5:$6,,");
  }

  /** As a spreadsheet saves it: 2026/5/1 20:15, and 2800.00 as 2800. */
  private static String savedAgain() {
    Matcher m = ROW.matcher(sample());
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, m.group(1) + "/" + Integer.parseInt(m.group(2)) + "/" + Integer.parseInt(m.group(3)) + " "
          + Integer.parseInt(m.group(4)) + ":" + m.group(5) + ",,");
    }
    m.appendTail(out);
    return out.toString().replaceAll("(?<=,\\d{1,6})\\.00(?=,)", "").replaceAll("(?<=,\\d{1,6}\\.\\d)0(?=,)", "");
  }

  private static ParsedStatement parse(String source, String text, Charset charset) {
    return StatementParser.bank().parse(source, text.getBytes(charset));
  }

  @Test
  void eachRowOfACopyToTheMinuteIsRemovedAsADuplicate() {
    ParsedStatement downloaded = parse("a.csv", asDownloaded(), StandardCharsets.UTF_8);
    ParsedStatement copy = parse("b.csv", savedAgain(), Charset.forName("GBK"));
    assertTrue(savedAgain().startsWith(HEADER) && savedAgain().contains("\n2026/5/1 20:15,,"), savedAgain());
    assertEquals(List.of(), copy.rejected());
    assertEquals(downloaded.rowsRead(), copy.rowsRead());
    assertTrue(copy.transactions().stream().allMatch(t -> t.time().getSecond() == 0));
    assertTrue(downloaded.transactions().stream().filter(t -> t.time().getSecond() != 0).count() > 40);

    StatementAnalysis one = StatementAnalyzer.defaults().analyze(List.of(downloaded));
    StatementAnalysis both = StatementAnalyzer.defaults().analyze(List.of(downloaded, copy));
    assertEquals(one.months(), both.months());
    assertEquals(downloaded.rowsRead(), both.removals().stream().filter(r -> r.kind() == RemovalKind.DUPLICATE).count());
  }

  /**
   * The forensics compare the two to the minute, as one of them states its times: the copy had been told to
   * disagree with the statement downloaded in every row not at a whole minute (STATEMENTS_DISAGREE, "one was
   * edited"), while a row the copy lacks is still told.
   */
  @Test
  void theForensicsCompareACopyToTheMinuteWithItsStatementToTheMinute() {
    ParsedStatement downloaded = parse("a.csv", asDownloaded(), StandardCharsets.UTF_8);
    ParsedStatement copy = parse("b.csv", savedAgain(), Charset.forName("GBK"));
    List<ParsedStatement> both = List.of(downloaded, copy);
    ForensicReport report = StatementForensics.defaults().examine(both, StatementAnalyzer.defaults().analyze(both));
    assertEquals(List.of(), report.signals());

    String lacking = savedAgain().replaceAll("(?m)^2026/7/15 8:00,,.*\n", "");
    assertEquals(savedAgain().lines().count() - 1, lacking.lines().count());
    ParsedStatement edited = parse("c.csv", lacking, Charset.forName("GBK"));
    List<ParsedStatement> withEdited = List.of(downloaded, edited);
    ForensicReport told = StatementForensics.defaults().examine(withEdited,
        StatementAnalyzer.defaults().analyze(withEdited));
    assertTrue(told.signals().stream().anyMatch(x -> x.kind() == ForensicSignal.Kind.STATEMENTS_DISAGREE
        && x.rows().equals(List.of("a.csv:" + lineOf("2026-07-15,08:00:05,")))), told.signals().toString());
  }

  private static int lineOf(String start) {
    List<String> lines = sample().lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(start)) {
        return i + 1;
      }
    }
    throw new AssertionError(start);
  }

  /** A row at a whole minute of another statement with another balance is another row, not a copy of one. */
  @Test
  void aRowOfTheSameMinuteWithAnotherBalanceIsNoCopy() {
    String a = HEADER + "\n2026-05-01 20:15:03,,POS消费,,80.00,1000.00,家家福超市,,POS\n";
    String b = HEADER + "\n2026-05-01 20:15,,POS消费,,80.00,920.00,家家福超市,,POS\n";
    String c = HEADER + "\n2026-05-01 20:15,,POS消费,,80.00,1000.00,家家福超市,,POS\n";
    ParsedStatement first = parse("a.csv", a, StandardCharsets.UTF_8);
    StatementAnalysis other = StatementAnalyzer.defaults().analyze(List.of(first,
        parse("b.csv", b, StandardCharsets.UTF_8)));
    assertEquals(List.of(), other.removals());
    StatementAnalysis copy = StatementAnalyzer.defaults().analyze(List.of(first,
        parse("c.csv", c, StandardCharsets.UTF_8)));
    assertEquals(List.of(RemovalKind.DUPLICATE), copy.removals().stream().map(Removal::kind).toList());
  }

  /**
   * A row at a whole minute of another statement is no copy of a row it is not alike to in every part but the seconds
   * of that minute: its amount, direction, counterparty, their account or the summary written otherwise, the balance
   * the same (the parts {@link StatementAnalyzer} compares rows by), a row of another minute, a row not at a whole
   * minute (20:15:01), or rows stating no balance, which cannot tell it from another row of that minute. Each case is the row
   * downloaded, then the row at a whole minute of the other statement.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "2026-05-01 20:15:03,,POS消费,,80.00,1000.00,家家福超市,,POS|2026-05-01 20:15,,POS消费,,90.00,1000.00,家家福超市,,POS",
      "2026-05-01 20:15:03,,POS消费,,80.00,1000.00,家家福超市,,POS|2026-05-01 20:15,,POS消费,80.00,,1000.00,家家福超市,,POS",
      "2026-05-01 20:15:03,,POS消费,,80.00,1000.00,家家福超市,,POS|2026-05-01 20:15,,POS消费,,80.00,1000.00,联华超市,,POS",
      "2026-05-01 20:15:03,,POS消费,,80.00,1000.00,家家福超市,,POS|2026-05-01 20:15,,POS消费,,80.00,1000.00,家家福超市,6228****5512,POS",
      "2026-05-01 20:15:03,,POS消费,,80.00,1000.00,家家福超市,,POS|2026-05-01 20:15,,网上支付,,80.00,1000.00,家家福超市,,POS",
      "2026-05-01 20:16:00,,POS消费,,80.00,1000.00,家家福超市,,POS|2026-05-01 20:15,,POS消费,,80.00,1000.00,家家福超市,,POS",
      "2026-05-01 20:16:03,,POS消费,,80.00,1000.00,家家福超市,,POS|2026-05-01 20:15,,POS消费,,80.00,1000.00,家家福超市,,POS",
      "2026-05-01 20:15:30,,POS消费,,80.00,1000.00,家家福超市,,POS|2026-05-01 20:15:01,,POS消费,,80.00,1000.00,家家福超市,,POS",
      "2026-05-01 20:15:03,,POS消费,,80.00,,家家福超市,,POS|2026-05-01 20:15,,POS消费,,80.00,,家家福超市,,POS"})
  void aRowWrittenOtherwiseOrOfAnotherMinuteIsNoCopy(String rows) {
    String[] pair = rows.split("\\|");
    ParsedStatement first = parse("a.csv", HEADER + "\n" + pair[0] + "\n", StandardCharsets.UTF_8);
    ParsedStatement other = parse("b.csv", HEADER + "\n" + pair[1] + "\n", StandardCharsets.UTF_8);
    assertEquals(List.of(), other.rejected());
    assertEquals(List.of(), StatementAnalyzer.defaults().analyze(List.of(first, other)).removals());
  }

  /** Two rows of one statement, one at the whole minute, are two rows: a copy is of another statement. */
  @Test
  void aRowAtTheWholeMinuteOfTheSameStatementIsNoCopy() {
    ParsedStatement one = parse("a.csv", HEADER + "\n2026-05-01 20:15,,POS消费,,80.00,1000.00,家家福超市,,POS\n"
        + "2026-05-01 20:15:03,,POS消费,,80.00,1000.00,家家福超市,,POS\n", StandardCharsets.UTF_8);
    assertEquals(2, one.transactions().size(), one.rejected().toString());
    assertEquals(List.of(), StatementAnalyzer.defaults().analyze(List.of(one)).removals());
  }

  /**
   * Two statements of one account that state their times to the second are compared to the second, neither being to
   * the minute: a row whose seconds were edited in one is told (STATEMENTS_DISAGREE naming both versions), though the
   * statement downloaded has rows at a whole minute.
   */
  @Test
  void statementsToTheSecondAreComparedToTheSecond() {
    ParsedStatement downloaded = parse("a.csv", asDownloaded(), StandardCharsets.UTF_8);
    assertTrue(downloaded.transactions().stream().anyMatch(t -> t.time().getSecond() == 0));
    String edited = asDownloaded().replace("\n2026-07-15 08:00:05,,", "\n2026-07-15 08:00:06,,");
    assertTrue(!edited.equals(asDownloaded()));
    ParsedStatement other = parse("b.csv", edited, StandardCharsets.UTF_8);
    List<ParsedStatement> both = List.of(downloaded, other);
    ForensicReport told = StatementForensics.defaults().examine(both, StatementAnalyzer.defaults().analyze(both));
    String row = ":" + lineOf("2026-07-15,08:00:05,");
    assertTrue(told.signals().stream().anyMatch(x -> x.kind() == ForensicSignal.Kind.STATEMENTS_DISAGREE
        && x.rows().equals(List.of("a.csv" + row, "b.csv" + row))), told.signals().toString());
  }

  /** A copy to the minute whose row was moved within its hour (8:00 written 8:30) is told to disagree in that row. */
  @Test
  void aCopyToTheMinuteWithARowOfAnotherMinuteIsToldToDisagree() {
    ParsedStatement downloaded = parse("a.csv", asDownloaded(), StandardCharsets.UTF_8);
    String moved = savedAgain().replace("\n2026/7/15 8:00,,", "\n2026/7/15 8:30,,");
    assertTrue(!moved.equals(savedAgain()));
    List<ParsedStatement> both = List.of(downloaded, parse("c.csv", moved, Charset.forName("GBK")));
    ForensicReport told = StatementForensics.defaults().examine(both, StatementAnalyzer.defaults().analyze(both));
    String row = ":" + lineOf("2026-07-15,08:00:05,");
    assertTrue(told.signals().stream().anyMatch(x -> x.kind() == ForensicSignal.Kind.STATEMENTS_DISAGREE
        && x.rows().equals(List.of("a.csv" + row, "c.csv" + row))), told.signals().toString());
  }
}
