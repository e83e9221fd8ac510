package io.github.fenqi.core.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.testkit.Samples;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatementForensicsTest {
  private static final String BANK_HEADER = "交易日期,交易时间,摘要,收入金额,支出金额,账户余额,对方户名,对方账号,交易渠道\n";

  private static ForensicReport examine(ParsedStatement s) {
    return StatementForensics.defaults().examine(List.of(s), StatementAnalyzer.defaults().analyze(List.of(s)));
  }

  private static ParsedStatement sample(String name) {
    return StatementParser.parseDetected(name + ".csv", Samples.bytes("samples/statements/" + name + ".csv"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"alipay_A", "wechat_A", "bank_A"})
  void genuineSamplesPass(String name) {
    ForensicReport r = examine(sample(name));
    assertEquals(ForensicVerdict.PASS, r.verdict(), r.signals().toString());
  }

  @Test
  void theForgedBankStatementIsBlockedWithTheTamperedRowsNamed() throws Exception {
    JsonNode truth = new ObjectMapper().readTree(Samples.bytes("samples/statements/bank_A_forged.truth.json"));
    ForensicReport r = examine(sample("bank_A_forged"));
    assertEquals(ForensicVerdict.BLOCK, r.verdict());
    Set<String> expectedBreaks = new java.util.TreeSet<>();
    truth.get("balanceBreakRows").forEach(n -> expectedBreaks.add("bank_A_forged.csv:" + n.get("fileLine").asInt()));
    ForensicSignal breaks = r.signals().stream().filter(s -> s.kind() == ForensicSignal.Kind.BALANCE_BREAK).findFirst().orElseThrow();
    assertEquals(expectedBreaks, new java.util.TreeSet<>(breaks.rows()));
    ForensicSignal dup = r.signals().stream().filter(s -> s.kind() == ForensicSignal.Kind.DUPLICATE_SERIAL).findFirst().orElseThrow();
    Set<String> expectedDup = new java.util.TreeSet<>();
    truth.get("duplicateRows").forEach(n -> expectedDup.add("bank_A_forged.csv:" + n.get("fileLine").asInt()));
    assertEquals(expectedDup, Set.copyOf(dup.rows()));
  }

  @Test
  void oneBreakIsReviewAndRowsOutOfOrderAreSeen() {
    String csv = BANK_HEADER
        + "2026-05-01,10:00:00,POS消费,,10.00,990.00,超市,,POS\n"
        + "2026-05-03,10:00:00,POS消费,,10.00,970.00,超市,,POS\n"
        + "2026-05-02,10:00:00,POS消费,,10.00,960.00,超市,,POS\n"
        + "2026-05-04,10:00:00,POS消费,,10.00,950.00,超市,,POS\n";
    ForensicReport r = examine(StatementParser.bank().parse("b.csv", csv.getBytes(StandardCharsets.UTF_8)));
    assertEquals(ForensicVerdict.REVIEW, r.verdict());
    assertEquals(Set.of(ForensicSignal.Kind.BALANCE_BREAK, ForensicSignal.Kind.NON_CHRONOLOGICAL),
        r.signals().stream().map(ForensicSignal::kind).collect(Collectors.toSet()));
    assertEquals(List.of("b.csv:3"), r.signals().get(0).rows());
    assertEquals(List.of("b.csv:4"), r.signals().stream().filter(s -> s.kind() == ForensicSignal.Kind.NON_CHRONOLOGICAL)
        .findFirst().orElseThrow().rows());
  }

  /** A row dated after the day of the examination cannot be in an export made by then: BLOCK; that day itself is fine. */
  @Test
  void rowsDatedAfterTodayBlock() {
    String csv = BANK_HEADER
        + "2026-11-30,10:00:00,POS消费,,10.00,990.00,超市,,POS\n"
        + "2026-12-02,23:59:59,POS消费,,10.00,980.00,超市,,POS\n"
        + "2026-12-03,00:00:01,POS消费,,10.00,970.00,超市,,POS\n"
        + "2027-01-05,09:00:00,POS消费,,10.00,960.00,超市,,POS\n";
    ParsedStatement s = StatementParser.bank().parse("b.csv", csv.getBytes(StandardCharsets.UTF_8));
    StatementAnalysis a = StatementAnalyzer.defaults().analyze(List.of(s));
    ForensicReport r = StatementForensics.defaults().examine(List.of(s), a, java.time.LocalDate.of(2026, 12, 2), null);
    assertEquals(ForensicVerdict.BLOCK, r.verdict(), r.signals().toString());
    ForensicSignal future = r.signals().get(0);
    assertEquals(ForensicSignal.Kind.FUTURE_DATED, future.kind());
    assertEquals(List.of("b.csv:4", "b.csv:5"), future.rows());
    assertEquals("2 row(s) dated after today (2026-12-02), the earliest 2026-12-03 at b.csv:4", future.detail());
    assertEquals(ForensicVerdict.PASS,
        StatementForensics.defaults().examine(List.of(s), a, java.time.LocalDate.of(2027, 1, 5), null).verdict());
    assertEquals(ForensicVerdict.PASS, StatementForensics.defaults().examine(List.of(s), a).verdict(),
        "without a day there is nothing to compare with");
  }

  /**
   * An export cannot hold a row dated after the time it states it was made (a wallet's 导出时间 above its rows, a bank's
   * 导出时间 or 打印日期 in its footer): such a row had been caught only when the caller gave a day, as after today, so
   * a row of 2099 in a bank export stating no period passed {@code examine} without one. It is FUTURE_DATED, BLOCK,
   * naming the rows; a row at the export time itself passes, and a date-only export time covers its whole day.
   */
  @Test
  void rowsDatedAfterTheExportTimeTheFileStatesBlockWithoutADay() {
    String rows = BANK_HEADER
        + "2026-11-30,10:00:00,POS消费,,10.00,990.00,超市,,POS\n"
        + "2026-11-30,12:00:00,POS消费,,10.00,980.00,超市,,POS\n"
        + "2026-11-30,12:00:01,POS消费,,10.00,970.00,超市,,POS\n"
        + "2099-01-05,09:00:00,POS消费,,10.00,960.00,超市,,POS\n";
    ParsedStatement s = StatementParser.bank().parse("b.csv", (rows + "导出时间:2026-11-30 12:00,,,,,,,,\n")
        .getBytes(StandardCharsets.UTF_8));
    assertEquals(java.time.LocalDateTime.of(2026, 11, 30, 12, 0), s.exportedAt());
    assertTrue(s.rejected().isEmpty(), s.rejected().toString());
    ForensicReport r = examine(s);
    assertEquals(ForensicVerdict.BLOCK, r.verdict(), r.signals().toString());
    ForensicSignal future = r.signals().get(0);
    assertEquals(ForensicSignal.Kind.FUTURE_DATED, future.kind());
    assertEquals(List.of("b.csv:4", "b.csv:5"), future.rows());
    assertEquals("2 row(s) dated after the export time 2026-11-30T12:00 that b.csv states, the earliest 2026-11-30 at "
        + "b.csv:4", future.detail());
    ParsedStatement day = StatementParser.bank().parse("b.csv", (rows + "打印日期：2026年11月30日\n")
        .getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of("b.csv:5"), examine(day).signals().get(0).rows(), "the whole day of a date-only export time");
    assertEquals(ForensicVerdict.PASS, examine(StatementParser.bank().parse("b.csv",
        (rows + "导出时间:2099-01-05 09:00:00\n").getBytes(StandardCharsets.UTF_8))).verdict());
    String wechat = new String(Samples.bytes("samples/statements/wechat_A.csv"), StandardCharsets.UTF_8)
        .replace("导出时间：[2026-11-02 09:20:11]", "导出时间：[2026-10-31 14:58:17]");
    ParsedStatement w = StatementParser.parseDetected("w.csv", wechat.getBytes(StandardCharsets.UTF_8));
    assertEquals(java.time.LocalDateTime.of(2026, 10, 31, 14, 58, 17), w.exportedAt());
    ForensicReport wr = examine(w);
    assertEquals(ForensicVerdict.BLOCK, wr.verdict(), wr.signals().toString());
    assertEquals(List.of("w.csv:18"), wr.signals().get(0).rows());
    assertEquals(java.time.LocalDateTime.of(2026, 11, 2, 9, 20, 11), sample("wechat_A").exportedAt());
  }

  /**
   * A label of the export time followed by a period (导出日期：2026-05-01 至 2026-10-31, as a bank may label the days it
   * exported) states no time the export was made: its first day is not taken for one, which blocked every later row.
   */
  @Test
  void aPeriodAfterAnExportLabelIsNoExportTime() {
    String rows = BANK_HEADER + "2026-05-02,10:00:00,POS消费,,10.00,990.00,超市,,POS\n";
    for (String period : List.of("导出日期：2026-05-01 至 2026-10-31", "导出日期:2026/05/01-2026/10/31",
        "打印时间：2026-05-01 00:00:00 ~ 2026-10-31 23:59:59")) {
      ParsedStatement s = StatementParser.bank().parse("b.csv", (period + "\n" + rows).getBytes(StandardCharsets.UTF_8));
      assertEquals(null, s.exportedAt(), period);
      assertEquals(ForensicVerdict.PASS, examine(s).verdict(), period + ": " + examine(s).signals());
    }
  }

  /**
   * An export time that is no time of the calendar (导出时间:2026-13-01), or one stated twice otherwise, is rejected
   * naming its line, and the rows are not checked against it: it had been passed over without a word.
   */
  @Test
  void anExportTimeThatIsNoTimeOrStatedTwiceOtherwiseIsRejectedNamingTheLine() {
    String rows = BANK_HEADER + "2026-11-30,10:00:00,POS消费,,10.00,990.00,超市,,POS\n";
    ParsedStatement bad = StatementParser.bank().parse("b.csv", (rows + "导出时间:2026-13-01 12:00\n")
        .getBytes(StandardCharsets.UTF_8));
    assertEquals(null, bad.exportedAt());
    assertEquals(List.of("b.csv:3"), bad.rejected().stream().map(p -> p.location()).toList());
    assertTrue(bad.rejected().get(0).reason().startsWith("导出时间 '2026-13-01 12:00' is no time of the calendar"),
        bad.rejected().toString());
    ParsedStatement twice = StatementParser.bank().parse("b.csv", ("导出时间:2026-12-01 12:00\n" + rows
        + "导出时间:2026-12-02 12:00\n").getBytes(StandardCharsets.UTF_8));
    assertEquals(null, twice.exportedAt());
    assertEquals(List.of("b.csv:4"), twice.rejected().stream().map(p -> p.location()).toList());
    assertTrue(twice.rejected().get(0).reason().contains("where line 1 states 2026-12-01T12:00"),
        twice.rejected().toString());
  }

  /** Alipay states its holder (姓名): another person's statement blocks; the borrower's own, masked or not, passes. */
  @Test
  void aStatementOfAnotherPersonBlocks() {
    ParsedStatement alipay = sample("alipay_A"); // 姓名：周子航
    StatementAnalysis a = StatementAnalyzer.defaults().analyze(List.of(alipay));
    ForensicReport other = StatementForensics.defaults().examine(List.of(alipay), a, null, "李四");
    assertEquals(ForensicVerdict.BLOCK, other.verdict());
    assertEquals(ForensicSignal.Kind.HOLDER_MISMATCH, other.signals().get(0).kind());
    assertEquals("alipay_A.csv is the statement of 周**, not of the borrower 李*; give only the borrower's own "
        + "statements", other.signals().get(0).detail(), "names masked: the detail reaches logs and the audit log");
    assertEquals(ForensicVerdict.PASS, StatementForensics.defaults().examine(List.of(alipay), a, null, " 周子航").verdict());
    assertTrue(StatementForensics.sameName("周*航", "周子航"));
    assertFalse(StatementForensics.sameName("周*航", "周子"), "lengths differ");
    assertFalse(StatementForensics.sameName("周*航", "李子航"));
    assertFalse(StatementForensics.sameName("周子", "周子航"));
    ParsedStatement bank = sample("bank_A"); // states no holder: nothing to compare
    assertEquals(ForensicVerdict.PASS, StatementForensics.defaults().examine(List.of(bank),
        StatementAnalyzer.defaults().analyze(List.of(bank)), null, "李四").verdict());
  }

  @Test
  void anIncomeSpikeBeforeTheApplicationAndRoundCreditsAreSignals() {
    StringBuilder csv = new StringBuilder(BANK_HEADER);
    String[] salaries = {"6000.00", "6000.00", "6000.00", "6000.00", "15000.00"};
    for (int m = 0; m < salaries.length; m++) {
      csv.append(String.format("2026-%02d-10,09:00:00,代发工资,%s,,,某某科技有限公司,,批量代发%n", m + 5, salaries[m]));
    }
    ForensicReport r = examine(StatementParser.bank().parse("b.csv", csv.toString().getBytes(StandardCharsets.UTF_8)));
    assertEquals(ForensicVerdict.REVIEW, r.verdict());
    ForensicSignal spike = r.signals().stream().filter(s -> s.kind() == ForensicSignal.Kind.INCOME_SPIKE).findFirst().orElseThrow();
    assertEquals(List.of("b.csv:6"), spike.rows());
    assertTrue(spike.detail().contains("2.50 ×"), spike.detail());
    assertTrue(r.signals().stream().anyMatch(s -> s.kind() == ForensicSignal.Kind.ROUND_AMOUNTS));
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("no balance column")), r.notes().toString());
  }

  /**
   * A row the parser rejects takes its amount with it, so the balance of the next kept row cannot follow: breaks right
   * after rejected rows ask for review and say why, and never block the case as a forgery on their own (three
   * malformed rows had stopped a genuine statement); breaks between kept rows still do.
   */
  @Test
  void balanceBreaksRightAfterRejectedRowsAskForReviewNotABlock() {
    String genuine = BANK_HEADER
        + "2026-05-10,09:00:00,代发工资,6000.00,,6000.00,某某科技有限公司,,批量代发\n"
        + "2026-05-11,09:00:00,POS消费,,abc,5900.00,超市,,POS\n"
        + "2026-05-12,09:00:00,POS消费,,50.00,5850.00,超市,,POS\n"
        + "2026-05-13,09:00:00,POS消费,,20..00,5830.00,超市,,POS\n"
        + "2026-05-14,09:00:00,POS消费,,30.00,5800.00,超市,,POS\n"
        + "2026-5/15,09:00:00,POS消费,,100.00,5700.00,超市,,POS\n"
        + "2026-05-16,09:00:00,POS消费,,10.00,5690.00,超市,,POS\n";
    ParsedStatement parsed = StatementParser.bank().parse("b.csv", genuine.getBytes(StandardCharsets.UTF_8));
    assertEquals(3, parsed.rejected().size());
    ForensicReport r = examine(parsed);
    assertEquals(ForensicVerdict.REVIEW, r.verdict());
    ForensicSignal breaks = r.signals().stream().filter(x -> x.kind() == ForensicSignal.Kind.BALANCE_BREAK)
        .findFirst().orElseThrow();
    assertEquals(List.of("b.csv:4", "b.csv:6", "b.csv:8"), breaks.rows());
    assertEquals(0.0, breaks.strength());
    assertTrue(breaks.detail().endsWith("; 3 of them right after rejected rows, whose amounts are unknown: those count "
        + "towards review, not a block — correct the rejected rows and examine again"), breaks.detail());

    String edited = genuine + "2026-05-17,09:00:00,POS消费,,10.00,5000.00,超市,,POS\n" // two kept rows after kept rows
        + "2026-05-18,09:00:00,POS消费,,10.00,4000.00,超市,,POS\n"; // that do not add up: as before, a block
    ForensicReport blocked = examine(StatementParser.bank().parse("b.csv", edited.getBytes(StandardCharsets.UTF_8)));
    assertEquals(ForensicVerdict.BLOCK, blocked.verdict());
  }

  /**
   * The running balance is checked to the fen, with no tolerance: a balance one fen off what the previous balance and
   * the row's amount give (a credit added, a debit taken off) is a break at that row, whichever way it is off.
   */
  @Test
  void aBalanceOneFenOffIsABreak() {
    String rows = "2026-05-10,09:00:00,代发工资,6000.00,,6000.00,某某科技有限公司,,批量代发\n"
        + "2026-05-11,09:00:00,POS消费,,50.00,5950.00,超市,,POS\n"
        + "2026-05-12,09:00:00,退款,20.00,,5970.00,超市,,POS\n";
    ForensicReport genuine = examine(StatementParser.bank().parse("b.csv",
        (BANK_HEADER + rows).getBytes(StandardCharsets.UTF_8)));
    assertTrue(genuine.signals().stream().noneMatch(x -> x.kind() == ForensicSignal.Kind.BALANCE_BREAK),
        genuine.signals().toString());
    for (String[] edit : new String[][] {{"50.00,5950.00", "50.00,5949.99"}, {"20.00,,5970.00", "20.00,,5970.01"}}) {
      ForensicReport r = examine(StatementParser.bank().parse("b.csv",
          (BANK_HEADER + rows.replace(edit[0], edit[1])).getBytes(StandardCharsets.UTF_8)));
      ForensicSignal breaks = r.signals().stream().filter(x -> x.kind() == ForensicSignal.Kind.BALANCE_BREAK)
          .findFirst().orElseThrow(() -> new AssertionError(edit[1] + ": " + r.signals()));
      assertTrue(breaks.rows().contains(edit[1].startsWith("50") ? "b.csv:3" : "b.csv:4"), breaks.rows().toString());
    }
  }

  @Test
  void aStatementWhoseEveryRowWasRejectedIsNotSaidToLackABalanceColumn() {
    ForensicReport r = examine(StatementParser.bank().parse("b.csv",
        (BANK_HEADER + "2026111,09:00:00,代发工资,6000.00,,6000.00,某某科技有限公司,,批量代发\n").getBytes(StandardCharsets.UTF_8)));
    assertTrue(r.notes().contains("b.csv: no rows read, running-balance check skipped"), r.notes().toString());
    assertTrue(r.notes().stream().noneMatch(n -> n.contains("no balance column")), r.notes().toString());
  }

  /** Amounts spread over magnitudes follow Benford's law; made-up amounts with uniform first digits do not. */
  @Test
  void benfordFlagsUniformFirstDigitsOnALargeSampleOnly() {
    Random rnd = new Random(5);
    List<String> natural = new ArrayList<>();
    List<String> madeUp = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      natural.add(Money.ofFen((long) Math.pow(10, 3 + 4 * rnd.nextDouble())).toString());
      madeUp.add(Money.ofFen((1 + rnd.nextInt(9)) * 100_00L + rnd.nextInt(100_00)).toString());
    }
    assertTrue(benford(natural).isEmpty());
    assertEquals(1, benford(madeUp).size());
    assertTrue(benford(madeUp.subList(0, 200)).isEmpty(), "below the minimum sample the test does not run");
  }

  private static List<ForensicSignal> benford(List<String> amounts) {
    StringBuilder csv = new StringBuilder(BANK_HEADER.replace(",账户余额", ""));
    for (int i = 0; i < amounts.size(); i++) {
      csv.append(String.format("2026-05-%02d,10:00:00,POS消费,,%s,商户%d,,POS%n", 1 + i % 28, amounts.get(i), i));
    }
    BankColumnMapping noBalance = new BankColumnMapping("交易日期", "交易时间", "摘要", "收入金额", "支出金额", null, "对方户名", "对方账号", "交易渠道");
    ParsedStatement s = StatementParser.bank(noBalance).parse("b.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
    return StatementForensics.defaults().examine(List.of(s), StatementAnalyzer.defaults().analyze(List.of(s))).signals().stream()
        .filter(x -> x.kind() == ForensicSignal.Kind.BENFORD_DEVIATION).toList();
  }

  /**
   * A true statement whose rows were re-sorted (by amount, in a spreadsheet) and saved had its balances break at nearly
   * every row in file order, and was blocked as forged. Its balances hold in time order: only NON_CHRONOLOGICAL is left,
   * a review. The forged statement re-sorted the same way is still blocked.
   */
  @Test
  void aTrueStatementOutOfOrderIsReviewedNotBlockedAndAForgedOneStillBlocks() {
    for (String name : List.of("bank_A", "bank_A_forged")) {
      String text = new String(Samples.bytes("samples/statements/" + name + ".csv"), StandardCharsets.UTF_8);
      List<String> lines = new ArrayList<>(List.of(text.split("\n")));
      List<String> data = new ArrayList<>(lines.subList(1, lines.size()));
      java.util.Collections.shuffle(data, new Random(7));
      ParsedStatement shuffled = StatementParser.bank().parse(name + ".csv",
          (lines.get(0) + "\n" + String.join("\n", data) + "\n").getBytes(StandardCharsets.UTF_8));
      ForensicReport r = examine(shuffled);
      if (name.equals("bank_A")) {
        assertEquals(ForensicVerdict.REVIEW, r.verdict(), r.signals().toString());
        assertEquals(Set.of(ForensicSignal.Kind.NON_CHRONOLOGICAL),
            r.signals().stream().map(ForensicSignal::kind).collect(Collectors.toSet()));
      } else {
        assertEquals(ForensicVerdict.BLOCK, r.verdict(), r.signals().toString());
      }
    }
  }

  /**
   * A newest-first export whose first and last rows share their time — one day's statement, here with dates and no
   * times — was walked in file order, since the times did not say it was newest-first: its balances broke at every row
   * and the true statement was blocked as forged. It passes; with one balance edited it is still blocked.
   */
  @Test
  void aNewestFirstStatementOfOneDayPassesAndItsForgeryStillBlocks() {
    String rows = "2026-05-10,,POS消费,,30.00,970.00,超市,,POS\n"
        + "2026-05-10,,POS消费,,50.00,1000.00,超市,,POS\n"
        + "2026-05-10,,POS消费,,20.00,1050.00,超市,,POS\n"
        + "2026-05-10,,代发工资,1000.00,,1070.00,某某科技有限公司,,批量代发\n";
    ForensicReport genuine = examine(StatementParser.bank().parse("b.csv", (BANK_HEADER + rows).getBytes(StandardCharsets.UTF_8)));
    assertEquals(ForensicVerdict.PASS, genuine.verdict(), genuine.signals().toString());
    ForensicReport forged = examine(StatementParser.bank().parse("b.csv",
        (BANK_HEADER + rows.replace("50.00,1000.00", "50.00,1900.00")).getBytes(StandardCharsets.UTF_8)));
    assertEquals(ForensicVerdict.BLOCK, forged.verdict(), forged.signals().toString());
    assertEquals(List.of("b.csv:3", "b.csv:2"), forged.signals().stream()
        .filter(x -> x.kind() == ForensicSignal.Kind.BALANCE_BREAK).findFirst().orElseThrow().rows());
  }

  /**
   * An export holds the rows of the period it states (WeChat's and Alipay's 起始时间..终止时间, a bank's 起止日期). A row
   * dated outside it was added, or its date edited, after the export: a WeChat row moved from October to November
   * breaks no running balance (a wallet has none) and none of the totals stated above the rows, and a bank row added
   * after the stated last day with its balance carried on breaks nothing either; both had passed. Each is reviewed,
   * naming the row; the honest samples, whose rows lie inside their periods, still pass. (A row dated after the export
   * time as well, 2026-11-20 in this export made 2026-11-02, is FUTURE_DATED and blocks:
   * {@link #rowsDatedAfterTheExportTimeTheFileStatesBlockWithoutADay}.)
   */
  @Test
  void aRowDatedOutsideThePeriodTheExportStatesIsReviewed() {
    String wechat = new String(Samples.bytes("samples/statements/wechat_A.csv"), StandardCharsets.UTF_8);
    assertTrue(wechat.contains("\n2026-10-31 14:58:18,"));
    ParsedStatement w = StatementParser.parseDetected("w.csv",
        wechat.replace("\n2026-10-31 14:58:18,", "\n2026-11-01 14:58:18,").getBytes(StandardCharsets.UTF_8));
    ForensicReport rw = examine(w);
    assertEquals(ForensicVerdict.REVIEW, rw.verdict(), rw.signals().toString());
    ForensicSignal sw = rw.signals().stream().filter(x -> x.kind() == ForensicSignal.Kind.OUTSIDE_STATED_PERIOD)
        .findFirst().orElseThrow(() -> new AssertionError(rw.signals().toString()));
    assertEquals(List.of("w.csv:18"), sw.rows());
    assertTrue(sw.detail().contains("2026-05-01") && sw.detail().contains("2026-10-31"), sw.detail());

    ParsedStatement b = StatementParser.parseDetected("b.csv", (
        "户名：周子航\n起止日期：2026-05-01 至 2026-05-31\n" + BANK_HEADER
        + "2026-05-02,10:00:00,POS消费,,12.00,988.00,超市,,POS\n"
        + "2026-05-10,09:00:00,代发工资,8000.00,,8988.00,某公司,,批量代发\n"
        + "2026-06-10,09:00:00,代发工资,8000.00,,16988.00,某公司,,批量代发\n").getBytes(StandardCharsets.UTF_8));
    ForensicReport rb = examine(b);
    assertEquals(List.of(ForensicSignal.Kind.OUTSIDE_STATED_PERIOD),
        rb.signals().stream().map(ForensicSignal::kind).toList(), rb.signals().toString());
    assertEquals(List.of("b.csv:6"), rb.signals().get(0).rows());
    assertEquals(ForensicVerdict.REVIEW, rb.verdict());
  }

  /**
   * A wallet export's 起始时间 or 终止时间 whose day is not of the calendar, a 终止时间 before the 起始时间, or one stated
   * twice otherwise had left the period unstated without a word, and with it the check of the rows against it: a row
   * moved to November passed when 终止时间 was made 2026-11-31. Each refuses the file naming the line (and the other
   * line), as a bank's 起止日期 that is no period does.
   */
  @Test
  void aWalletPeriodLineThatIsNoPeriodRefusesTheFileNamingTheLine() {
    String wechat = new String(Samples.bytes("samples/statements/wechat_A.csv"), StandardCharsets.UTF_8)
        .replace("\n2026-10-31 14:58:18,", "\n2026-11-20 14:58:18,");
    String stated = "起始时间：[2026-05-01 00:00:00] 终止时间：[2026-10-31 23:59:59]";
    assertTrue(wechat.contains(stated));
    String[][] cases = {
      {stated.replace("2026-10-31", "2026-11-31"), "w.csv:3",
          "终止时间 '2026-11-31' is not a valid date YYYY-MM-DD: November 2026 has days 01 to 30"},
      {stated.replace("2026-10-31", "2026-04-30"), "w.csv:3",
          "终止时间 '2026-04-30' is before 起始时间 '2026-05-01' (line 3)"},
      {stated + ",,,,,,,,,,\n终止时间：[2026-11-30 23:59:59]", "w.csv:4",
          "终止时间 '2026-11-30' where line 3 states '2026-10-31'"},
    };
    for (String[] c : cases) {
      InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
          () -> StatementParser.parseDetected("w.csv", wechat.replace(stated, c[0]).getBytes(StandardCharsets.UTF_8)));
      assertEquals(c[1], e.problems().get(0).location(), c[0]);
      assertTrue(e.problems().get(0).reason().startsWith(c[2]), e.problems().get(0).reason());
    }
    ParsedStatement again = StatementParser.parseDetected("w.csv",
        wechat.replace(stated, stated + ",,,,,,,,,,\n" + stated).getBytes(StandardCharsets.UTF_8));
    assertEquals(java.time.LocalDate.of(2026, 10, 31), again.statedTo());
  }

  /**
   * Rows without a serial are duplicates only when alike in every part, the amount included: two purchases at one shop
   * in one minute, of different amounts, in an export without a balance column, are two rows, not one repeated.
   */
  @Test
  void rowsWithoutASerialAlikeButForTheirAmountAreNoDuplicates() {
    assertTrue(duplicateSignals("12.50", "80.22").isEmpty());
    List<ForensicSignal> repeated = duplicateSignals("12.50", "12.50");
    assertEquals(1, repeated.size(), repeated.toString());
    assertEquals(List.of("b.csv:3"), repeated.get(0).rows());
  }

  private static List<ForensicSignal> duplicateSignals(String firstAmount, String secondAmount) {
    String row = "2026-05-03,12:00:00,POS消费,,%s,惠邻生鲜超市,POS****5500,POS%n";
    String csv = BANK_HEADER.replace(",账户余额", "") + String.format(row, firstAmount) + String.format(row, secondAmount);
    BankColumnMapping noBalance = new BankColumnMapping("交易日期", "交易时间", "摘要", "收入金额", "支出金额", null, "对方户名",
        "对方账号", "交易渠道");
    ParsedStatement s = StatementParser.bank(noBalance).parse("b.csv", csv.getBytes(StandardCharsets.UTF_8));
    return examine(s).signals().stream().filter(x -> x.kind() == ForensicSignal.Kind.DUPLICATE_SERIAL).toList();
  }
}
