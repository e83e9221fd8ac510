package io.github.fenqi.core.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.testkit.Samples;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bank export that states its period before its header (起止日期：2026-05-01 至 2026-10-31) is read as covering it,
 * as an Alipay or WeChat export's 起始时间..终止时间 is: the period had been ignored, so the sample bank statement, whose
 * last row is of 22 October, covered 22 of October's days and October was left out as a month covered in part.
 */
class BankStatedPeriodTest {
  private static final String BANK_A =
      new String(Samples.bytes("samples/statements/bank_A.csv"), StandardCharsets.UTF_8);

  private static Path write(Path dir, String preamble, Charset charset) throws Exception {
    return Files.write(dir.resolve("bank.csv"), (preamble + BANK_A).getBytes(charset));
  }

  @Test
  void aPeriodStatedInEachWayBanksWriteItIsTheStatementsPeriod(@TempDir Path dir) throws Exception {
    String[] preambles = {
      "中国工商银行借记卡账户历史明细\n户名：周子航\n起止日期：2026-05-01 至 2026-10-31\n\n",
      "查询期间 2026/05/01-2026/10/31,,,,,,,,\n",
      "账号,6214********3821,交易日期范围,20260501-20261031,,,,,\n",
      "\"起止日期:[2026年5月1日 ~ 2026年10月31日]\",,,,,,,,\n",
    };
    for (String preamble : preambles) {
      for (StatementFormat format : new StatementFormat[] {null, StatementFormat.BANK}) {
        ParsedStatement s = StatementParser.read(write(dir, preamble, Charset.forName("GBK")), format);
        assertEquals(List.of(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 10, 31)),
            List.of(s.statedFrom(), s.statedTo()), preamble);
        assertEquals(86, s.transactions().size(), preamble);
      }
    }
    ParsedStatement stated = StatementParser.read(write(dir, preambles[0], StandardCharsets.UTF_8), null);
    ParsedStatement unstated = StatementParser.read(write(dir, "户名：周子航\n", StandardCharsets.UTF_8), null);
    assertNull(unstated.statedFrom());
    assertEquals(22, october(unstated).daysCovered());
    assertEquals(31, october(stated).daysCovered());
  }

  private static MonthlySummary october(ParsedStatement s) {
    return StatementAnalyzer.builder().build().analyze(List.of(s)).months().stream()
        .filter(m -> YearMonth.of(2026, 10).equals(m.month())).findFirst().orElseThrow();
  }

  /**
   * A period of one day, its first day its last (an export of a single day's rows), is a period: only a first day after
   * the last refuses the file, for a bank's 起止日期 and a wallet's 起始时间..终止时间 alike.
   */
  @Test
  void aPeriodOfOneDayIsRead() {
    ParsedStatement bank = StatementParser.parseDetected("b.csv", ("户名：周子航\n起止日期：2026-05-02 至 2026-05-02\n"
        + "交易日期,交易时间,摘要,收入金额,支出金额,账户余额,对方户名,对方账号,交易渠道\n"
        + "2026-05-02,10:00:00,POS消费,,12.00,988.00,超市,,POS\n").getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(LocalDate.of(2026, 5, 2), LocalDate.of(2026, 5, 2)), List.of(bank.statedFrom(), bank.statedTo()));
    assertEquals(1, bank.transactions().size());
    String stated = "起始时间：[2026-05-01 00:00:00] 终止时间：[2026-10-31 23:59:59]";
    String wechat = new String(Samples.bytes("samples/statements/wechat_A.csv"), StandardCharsets.UTF_8);
    ParsedStatement wallet = StatementParser.parseDetected("w.csv", wechat.replace(stated,
        stated.replace("2026-05-01", "2026-10-31")).getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(LocalDate.of(2026, 10, 31), LocalDate.of(2026, 10, 31)),
        List.of(wallet.statedFrom(), wallet.statedTo()));
  }

  @Test
  void aStatedPeriodThatIsNoPeriodRefusesTheFileNamingTheLine(@TempDir Path dir) throws Exception {
    String[][] cases = {
      {"户名：周子航\n起止日期：2026-05-01 至 2026-02-30\n", "2", "起止日期 '2026-05-01 至 2026-02-30' is not a period: "
          + "起止日期 '2026-02-30' is not a valid date and time"},
      {"查询期间 2026/10/31-2026/05/01\n", "1", "查询期间 '2026/10/31-2026/05/01' is not a period: its first day is after "
          + "its last"},
      {"温馨提示：交易日期范围最长一年\n\n交易日期范围：2026-05-01,,,,,,\n", "3",
          "交易日期范围 '2026-05-01' is not a period of two days (2026-05-01 至 2026-10-31)"},
    };
    for (String[] c : cases) {
      Path file = write(dir, c[0], StandardCharsets.UTF_8);
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> StatementParser.read(file, null));
      assertEquals(List.of(Problem.of(file + ":" + c[1], c[2] + "; the period the export covers decides which months "
          + "count, so the file is not read with it unclear: correct the line, or remove it to have the statement "
          + "cover the days of its first and last rows")), e.problems(), c[0]);
    }
  }
}
