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

  /**
   * Every check must pass for the debt to be eligible: one failed check alone, the product type or the policy's
   * window, makes it ineligible (dropping either from the decision had passed every test here).
   */
  @Test
  void aDebtFailingOnlyTheProductTypeOrOnlyThePolicysWindowIsIneligible() {
    Debt cc = sample.debts().get(0);
    Debt wrongType = new Debt(cc.id(), cc.platformId(), io.github.fenqi.core.debt.ProductType.ONLINE_LOAN, cc.principal(),
        cc.interest(), cc.penaltyInterest(), cc.compoundInterest(), cc.lateFees(), cc.otherFees(), cc.annualRate(),
        cc.overdueDays());
    Policy policy = repo.find(cc.platformId(), sample.asOf()).orElseThrow();
    EligibilityDecision product = evaluator.evaluate(wrongType, sample.borrower(), policy, sample.asOf());
    assertEquals(List.of("PRODUCT_TYPE"), product.checks().stream().filter(c -> !c.passed()).map(EligibilityCheck::code)
        .toList());
    assertFalse(product.eligible());
    java.time.LocalDate before = policy.effectiveFrom().minusDays(1);
    EligibilityDecision early = evaluator.evaluate(cc, sample.borrower(), policy, before);
    assertEquals(List.of("EFFECTIVE"), early.checks().stream().filter(c -> !c.passed()).map(EligibilityCheck::code)
        .toList());
    assertFalse(early.eligible());
  }

  /**
   * A policy is the debt's lender's own or it does not apply (the class's PLATFORM check): a debt judged under another
   * lender's policy, which it meets in every other way, is ineligible, the check naming both lenders.
   */
  @Test
  void anotherLendersPolicyDoesNotApply() {
    Debt cc = sample.debts().get(0);
    Debt elsewhere = new Debt(cc.id(), "another-lender", cc.productType(), cc.principal(), cc.interest(),
        cc.penaltyInterest(), cc.compoundInterest(), cc.lateFees(), cc.otherFees(), cc.annualRate(), cc.overdueDays());
    Policy policy = repo.find(cc.platformId(), sample.asOf()).orElseThrow();
    EligibilityDecision decision = evaluator.evaluate(elsewhere, sample.borrower(), policy, sample.asOf());
    assertFalse(decision.eligible());
    EligibilityCheck platform = decision.checks().get(0);
    assertEquals(List.of("PLATFORM"), decision.checks().stream().filter(c -> !c.passed()).map(EligibilityCheck::code)
        .toList());
    assertEquals("another-lender", platform.actual());
    assertEquals(cc.platformId(), platform.required());
    assertEquals(List.of("policy of " + cc.platformId() + " does not apply to a debt with another-lender"),
        decision.reasons());
  }
}
