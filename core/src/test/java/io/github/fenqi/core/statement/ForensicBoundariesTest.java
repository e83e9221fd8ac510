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
