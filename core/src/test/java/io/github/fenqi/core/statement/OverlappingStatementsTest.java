package io.github.fenqi.core.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.testkit.Samples;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two exports of one bank account over periods that overlap: the borrower hands in May–June and June–October. They
 * must agree about the days both cover; an edit made consistently within one of them (an amount and every balance
 * after it) breaks nothing in its own file.
 */
class OverlappingStatementsTest {
  private static final List<String> BANK = Arrays.asList(
      new String(Samples.bytes("samples/statements/bank_A.csv"), StandardCharsets.UTF_8).split("\n"));

  private static List<String> rows(int fromLine, int toLine) {
    List<String> l = new ArrayList<>();
    l.add(BANK.get(0));
    l.addAll(BANK.subList(fromLine - 1, toLine));
    return l;
  }

  private static ForensicReport examine(Path dir, List<String> first, List<String> second) throws IOException {
    Files.write(dir.resolve("may_june.csv"), first);
    Files.write(dir.resolve("june_oct.csv"), second);
    List<ParsedStatement> s = List.of(StatementParser.read(dir.resolve("may_june.csv"), null),
        StatementParser.read(dir.resolve("june_oct.csv"), null));
    return StatementForensics.defaults().examine(s, StatementAnalyzer.defaults().analyze(s));
  }

  /** June's salary (line 18) raised by 3000.00 in the second export, with every balance after it: seen, by line. */
  @Test
  void aSalaryEditedInOneOfTwoOverlappingExportsIsReviewedNamingBothVersions(@TempDir Path dir) throws IOException {
    List<String> second = rows(15, BANK.size());
    for (int i = 4; i < second.size(); i++) { // line 18 of the sample is line 5 of this export
      String[] f = second.get(i).split(",", -1);
      if (i == 4) {
        assertTrue(f[2].equals("代发工资"), second.get(i));
        f[3] = new BigDecimal(f[3]).add(new BigDecimal("3000.00")).toPlainString();
      }
      f[5] = new BigDecimal(f[5]).add(new BigDecimal("3000.00")).toPlainString();
      second.set(i, String.join(",", f));
    }
    ForensicReport r = examine(dir, rows(2, 30), second);
    assertEquals(ForensicVerdict.REVIEW, r.verdict(), r.signals().toString());
    ForensicSignal s = r.signals().stream().filter(x -> x.kind() == ForensicSignal.Kind.STATEMENTS_DISAGREE)
        .findFirst().orElseThrow(() -> new AssertionError(r.signals().toString()));
    assertTrue(s.rows().contains(dir.resolve("may_june.csv") + ":18"), s.rows().toString());
    assertTrue(s.rows().contains(dir.resolve("june_oct.csv") + ":5"), s.rows().toString());
    assertTrue(s.detail().contains("are in only one of them"), s.detail());
  }

  /**
   * A row given twice in one export, once in the other, is counted as often as each holds it: the second copy is in
   * only one of them (mutation round 104: rows matched as a set, not counted, passed every test).
   */
  @Test
  void aRowTwiceInOneExportAndOnceInTheOtherIsNamedAtItsCopy(@TempDir Path dir) throws IOException {
    List<String> second = rows(15, BANK.size());
    assertTrue(second.get(10).startsWith("2026-06-18,03:12:00,代扣水费"), second.get(10)); // line 24 of the sample
    second.add(11, second.get(10));
    ForensicReport r = examine(dir, rows(2, 30), second);
    ForensicSignal s = r.signals().stream().filter(x -> x.kind() == ForensicSignal.Kind.STATEMENTS_DISAGREE)
        .findFirst().orElseThrow(() -> new AssertionError(r.signals().toString()));
    assertEquals(List.of(dir.resolve("june_oct.csv") + ":12"), s.rows(), s.detail());
  }

  /** Any two overlapping cuts of the untouched statement agree: no signal, whatever the overlap. */
  @Property(tries = 60)
  void twoOverlappingCutsOfAnUntouchedStatementPass(@ForAll @IntRange(min = 3, max = 60) int firstEnds,
      @ForAll @IntRange(min = 2, max = 60) int secondStarts) throws IOException {
    Path dir = Files.createTempDirectory("overlap");
    try {
      int start = Math.min(secondStarts, firstEnds);
      ForensicReport r = examine(dir, rows(2, firstEnds), rows(start, BANK.size()));
      assertEquals(ForensicVerdict.PASS, r.verdict(), r.signals().toString());
    } finally {
      Files.delete(dir.resolve("may_june.csv"));
      Files.delete(dir.resolve("june_oct.csv"));
      Files.delete(dir);
    }
  }
}
