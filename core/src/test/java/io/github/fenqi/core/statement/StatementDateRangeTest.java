package io.github.fenqi.core.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.testkit.Samples;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A row or a stated period before 1990, which no bank or payment-app export holds (online banking and its exports
 * began in the late 1990s; Alipay's in 2004, WeChat Pay's in 2013), is a mistyped year or a field that is no date: a
 * bank row dated 0001-01-01 had been read, and the statement then covered some 24 000 months, each a month of zero
 * income and spending, which took seconds to sum and which forensics passed. Such a row is rejected naming its line,
 * and such a period refuses the file naming its line, as a day not of the calendar does.
 */
class StatementDateRangeTest {
  private static final String BANK_HEADER = "交易日期,交易时间,摘要,收入金额,支出金额,账户余额,对方户名,对方账号,交易渠道\n";

  @Test
  void aBankRowBefore1990IsRejectedNamingItsLine() {
    String csv = BANK_HEADER
        + "0001-01-01,10:00:00,POS消费,,10.00,,超市,,POS\n"
        + "1989-12-31,23:59:59,POS消费,,10.00,,超市,,POS\n"
        + "19890101,,POS消费,,10.00,,超市,,POS\n"
        + "1990-01-01,00:00:00,POS消费,,10.00,,超市,,POS\n"
        + "2026-05-01,10:00:00,POS消费,,10.00,,超市,,POS\n";
    ParsedStatement s = StatementParser.bank().parse("b.csv", csv.getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(LocalDateTime.of(1990, 1, 1, 0, 0), LocalDateTime.of(2026, 5, 1, 10, 0)),
        s.transactions().stream().map(Transaction::time).toList());
    assertEquals(List.of("b.csv:2", "b.csv:3", "b.csv:4"), s.rejected().stream().map(Problem::location).toList());
    assertTrue(s.rejected().get(0).reason().startsWith("交易日期 '0001-01-01' is before 1990"),
        s.rejected().get(0).reason());
  }

  @Test
  void aStatementWhoseOnlyOtherRowIsOfYearOneCoversItsOwnMonthsOnly() {
    String csv = BANK_HEADER
        + "0001-01-01,10:00:00,POS消费,,10.00,,超市,,POS\n"
        + "2026-05-01,10:00:00,POS消费,,10.00,,超市,,POS\n";
    ParsedStatement s = StatementParser.bank().parse("b.csv", csv.getBytes(StandardCharsets.UTF_8));
    StatementAnalysis a = StatementAnalyzer.defaults().analyze(List.of(s));
    assertEquals(List.of(YearMonth.of(2026, 5)), a.months().stream().map(MonthlySummary::month).toList());
  }

  @Test
  void aStatedPeriodBefore1990RefusesTheFileNamingItsLine() {
    InvalidInputException bank = assertThrows(InvalidInputException.class, () -> StatementParser.bank().parse("b.csv",
        ("户名：周子航\n起止日期：0001-01-01 至 2026-05-31\n" + BANK_HEADER
            + "2026-05-01,10:00:00,POS消费,,10.00,,超市,,POS\n").getBytes(StandardCharsets.UTF_8)));
    assertEquals("b.csv:2", bank.problems().get(0).location());
    assertTrue(bank.problems().get(0).reason().contains("before 1990"), bank.problems().get(0).reason());

    String wechat = new String(Samples.bytes("samples/statements/wechat_A.csv"), StandardCharsets.UTF_8);
    String stated = "起始时间：[2026-05-01 00:00:00]";
    assertTrue(wechat.contains(stated));
    InvalidInputException wallet = assertThrows(InvalidInputException.class, () -> StatementParser.parseDetected(
        "w.csv", wechat.replace(stated, "起始时间：[0001-01-01 00:00:00]").getBytes(StandardCharsets.UTF_8)));
    assertEquals("w.csv:3", wallet.problems().get(0).location());
    assertTrue(wallet.problems().get(0).reason().startsWith("起始时间 '0001-01-01' is before 1990"),
        wallet.problems().get(0).reason());
  }
}
