package io.github.fenqi.core.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ends of each comparison behind the forensic signals other than the running balance, and of the
 * {@link ForensicThresholds} checks: each case sits on the end the documentation names, so moving the end by one
 * (a mutation audit's off-by-one or flipped comparison) fails a test.
 */
class ForensicBoundariesTest {

  /**
   * The limits the thresholds document are accepted at their ends and refused just past them, naming the field:
   * balanceBreaksToBlock and roundMinCount at least 1, benfordMinSample at least 50, benfordChiSquare positive,
   * spikeRatio above 1, roundShare inside (0, 1).
   */
  @Test
  void thresholdsAreAcceptedAtTheirDocumentedEndsAndRefusedPastThem() {
    ForensicThresholds ends = new ForensicThresholds(1, 50, Double.MIN_VALUE, Math.nextUp(1.0), Math.nextDown(1.0), 1);
    assertEquals(1, ends.balanceBreaksToBlock());
    assertEquals(1, ends.roundMinCount());
    record Bad(String field, Refused make) { }
    for (Bad bad : List.of(
        new Bad("balanceBreaksToBlock", () -> new ForensicThresholds(0, 300, 26.12, 1.5, 0.5, 3)),
        new Bad("benfordMinSample", () -> new ForensicThresholds(2, 49, 26.12, 1.5, 0.5, 3)),
        new Bad("benfordChiSquare", () -> new ForensicThresholds(2, 300, 0.0, 1.5, 0.5, 3)),
        new Bad("spikeRatio", () -> new ForensicThresholds(2, 300, 26.12, 1.0, 0.5, 3)),
        new Bad("roundShare", () -> new ForensicThresholds(2, 300, 26.12, 1.5, 0.0, 3)),
        new Bad("roundShare", () -> new ForensicThresholds(2, 300, 26.12, 1.5, 1.0, 3)),
        new Bad("roundMinCount", () -> new ForensicThresholds(2, 300, 26.12, 1.5, 0.5, 0)))) {
      InvalidInputException e = assertThrows(InvalidInputException.class, bad.make()::make, bad.field());
      assertEquals(List.of(bad.field()), e.problems().stream().map(p -> p.location()).toList(), e.getMessage());
    }
  }

  /** Makes thresholds that are expected to be refused. */
  @FunctionalInterface
  private interface Refused {
    ForensicThresholds make();
  }

  /**
   * The Benford test counts amounts of 10 yuan or more (10.00 counts, 9.99 does not), runs from 300 of them (below
   * 300 it is skipped, saying how many there were) and signals a χ² above 26.12, not only one far above it.
   */
  @Test
  void benfordCountsFromTenYuanRunsFromThreeHundredAmountsAndSignalsAboveTheCriticalValue() {
    List<String> amounts = new java.util.ArrayList<>();
    int[] perDigit = {70, 53, 38, 29, 24, 20, 17, 15, 34}; // χ² ≈ 34.5 against Benford's law for 300 amounts
    for (int d = 1; d <= 9; d++) {
      for (int i = 0; i < perDigit[d - 1]; i++) {
        amounts.add(io.github.fenqi.core.money.Money.ofFen(d * 100_00L + i * 7).toString());
      }
    }
    assertEquals(300, amounts.size());
    ForensicReport deviating = examine(noBalance(amounts));
    ForensicSignal signal = signals(deviating, ForensicSignal.Kind.BENFORD_DEVIATION).stream().findFirst()
        .orElseThrow(() -> new AssertionError(deviating.notes().toString()));
    assertTrue(signal.detail().startsWith("first digits of 300 amounts: χ² = 34.5 > 26.12"), signal.detail());

    List<String> lastIsTen = new java.util.ArrayList<>(amounts);
    lastIsTen.set(299, "10.00");
    ForensicReport atTen = examine(noBalance(lastIsTen));
    assertTrue(atTen.notes().stream().noneMatch(n -> n.contains("Benford test skipped")), atTen.notes().toString());

    List<String> lastBelowTen = new java.util.ArrayList<>(amounts);
    lastBelowTen.set(299, "9.99");
    ForensicReport belowTen = examine(noBalance(lastBelowTen));
    assertTrue(belowTen.notes().contains("b.csv: 299 amounts of 10 yuan or more, fewer than 300: Benford test skipped"),
        belowTen.notes().toString());
    assertEquals(List.of(), signals(belowTen, ForensicSignal.Kind.BENFORD_DEVIATION));
  }

  /** Bank rows without a balance column, one debit of each amount to its own shop. */
  private static ParsedStatement noBalance(List<String> amounts) {
    StringBuilder csv = new StringBuilder(BANK_HEADER.replace(",账户余额", ""));
    for (int i = 0; i < amounts.size(); i++) {
      csv.append(String.format("2026-05-%02d,10:00:00,POS消费,,%s,商户%d,,POS%n", 1 + i % 28, amounts.get(i), i));
    }
    BankColumnMapping mapping = new BankColumnMapping("交易日期", "交易时间", "摘要", "收入金额", "支出金额", null, "对方户名",
        "对方账号", "交易渠道");
    return StatementParser.bank(mapping).parse("b.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * An income spike is the last month's income above 1.5 × the median of at least three months before it: with two
   * months before it the check is skipped, with three it runs; exactly 1.5 × is no spike, a fen more is; the median of
   * an even number of months is the mean of the middle two.
   */
  @Test
  void anIncomeSpikeNeedsThreeMonthsBeforeAndIsStrictlyAboveOneAndAHalfTimesTheirMedian() {
    assertEquals(List.of(), spikes("6000.00", "6000.00", "15000.00"));
    assertEquals(List.of("b.csv:5"), spikes("6000.00", "6000.00", "6000.00", "15000.00").get(0).rows());
    assertEquals(List.of(), spikes("6000.00", "6000.00", "6000.00", "9000.00"));
    assertEquals(1, spikes("6000.00", "6000.00", "6000.00", "9000.01").size());
    List<ForensicSignal> even = spikes("4000.00", "10000.00", "6000.00", "8000.00", "10500.01");
    assertEquals(1, even.size());
    assertTrue(even.get(0).detail().endsWith("the median 7000.00 of the months before"), even.get(0).detail());
  }

  /** One salary a month from May, in the order given, and the income spikes found. */
  private static List<ForensicSignal> spikes(String... salaries) {
    StringBuilder csv = new StringBuilder();
    for (int m = 0; m < salaries.length; m++) {
      csv.append(String.format("2026-%02d-10,09:00:00,代发工资,%s,,,某某科技有限公司,,批量代发%n", m + 5, salaries[m]));
    }
    return signals(examine(bank(csv.toString())), ForensicSignal.Kind.INCOME_SPIKE);
  }

  /**
   * Round credits: at least three credits of 1 000 yuan or more (1 000.00 is one), and more than half of them
   * multiples of 1 000 (exactly half is not; a multiple of 100 only is not round).
   */
  @Test
  void roundCreditsNeedThreeOfAThousandOrMoreAndMoreThanHalfMultiplesOfAThousand() {
    assertEquals(1, rounds("1000.00", "2000.00", "1500.00").size());
    assertEquals(List.of(), rounds("1000.00", "2000.00", "1500.00", "2500.00"));
    assertEquals(List.of(), rounds("1100.00", "2200.00", "3000.00"));
    assertEquals(List.of(), rounds("999.99", "2000.00", "3000.00"));
  }

  /** One credit a day from 1 May, and the round-amount signals found. */
  private static List<ForensicSignal> rounds(String... credits) {
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < credits.length; i++) {
      csv.append(String.format("2026-05-%02d,09:00:00,代发工资,%s,,,某某科技有限公司,,批量代发%n", i + 1, credits[i]));
    }
    return signals(examine(bank(csv.toString())), ForensicSignal.Kind.ROUND_AMOUNTS);
  }

  /** Three rows are enough for the order check: the one of them out of the file's order is named. */
  @Test
  void aThreeRowStatementWithARowOutOfOrderIsSeen() {
    ForensicReport r = examine(bank("2026-05-01,10:00:00,POS消费,,10.00,,超市,,POS\n"
        + "2026-05-03,10:00:00,POS消费,,11.00,,超市,,POS\n"
        + "2026-05-02,10:00:00,POS消费,,12.00,,超市,,POS\n"));
    List<ForensicSignal> out = signals(r, ForensicSignal.Kind.NON_CHRONOLOGICAL);
    assertEquals(1, out.size(), r.signals().toString());
    assertEquals(List.of("b.csv:4"), out.get(0).rows());
  }

  private static final String BANK_HEADER = "交易日期,交易时间,摘要,收入金额,支出金额,账户余额,对方户名,对方账号,交易渠道\n";

  private static ParsedStatement bank(String rows) {
    return StatementParser.bank().parse("b.csv", (BANK_HEADER + rows).getBytes(StandardCharsets.UTF_8));
  }

  private static ForensicReport examine(ParsedStatement s) {
    return StatementForensics.defaults().examine(List.of(s), StatementAnalyzer.defaults().analyze(List.of(s)));
  }

  private static List<ForensicSignal> signals(ForensicReport r, ForensicSignal.Kind kind) {
    return r.signals().stream().filter(x -> x.kind() == kind).toList();
  }
}
