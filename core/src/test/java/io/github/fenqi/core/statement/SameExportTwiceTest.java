package io.github.fenqi.core.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.testkit.Samples;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A wallet export given twice, once as downloaded and once as a spreadsheet saved it again (its order numbers
 * shortened to 2.0261E+27, read as none, and its times without their seconds): the two state the same 导出时间 and
 * totals, so they are one export, but no row of one is the same row as the other's by serial or in every part, and
 * every row had been counted twice — both statements passed, each month's spending doubled.
 */
class SameExportTwiceTest {
  private static final Charset GBK = Charset.forName("GBK");

  private static Charset charset(String name) {
    return name.startsWith("alipay") ? GBK : StandardCharsets.UTF_8;
  }

  private static String text(String name) {
    return new String(Samples.bytes("samples/statements/" + name), charset(name));
  }

  /** As a spreadsheet saves it again: long order numbers in E notation, times of the rows to the minute. */
  private static String resaved(String text) {
    return toTheMinute(shortened(text));
  }

  /** Its long order numbers in E notation, as a spreadsheet shortens them. */
  private static String shortened(String text) {
    return text.replaceAll("(?m)(?<=,|^)(\\d)(\\d{4})\\d{11,}\t?(?=,)", "$1.$2E+27");
  }

  /** The times of its rows without their seconds. */
  private static String toTheMinute(String text) {
    return text.replaceAll("(?m)^(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}):\\d{2},", "$1,");
  }

  private static ParsedStatement parse(String source, String text, String sample) {
    return StatementParser.parseDetected(source, text.getBytes(charset(sample)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"alipay_A.csv", "wechat_A.csv"})
  void theSameExportSavedAgainIsRefusedNamingBothFiles(String sample) {
    ParsedStatement original = parse("a.csv", text(sample), sample);
    String again = resaved(text(sample));
    ParsedStatement copy = parse("b.csv", again, sample);
    assertTrue(again.contains("E+27") && !again.equals(text(sample)), "the copy was saved again");
    assertEquals(original.rowsRead(), copy.rowsRead());
    assertEquals(List.of(), copy.rejected());
    assertEquals(original.exportedAt(), copy.exportedAt());

    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> StatementAnalyzer.defaults().analyze(List.of(original, copy)));
    Problem p = e.problems().get(0);
    assertEquals("b.csv", p.location());
    assertTrue(p.reason().contains("a.csv") && p.reason().contains("counted twice"), p.reason());
    assertTrue(p.reason().contains("(" + copy.transactions().get(0).location() + " first)"), p.reason());
    assertEquals(List.of(p), StatementAnalyzer.listProblems(List.of(original, copy)));
    assertThrows(InvalidInputException.class,
        () -> StatementAnalyzer.defaults().analyzeThrough(List.of(original, copy), LocalDate.of(2026, 8, 31)));
  }

  /** A copy as it was downloaded (another name, the same bytes) is still read, its rows removed as duplicates. */
  @ParameterizedTest
  @ValueSource(strings = {"alipay_A.csv", "wechat_A.csv"})
  void anUntouchedCopyIsStillReadItsRowsRemovedAsDuplicates(String sample) {
    ParsedStatement original = parse("a.csv", text(sample), sample);
    ParsedStatement copy = parse("b.csv", text(sample), sample);
    assertEquals(List.of(), StatementAnalyzer.listProblems(List.of(original, copy)));
    StatementAnalysis both = StatementAnalyzer.defaults().analyze(List.of(original, copy));
    StatementAnalysis one = StatementAnalyzer.defaults().analyze(List.of(original));
    assertEquals(one.months(), both.months());
  }

  /** Two exports of one wallet made at different times are two statements, whatever their rows. */
  @ParameterizedTest
  @ValueSource(strings = {"alipay_A.csv", "wechat_A.csv"})
  void anExportMadeAtAnotherTimeIsNoCopy(String sample) {
    ParsedStatement original = parse("a.csv", text(sample), sample);
    ParsedStatement later = parse("b.csv", resaved(text(sample)).replace("导出时间：[2026-11-02 09:", "导出时间：[2026-11-03 09:"),
        sample);
    assertEquals(original.exportedAt().plusDays(1), later.exportedAt());
    assertEquals(List.of(), StatementAnalyzer.listProblems(List.of(original, later)));
  }

  /**
   * Either change of a spreadsheet alone makes the copy's rows written otherwise: order numbers shortened (a row with
   * its serial and one with none are no duplicates) or times without their seconds (a row of one is not the row of the
   * other in every part).
   */
  @ParameterizedTest
  @ValueSource(strings = {"alipay_A.csv", "wechat_A.csv"})
  void aCopyWithOnlyItsOrderNumbersOrOnlyItsTimesWrittenOtherwiseIsRefused(String sample) {
    ParsedStatement original = parse("a.csv", text(sample), sample);
    for (String again : List.of(shortened(text(sample)), toTheMinute(text(sample)))) {
      assertTrue(!again.equals(text(sample)), "the copy was saved again");
      ParsedStatement copy = parse("b.csv", again, sample);
      assertEquals(original.exportedAt(), copy.exportedAt());
      assertEquals(original.statedTotals(), copy.statedTotals());
      List<Problem> problems = StatementAnalyzer.listProblems(List.of(original, copy));
      assertEquals(1, problems.size(), problems.toString());
      assertTrue(problems.get(0).reason().startsWith("is the same export as a.csv"), problems.toString());
    }
  }

  /**
   * A copy of the export with a row deleted, stating the same 导出时间 and totals, is refused as the same export
   * edited, whichever of the two is given first: its rows cannot all be told to be the other's.
   */
  @ParameterizedTest
  @ValueSource(strings = {"alipay_A.csv", "wechat_A.csv"})
  void aCopyWithARowDeletedIsRefusedGivenEitherFirst(String sample) {
    ParsedStatement original = parse("a.csv", text(sample), sample);
    String lastRow = text(sample).lines().filter(l -> l.startsWith("2026-")).reduce((x, y) -> y).orElseThrow();
    ParsedStatement edited = parse("b.csv", text(sample).replace(lastRow + "\n", "").replace(lastRow + "\r\n", ""),
        sample);
    assertEquals(original.transactions().size() - 1, edited.transactions().size());
    assertEquals(original.statedTotals(), edited.statedTotals());
    assertEquals(1, StatementAnalyzer.listProblems(List.of(original, edited)).size());
    assertEquals(1, StatementAnalyzer.listProblems(List.of(edited, original)).size());
  }

  /**
   * Two exports of one wallet made in the same second that state other totals (another period, another kind of
   * trade) are two statements, whatever their rows: only the same format, 导出时间 and totals make one export.
   */
  @ParameterizedTest
  @ValueSource(strings = {"alipay_A.csv", "wechat_A.csv"})
  void anExportMadeInTheSameSecondStatingOtherTotalsIsNoCopy(String sample) {
    ParsedStatement original = parse("a.csv", text(sample), sample);
    ParsedStatement other = parse("b.csv", resaved(text(sample)).replaceFirst("共(\\d+)笔记录", "共1$1笔记录"), sample);
    assertEquals(original.exportedAt(), other.exportedAt());
    assertTrue(!original.statedTotals().equals(other.statedTotals()), other.statedTotals().toString());
    assertEquals(List.of(), StatementAnalyzer.listProblems(List.of(original, other)));
  }
}
