package io.github.fenqi.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.affordability.AffordabilityAssessment;
import java.util.ArrayList;
import io.github.fenqi.core.solve.Infeasibility;
import io.github.fenqi.core.security.risk.RiskCheckRequest;
import io.github.fenqi.core.security.risk.RiskCheck;
import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.borrower.Borrower;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.policy.InMemoryPolicyRepository;
import io.github.fenqi.core.security.audit.AuditKey;
import io.github.fenqi.core.security.audit.FileAuditLog;
import io.github.fenqi.core.security.risk.RiskAssessment;
import io.github.fenqi.core.security.risk.RiskDecision;
import io.github.fenqi.core.statement.ForensicVerdict;
import io.github.fenqi.core.statement.ParsedStatement;
import io.github.fenqi.core.statement.StatementParser;
import io.github.fenqi.core.testkit.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine with statements, forensics and risk services: figures from statements, REVIEW marks, BLOCK stops. */
class NegotiationEngineScreeningTest {
  private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
  private final NegotiationRequest sample = Samples.sampleCase();

  private static ParsedStatement statement(String name) {
    return StatementParser.parseDetected(name, Samples.bytes("samples/statements/" + name));
  }

  private static NegotiationEngine.Builder engine() {
    return NegotiationEngine.builder().policies(InMemoryPolicyRepository.of(Samples.policies())).clock(TODAY);
  }

  @Test
  void statementsReplaceDeclaredIncomeAndTheScreeningIsReported() {
    NegotiationResult r = engine().build().calculate(sample, List.of(statement("bank_A.csv"), statement("wechat_A.csv")));
    AffordabilityAssessment a = r.affordability();
    assertEquals(AffordabilityAssessment.IncomeSource.STATEMENTS, a.incomeSource());
    assertEquals(6, a.incomeMonthsUsed());
    assertTrue(a.monthlyNetIncome().isGreaterThan(Money.of("8000.00")), a.monthlyNetIncome().toString());
    assertEquals(ForensicVerdict.PASS, r.screening().verdict());
    assertEquals(2, r.screening().statements().size());
    assertEquals(86, r.screening().statements().get(0).rowsRead());
    assertNull(engine().build().calculate(sample).screening(), "no statements, no risk checks: nothing screened");
  }

  @Test
  void forgedStatementsStopTheCaseAndAreAudited(@TempDir Path dir) throws Exception {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Path file = dir.resolve("audit.jsonl");
    try (FileAuditLog log = FileAuditLog.open(file, AuditKey.of(key)); NegotiationEngine e = engine().auditLog(log).build()) {
      NegotiationBlockedException blocked = assertThrows(NegotiationBlockedException.class,
          () -> e.calculate(sample, List.of(statement("bank_A_forged.csv"))));
      assertEquals(sample.caseId(), blocked.caseId());
      assertEquals(ForensicVerdict.BLOCK, blocked.screening().verdict());
      assertTrue(blocked.getMessage().contains("BALANCE_BREAK"), blocked.getMessage());
      List<String> lines = Files.readAllLines(file);
      assertEquals(2, lines.size());
      assertTrue(lines.get(1).contains("\"action\":\"FRAUD_BLOCK\""), lines.get(1));
      assertEquals(2, log.verify(Optional.empty()).entries());
    }
  }

  /**
   * A row the parser rejects is in no month: the assessment says so first, naming the row, so that a month whose income
   * reads low (May without its salary) is not taken for the borrower's own. The notes had given May's income without a
   * word of the row left out; only the screening's REVIEW named it.
   */
  @Test
  void rowsRejectedFromTheStatementsAreNamedInTheAssessment() {
    String text = new String(Samples.bytes("samples/statements/bank_A.csv"), java.nio.charset.StandardCharsets.UTF_8)
        .replace(",代发工资,8642.17,,9999.65,", ",代发工资,8642.1七,,9999.65,");
    ParsedStatement edited = StatementParser.parseDetected("bank_A.csv",
        text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(1, edited.rejected().size());
    NegotiationResult r = engine().build().calculate(sample, List.of(edited));
    assertEquals(ForensicVerdict.REVIEW, r.screening().verdict());
    assertEquals("1 statement row could not be read and is in no month's figures (bank_A.csv:4: "
        + edited.rejected().get(0).reason() + "): the month it falls in may understate income or spending",
        r.affordability().notes().get(0));
    ParsedStatement twice = StatementParser.parseDetected("bank_A.csv",
        text.replaceFirst(",代扣话费,,58\\.00,", ",代扣话费,,5八.00,").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(2, twice.rejected().size());
    assertEquals("2 statement rows could not be read and are in no month's figures (the first "
        + twice.rejected().get(0) + "): the months they fall in may understate income or spending",
        engine().build().calculate(sample, List.of(twice)).affordability().notes().get(0));
  }

  /**
   * A case is assessed as of its date: statement months after it are left out, and said so (a case re-run for an
   * earlier date must not use what was not known then); statements ending months before it are noted as possibly out
   * of date. Rows after today are a forgery sign and stop the case.
   */
  @Test
  void statementMonthsAreJudgedAgainstTheCaseDateAndToday() {
    NegotiationRequest august = new NegotiationRequest(sample.caseId(), java.time.LocalDate.of(2026, 8, 15),
        sample.borrower(), sample.debts());
    AffordabilityAssessment a = engine().build().calculate(august, List.of(statement("bank_A.csv"))).affordability();
    assertEquals(3, a.incomeMonthsUsed(), a.notes().toString()); // August is known only to its 15th
    assertEquals("2 statement month(s) after the case's date 2026-08-15 left out (2026-09..2026-10)", a.notes().get(0));
    assertEquals("7 statement row(s) of 2026-08 dated after the case's date 2026-08-15 left out (bank_A.csv:55 .. "
        + "bank_A.csv:61): they had not happened by then", a.notes().get(1));
    assertTrue(a.notes().get(2).startsWith("left out of the income months: 2026-08 (15 of 31 days)"), a.notes().toString());
    assertTrue(a.notes().get(3).endsWith("(2026-05, 2026-06, 2026-07)"), a.notes().toString());
    // a case dated two months before the first statement month: the note names the months the statements hold
    NegotiationRequest march = new NegotiationRequest(sample.caseId(), java.time.LocalDate.of(2026, 3, 1),
        sample.borrower(), sample.debts());
    assertEquals("6 statement month(s) after the case's date 2026-03-01 left out (2026-05..2026-10)", engine().build()
        .calculate(march, List.of(statement("bank_A.csv"))).affordability().notes().get(0));
    assertTrue(engine().build().calculate(sample, List.of(statement("bank_A.csv"))).affordability().notes().stream()
        .noneMatch(n -> n.contains("out of date")), "statements to October for a case of November are current");

    NegotiationRequest nextYear = new NegotiationRequest(sample.caseId(), java.time.LocalDate.of(2027, 2, 1),
        sample.borrower(), sample.debts());
    Clock february = Clock.fixed(Instant.parse("2027-02-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    AffordabilityAssessment stale = engine().clock(february).build()
        .calculate(nextYear, List.of(statement("bank_A.csv"))).affordability();
    // October is covered to its 22nd only: the income is measured from the months up to September
    assertEquals("the income is measured from months up to 2026-09, 5 months before the case's date 2027-02-01 (the "
        + "statements' later months, to 2026-10, are covered only in part): their income may be out of date; recent "
        + "statements give a truer budget", stale.notes().get(0));

    String later = new String(Samples.bytes("samples/statements/bank_A.csv"), java.nio.charset.StandardCharsets.UTF_8)
        .replace("\n2026-10-", "\n2026-12-"); // October's 13 rows moved past the clock's day
    ParsedStatement shifted = StatementParser.parseDetected("bank_B.csv",
        later.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    NegotiationBlockedException blocked = assertThrows(NegotiationBlockedException.class,
        () -> engine().build().calculate(sample, List.of(shifted)));
    assertEquals(ForensicVerdict.BLOCK, blocked.screening().verdict());
    assertTrue(blocked.getMessage().contains("FUTURE_DATED") && blocked.getMessage().contains("after today (2026-11-25)"),
        blocked.getMessage());
  }

  /**
   * Rows dated after the case's date had not happened by then, in the case's own month too: they are left out, as the
   * months after it are, and said so with their file and lines (a case re-run for an earlier date must not use what
   * was not known then; refusing them would make a user cut every statement to re-run a case). A case of 2026-10-09 had
   * counted the salary of 10-10 in October's income. Its figures are now those of the statement cut at its date.
   */
  @Test
  void rowsAfterTheCaseDateInItsMonthAreLeftOutAndNamed() {
    NegotiationRequest ninth = new NegotiationRequest(sample.caseId(), java.time.LocalDate.of(2026, 10, 9),
        sample.borrower(), sample.debts());
    AffordabilityAssessment whole = engine().build().calculate(ninth, List.of(statement("bank_A.csv"))).affordability();
    String text = new String(Samples.bytes("samples/statements/bank_A.csv"), java.nio.charset.StandardCharsets.UTF_8);
    String cut = text.substring(0, text.indexOf("\n2026-10-10,") + 1); // the rows up to the case's date
    AffordabilityAssessment known = engine().build().calculate(ninth, List.of(StatementParser.parseDetected("bank_A.csv",
        cut.getBytes(java.nio.charset.StandardCharsets.UTF_8)))).affordability();
    assertEquals("6 statement row(s) of 2026-10 dated after the case's date 2026-10-09 left out (bank_A.csv:82 .. "
        + "bank_A.csv:87): they had not happened by then", whole.notes().get(0));
    // the whole statement goes on after the case's date, so it covers October to the 9th; the cut one to its last row
    assertTrue(whole.notes().get(1).startsWith("left out of the income months: 2026-10 (9 of 31 days)"), whole.notes()
        .toString());
    assertTrue(known.notes().get(0).startsWith("left out of the income months: 2026-10 (6 of 31 days)"), known.notes()
        .toString());
    assertEquals(known.notes().subList(1, known.notes().size()), whole.notes().subList(2, whole.notes().size()));
    assertEquals(known.monthlyNetIncome(), whole.monthlyNetIncome());
    assertEquals(known.observedEssentials(), whole.observedEssentials());
    assertEquals(known.incomeVolatility(), whole.incomeVolatility());
    assertEquals(known.incomeMonthsUsed(), whole.incomeMonthsUsed());

    // every row of the case's month after its date, and no month before: no month is known, and the case says so
    String octoberOnly = text.substring(0, text.indexOf('\n') + 1) + text.substring(text.indexOf("\n2026-10-10,") + 1);
    NegotiationRequest undeclared = new NegotiationRequest(sample.caseId(), ninth.asOf(), new io.github.fenqi.core
        .borrower.Borrower(sample.borrower().name(), null, null, "310000", 1, null, null, Money.ZERO, List.of(), false),
        sample.debts());
    InvalidInputException none = assertThrows(InvalidInputException.class, () -> engine().build().calculate(undeclared,
        List.of(StatementParser.parseDetected("bank_A.csv", octoberOnly.getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
    assertEquals(Problem.of("statements", "every statement row is dated after the case's date 2026-10-09"),
        none.problems().get(0));
    AffordabilityAssessment declared = engine().build().calculate(ninth, List.of(StatementParser.parseDetected(
        "bank_A.csv", octoberOnly.getBytes(java.nio.charset.StandardCharsets.UTF_8)))).affordability();
    assertEquals(AffordabilityAssessment.IncomeSource.DECLARED, declared.incomeSource());
    assertEquals("every statement row is dated after the case's date 2026-10-09: the declared income is used instead",
        declared.notes().get(1));
  }

  /**
   * A reason names the rows its signal found, as {@code statement ingest} does: "4 row(s) … in bank_A_forged.csv" had
   * stopped the case (and {@code plan --statement}) without saying which rows, while rows the detail already names are
   * not repeated, and a long list is cut after ten rows, saying how many more.
   */
  @Test
  void aBlockReasonNamesTheRowsItsSignalFound() {
    NegotiationBlockedException blocked = assertThrows(NegotiationBlockedException.class,
        () -> engine().build().calculate(sample, List.of(statement("bank_A_forged.csv"))));
    assertEquals(List.of(
        "statements: BALANCE_BREAK: 4 row(s) where previous balance ± amount ≠ stated balance in bank_A_forged.csv "
            + "[bank_A_forged.csv:18, bank_A_forged.csv:47, bank_A_forged.csv:52, bank_A_forged.csv:83]",
        "statements: DUPLICATE_SERIAL: 1 row(s) repeating an earlier serial or an identical row in bank_A_forged.csv "
            + "[bank_A_forged.csv:47]"), blocked.screening().reasons());
    assertTrue(blocked.getMessage().contains("bank_A_forged.csv:83]"), blocked.getMessage());
    assertTrue(Screening.rowsNotNamed(java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(i -> "f.csv:" + i).toList(),
        "detail").equals(" [f.csv:1, f.csv:2, f.csv:3, f.csv:4, f.csv:5, f.csv:6, f.csv:7, f.csv:8, f.csv:9, "
        + "f.csv:10 and 2 more]"));
    assertEquals("", Screening.rowsNotNamed(List.of("f.csv:9"), "f.csv:9 states 82 rows"));
  }

  /**
   * Ten rows are named in full, with no "and 0 more"; a row is named by a detail only where no digit follows it, so
   * f.csv:1 is not named by f.csv:18 (mutation round 104: a cut from ten rows on, and any occurrence taken as the
   * row's, passed every test).
   */
  @Test
  void aReasonNamesTenRowsInFullAndARowIsNotNamedByALongerLine() {
    assertEquals(" [f.csv:1, f.csv:2, f.csv:3, f.csv:4, f.csv:5, f.csv:6, f.csv:7, f.csv:8, f.csv:9, f.csv:10]",
        Screening.rowsNotNamed(java.util.stream.IntStream.rangeClosed(1, 10).mapToObj(i -> "f.csv:" + i).toList(),
            "detail"));
    assertEquals(" [f.csv:1]", Screening.rowsNotNamed(List.of("f.csv:1", "f.csv:18"), "f.csv:18 states 82 rows"));
  }

  /** The sample Alipay export is 周子航's, not the sample borrower's: his income must not be planned on. */
  @Test
  void anotherPersonsStatementBlocks() {
    NegotiationBlockedException blocked = assertThrows(NegotiationBlockedException.class,
        () -> engine().build().calculate(sample, List.of(statement("alipay_A.csv"))));
    assertTrue(blocked.getMessage().contains("HOLDER_MISMATCH: alipay_A.csv is the statement of 周**, not of the "
        + "borrower " + io.github.fenqi.core.security.Masking.defaults().name(sample.borrower().name())),
        blocked.getMessage());
    assertFalse(blocked.getMessage().contains("周子航") || blocked.getMessage().contains(sample.borrower().name()),
        "no name in clear: the reasons go to the audit log");
  }

  /**
   * A WeChat export has no running balance: 42.49 made 142.49 had passed the screening. Its 支出 line no longer adds
   * up, and the screening asks for review naming the file and that line.
   */
  @Test
  void anEditedWalletAmountIsReviewedInTheScreening(@TempDir Path dir) throws Exception {
    String text = new String(Samples.bytes("samples/statements/wechat_A.csv"), java.nio.charset.StandardCharsets.UTF_8);
    Path file = dir.resolve("wechat_A.csv");
    Files.writeString(file, text.replace("¥42.49", "¥142.49"));
    NegotiationResult r = engine().build().calculate(sample, List.of(statement("bank_A.csv"),
        StatementParser.read(file, null)));
    assertEquals(ForensicVerdict.REVIEW, r.screening().verdict());
    assertEquals(List.of("statements: STATED_TOTALS_MISMATCH: " + file + ":9 states 支出 64 rows of 2282.11, the rows "
        + "hold 64 of 2382.11: a row was edited, added or removed after the export"), r.screening().reasons());
  }

  @Test
  void aRiskServiceDenialBlocksAndAReviewMarksTheResult() {
    NegotiationEngine denying = engine().riskCheck(new FixedRiskCheck(RiskDecision.DENY, "on a fraud list")).build();
    NegotiationBlockedException e = assertThrows(NegotiationBlockedException.class, () -> denying.calculate(sample));
    assertTrue(e.getMessage().contains("on a fraud list"), e.getMessage());
    NegotiationResult reviewed = engine().riskCheck(new FixedRiskCheck(RiskDecision.REVIEW, "thin file")).build().calculate(sample);
    assertEquals(ForensicVerdict.REVIEW, reviewed.screening().verdict());
    assertEquals(List.of("risk service fixed: REVIEW: thin file"), reviewed.screening().reasons());
  }

  /**
   * A case whose every debt is left out makes no proposal, so none needs screening: each risk service had still been
   * sent the borrower's name, ID number and mobile (and audited as such), for nothing. It is not asked now, and the
   * result's screening holds no answer (none at all without statements; the statements' forensics, local, still run).
   * A case with one debt to plan asks it as before.
   */
  @Test
  void noRiskServiceIsAskedWhenEveryDebtIsLeftOut(@TempDir Path dir) throws Exception {
    List<Debt> debts = new ArrayList<>();
    for (Debt d : sample.debts()) { // 5 days overdue: below every sample policy's least
      debts.add(new Debt(d.id(), d.platformId(), d.productType(), d.principal(), d.interest(), d.penaltyInterest(),
          d.compoundInterest(), d.lateFees(), d.otherFees(), d.annualRate(), 5));
    }
    Borrower b = sample.borrower();
    Borrower noProof = new Borrower(b.name(), b.idNumber(), b.mobile(), b.regionCode(), b.householdSize(),
        b.monthlyNetIncome(), b.essentialExpenses(), b.liquidSavings(), b.hardships(), false);
    NegotiationRequest none = new NegotiationRequest("c", sample.asOf(), noProof, debts);
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Path file = dir.resolve("audit.jsonl");
    List<RiskCheckRequest> sent = new ArrayList<>();
    RiskCheck counting = new RiskCheck() {
      @Override
      public String name() {
        return "counting";
      }

      @Override
      public RiskAssessment check(RiskCheckRequest request) {
        sent.add(request);
        return new RiskAssessment("counting", RiskDecision.ALLOW, null, "ok", false);
      }
    };
    try (FileAuditLog log = FileAuditLog.open(file, AuditKey.of(key));
        NegotiationEngine engine = engine().auditLog(log).riskCheck(counting).build()) {
      NegotiationResult r = engine.calculate(none);
      assertEquals(Infeasibility.BindingConstraint.NO_ELIGIBLE_DEBT, r.binding());
      assertEquals(List.of(), sent);
      assertNull(r.screening());
      assertFalse(Files.readString(file).contains("RISK_CHECK"), Files.readString(file));
      NegotiationResult withStatement = engine.calculate(none, List.of(statement("bank_A.csv")));
      assertEquals(List.of(), sent);
      assertEquals(List.of(), withStatement.screening().riskChecks());
      assertEquals(1, withStatement.screening().statements().size());
      engine.calculate(sample);
      assertEquals(1, sent.size());
    }
  }

  /**
   * A risk service's reason is another party's text, and reports print each screening reason as one line: a reason
   * holding a line break had printed a line of its own in the CLI's text report (a forged "verdict: PASS" under the
   * REVIEW), and a right-to-left override reversed what followed it. They are shown as escapes; the service's answer
   * itself ({@code riskChecks}) keeps its words as given.
   */
  @Test
  void aRiskServicesReasonIsOneLineOfTheScreening() {
    String reason = "thin file\nverdict: PASS\u202Eok";
    NegotiationResult reviewed = engine().riskCheck(new FixedRiskCheck(RiskDecision.REVIEW, reason)).build()
        .calculate(sample);
    assertEquals(List.of("risk service fixed: REVIEW: thin file\\nverdict: PASS\\u202Eok"),
        reviewed.screening().reasons());
    assertEquals(reason, reviewed.screening().riskChecks().get(0).reason());
  }

  /**
   * Each risk service is sent the borrower's name, ID number and mobile: that is recorded as a RISK_CHECK entry (the
   * service, its decision, whether it was degraded; no personal data) as soon as the answers are in, in its own write,
   * so the record survives whatever happens to the case afterwards; a denial writes it with the block.
   */
  @Test
  void everyRiskServiceConsultedIsAuditedWithoutPersonalData(@TempDir Path dir) throws Exception {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Path file = dir.resolve("audit.jsonl");
    try (FileAuditLog log = FileAuditLog.open(file, AuditKey.of(key));
        NegotiationEngine reviewing = engine().auditLog(log).riskCheck(new FixedRiskCheck(RiskDecision.REVIEW, "thin"))
            .riskCheck(new FixedRiskCheck("second", RiskDecision.ALLOW, "ok")).build()) {
      reviewing.calculate(sample);
      List<String> lines = Files.readAllLines(file);
      assertEquals(List.of("RISK_CHECK", "RISK_CHECK", "DATA_ACCESS", "PROPOSAL_GENERATED"),
          lines.stream().map(l -> l.replaceAll(".*\"action\":\"([A-Z_]+)\".*", "$1")).toList());
      assertTrue(lines.get(0).contains("\"details\":{\"decision\":\"REVIEW\",\"degraded\":\"false\",\"service\":\"fixed\"}"),
          lines.get(0));
      assertTrue(lines.get(1).contains("\"decision\":\"ALLOW\""), lines.get(1));
      for (String l : lines) {
        assertFalse(l.contains(sample.borrower().idNumber()) || l.contains(sample.borrower().mobile())
            || l.contains(sample.borrower().name()), l);
      }
    }
    Path denied = dir.resolve("denied.jsonl");
    try (FileAuditLog log = FileAuditLog.open(denied, AuditKey.of(key));
        NegotiationEngine denying = engine().auditLog(log).riskCheck(new FixedRiskCheck(RiskDecision.DENY, "listed"))
            .build()) {
      assertThrows(NegotiationBlockedException.class, () -> denying.calculate(sample));
      assertEquals(List.of("RISK_CHECK", "DATA_ACCESS", "FRAUD_BLOCK"), Files.readAllLines(denied).stream()
          .map(l -> l.replaceAll(".*\"action\":\"([A-Z_]+)\".*", "$1")).toList());
      assertEquals(3, log.verify(Optional.empty()).entries());
    }
  }

  /**
   * A RISK_CHECK entry holds the service's score when it gave one (the README: service, decision, degraded, score), as
   * written, and a service that failed is recorded as degraded.
   */
  @Test
  void aRiskServicesScoreAndFailureAreAudited(@TempDir Path dir) throws Exception {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Path file = dir.resolve("audit.jsonl");
    io.github.fenqi.core.security.risk.RiskCheck scored = new io.github.fenqi.core.security.risk.RiskCheck() {
      @Override
      public String name() {
        return "scored";
      }

      @Override
      public RiskAssessment check(io.github.fenqi.core.security.risk.RiskCheckRequest request) {
        return new RiskAssessment("scored", RiskDecision.REVIEW, 0.375, "timed out: reviewed by the failure mode", true);
      }
    };
    try (FileAuditLog log = FileAuditLog.open(file, AuditKey.of(key));
        NegotiationEngine e = engine().auditLog(log).riskCheck(scored).build()) {
      e.calculate(sample);
      String first = Files.readAllLines(file).get(0);
      assertTrue(first.contains("\"action\":\"RISK_CHECK\""), first);
      assertTrue(first.contains("\"details\":{\"decision\":\"REVIEW\",\"degraded\":\"true\",\"score\":\"0.375\","
          + "\"service\":\"scored\"}"), first);
    }
  }

  /** Two statements with a gap between them: the gap's months are left out of the income, and the case says so. */
  @Test
  void monthsBetweenStatementsAreLeftOutOfTheIncomeAndNoted() {
    String bank = new String(Samples.bytes("samples/statements/bank_A.csv"), java.nio.charset.StandardCharsets.UTF_8);
    String header = bank.substring(0, bank.indexOf('\n') + 1);
    StringBuilder early = new StringBuilder(header);
    StringBuilder late = new StringBuilder(header);
    for (String line : bank.substring(header.length()).split("\n")) {
      if (line.startsWith("2026-05") || line.startsWith("2026-06")) {
        early.append(line).append('\n');
      } else if (line.startsWith("2026-09") || line.startsWith("2026-10")) {
        late.append(line).append('\n');
      }
    }
    List<ParsedStatement> statements = List.of(
        StatementParser.bank().parse("early.csv", early.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        StatementParser.bank().parse("late.csv", late.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    AffordabilityAssessment a = engine().build().calculate(sample, statements).affordability();
    // the early statement's last row is of 06-27 and the late one's of 10-22: June and October are part months
    assertEquals(2, a.incomeMonthsUsed(), a.notes().toString());
    assertEquals("no statement covers 2026-07, 2026-08 (one ends before, the next begins after): left out of the "
        + "income months, not counted as months without income", a.notes().get(0));
    assertTrue(a.notes().get(1).startsWith("left out of the income months: 2026-06 (27 of 30 days), 2026-10 (22 of 31 "
        + "days), "), a.notes().toString());
  }

  /**
   * The result's JSON is the REST API's answer: it reads back into an equal record, with statements, screening,
   * scripts and schedules (a schedule's total and rate are derived, written but not read), and an infeasible one too.
   */
  @Test
  void aResultsJsonReadsBackIntoAnEqualResult() throws Exception {
    var mapper = io.github.fenqi.core.json.FenqiJson.newMapper();
    NegotiationRequest noted = new NegotiationRequest(sample.caseId(), sample.asOf(), sample.borrower(), sample.debts(),
        "失业后收入减少，恳请协商。");
    List<NegotiationResult> results = List.of(
        engine().riskCheck(new FixedRiskCheck(RiskDecision.REVIEW, "thin file")).build()
            .calculate(noted, List.of(statement("bank_A.csv"), statement("wechat_A.csv"))),
        engine().build().calculate(NegotiationEngineTest.withIncome(sample, "16000.00", "12000.00")),
        engine().build().calculate(sample));
    assertTrue(results.get(0).screening() != null && results.get(1).feasible() && !results.get(2).feasible());
    for (NegotiationResult r : results) {
      String json = io.github.fenqi.core.json.FenqiJson.write(mapper, r);
      NegotiationResult back = mapper.readValue(json, NegotiationResult.class);
      assertEquals(r, back);
      assertEquals(json, io.github.fenqi.core.json.FenqiJson.write(mapper, back));
    }
  }

  /**
   * A risk service is asked once per case under its name. Added twice — the same check, or two services of one name —
   * it had been asked twice, the borrower's name, ID number and mobile sent twice, and two RISK_CHECK audit entries
   * written that nobody could tell apart; the builder refuses the second, naming it.
   */
  @Test
  void aRiskCheckOfANameAlreadyAddedIsRefused() {
    FixedRiskCheck check = new FixedRiskCheck(RiskDecision.ALLOW, "ok");
    NegotiationEngine.Builder builder = engine().riskCheck(check);
    InvalidInputException twice = assertThrows(InvalidInputException.class, () -> builder.riskCheck(check));
    assertEquals(List.of(Problem.of("riskCheck", "a risk check named 'fixed' is already added: each service is asked "
        + "once per case, and its name tells its answers and audit entries apart")), twice.problems());
    assertThrows(InvalidInputException.class, () -> builder.riskCheck(new FixedRiskCheck(RiskDecision.REVIEW, "other")));
    NegotiationResult r = builder.build().calculate(sample);
    assertEquals(1, r.screening().riskChecks().size(), "the refused check was not added");
    // a check without a name, or with a line break in it, is refused when added, not at the first case
    InvalidInputException unnamed = assertThrows(InvalidInputException.class,
        () -> engine().riskCheck(new FixedRiskCheck(null, RiskDecision.ALLOW, "ok")));
    assertEquals(List.of(Problem.of("riskCheck.name()", "must not be empty")), unnamed.problems());
    assertEquals("riskCheck.name()", assertThrows(InvalidInputException.class,
        () -> engine().riskCheck(new FixedRiskCheck("a\nb", RiskDecision.ALLOW, "ok"))).problems().get(0).location());
    assertEquals(ForensicVerdict.PASS, r.screening().verdict());
  }

  /** A risk service that always gives the same answer (a user-side implementation of the SPI). */
  /**
   * A borrower without an ID number, with risk checks configured, is refused at the door naming the borrower's field
   * and why, with the case's other problems: it had failed in the screening with RiskCheckRequest's bare
   * "idNumber: must not be empty".
   */
  @Test
  void aBorrowerWithoutAnIdNumberIsRefusedAtTheDoorWhenRiskChecksAreConfigured() {
    var b = sample.borrower();
    var noId = new io.github.fenqi.core.borrower.Borrower(b.name(), null, "1391234567", b.regionCode(),
        b.householdSize(), b.monthlyNetIncome(), b.essentialExpenses(), b.liquidSavings(), b.hardships(),
        b.hasHardshipProof());
    NegotiationRequest request = new NegotiationRequest(sample.caseId(), sample.asOf(), noId, sample.debts());
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> engine().riskCheck(new FixedRiskCheck(RiskDecision.ALLOW, "ok")).build().calculate(request));
    assertEquals("2 problems: borrower.mobile: '139***4567' is not a mainland mobile number (11 digits, 1[3-9]...); "
        + "borrower.idNumber: is required: the risk checks ['fixed'] are each sent it", e.getMessage());
    assertEquals(sample.caseId(), engine().build().calculate(new NegotiationRequest(sample.caseId(), sample.asOf(), new io.github.fenqi
        .core.borrower.Borrower(b.name(), null, null, b.regionCode(), b.householdSize(), b.monthlyNetIncome(),
        b.essentialExpenses(), b.liquidSavings(), b.hardships(), b.hasHardshipProof()), sample.debts())).caseId(),
        "without risk checks the ID number is not needed");
  }

  /**
   * A null statement and a source given to two statements are refused at the door with the request's other problems
   * (here a date in the future), before any work: they had been refused by the analyzer alone, after the eligibility
   * checks, and only once the request's other problems were fixed.
   */
  @Test
  void aNullStatementAndASourceGivenTwiceAreListedWithTheOtherProblemsAtTheDoor() {
    NegotiationRequest future = new NegotiationRequest(sample.caseId(), java.time.LocalDate.of(2026, 12, 1),
        sample.borrower(), sample.debts());
    ParsedStatement bank = statement("bank_A.csv");
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> engine().build().calculate(future, java.util.Arrays.asList(bank, null, bank)));
    assertEquals(List.of("statements[1]", "bank_A.csv", "asOf"), e.problems().stream().map(Problem::location).toList(),
        e.problems().toString());
    assertTrue(e.problems().get(1).reason().contains("statements[0] and statements[2]"), e.problems().toString());
  }

  /**
   * Statements that give no month, with no declared income, are a problem of the request listed with its others (here
   * an unknown platform) before any work: they had been refused alone, after the eligibility checks and after every risk
   * service had been sent the borrower's name, ID number and mobile, and only once the other problems were fixed.
   */
  @Test
  void statementsThatGiveNoMonthWithoutIncomeAreListedWithTheOtherProblemsBeforeAnyWork() {
    ParsedStatement rejected = StatementParser.bank().parse("bad.csv", ("交易日期,交易时间,摘要,收入金额,支出金额,账户余额,"
        + "对方户名,对方账号,交易渠道\n2026-05-10,10:00:00,代发工资,\"8,64\",,,某某科技有限公司,,批量代发\n")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    var b = sample.borrower();
    var undeclared = new io.github.fenqi.core.borrower.Borrower(b.name(), b.idNumber(), b.mobile(), b.regionCode(),
        b.householdSize(), null, null, b.liquidSavings(), b.hardships(), b.hasHardshipProof());
    List<io.github.fenqi.core.debt.Debt> debts = new java.util.ArrayList<>(sample.debts());
    var d = debts.get(1);
    debts.set(1, new io.github.fenqi.core.debt.Debt(d.id(), "no-such-lender", d.productType(), d.principal(),
        d.interest(), d.penaltyInterest(), d.compoundInterest(), d.lateFees(), d.otherFees(), d.annualRate(),
        d.overdueDays()));
    java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
    NegotiationEngine counting = engine().riskCheck(new io.github.fenqi.core.security.risk.RiskCheck() {
      @Override
      public String name() {
        return "counting";
      }

      @Override
      public RiskAssessment check(io.github.fenqi.core.security.risk.RiskCheckRequest request) {
        asked.incrementAndGet();
        return new RiskAssessment("counting", RiskDecision.ALLOW, null, "ok", false);
      }
    }).build();
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> counting.calculate(
        new NegotiationRequest(sample.caseId(), sample.asOf(), undeclared, debts), List.of(rejected)));
    assertEquals(List.of("statements", "borrower.monthlyNetIncome", "debts[1].platformId"),
        e.problems().stream().map(Problem::location).toList(), e.problems().toString());
    InvalidInputException alone = assertThrows(InvalidInputException.class, () -> counting.calculate(
        new NegotiationRequest(sample.caseId(), sample.asOf(), undeclared, sample.debts()), List.of(rejected)));
    assertEquals(List.of("statements", "borrower.monthlyNetIncome"),
        alone.problems().stream().map(Problem::location).toList(), alone.problems().toString());
    assertEquals(0, asked.get(), "no risk service is sent the borrower's data for a request refused at the door");
  }

  /**
   * A statement the analyzer refuses (a month's amounts beyond a long of fen, a garbled or forged file) is listed with
   * the request's other problems: it had been refused alone, after the eligibility checks, once the rest was fixed.
   */
  @Test
  void aStatementTheAnalyzerRefusesIsListedWithTheOtherProblems() {
    StringBuilder rows = new StringBuilder("交易日期,交易时间,摘要,收入金额,支出金额,账户余额,对方户名,对方账号,交易渠道\n");
    for (int i = 0; i < 100; i++) {
      rows.append(String.format("2026-05-%02d,10:00:%02d,代发工资,%s,,,某某科技有限公司,,批量代发%n", i % 28 + 1, i % 60,
          "999999999999999.00"));
    }
    ParsedStatement huge = StatementParser.bank().parse("huge.csv", rows.toString()
        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    NegotiationRequest future = new NegotiationRequest(sample.caseId(), java.time.LocalDate.of(2026, 12, 1),
        sample.borrower(), sample.debts());
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> engine().build().calculate(future, List.of(huge)));
    assertEquals(List.of("huge.csv:2", "asOf"), e.problems().stream().map(Problem::location).toList(),
        e.problems().toString());
  }

  private record FixedRiskCheck(String name, RiskDecision decision, String reason)
      implements io.github.fenqi.core.security.risk.RiskCheck {
    FixedRiskCheck(RiskDecision decision, String reason) {
      this("fixed", decision, reason);
    }

    @Override
    public RiskAssessment check(io.github.fenqi.core.security.risk.RiskCheckRequest request) {
      return new RiskAssessment(name(), decision, null, reason, false);
    }
  }

  /**
   * Statements that give no month — every row rejected (a salary written {@code 8,64}), or every month after the case's
   * date — had the assessment say "as declared (no statements)", and a borrower without declared income be told that
   * income "is required when no statements are given": both false, and nothing said why the statements gave nothing.
   */
  @Test
  void statementsThatGiveNoMonthAreSaidSoNotTakenForNoStatements() {
    ParsedStatement rejected = StatementParser.bank().parse("bad.csv", ("交易日期,交易时间,摘要,收入金额,支出金额,账户余额,"
        + "对方户名,对方账号,交易渠道\n2026-05-10,10:00:00,代发工资,\"8,64\",,,某某科技有限公司,,批量代发\n")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    AffordabilityAssessment a = engine().build().calculate(sample, List.of(rejected)).affordability();
    assertEquals(AffordabilityAssessment.IncomeSource.DECLARED, a.incomeSource());
    assertEquals("no month of income can be read from the statements (bad.csv): 1 row(s) read, 1 rejected (the first "
        + "bad.csv:2: 收入金额 '8,64' has commas that do not group thousands (1,234.56); a decimal comma is not read: "
        + "write the amount with a decimal point): the declared income is used instead", a.notes().get(0));
    assertEquals("income 9500.00 as declared (no statement months)", a.notes().get(1));

    NegotiationRequest undeclared = new NegotiationRequest(sample.caseId(), sample.asOf(), new io.github.fenqi.core.borrower.Borrower(
        sample.borrower().name(), null, null, "310000", 1, null, null, Money.ZERO, List.of(), false), sample.debts());
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> engine().build().calculate(undeclared, List.of(rejected)));
    assertEquals(List.of("statements", "borrower.monthlyNetIncome"), e.problems().stream().map(Problem::location).toList());
    NegotiationRequest may = new NegotiationRequest(sample.caseId(), java.time.LocalDate.of(2026, 4, 30),
        undeclared.borrower(), sample.debts());
    InvalidInputException early = assertThrows(InvalidInputException.class,
        () -> engine().build().calculate(may, List.of(statement("bank_A.csv"))));
    assertEquals(Problem.of("statements", "every statement month is after the case's date 2026-04-30"), early.problems().get(0));
  }
}
