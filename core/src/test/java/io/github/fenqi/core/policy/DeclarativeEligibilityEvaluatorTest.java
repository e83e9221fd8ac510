package io.github.fenqi.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.NegotiationRequest;
import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.testkit.Samples;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeclarativeEligibilityEvaluatorTest {
  private final EligibilityEvaluator evaluator = EligibilityEvaluator.declarative();
  private final NegotiationRequest sample = Samples.sampleCase();
  private final PolicyRepository repo = InMemoryPolicyRepository.of(Samples.policies());

  private EligibilityDecision decide(Debt debt) {
    return evaluator.evaluate(debt, sample.borrower(), repo.find(debt.platformId(), sample.asOf()).orElseThrow(), sample.asOf());
  }

  @Test
  void sampleDebtsAreEligibleWhereThePoliciesSaySo() {
    for (Debt d : sample.debts()) {
      EligibilityDecision decision = decide(d);
      assertTrue(decision.eligible(), d.id() + ": " + decision.reasons());
      assertEquals(6, decision.checks().size());
      assertTrue(decision.reasons().isEmpty());
    }
  }

  @Test
  void tooFewOverdueDaysIsIneligibleWithTheValuesInTheReason() {
    Debt cf = sample.debts().get(1);
    Debt young = new Debt(cf.id(), cf.platformId(), cf.productType(), cf.principal(), cf.interest(), cf.penaltyInterest(),
        cf.compoundInterest(), cf.lateFees(), cf.otherFees(), cf.annualRate(), 45);
    EligibilityDecision decision = decide(young);
    assertFalse(decision.eligible());
    assertEquals(List.of("overdueDays 45 < minOverdueDays 91"), decision.reasons());
    EligibilityCheck check = decision.checks().stream().filter(c -> !c.passed()).findFirst().orElseThrow();
    assertEquals("MIN_OVERDUE_DAYS", check.code());
    assertEquals("45", check.actual());
  }

  @Test
  void missingProofAndWrongProductAreBothReported() {
    Debt cc = sample.debts().get(0);
    var noProof = new io.github.fenqi.core.borrower.Borrower("李四", null, null, "310000", 1, null, null,
        io.github.fenqi.core.money.Money.ZERO, List.of(), false);
    Debt wrongType = new Debt(cc.id(), cc.platformId(), io.github.fenqi.core.debt.ProductType.ONLINE_LOAN, cc.principal(),
        cc.interest(), cc.penaltyInterest(), cc.compoundInterest(), cc.lateFees(), cc.otherFees(), cc.annualRate(), 75);
    Policy policy = repo.find(cc.platformId(), sample.asOf()).orElseThrow();
    EligibilityDecision decision = evaluator.evaluate(wrongType, noProof, policy, sample.asOf());
    assertFalse(decision.eligible());
    assertEquals(2, decision.reasons().size(), decision.reasons().toString());
    assertTrue(decision.reasons().get(0).startsWith("productType ONLINE_LOAN is not covered"));
    assertEquals("the policy requires proof of hardship and none was given", decision.reasons().get(1));
  }
}
