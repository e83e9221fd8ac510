package io.github.fenqi.core.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.fenqi.core.money.Money;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Edges of the running-balance walk that the other forensic tests left open (mutation audit round 75): when another
 * order of the rows breaks exactly as often as the file's, the file's order is the statement's and the rows it breaks
 * at are the ones named — the walk changes order only when that breaks strictly less; a neutral row moves no balance;
 * and Benford's χ² signals only strictly above its critical value.
 */
class ForensicWalkTest {
  private static final String BANK_HEADER = "交易日期,交易时间,摘要,收入金额,支出金额,账户余额,对方户名,对方账号,交易渠道\n";

  private static ForensicSignal balanceBreak(String rows) {
    ParsedStatement s = StatementParser.bank().parse("b.csv", (BANK_HEADER + rows).getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), s.rejected());
    ForensicReport r = StatementForensics.defaults().examine(List.of(s), StatementAnalyzer.defaults().analyze(List.of(s)));
    assertEquals(ForensicVerdict.REVIEW, r.verdict(), r.signals().toString());
    List<ForensicSignal> breaks = r.signals().stream().filter(x -> x.kind() == ForensicSignal.Kind.BALANCE_BREAK).toList();
    assertEquals(1, breaks.size(), r.signals().toString());
    return breaks.get(0);
  }

  /**
   * Two rows at one time break once whichever way they are walked (990 − 20 ≠ 980 in the file's order, 980 − 10 ≠ 990
   * in the reverse): the file's order is kept, and its second row is named, not its first.
   */
  @Test
  void aOneDayStatementBreakingAsOftenBothWaysIsWalkedInFileOrder() {
    ForensicSignal b = balanceBreak("2026-05-01,10:00:00,POS消费,,10.00,990.00,超市,,POS\n"
        + "2026-05-01,10:00:00,POS消费,,20.00,980.00,超市,,POS\n");
    assertEquals(List.of("b.csv:3"), b.rows(), b.detail());
  }

  /**
   * Rows out of time order that break once in the file's order (line 4) and once in time order (line 3): the file's
   * order is kept and line 4 named.
   */
  @Test
  void rowsOutOfOrderBreakingAsOftenInTimeOrderAreWalkedInFileOrder() {
    ForensicSignal b = balanceBreak("2026-05-01,10:00:00,POS消费,,10.00,990.00,超市,,POS\n"
        + "2026-05-03,10:00:00,POS消费,,10.00,980.00,超市,,POS\n"
        + "2026-05-02,10:00:00,POS消费,,20.00,970.00,超市,,POS\n");
    assertEquals(List.of("b.csv:4"), b.rows(), b.detail());
  }

  private static Transaction row(int n, Direction direction, long fen, long balanceFen) {
    return new Transaction("b.csv", n + 1, n, LocalDateTime.of(2026, 5, n, 10, 0), direction, Money.ofFen(fen), "超市",
        "", "POS消费", "", "POS", "", "", "", Money.ofFen(balanceFen));
  }

  /**
   * A neutral row (neither money in nor out) that states a balance leaves the previous one as it was: 990.00 then a
   * neutral 5.00 at 990.00 breaks nothing, where walking it as a debit would have expected 985.00.
   */
  @Test
  void aNeutralRowKeepsTheBalance() {
    ParsedStatement s = new ParsedStatement("b.csv", StatementFormat.BANK, "UTF-8", null, 1, List.of(
        row(1, Direction.DEBIT, 10_00, 990_00), row(2, Direction.NEUTRAL, 5_00, 990_00),
        row(3, Direction.DEBIT, 10_00, 980_00)), List.of());
    ForensicReport r = StatementForensics.defaults().examine(List.of(s), StatementAnalyzer.defaults().analyze(List.of(s)));
    assertEquals(List.of(), r.signals().stream().filter(x -> x.kind() == ForensicSignal.Kind.BALANCE_BREAK).toList());
  }

  /**
   * Benford's test signals when χ² is strictly above {@link ForensicThresholds#benfordChiSquare}: at the critical value
   * itself there is no signal, just below it there is one.
   */
  @Test
  void benfordSignalsOnlyStrictlyAboveItsCriticalValue() {
    List<Transaction> rows = new java.util.ArrayList<>();
    long[] counts = new long[10];
    for (int i = 0; i < 50; i++) {
      long yuan = 10 + i; // first digits 1 to 5, ten of each
      counts[(int) (yuan / 10)]++;
      rows.add(new Transaction("b.csv", i + 2, i + 1, LocalDateTime.of(2026, 5, 1, 10, 0).plusMinutes(i), Direction.DEBIT,
          Money.ofFen(yuan * 100), "超市", "", "POS消费", "", "POS", "", "", "", null));
    }
    double chi = 0;
    for (int d = 1; d <= 9; d++) {
      double expected = 50 * Math.log10(1 + 1.0 / d);
      chi += (counts[d] - expected) * (counts[d] - expected) / expected;
    }
    ParsedStatement s = new ParsedStatement("b.csv", StatementFormat.BANK, "UTF-8", null, 1, rows, List.of());
    StatementAnalysis a = StatementAnalyzer.defaults().analyze(List.of(s));
    for (double critical : new double[] {chi, Math.nextDown(chi)}) {
      ForensicReport r = StatementForensics.of(new ForensicThresholds(2, 50, critical, 1.5, 0.5, 3)).examine(List.of(s), a);
      long seen = r.signals().stream().filter(x -> x.kind() == ForensicSignal.Kind.BENFORD_DEVIATION).count();
      assertEquals(critical < chi ? 1 : 0, seen, critical + " against χ² " + chi + ": " + r.signals());
    }
  }
}
