package io.github.fenqi.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.affordability.AffordabilityAssessment;
import io.github.fenqi.core.policy.InMemoryPolicyRepository;
import io.github.fenqi.core.statement.MonthlySummary;
import io.github.fenqi.core.statement.ParsedStatement;
import io.github.fenqi.core.statement.StatementAnalysis;
import io.github.fenqi.core.statement.StatementAnalyzer;
import io.github.fenqi.core.statement.StatementParser;
import io.github.fenqi.core.testkit.Samples;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A month the statements cover only in part (a case dated mid-month, a statement beginning on the 20th) holds only
 * those days' rows: counted as a whole month it pulled the median income down. On the sample bank statement.
 */
class PartMonthIncomeTest {
  private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
  private static final String BANK = new String(Samples.bytes("samples/statements/bank_A.csv"), StandardCharsets.UTF_8);
  private final NegotiationRequest sample = Samples.sampleCase();

  private AffordabilityAssessment assess(LocalDate asOf, String bankText) {
    NegotiationRequest request = new NegotiationRequest(sample.caseId(), asOf, sample.borrower(), sample.debts());
    ParsedStatement bank = StatementParser.parseDetected("bank_A.csv", bankText.getBytes(StandardCharsets.UTF_8));
    return NegotiationEngine.builder().policies(InMemoryPolicyRepository.of(Samples.policies())).clock(TODAY).build()
        .calculate(request, List.of(bank)).affordability();
  }

  private List<MonthlySummary> months(String bankText) {
    StatementAnalysis a = StatementAnalyzer.builder().holderNames(sample.borrower().name()).build().analyze(List.of(
        StatementParser.parseDetected("bank_A.csv", bankText.getBytes(StandardCharsets.UTF_8))));
    return a.months();
  }

  /**
   * A case of 2026-06-09 knows June up to its 9th (the statement goes on after it): the salary of the 10th is not in
   * it, and the income had been the median of May and that week, about half the salary. Now May alone is used.
   */
  @Test
  void aCaseDatedMidMonthLeavesItsPartMonthOut() {
    AffordabilityAssessment a = assess(LocalDate.of(2026, 6, 9), BANK);
    MonthlySummary may = months(BANK).get(0);
    assertEquals(YearMonth.of(2026, 5), may.month());
    assertEquals(31, may.daysCovered());
    assertEquals(may.income(), a.monthlyNetIncome());
    assertEquals(1, a.incomeMonthsUsed());
    assertTrue(a.notes().contains("left out of the income months: 2026-06 (9 of 30 days), which the statements "
        + "cover only in part; counted whole, a part month understates income and spending (a salary paid outside the "
        + "days covered reads as none)"), a.notes().toString());
    assertTrue(a.notes().stream().anyMatch(n -> n.endsWith(" is the median of 1 statement month (2026-05)")),
        a.notes().toString());
  }

  /**
   * The statement begins on 2026-05-20, after May's salary, and ends on 10-22: May and October are part months, and
   * the income is the median of June to September, the whole ones — as the whole statement's own months give it.
   */
  @Test
  void aStatementBeginningMidMonthCountsOnlyItsWholeMonths() {
    String header = BANK.substring(0, BANK.indexOf('\n') + 1);
    String fromTheTwentieth = header + BANK.substring(BANK.indexOf("\n2026-05-20,") + 1);
    List<MonthlySummary> cut = months(fromTheTwentieth);
    assertEquals(List.of(12, 30, 31, 31, 30, 22), cut.stream().map(MonthlySummary::daysCovered).toList());
    AffordabilityAssessment a = assess(sample.asOf(), fromTheTwentieth);
    assertEquals(4, a.incomeMonthsUsed());
    List<MonthlySummary> whole = months(BANK).subList(1, 5); // June..September of the uncut statement
    long[] income = whole.stream().mapToLong(m -> m.income().fen()).sorted().toArray();
    assertEquals((income[1] + income[2]) / 2, a.monthlyNetIncome().fen());
    long[] essentials = whole.stream().mapToLong(m -> m.essentialExpenses().fen()).sorted().toArray();
    // the mean of the middle two rounded up for essentials, as income's is rounded down: neither favours the budget
    assertEquals((essentials[1] + essentials[2] + 1) / 2, a.observedEssentials().fen());
    assertTrue(a.notes().stream().anyMatch(n -> n.startsWith("left out of the income months: 2026-05 (12 of 31 days), "
        + "2026-10 (22 of 31 days), ")), a.notes().toString());
  }

  /**
   * A case dated 2026-08-31 knows all of August: the statement goes on into September, so it covers every day to the
   * case's date, though its last August row is of the 27th. Cut at that row, August had been a part month and left out.
   */
  @Test
  void aCaseDatedOnTheMonthsLastDayKnowsTheWholeMonth() {
    AffordabilityAssessment a = assess(LocalDate.of(2026, 8, 31), BANK);
    assertEquals(4, a.incomeMonthsUsed(), a.notes().toString());
    assertTrue(a.notes().stream().anyMatch(n -> n.endsWith(" is the median of 4 statement months (2026-05, 2026-06, "
        + "2026-07, 2026-08)")), a.notes().toString());
    assertTrue(a.notes().stream().noneMatch(n -> n.startsWith("left out of the income months")), a.notes().toString());
  }

  /**
   * The sample WeChat export states 起始时间 2026-05-01 and 终止时间 2026-10-31, and its first row is of 05-02: it
   * covers all of May, which its rows alone had made a part month of 30 days, left out.
   */
  @Test
  void aPeriodTheExportStatesIsWhatItCovers() {
    ParsedStatement wechat = StatementParser.parseDetected("wechat_A.csv", Samples.bytes("samples/statements/wechat_A.csv"));
    assertEquals(LocalDate.of(2026, 5, 1), wechat.statedFrom());
    assertEquals(LocalDate.of(2026, 10, 31), wechat.statedTo());
    List<MonthlySummary> months = StatementAnalyzer.builder().build().analyze(List.of(wechat)).months();
    assertEquals(List.of(31, 30, 31, 31, 30, 31), months.stream().map(MonthlySummary::daysCovered).toList());
    // cut at a case's date inside the period: covered to that day
    List<MonthlySummary> cut = StatementAnalyzer.builder().build().analyzeThrough(List.of(wechat),
        LocalDate.of(2026, 6, 9)).months();
    assertEquals(List.of(31, 9), cut.stream().map(MonthlySummary::daysCovered).toList());
  }

  /**
   * The income is measured from the whole months only: with one whole month, 2020-01, and October 2026 covered to its
   * 22nd, the income is January 2020's. The note that statements may be out of date had judged the latest month of
   * all, October 2026, one month behind a case of November, and said nothing of an income six years old.
   */
  @Test
  void theStalenessNoteJudgesTheMonthsTheIncomeIsMeasuredFrom() {
    String header = BANK.substring(0, BANK.indexOf('\n') + 1);
    String may = BANK.substring(BANK.indexOf("\n2026-05-01,") + 1, BANK.indexOf("\n2026-06-") + 1);
    String january2020 = header + may.replace("2026-05-", "2020-01-")
        + "2020-01-31,10:00:00,代扣话费,,58.00,3545.58,中国移动通信集团浙江有限公司,3301****1000,代扣\n";
    String october = header + BANK.substring(BANK.indexOf("\n2026-10-01,") + 1);
    NegotiationRequest request = new NegotiationRequest(sample.caseId(), sample.asOf(), sample.borrower(), sample.debts());
    AffordabilityAssessment a = NegotiationEngine.builder().policies(InMemoryPolicyRepository.of(Samples.policies()))
        .clock(TODAY).build().calculate(request, List.of(
            StatementParser.parseDetected("jan2020.csv", january2020.getBytes(StandardCharsets.UTF_8)),
            StatementParser.parseDetected("oct2026.csv", october.getBytes(StandardCharsets.UTF_8)))).affordability();
    assertEquals(1, a.incomeMonthsUsed(), a.notes().toString());
    assertTrue(a.notes().stream().anyMatch(n -> n.endsWith("is the median of 1 statement month (2020-01)")),
        a.notes().toString());
    assertEquals("the income is measured from months up to 2020-01, 82 months before the case's date " + sample.asOf()
        + " (the statements' later months, to 2026-10, are covered only in part): their income may be out of date; "
        + "recent statements give a truer budget", a.notes().get(0));
  }
}
