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
    return text.replaceAll("(?m)(?<=,|^)(\\d)(\\d{4})\\d{11,}\t?(?=,)", "$1.$2E+27")
        .replaceAll("(?m)^(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}):\\d{2},", "$1,");
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
}
