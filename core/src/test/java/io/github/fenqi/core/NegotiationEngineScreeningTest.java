package io.github.fenqi.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.affordability.AffordabilityAssessment;
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

  @Test
  void aRiskServiceDenialBlocksAndAReviewMarksTheResult() {
    NegotiationEngine denying = engine().riskCheck(new FixedRiskCheck(RiskDecision.DENY, "on a fraud list")).build();
    NegotiationBlockedException e = assertThrows(NegotiationBlockedException.class, () -> denying.calculate(sample));
    assertTrue(e.getMessage().contains("on a fraud list"), e.getMessage());
    NegotiationResult reviewed = engine().riskCheck(new FixedRiskCheck(RiskDecision.REVIEW, "thin file")).build().calculate(sample);
    assertEquals(ForensicVerdict.REVIEW, reviewed.screening().verdict());
    assertEquals(List.of("risk service fixed: REVIEW: thin file"), reviewed.screening().reasons());
  }

  /** A risk service that always gives the same answer (a user-side implementation of the SPI). */
  private record FixedRiskCheck(RiskDecision decision, String reason) implements io.github.fenqi.core.security.risk.RiskCheck {
    @Override
    public String name() {
      return "fixed";
    }

    @Override
    public RiskAssessment check(io.github.fenqi.core.security.risk.RiskCheckRequest request) {
      return new RiskAssessment(name(), decision, null, reason, false);
    }
  }
}
