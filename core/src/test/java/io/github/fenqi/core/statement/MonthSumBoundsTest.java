package io.github.fenqi.core.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A month whose rows, each within bounds, sum beyond what a month may hold: the affordability figures are refused
 * naming the statements to look in, not the month alone.
 */
class MonthSumBoundsTest {
  private static final String BANK_HEADER = "交易日期,交易时间,摘要,收入金额,支出金额,账户余额,对方户名,对方账号,交易渠道\n";

  private static ParsedStatement bank(String name, String rows) {
    ParsedStatement s = StatementParser.bank().parse(name, (BANK_HEADER + rows).getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), s.rejected());
    return s;
  }

  /**
   * Two credits of 600 trillion yuan, one in each of two files, make October's income 1.2 × 10^15; November's two are
   * both in b.csv. Each month is refused naming the files its kept rows come from, both months at once: the problem
   * had been "2026-10 income" alone, the first month only.
   */
  @Test
  void aMonthSummingBeyondItsBoundNamesTheStatementsItsRowsComeFrom() {
    String big = "600000000000000.00";
    ParsedStatement a = bank("a.csv", "2026-10-10,09:00:00,转账," + big + ",,,赵一,6222****0001,手机银行\n");
    ParsedStatement b = bank("b.csv", "2026-10-12,09:00:00,转账," + big + ",,,钱二,6222****0002,手机银行\n"
        + "2026-11-12,09:00:00,转账," + big + ",,,钱二,6222****0002,手机银行\n"
        + "2026-11-13,09:00:00,转账," + big + ",,,孙三,6222****0003,手机银行\n");
    StatementAnalysis analysis = StatementAnalyzer.defaults().analyze(List.of(a, b));
    InvalidInputException e = assertThrows(InvalidInputException.class, analysis::monthlyFigures);
    String reason = "1200000000000000.00 is above 1000000000000000.00, more than any borrower's month";
    assertEquals(List.of(Problem.of("a.csv, b.csv: 2026-10 income", reason),
        Problem.of("b.csv: 2026-11 income", reason)), e.problems());
  }
}
