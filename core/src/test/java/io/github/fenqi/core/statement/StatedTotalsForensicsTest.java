package io.github.fenqi.core.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.testkit.Samples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wallet export has no running balance: the count and sums it states above its rows (共…笔记录, 收入, 支出,
 * 不计收支/中性交易) are what an edited amount, an added row or a removed one disagrees with. Files are written and
 * read back as a borrower would hand them in.
 */
class StatedTotalsForensicsTest {
  private static final Charset GBK = Charset.forName("GBK");

  @TempDir
  Path dir;

  private static List<String> lines(String text) {
    return new ArrayList<>(Arrays.asList(text.split("\n", -1)));
  }

  private static List<String> wechat() {
    return lines(new String(Samples.bytes("samples/statements/wechat_A.csv"), StandardCharsets.UTF_8));
  }

  private static List<String> alipay() {
    return lines(new String(Samples.bytes("samples/statements/alipay_A.csv"), GBK));
  }

  private static ParsedStatement write(Path dir, String name, List<String> lines, Charset charset) {
    try {
      Path file = dir.resolve(name);
      Files.write(file, String.join("\n", lines).getBytes(charset));
      return StatementParser.read(file, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ForensicReport examine(ParsedStatement s) {
    return StatementForensics.defaults().examine(List.of(s), StatementAnalyzer.defaults().analyze(List.of(s)));
  }

  private static Optional<ForensicSignal> totals(ForensicReport r) {
    return r.signals().stream().filter(s -> s.kind() == ForensicSignal.Kind.STATED_TOTALS_MISMATCH).findFirst();
  }

  @Test
  void theSamplesStateTheirTotalsAndTheirRowsAddUpToThem() {
    ParsedStatement w = write(dir, "wechat_A.csv", wechat(), StandardCharsets.UTF_8);
    StatedTotals t = w.statedTotals();
    assertNotNull(t);
    assertEquals(new StatedTotals(7, 82, new StatedTotals.Tally(8, "收入", 8, Money.of("954.00")),
        new StatedTotals.Tally(9, "支出", 64, Money.of("2282.11")),
        new StatedTotals.Tally(10, "中性交易", 10, Money.of("3066.63"))), t);
    ParsedStatement a = write(dir, "alipay_A.csv", alipay(), GBK);
    assertEquals(new StatedTotals(8, 141, new StatedTotals.Tally(9, "收入", 1, Money.of("300.00")),
        new StatedTotals.Tally(10, "支出", 127, Money.of("7070.87")),
        new StatedTotals.Tally(11, "不计收支", 13, Money.of("4966.89"))), a.statedTotals());
    assertEquals(ForensicVerdict.PASS, examine(w).verdict(), examine(w).signals().toString());
    assertEquals(ForensicVerdict.PASS, examine(a).verdict(), examine(a).signals().toString());
  }

  /** 42.49 made 142.49 at line 18: the 支出 line (9) no longer adds up; the edit had passed unseen. */
  @Test
  void anEditedWechatAmountIsReviewedNamingTheTotalItContradicts() {
    List<String> l = wechat();
    l.set(17, l.get(17).replace("¥42.49", "¥142.49"));
    ForensicReport r = examine(write(dir, "w.csv", l, StandardCharsets.UTF_8));
    assertEquals(ForensicVerdict.REVIEW, r.verdict());
    ForensicSignal s = totals(r).orElseThrow(() -> new AssertionError(r.signals().toString()));
    assertEquals(List.of(dir.resolve("w.csv") + ":9"), s.rows());
    assertTrue(s.detail().contains("支出 64 rows of 2282.11, the rows hold 64 of 2382.11"), s.detail());
  }

  @Test
  void anEditedAlipayAmountInItsOwnGbkIsReviewed() {
    List<String> l = alipay();
    l.set(20, l.get(20).replace(",17.52,", ",1017.52,"));
    ForensicReport r = examine(write(dir, "a.csv", l, GBK));
    ForensicSignal s = totals(r).orElseThrow(() -> new AssertionError(r.signals().toString()));
    assertEquals(List.of(dir.resolve("a.csv") + ":10"), s.rows());
  }

  /** A row removed (an embarrassing purchase) leaves the count and the 支出 sum short; a row added (income) too. */
  @Test
  void aRemovedOrAddedRowIsReviewedNamingTheCountAndTheSum() {
    List<String> removed = wechat();
    removed.remove(18);
    ForensicSignal s = totals(examine(write(dir, "r.csv", removed, StandardCharsets.UTF_8))).orElseThrow();
    assertEquals(List.of(dir.resolve("r.csv") + ":7", dir.resolve("r.csv") + ":9"), s.rows());
    assertTrue(s.detail().contains("states 82 rows, 81 were read"), s.detail());
    List<String> added = wechat();
    added.add(17, "2026-10-31 18:00:00,转账,李秀兰,/,收入,¥2000.00,/,已收钱,1000050001202610310012345678\t,/,/");
    ForensicSignal t = totals(examine(write(dir, "s.csv", added, StandardCharsets.UTF_8))).orElseThrow();
    assertEquals(List.of(dir.resolve("s.csv") + ":7", dir.resolve("s.csv") + ":8"), t.rows());
  }

  /**
   * Each direction's count is compared as well as its sum: a 支出 line stating one row fewer than the export holds,
   * with the sum the rows add up to, is reviewed naming that line.
   */
  @Test
  void aDirectionsCountOffByOneWithItsSumRightIsReviewedNamingItsLine() {
    List<String> l = wechat();
    l.set(8, l.get(8).replace("支出：64笔", "支出：63笔"));
    ForensicSignal s = totals(examine(write(dir, "c.csv", l, StandardCharsets.UTF_8))).orElseThrow();
    assertEquals(List.of(dir.resolve("c.csv") + ":9"), s.rows());
    assertTrue(s.detail().contains("states 支出 63 rows of 2282.11, the rows hold 64 of 2282.11"), s.detail());
  }

  /**
   * Two identical coffees (distinct order numbers) are two purchases, and the export counts both: a legitimate
   * repeat passes when the totals include it.
   */
  @Test
  void aLegitimateRepeatedPurchaseCountedInTheTotalsPasses() {
    List<String> l = wechat();
    l.add(18, l.get(17).replace("4200018433202610315212764971", "4200018433202610315212764972")
        .replace("82539616555014153566", "82539616555014153567"));
    l.set(6, l.get(6).replace("共82笔", "共83笔"));
    l.set(8, l.get(8).replace("支出：64笔 2282.11元", "支出：65笔 2324.60元"));
    ForensicReport r = examine(write(dir, "c.csv", l, StandardCharsets.UTF_8));
    assertEquals(ForensicVerdict.PASS, r.verdict(), r.signals().toString());
  }

  /** A rejected row's amount is unknown: only the count is compared, and the sums are said to be skipped. */
  @Test
  void withARejectedRowOnlyTheCountIsCompared() {
    List<String> l = wechat();
    l.set(17, l.get(17).replace("¥42.49", "¥42,49"));
    ForensicReport r = examine(write(dir, "j.csv", l, StandardCharsets.UTF_8));
    assertTrue(totals(r).isEmpty(), r.signals().toString());
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("stated sums (收入, 支出) were not compared")), r.notes().toString());
  }

  // ---- property: an untouched generated export passes; any one amount changed is seen at its direction's line

  record Row(int day, String way, long fen) {}

  @Provide
  Arbitrary<List<Row>> rowsOf() {
    return Combinators.combine(Arbitraries.integers().between(1, 28), Arbitraries.of("收入", "支出", "/"),
        Arbitraries.longs().between(1, 999_999)).as(Row::new).list().ofMinSize(1).ofMaxSize(40);
  }

  private static List<String> export(List<Row> rows) {
    int[] count = new int[3];
    long[] sum = new long[3];
    List<String> body = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      int k = r.way().equals("收入") ? 0 : r.way().equals("支出") ? 1 : 2;
      count[k]++;
      sum[k] += r.fen();
      body.add(String.format("2026-10-%02d 10:00:00,商户消费,店%d,商品,%s,¥%s,零钱,支付成功,42000%023d\t,/,/", r.day(), i,
          r.way(), Money.ofFen(r.fen()), i));
    }
    List<String> l = new ArrayList<>(List.of("\uFEFF微信支付账单明细,,,,,,,,,,", "微信昵称：[子航],,,,,,,,,,",
        "起始时间：[2026-10-01 00:00:00] 终止时间：[2026-10-31 23:59:59],,,,,,,,,,", "导出类型：[全部],,,,,,,,,,",
        "导出时间：[2026-11-02 09:20:11],,,,,,,,,,", ",,,,,,,,,,", "共" + rows.size() + "笔记录,,,,,,,,,,",
        "收入：" + count[0] + "笔 " + Money.ofFen(sum[0]) + "元,,,,,,,,,,",
        "支出：" + count[1] + "笔 " + Money.ofFen(sum[1]) + "元,,,,,,,,,,",
        "中性交易：" + count[2] + "笔 " + Money.ofFen(sum[2]) + "元,,,,,,,,,,", ",,,,,,,,,,",
        "----------------------微信支付账单明细列表--------------------,,,,,,,,,,",
        "交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注"));
    l.addAll(body);
    return l;
  }

  @Property(tries = 100)
  void anUntouchedExportAddsUpAndOneChangedAmountIsSeenAtItsLine(@ForAll("rowsOf") List<Row> rows,
      @ForAll @IntRange(min = 0, max = 39) int pick, @ForAll @IntRange(min = 1, max = 99_999) int delta)
      throws IOException {
    Path tmp = Files.createTempDirectory("totals");
    try {
      ParsedStatement untouched = write(tmp, "g.csv", export(rows), StandardCharsets.UTF_8);
      assertEquals(rows.size(), untouched.transactions().size(), untouched.rejected().toString());
      assertTrue(totals(examine(untouched)).isEmpty(), examine(untouched).signals().toString());
      int i = pick % rows.size();
      Row r = rows.get(i);
      List<Row> edited = new ArrayList<>(rows);
      edited.set(i, new Row(r.day(), r.way(), r.fen() + delta));
      List<String> forged = export(edited);
      for (int k = 0; k < 13; k++) {
        forged.set(k, export(rows).get(k)); // the totals as exported, the row changed afterwards
      }
      ParsedStatement s = write(tmp, "f.csv", forged, StandardCharsets.UTF_8);
      int line = r.way().equals("收入") ? 8 : r.way().equals("支出") ? 9 : 10;
      ForensicSignal signal = totals(examine(s)).orElseThrow();
      assertEquals(List.of(tmp.resolve("f.csv") + ":" + line), signal.rows());
    } finally {
      try (var files = Files.list(tmp)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(tmp);
    }
  }

  /** The header repeated among the rows (an export saved page by page) is no row: the count still adds up. */
  @Test
  void aRepeatedHeaderAmongTheRowsIsNoRowAndTheTotalsStillAddUp() {
    List<String> l = wechat();
    l.add(40, l.get(16));
    ParsedStatement w = write(dir, "h.csv", l, StandardCharsets.UTF_8);
    assertEquals(List.of(), w.rejected());
    assertEquals(ForensicVerdict.PASS, examine(w).verdict(), examine(w).signals().toString());
  }

  /**
   * A wallet states each figure above its rows once. A second line stating one of them otherwise (an edited export's
   * 收入 inserted before the bank's own, a count stated twice) had been passed over, the first taken: rows edited to
   * match a line inserted first were compared with it and passed, the export's own line unchecked. The file is refused
   * naming both lines; a figure stated twice alike is read.
   */
  @Test
  void aWalletFigureStatedTwiceOtherwiseRefusesTheFileNamingBothLines() {
    List<String> income = wechat();
    income.add(7, "收入：8笔 2954.00元,,,,,,,,,,");
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> write(dir, "i.csv", income, StandardCharsets.UTF_8));
    assertEquals(dir.resolve("i.csv") + ":9", e.problems().get(0).location());
    assertTrue(e.problems().get(0).reason().startsWith("states 收入 as 8 rows of 954.00 where line 8 states 8 rows of "
        + "2954.00"), e.problems().get(0).reason());

    List<String> count = alipay();
    count.add(8, "共140笔记录");
    InvalidInputException c = assertThrows(InvalidInputException.class, () -> write(dir, "c.csv", count, GBK));
    assertEquals(dir.resolve("c.csv") + ":9", c.problems().get(0).location());
    assertTrue(c.problems().get(0).reason().startsWith("states 140 rows where line 8 states 141"),
        c.problems().get(0).reason());

    List<String> alike = wechat();
    alike.add(10, alike.get(7));
    alike.add(7, alike.get(6));
    ParsedStatement w = write(dir, "alike.csv", alike, StandardCharsets.UTF_8);
    assertEquals(new StatedTotals(7, 82, new StatedTotals.Tally(9, "收入", 8, Money.of("954.00")),
        new StatedTotals.Tally(10, "支出", 64, Money.of("2282.11")),
        new StatedTotals.Tally(11, "中性交易", 10, Money.of("3066.63"))), w.statedTotals());
    assertEquals(ForensicVerdict.PASS, examine(w).verdict(), examine(w).signals().toString());
  }

  /**
   * Alipay and WeChat state all four figures, 0笔 0.00元 included. A preamble stating some but not all of them, or one
   * whose sum is no amount (收入：8笔 954.001元), had had the whole comparison skipped with a note that the export
   * states no totals: a forger needed only to spoil or drop the line his edit contradicts. The file is refused naming
   * the line, or the figure no line states; an export stating none of them is still read, unchecked.
   */
  @Test
  void aWalletStatingSomeFiguresOrOneThatIsNoAmountIsRefused() {
    List<String> spoiled = wechat();
    spoiled.set(7, "收入：8笔 954.001元,,,,,,,,,,");
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> write(dir, "s.csv", spoiled, StandardCharsets.UTF_8));
    assertEquals(dir.resolve("s.csv") + ":8", e.problems().get(0).location());
    assertTrue(e.problems().get(0).reason().startsWith("收入 '954.001' is not an amount"),
        e.problems().get(0).reason());

    List<String> dropped = alipay();
    dropped.remove(8);
    InvalidInputException d = assertThrows(InvalidInputException.class, () -> write(dir, "d.csv", dropped, GBK));
    assertEquals(dir.resolve("d.csv").toString(), d.problems().get(0).location());
    assertTrue(d.problems().get(0).reason().startsWith("states 共…笔记录 (line 8), 支出 (line 9) and 不计收支 (line 10) "
        + "but no line states 收入 as N笔 X元: the export states all four (0笔 0.00元 included)"),
        d.problems().get(0).reason());

    List<String> none = wechat();
    none.subList(6, 10).clear();
    ParsedStatement n = write(dir, "n.csv", none, StandardCharsets.UTF_8);
    assertEquals(null, n.statedTotals());
    assertEquals(82, n.transactions().size());
    assertTrue(examine(n).notes().contains(dir.resolve("n.csv") + ": states no totals above its rows (共…笔记录, 收入, "
        + "支出): totals check skipped"), "unchecked, and the report says so");
  }
}
