package io.github.fenqi.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.NegotiationRequest;
import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.testkit.Samples;
import java.nio.charset.StandardCharsets;
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
    assertEquals(">= 91", check.required()); // the rule, not the bare number (mutation round 95, E34)
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
   * The decision on {@code debt} owed to {@code platformId} instead, every other part the same, under the policy of
   * the lender it is really owed to.
   */
  private EligibilityDecision judgedAsOwedTo(Debt debt, String platformId) {
    Debt moved = new Debt(debt.id(), platformId, debt.productType(), debt.principal(), debt.interest(),
        debt.penaltyInterest(), debt.compoundInterest(), debt.lateFees(), debt.otherFees(), debt.annualRate(),
        debt.overdueDays());
    Policy policy = repo.find(debt.platformId(), sample.asOf()).orElseThrow();
    return evaluator.evaluate(moved, sample.borrower(), policy, sample.asOf());
  }

  /**
   * A policy is the debt's lender's own or it does not apply (the class's PLATFORM check): a debt judged under another
   * lender's policy, which it meets in every other way, is ineligible, the check naming both lenders.
   */
  @Test
  void anotherLendersPolicyDoesNotApply() {
    Debt cc = sample.debts().get(0);
    EligibilityDecision decision = judgedAsOwedTo(cc, "another-lender");
    assertFalse(decision.eligible());
    EligibilityCheck platform = decision.checks().get(0);
    assertEquals(List.of("PLATFORM"), decision.checks().stream().filter(c -> !c.passed()).map(EligibilityCheck::code)
        .toList());
    assertEquals("another-lender", platform.actual());
    assertEquals(cc.platformId(), platform.required());
    assertEquals(List.of("policy of " + cc.platformId() + " does not apply to a debt with another-lender"),
        decision.reasons());
  }

  private static Policy onlineLenderPolicy(String effectiveFrom, String effectiveTo, String eligibility) {
    String json = new String(Samples.bytes("samples/policies/demo-online-lender.json"), StandardCharsets.UTF_8)
        .replace("\"effectiveFrom\": \"2026-02-01\"", "\"effectiveFrom\": \"" + effectiveFrom + "\"")
        .replace("\"effectiveTo\": null", "\"effectiveTo\": " + effectiveTo);
    if (eligibility != null) {
      json = json.replaceAll("(?s)\"eligibility\": \\{[^}]*\\}", "\"eligibility\": " + eligibility);
    }
    return new PolicyValidator().validate(json.getBytes(StandardCharsets.UTF_8), "p.json").orElseThrow();
  }

  /**
   * A policy applies from its first day through its last, both included; a debt judged on a day outside that window,
   * one day before it starts or one day after it ended, is ineligible with a reason naming the policy's version, the
   * day and the window, and the check's required value is the window as the file gives it (no end: nothing after
   * the dots). A policy ended yesterday passed every test here when the check ignored effectiveTo, and so did a
   * window whose first or last day was left out.
   */
  @Test
  void aPolicyAppliesFromItsFirstThroughItsLastDayAndTheReasonNamesItsWindow() {
    Debt ol = sample.debts().get(2);
    java.time.LocalDate day = sample.asOf();
    java.time.LocalDate tomorrow = day.plusDays(1);
    java.time.LocalDate yesterday = day.minusDays(1);
    Policy current = onlineLenderPolicy("2026-02-01", "null", null);
    assertEquals("2026-02-01..", evaluator.evaluate(ol, sample.borrower(), current, day).checks().get(1).required());
    Policy endsToday = onlineLenderPolicy("2026-02-01", "\"" + day + "\"", null);
    assertTrue(evaluator.evaluate(ol, sample.borrower(), endsToday, day).eligible());
    Policy startsToday = onlineLenderPolicy(day.toString(), "null", null);
    assertTrue(evaluator.evaluate(ol, sample.borrower(), startsToday, day).eligible());

    Policy ended = onlineLenderPolicy("2026-02-01", "\"" + yesterday + "\"", null);
    EligibilityDecision late = evaluator.evaluate(ol, sample.borrower(), ended, day);
    assertFalse(late.eligible());
    assertEquals(List.of("policy 2026-02-01 is not in effect on " + day + " (2026-02-01.." + yesterday + ")"),
        late.reasons());
    EligibilityCheck window = late.checks().get(1);
    assertEquals(List.of("EFFECTIVE", day.toString(), "2026-02-01.." + yesterday),
        List.of(window.code(), window.actual(), window.required()));

    Policy future = onlineLenderPolicy(tomorrow.toString(), "null", null);
    EligibilityDecision early = evaluator.evaluate(ol, sample.borrower(), future, day);
    assertFalse(early.eligible());
    assertEquals(List.of("policy 2026-02-01 is not in effect on " + day + " (" + tomorrow + "..)"), early.reasons());
  }

  /**
   * A debt failing several checks gets one reason for each, in the order the checks ran (not sorted: sorting the
   * messages put the outstanding amount before the overdue days and passed every test), and the reason for a product
   * type names the product types the policy does cover; the checks' actual values are the debt's own.
   */
  @Test
  void everyFailedCheckGivesItsReasonInTheOrderTheChecksRan() {
    Debt ol = sample.debts().get(2); // 14 490.00 owed
    Debt card = new Debt(ol.id(), ol.platformId(), io.github.fenqi.core.debt.ProductType.CREDIT_CARD, ol.principal(),
        ol.interest(), ol.penaltyInterest(), ol.compoundInterest(), ol.lateFees(), ol.otherFees(), ol.annualRate(), 10);
    Policy policy = onlineLenderPolicy("2026-02-01", "null",
        "{ \"minOverdueDays\": 11, \"requiresHardshipProof\": false, \"minOutstanding\": \"14490.01\" }");
    EligibilityDecision decision = evaluator.evaluate(card, sample.borrower(), policy, sample.asOf());
    assertFalse(decision.eligible());
    assertEquals(List.of("productType CREDIT_CARD is not covered by the policy [ONLINE_LOAN]",
        "overdueDays 10 < minOverdueDays 11", "outstanding 14490.00 < minOutstanding 14490.01"), decision.reasons());
    EligibilityCheck product = decision.checks().get(2);
    assertEquals(List.of("CREDIT_CARD", "[ONLINE_LOAN]"), List.of(product.actual(), product.required()));
    EligibilityCheck outstanding = decision.checks().get(5);
    assertEquals(List.of("MIN_OUTSTANDING", "14490.00", ">= 14490.01"),
        List.of(outstanding.code(), outstanding.actual(), outstanding.required()));
  }

  /**
   * Where the policy asks for no proof of hardship, the check passes saying proof is not required, whether or not
   * the borrower gave some, and requires "not required" (not "false", which read as "must have none").
   */
  @Test
  void proofOfHardshipNotRequiredIsSaidSoWhetherOrNotItWasGiven() {
    Debt ol = sample.debts().get(2);
    Policy policy = repo.find(ol.platformId(), sample.asOf()).orElseThrow();
    assertFalse(policy.eligibility().requiresHardshipProof());
    assertTrue(sample.borrower().hasHardshipProof());
    EligibilityCheck proof = evaluator.evaluate(ol, sample.borrower(), policy, sample.asOf()).checks().get(4);
    assertEquals(List.of("HARDSHIP_PROOF", "true", "not required", "hardship proof not required"),
        List.of(proof.code(), proof.actual(), proof.required(), proof.message()));
  }

  /**
   * Lenders' ids are compared exactly, as the repositories look them up: a debt of "Demo-Online-Lender" is
   * another lender's.
   */
  @Test
  void aLendersIdDifferingOnlyInCaseIsAnotherLender() {
    Debt ol = sample.debts().get(2);
    EligibilityDecision decision = judgedAsOwedTo(ol, "Demo-Online-Lender");
    assertFalse(decision.eligible());
    assertEquals(List.of("policy of demo-online-lender does not apply to a debt with Demo-Online-Lender"),
        decision.reasons());
  }
}
