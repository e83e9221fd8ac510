package io.github.fenqi.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.debt.ProductType;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.policy.InMemoryPolicyRepository;
import io.github.fenqi.core.policy.Policy;
import io.github.fenqi.core.policy.PolicyValidator;
import io.github.fenqi.core.security.risk.RiskAssessment;
import io.github.fenqi.core.security.risk.RiskCheck;
import io.github.fenqi.core.security.risk.RiskCheckRequest;
import io.github.fenqi.core.security.risk.RiskDecision;
import io.github.fenqi.core.solve.GridConfig;
import io.github.fenqi.core.testkit.Samples;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A case no solver can take — its debts' totals beyond a long of fen, their grids beyond what a problem may draw — is
 * refused with the request's other problems before any risk service is asked: the solver's refusal had come only after
 * the screening, when every risk service had been sent the borrower's name, ID number and mobile for nothing, alone,
 * and naming the debts by their places among the eligible ones ({@code debts[0]} of the problem) rather than the
 * request's.
 */
class NegotiationEngineUnsolvableTest {
  private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
  private final NegotiationRequest sample = Samples.sampleCase();
  private final AtomicInteger asked = new AtomicInteger();

  /** A risk service that counts its calls and allows. */
  private final RiskCheck counting = new RiskCheck() {
    @Override
    public String name() {
      return "counting";
    }

    @Override
    public RiskAssessment check(RiskCheckRequest request) {
      asked.incrementAndGet();
      return new RiskAssessment("counting", RiskDecision.ALLOW, null, "ok", false);
    }
  };

  private static Debt online(String id, String platformId, String principal) {
    return new Debt(id, platformId, ProductType.ONLINE_LOAN, Money.of(principal), Money.ZERO, Money.ZERO, Money.ZERO,
        Money.ZERO, Money.ZERO, io.github.fenqi.core.money.Rate.of("0.2"), 45);
  }

  @Test
  void debtsWhoseTotalsNoProposalCanHoldAreRefusedWithTheOtherProblemsBeforeAnyRiskCheck() {
    // the online lender's policy charging a fee of 10 times the amount a month for up to 360 months: each debt of
    // 9 × 10^11 yuan, 90 % financed, can charge 2.9 × 10^15 yuan, and 32 of them more than a long of fen holds
    String json = new String(Samples.bytes("samples/policies/demo-online-lender.json"), StandardCharsets.UTF_8)
        .replace("\"max\": 24", "\"max\": 360").replace("\"monthlyFeeRate\": \"0.005\"", "\"monthlyFeeRate\": \"10\"");
    Policy costly = new PolicyValidator().validate(json.getBytes(StandardCharsets.UTF_8), "costly.json").orElseThrow();
    NegotiationEngine engine = NegotiationEngine.builder().policies(InMemoryPolicyRepository.of(List.of(costly)))
        .clock(TODAY).riskCheck(counting).build();
    List<Debt> debts = new ArrayList<>();
    for (int i = 0; i < 34; i++) {
      debts.add(online("ol-" + i, i == 2 ? "no-such-lender" : "demo-online-lender", "900000000000.00"));
    }
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> engine.calculate(
        new NegotiationRequest(sample.caseId(), sample.asOf(), sample.borrower(), debts)));
    assertEquals(List.of("debts[2].platformId", "debts"), e.problems().stream().map(Problem::location).toList(),
        e.problems().toString());
    assertTrue(e.problems().get(1).reason().startsWith("the 33 debts (debts[0], debts[1], debts[3], debts[4], "),
        e.problems().toString());
    assertTrue(e.problems().get(1).reason().contains("debts[33]) owe 29700000000000.00 in all and their longest terms "
        + "can charge up to "), e.problems().toString());
    assertEquals(0, asked.get(), "no risk service is sent the borrower's data for a case no solver can take");
  }

  @Test
  void gridsTooLargeToDrawAreRefusedNamingTheDebtsBeforeAnyRiskCheck() {
    // the credit card policy's 49 terms, 1001 waiver levels and 20 down-payment levels: 980,980 options a debt
    GridConfig finest = GridConfig.DEFAULTS.withWaiverStep(0.001).withDownPayments(20, 0.01);
    NegotiationEngine engine = NegotiationEngine.builder().policies(InMemoryPolicyRepository.of(Samples.policies()))
        .clock(TODAY).grid(finest).riskCheck(counting).build();
    Debt card = sample.debts().get(0);
    List<Debt> debts = new ArrayList<>(List.of(sample.debts().get(2)));
    for (int i = 1; i <= 11; i++) {
      debts.add(new Debt("cc-" + i, card.platformId(), card.productType(), card.principal(), card.interest(),
          card.penaltyInterest(), card.compoundInterest(), card.lateFees(), card.otherFees(), card.annualRate(),
          card.overdueDays()));
    }
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> engine.calculate(
        new NegotiationRequest(sample.caseId(), sample.asOf(), sample.borrower(), debts)));
    assertEquals(1, e.problems().size(), e.problems().toString());
    assertEquals("config", e.problems().get(0).location());
    assertTrue(e.problems().get(0).reason().startsWith("the grids of the 12 debts (debts[0], debts[1], debts[2], "),
        e.problems().toString());
    assertTrue(e.problems().get(0).reason().contains("above the " + GridConfig.MAX_OPTIONS), e.problems().toString());
    assertEquals(0, asked.get(), "no risk service is sent the borrower's data for a case no solver can take");
    // one card fewer is solved, the risk service asked once
    NegotiationResult r = engine.calculate(new NegotiationRequest(sample.caseId(), sample.asOf(), sample.borrower(),
        debts.subList(0, 2)));
    assertEquals(2, r.eligibility().size(), r.toString());
    assertEquals(1, asked.get());
  }
}
