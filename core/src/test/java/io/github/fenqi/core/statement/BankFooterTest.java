package io.github.fenqi.core.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.testkit.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bank export closes its rows with a footer: a 合计 line summing the credit and debit columns, and a line saying
 * when it was made (导出时间, 打印时间). After the last row these are the export's, not rejected rows, and the 合计 is
 * what a row edited with every balance after it (which breaks no running balance) disagrees with. Files are written
 * and read back as a borrower would hand them in.
 */
class BankFooterTest {
  @TempDir
  Path dir;

  /** The sample's lines, header first, without the empty string after its last line break. */
  private static List<String> sample() {
    String text = new String(Samples.bytes("samples/statements/bank_A.csv"), StandardCharsets.UTF_8);
    return new ArrayList<>(Arrays.asList(text.strip().split("\n")));
  }

  private ParsedStatement write(String name, List<String> lines) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return StatementParser.read(file, null);
  }

  private static ForensicReport examine(ParsedStatement s) {
    return StatementForensics.defaults().examine(List.of(s), StatementAnalyzer.defaults().analyze(List.of(s)));
  }

  private static Money sum(ParsedStatement s, Direction d) {
    Money sum = Money.ZERO;
    for (Transaction t : s.transactions()) {
      if (t.direction() == d) {
        sum = sum.plus(t.amount());
      }
    }
    return sum;
  }

  /** 合计,,,credits,debits,,,, and the lines saying when the export was made, then a blank line. */
  private static List<String> withFooter(List<String> rows, Money credits, Money debits) {
    List<String> lines = new ArrayList<>(rows);
    lines.add("合计,,," + credits + "," + debits + ",,,,");
    lines.add("导出时间:2026-11-30 12:00,,,,,,,,");
    lines.add("打印时间：2026年11月30日 12:01");
    lines.add(",,,,,,,,");
    return lines;
  }

  @Test
  void theFooterAfterTheLastRowIsNotRejectedAndItsTotalsAreComparedWithTheRows() throws IOException {
    ParsedStatement plain = write("plain.csv", sample());
    assertNull(plain.footerTotals());
    Money credits = sum(plain, Direction.CREDIT);
    Money debits = sum(plain, Direction.DEBIT);
    ParsedStatement s = write("footer.csv", withFooter(sample(), credits, debits));
    assertEquals(List.of(), s.rejected());
    assertEquals(plain.transactions().size(), s.transactions().size());
    int totalsLine = sample().size() + 1;
    assertEquals(new FooterTotals(totalsLine, credits, debits), s.footerTotals());
    ForensicReport r = examine(s);
    assertEquals(examine(plain).verdict(), r.verdict(), r.signals().toString());
    assertTrue(r.signals().stream().noneMatch(x -> x.kind() == ForensicSignal.Kind.STATED_TOTALS_MISMATCH),
        r.signals().toString());
  }

  /**
   * A salary raised by 4000.00 with every balance after it breaks no running balance; the bank's 合计 of the rows as
   * exported is what it disagrees with.
   */
  @Test
  void aRowEditedWithItsBalancesDisagreesWithTheTotalsLine() throws IOException {
    ParsedStatement plain = write("plain.csv", sample());
    List<String> rows = sample();
    int salary = -1;
    for (int i = 1; i < rows.size(); i++) {
      if (rows.get(i).contains("代发工资")) {
        salary = i;
        break;
      }
    }
    Money raise = Money.of("4000.00");
    for (int i = salary; i < rows.size(); i++) {
      String[] f = rows.get(i).split(",", -1);
      if (i == salary) {
        f[3] = Money.of(f[3]).plus(raise).toString();
      }
      f[5] = Money.of(f[5]).plus(raise).toString();
      rows.set(i, String.join(",", f));
    }
    ParsedStatement s = write("edited.csv", withFooter(rows, sum(plain, Direction.CREDIT),
        sum(plain, Direction.DEBIT)));
    assertEquals(List.of(), s.rejected());
    ForensicReport r = examine(s);
    assertTrue(r.signals().stream().noneMatch(x -> x.kind() == ForensicSignal.Kind.BALANCE_BREAK),
        "the balances were edited along: " + r.signals());
    ForensicSignal totals = r.signals().stream().filter(x -> x.kind() == ForensicSignal.Kind.STATED_TOTALS_MISMATCH)
        .findFirst().orElseThrow(() -> new AssertionError(r.signals().toString()));
    String at = s.source() + ":" + (rows.size() + 1);
    assertEquals(List.of(at), totals.rows());
    assertTrue(totals.detail().contains("money in of " + sum(plain, Direction.CREDIT) + ", the rows' credits sum to "
        + sum(plain, Direction.CREDIT).plus(raise)), totals.detail());
    assertTrue(!totals.detail().contains("money out"), totals.detail());
    assertEquals(ForensicVerdict.REVIEW, r.verdict());
  }

  @Test
  void aTotalsLineAmongTheRowsIsStillRejectedNamingItsLine() throws IOException {
    List<String> rows = sample();
    rows.add(40, "合计,,,100.00,,,,,");
    ParsedStatement s = write("middle.csv", rows);
    assertEquals(List.of(s.source() + ":41"), s.rejected().stream().map(p -> p.location()).toList());
    assertTrue(s.rejected().get(0).reason().contains("'合计' is a footer line"), s.rejected().get(0).reason());
    assertEquals(sample().size() - 1, s.transactions().size());
    assertNull(s.footerTotals());
  }

  @Test
  void aTotalsLineWhoseSumIsNoAmountIsRejectedAndNotCompared() throws IOException {
    List<String> lines = withFooter(sample(), Money.of("1.00"), Money.of("1.00"));
    int totals = sample().size();
    lines.set(totals, "合计,,,约12345元,,,,,");
    ParsedStatement s = write("unreadable.csv", lines);
    assertEquals(List.of(s.source() + ":" + (totals + 1)), s.rejected().stream().map(p -> p.location()).toList());
    assertTrue(s.rejected().get(0).reason().startsWith("the totals line after the last row cannot be read"),
        s.rejected().get(0).reason());
    assertNull(s.footerTotals());
    assertTrue(examine(s).signals().stream().noneMatch(x -> x.kind() == ForensicSignal.Kind.STATED_TOTALS_MISMATCH));
  }

  /** 合计消费 is a description, not the totals label: a row that begins with it is read or rejected as a row. */
  @Test
  void aFieldThatOnlyBeginsWithTheLabelIsNoFooter() throws IOException {
    List<String> lines = sample();
    lines.add("合计消费,,,1.00,,,,,");
    ParsedStatement s = write("word.csv", lines);
    assertEquals(List.of(s.source() + ":" + lines.size()), s.rejected().stream().map(p -> p.location()).toList());
    // a word in the date column is described, not quoted (it may be a name): "交易日期 holds text …, not a date"
    assertTrue(s.rejected().get(0).reason().contains("not a date"), s.rejected().get(0).reason());
  }

  /**
   * Banks close the footer with a note in prose (温馨提示：…, 本明细仅供参考…) after the totals and the export time;
   * the footer had ended at the last line that was a totals or time line, so a note after them made the 合计 and
   * 导出时间 lines rejected rows "among the rows" and the note a row that is not a date.
   */
  @Test
  void aNoteInProseAfterTheFooterIsPartOfTheFooter() throws IOException {
    ParsedStatement plain = write("plain.csv", sample());
    Money credits = sum(plain, Direction.CREDIT);
    Money debits = sum(plain, Direction.DEBIT);
    List<String> lines = withFooter(sample(), credits, debits);
    lines.add("温馨提示：本明细仅供参考，如有疑问请致电95588,,,,,,,,");
    lines.add("本回单不作为收款方发货依据");
    lines.add("");
    ParsedStatement s = write("note.csv", lines);
    assertEquals(List.of(), s.rejected());
    assertEquals(plain.transactions().size(), s.transactions().size());
    assertEquals(new FooterTotals(sample().size() + 1, credits, debits), s.footerTotals());
  }

  /** A note alone after the rows, no totals line before it, is no row either. */
  @Test
  void aLabelledNoteAfterTheLastRowIsNoRow() throws IOException {
    List<String> lines = sample();
    lines.add("温馨提示：交易日期范围最长一年");
    ParsedStatement s = write("lonenote.csv", lines);
    assertEquals(List.of(), s.rejected());
    assertEquals(sample().size() - 1, s.transactions().size());
  }

  /** Prose after the rows with no footer label before it is still rejected: it may be a row gone wrong. */
  @Test
  void unlabelledProseAfterTheRowsWithoutAFooterIsStillRejected() throws IOException {
    List<String> lines = sample();
    lines.add("本明细仅供参考");
    ParsedStatement s = write("prose.csv", lines);
    assertEquals(List.of(s.source() + ":" + lines.size()), s.rejected().stream().map(p -> p.location()).toList());
  }

  /**
   * Some banks state the sums on lines of their own, 收入合计 and 支出合计, in place of a 合计 line under the columns;
   * they had ended nothing (each a rejected row) and been compared with nothing.
   */
  @Test
  void separateIncomeAndSpendingTotalLinesAreReadAndCompared() throws IOException {
    ParsedStatement plain = write("plain.csv", sample());
    Money credits = sum(plain, Direction.CREDIT);
    Money debits = sum(plain, Direction.DEBIT);
    List<String> lines = sample();
    int creditLine = lines.size() + 1;
    lines.add("\"收入合计：¥" + grouped(credits) + "元\"");
    lines.add("支出合计,\"" + grouped(debits) + "\"");
    lines.add("导出时间:2026-11-30 12:00");
    ParsedStatement s = write("split.csv", lines);
    assertEquals(List.of(), s.rejected());
    assertEquals(plain.transactions().size(), s.transactions().size());
    assertEquals(new FooterTotals(creditLine, credits, creditLine + 1, debits), s.footerTotals());
    assertTrue(examine(s).signals().stream().noneMatch(x -> x.kind() == ForensicSignal.Kind.STATED_TOTALS_MISMATCH),
        examine(s).signals().toString());

    List<String> edited = new ArrayList<>(lines);
    edited.set(edited.size() - 2, "支出合计," + debits.plus(Money.of("100.00")));
    ParsedStatement e = write("split-edited.csv", edited);
    ForensicSignal totals = examine(e).signals().stream()
        .filter(x -> x.kind() == ForensicSignal.Kind.STATED_TOTALS_MISMATCH).findFirst()
        .orElseThrow(() -> new AssertionError(examine(e).signals().toString()));
    assertEquals(List.of(e.source() + ":" + (creditLine + 1)), totals.rows());
    assertTrue(totals.detail().contains("money out of " + debits.plus(Money.of("100.00")) + ", the rows' debits sum to "
        + debits), totals.detail());
  }

  /**
   * A sum line's label may run straight into its amount (收入合计12345.67), as a footer label may be followed by a
   * digit; a minus is read on a debit sum (支出合计：-2345.00, its magnitude), while a credit sum written negative is no
   * sum of credits and is rejected naming its line.
   */
  @Test
  void aSumRightAfterItsLabelIsReadAndOnlyADebitSumMayBeSigned() throws IOException {
    Sums sums = sampleSums();
    Money credits = sums.credits();
    Money debits = sums.debits();
    List<String> lines = sample();
    int creditLine = lines.size() + 1;
    lines.add("收入合计" + credits);
    lines.add("支出合计：-" + debits);
    ParsedStatement s = write("joined.csv", lines);
    assertEquals(List.of(), s.rejected());
    assertEquals(new FooterTotals(creditLine, credits, creditLine + 1, debits), s.footerTotals());

    List<String> negative = sample();
    negative.add("收入合计：-" + credits);
    assertOnlyFooterLineRejected(write("negative.csv", negative), creditLine, "收入合计 '-" + credits + "' is negative");
  }

  /** The sample's credits and debits summed, and its number of rows. */
  private record Sums(Money credits, Money debits, int rows) {}

  private Sums sampleSums() throws IOException {
    ParsedStatement plain = write("plain.csv", sample());
    return new Sums(sum(plain, Direction.CREDIT), sum(plain, Direction.DEBIT), plain.transactions().size());
  }

  /** {@code s} rejects only {@code line}, for a reason holding {@code why}, and so states no footer totals. */
  private static void assertOnlyFooterLineRejected(ParsedStatement s, int line, String why) {
    assertEquals(List.of(s.source() + ":" + line), s.rejected().stream().map(p -> p.location()).toList());
    assertTrue(s.rejected().get(0).reason().contains(why), s.rejected().get(0).reason());
    assertNull(s.footerTotals());
  }

  /**
   * An export of one signed 交易金额 column (a mapping naming it as credit and debit) may close with a 合计 line under
   * it, which may be the net or the sum of the magnitudes: it is recognised as the footer, neither rejected nor
   * compared with the rows as a credit or debit sum.
   */
  @Test
  void aTotalsLineUnderASignedAmountColumnIsRecognisedAndNotCompared() {
    BankColumnMapping signed = new BankColumnMapping("交易时间", null, "摘要", "交易金额", "交易金额", "账户余额", "对方户名",
        null, null);
    ParsedStatement s = StatementParser.bank(signed).parse("cmb.csv", ("交易时间,摘要,交易金额,账户余额,对方户名\n"
        + "2026-05-01 20:15:03,转账-房租,-2800.00,1415.48,钱文斌\n"
        + "2026-05-10 09:31:12,代发工资,8642.17,10057.65,杭州澄星数码科技有限公司\n"
        + "合计,,5842.17,,\n").getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), s.rejected());
    assertEquals(2, s.transactions().size());
    assertNull(s.footerTotals());
  }

  /**
   * A 合计 line wider than the header, its extra fields filled, has an unquoted comma in a sum (合计,,,57,694.90,…,
   * with the row count under its last column) that shifts its columns: it is rejected naming its line, not read
   * shifted as a credit sum of 57.00.
   */
  @Test
  void aTotalsLineShiftedByAnUnquotedCommaIsRejectedNotReadShifted() throws IOException {
    Sums sums = sampleSums();
    assertTrue(grouped(sums.credits()).contains(","), grouped(sums.credits()));
    List<String> lines = sample();
    lines.add("合计,,," + grouped(sums.credits()) + "," + sums.debits() + ",,,,共" + sums.rows() + "笔");
    assertOnlyFooterLineRejected(write("shifted.csv", lines), lines.size(), "it has 10 fields where the header has 9");
  }

  /** A 收入合计 whose value is no amount (two values: an unquoted comma) is rejected naming its line, not misread. */
  @Test
  void aSeparateTotalLineWhoseValueIsNoAmountIsRejected() throws IOException {
    List<String> lines = sample();
    lines.add("收入合计：12,34");
    lines.add("支出合计：100.00元,8");
    ParsedStatement s = write("badsplit.csv", lines);
    assertEquals(List.of(s.source() + ":" + (sample().size() + 1), s.source() + ":" + (sample().size() + 2)),
        s.rejected().stream().map(p -> p.location()).toList());
    assertTrue(s.rejected().get(0).reason().startsWith("the totals line after the last row cannot be read"),
        s.rejected().get(0).reason());
    assertNull(s.footerTotals());
  }

  /**
   * A footer whose 合计 line and 收入合计 line both state the credit sum, and disagree: the first had been taken and
   * the second passed over without a word, so a footer edited in one place and not the other was compared by whichever
   * came first. The later line is rejected naming both lines and sums, and the credit sum is not taken from either (the
   * debit sum, stated once, still is); with a line rejected the rows are not compared, as with a sum that is no amount.
   */
  @Test
  void twoFooterLinesStatingTheCreditSumDifferentlyAreRejectedNotOneTaken() throws IOException {
    ParsedStatement plain = write("plain.csv", sample());
    Money credits = sum(plain, Direction.CREDIT);
    Money debits = sum(plain, Direction.DEBIT);
    Money other = credits.plus(Money.of("100.00"));
    List<String> lines = sample();
    int totalsLine = lines.size() + 1;
    lines.add("合计,,," + credits + "," + debits + ",,,,");
    lines.add("收入合计：" + other);
    lines.add("支出合计：" + debits);
    ParsedStatement s = write("twice.csv", lines);
    assertEquals(List.of(s.source() + ":" + (totalsLine + 1)), s.rejected().stream().map(p -> p.location()).toList());
    assertEquals("states money in of " + other + " where line " + totalsLine + " states " + credits + ": the footer "
        + "contradicts itself (one of them edited?), so that sum is not compared with the rows",
        s.rejected().get(0).reason());
    assertEquals(new FooterTotals(0, null, totalsLine, debits), s.footerTotals());
    assertEquals(plain.transactions().size(), s.transactions().size());

    List<String> agreeing = sample();
    agreeing.add("合计,,," + credits + "," + debits + ",,,,");
    agreeing.add("收入合计：" + credits);
    ParsedStatement a = write("agreeing.csv", agreeing);
    assertEquals(List.of(), a.rejected());
    assertEquals(new FooterTotals(totalsLine, credits, debits), a.footerTotals());
  }

  /** A placeholder (--) under a column of the 合计 line states no sum there, as on a row. */
  @Test
  void aPlaceholderOnTheTotalsLineStatesNoSum() throws IOException {
    Money credits = sum(write("plain.csv", sample()), Direction.CREDIT);
    List<String> lines = sample();
    lines.add("合计,,," + credits + ",--,,,,");
    ParsedStatement s = write("dash.csv", lines);
    assertEquals(List.of(), s.rejected());
    assertEquals(new FooterTotals(lines.size(), credits, null), s.footerTotals());
  }

  /** The sums of {@code rows} (data lines of the sample) by direction, as a 本页合计 line under the columns. */
  private static String pageTotal(String label, List<String> rows) {
    Money in = Money.ZERO;
    Money out = Money.ZERO;
    for (String row : rows) {
      String[] f = row.split(",", -1);
      in = f[3].isEmpty() ? in : in.plus(Money.of(f[3]));
      out = f[4].isEmpty() ? out : out.plus(Money.of(f[4]));
    }
    return label + ",,," + in + "," + out + ",,,,";
  }

  /**
   * An export saved page by page closes each page with a 本页合计 line of that page's rows, then repeats the header;
   * the last page's 本页合计 stands before the 合计 of all rows. The page lines had been rejected as footer lines among
   * the rows, and the last one taken as the export's totals, contradicted by the 合计 line: the rows were compared with
   * nothing. Each 本页合计 states its page's sums, which are compared with the page's rows; the 合计 states all rows'.
   */
  @Test
  void pageTotalsBetweenPagesAreComparedWithTheirPagesRows() throws IOException {
    ParsedStatement plain = write("plain.csv", sample());
    List<String> rows = sample();
    String header = rows.get(0);
    List<String> first = rows.subList(1, 41);
    List<String> second = rows.subList(41, rows.size());
    List<String> lines = new ArrayList<>();
    lines.add(header);
    lines.addAll(first);
    lines.add(pageTotal("本页合计", first));
    lines.add("");
    lines.add(header);
    lines.addAll(second);
    lines.add(pageTotal("本页合计：", second));
    lines.add(pageTotal("合计", rows.subList(1, rows.size())));
    lines.add("导出时间:2026-11-30 12:00");
    ParsedStatement s = write("pages.csv", lines);
    assertEquals(List.of(), s.rejected());
    assertEquals(plain.transactions().size(), s.transactions().size());
    int firstPage = first.size() + 2;
    int secondPage = firstPage + 3 + second.size();
    assertEquals(List.of(new PageTotals(firstPage, 2, sumOf(first, 3),
            sumOf(first, 4)), new PageTotals(secondPage, firstPage + 1, sumOf(second, 3), sumOf(second, 4))),
        s.pageTotals());
    assertEquals(new FooterTotals(secondPage + 1, sum(plain, Direction.CREDIT), sum(plain, Direction.DEBIT)),
        s.footerTotals());
    assertTrue(examine(s).signals().stream().noneMatch(x -> x.kind() == ForensicSignal.Kind.STATED_TOTALS_MISMATCH),
        examine(s).signals().toString());

    // a debit of the first page raised by 100.00, with every balance after it and the 合计 line: its page disagrees
    List<String> edited = new ArrayList<>(lines);
    int row = 10;
    String[] f = edited.get(row).split(",", -1);
    assertTrue(!f[4].isEmpty(), edited.get(row));
    f[4] = Money.of(f[4]).plus(Money.of("100.00")).toString();
    edited.set(row, String.join(",", f));
    for (int i = row; i < edited.size(); i++) {
      String[] g = edited.get(i).split(",", -1);
      if (g.length > 5 && g[5].matches("[0-9.]+")) {
        g[5] = Money.of(g[5]).minus(Money.of("100.00")).toString();
        edited.set(i, String.join(",", g));
      }
    }
    List<String> editedRows = new ArrayList<>(edited.subList(1, firstPage - 1));
    editedRows.addAll(second);
    edited.set(secondPage, pageTotal("合计", editedRows));
    ParsedStatement e = write("pages-edited.csv", edited);
    assertEquals(List.of(), e.rejected());
    ForensicSignal totals = examine(e).signals().stream()
        .filter(x -> x.kind() == ForensicSignal.Kind.STATED_TOTALS_MISMATCH).findFirst()
        .orElseThrow(() -> new AssertionError(examine(e).signals().toString()));
    assertEquals(List.of(e.source() + ":" + firstPage), totals.rows());
    assertTrue(totals.detail().contains("money out of " + sumOf(first, 4) + ", the rows of its page (lines 2 to "
        + (firstPage - 1) + ") sum to " + sumOf(first, 4).plus(Money.of("100.00"))), totals.detail());
  }

  /**
   * 本页合计 lines are compared with their pages' rows without a 合计 line after the last page too; with a row
   * rejected, they are not compared, and the note names the one totals line when there is one.
   */
  @Test
  void pageTotalsWithoutAFooterAreStillComparedAndNotedWhenARowIsRejected() throws IOException {
    List<String> rows = sample();
    List<String> first = new ArrayList<>(rows.subList(1, 41));
    List<String> lines = new ArrayList<>();
    lines.add(rows.get(0));
    lines.addAll(first);
    lines.add(pageTotal("本页合计", first));
    int pageLine = first.size() + 2;
    ParsedStatement s = write("page.csv", lines);
    assertEquals(List.of(), s.rejected());
    assertEquals(null, s.footerTotals());
    assertEquals(1, s.pageTotals().size());
    assertTrue(examine(s).signals().stream().noneMatch(x -> x.kind() == ForensicSignal.Kind.STATED_TOTALS_MISMATCH),
        examine(s).signals().toString());

    List<String> edited = new ArrayList<>(lines); // a debit raised by 100.00 with every balance after it
    int row = 10;
    String[] f = edited.get(row).split(",", -1);
    assertTrue(!f[4].isEmpty(), edited.get(row));
    f[4] = Money.of(f[4]).plus(Money.of("100.00")).toString();
    edited.set(row, String.join(",", f));
    for (int i = row; i < pageLine - 1; i++) {
      String[] g = edited.get(i).split(",", -1);
      g[5] = Money.of(g[5]).minus(Money.of("100.00")).toString();
      edited.set(i, String.join(",", g));
    }
    ParsedStatement e = write("page-edited.csv", edited);
    ForensicReport r = examine(e);
    assertEquals(List.of(List.of(e.source() + ":" + pageLine)), r.signals().stream()
        .filter(x -> x.kind() == ForensicSignal.Kind.STATED_TOTALS_MISMATCH).map(ForensicSignal::rows).toList(),
        r.signals().toString());

    List<String> rejected = new ArrayList<>(lines);
    String[] g = rejected.get(row).split(",", -1);
    g[4] = "abc";
    rejected.set(row, String.join(",", g));
    ParsedStatement j = write("page-rejected.csv", rejected);
    assertEquals(1, j.rejected().size());
    assertTrue(examine(j).notes().contains(j.source() + ": 1 row(s) rejected, whose amounts are unknown: the sums the "
        + "totals line " + j.source() + ":" + pageLine + " states were not compared with the rows"),
        examine(j).notes().toString());

    List<String> debitOnly = new ArrayList<>(lines); // the credit left empty: only the debit sum is stated and compared
    String[] t = debitOnly.get(pageLine - 1).split(",", -1);
    t[3] = "";
    debitOnly.set(pageLine - 1, String.join(",", t));
    ParsedStatement d = write("page-debit.csv", debitOnly);
    assertEquals(null, d.pageTotals().get(0).credit());
    assertTrue(examine(d).signals().stream().noneMatch(x -> x.kind() == ForensicSignal.Kind.STATED_TOTALS_MISMATCH),
        examine(d).signals().toString());
  }

  /**
   * A bank export saved as printed numbers its pages (第1页/共2页, 第 2 页 共 2 页) between them and after the last; such a
   * line had been read as a row and rejected ("not a date"), so every such export had rejected rows and was compared
   * with no totals. A line saying only which page it is holds no row and is passed over as a blank line is.
   */
  @Test
  void pageNumberLinesArePassedOverLikeBlankLines() throws IOException {
    ParsedStatement plain = write("plain.csv", sample());
    List<String> rows = sample();
    List<String> first = rows.subList(1, 41);
    List<String> second = rows.subList(41, rows.size());
    List<String> lines = new ArrayList<>();
    lines.add(rows.get(0));
    lines.addAll(first);
    lines.add(pageTotal("本页合计", first));
    lines.add("第1页/共2页,,,,,,,,");
    lines.add(rows.get(0));
    lines.addAll(second.subList(0, 10));
    lines.add("\"第 2 页\",\"共 2 页\"");
    lines.addAll(second.subList(10, second.size()));
    lines.add(pageTotal("合计", rows.subList(1, rows.size())));
    lines.add("共2页 第2页");
    ParsedStatement s = write("numbered.csv", lines);
    assertEquals(List.of(), s.rejected());
    assertEquals(plain.transactions().size(), s.transactions().size());
    assertEquals(1, s.pageTotals().size());
    assertTrue(examine(s).signals().stream().noneMatch(x -> x.kind() == ForensicSignal.Kind.STATED_TOTALS_MISMATCH),
        examine(s).signals().toString());
  }

  /** The sum of column {@code column} of {@code rows}, its empty fields left out. */
  private static Money sumOf(List<String> rows, int column) {
    Money sum = Money.ZERO;
    for (String row : rows) {
      String f = row.split(",", -1)[column];
      sum = f.isEmpty() ? sum : sum.plus(Money.of(f));
    }
    return sum;
  }

  /** 12345.67 as 12,345.67. */
  private static String grouped(Money m) {
    return String.format(java.util.Locale.ROOT, "%,d.%02d", m.fen() / 100, m.fen() % 100);
  }
}
