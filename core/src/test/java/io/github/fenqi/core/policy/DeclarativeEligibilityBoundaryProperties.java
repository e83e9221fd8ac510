package io.github.fenqi.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.fenqi.core.NegotiationRequest;
import io.github.fenqi.core.borrower.Borrower;
import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.testkit.Samples;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The declarative evaluator at the policy's exact boundaries: overdue days equal to {@code minOverdueDays} and an
 * outstanding amount equal to {@code minOutstanding} are eligible, one day or one fen short is not, and proof of
 * hardship is asked for exactly when the policy requires it; the decision is eligible exactly when every check passed,
 * and each failed check's message states the values compared.
 */
class DeclarativeEligibilityBoundaryProperties {
  private static final NegotiationRequest SAMPLE = Samples.sampleCase();
  private static final Debt OL = SAMPLE.debts().get(2); // demo-online-lender, owes 14 490.00
  private static final String POLICY = new String(Samples.bytes("samples/policies/demo-online-lender.json"),
      StandardCharsets.UTF_8);

  @Property(tries = 150)
  void eligibleExactlyAtAndBeyondEachMinimum(@ForAll @IntRange(max = 400) int minOverdueDays,
      @ForAll @IntRange(min = -2, max = 2) int daysBeyond, @ForAll @IntRange(min = -2, max = 2) int fenShort,
      @ForAll boolean requiresProof, @ForAll boolean hasProof) {
    int overdue = Math.max(0, minOverdueDays + daysBeyond);
    Money minOutstanding = OL.totalOwed().plus(Money.ofFen(fenShort));
    Policy policy = new PolicyValidator().validate(POLICY.replaceAll("(?s)\"eligibility\": \\{[^}]*\\}",
        "\"eligibility\": { \"minOverdueDays\": " + minOverdueDays + ", \"requiresHardshipProof\": " + requiresProof
            + ", \"minOutstanding\": \"" + minOutstanding + "\" }").getBytes(StandardCharsets.UTF_8), "p.json")
        .orElseThrow();
    Debt debt = new Debt(OL.id(), OL.platformId(), OL.productType(), OL.principal(), OL.interest(),
        OL.penaltyInterest(), OL.compoundInterest(), OL.lateFees(), OL.otherFees(), OL.annualRate(), overdue);
    Borrower b = SAMPLE.borrower();
    Borrower borrower = new Borrower(b.name(), b.idNumber(), b.mobile(), b.regionCode(), b.householdSize(),
        b.monthlyNetIncome(), b.essentialExpenses(), b.liquidSavings(), b.hardships(), hasProof);

    EligibilityDecision decision = EligibilityEvaluator.declarative().evaluate(debt, borrower, policy, SAMPLE.asOf());

    boolean overdueOk = overdue >= minOverdueDays;
    boolean proofOk = !requiresProof || hasProof;
    boolean outstandingOk = fenShort <= 0;
    assertEquals(List.of(true, true, true, overdueOk, proofOk, outstandingOk),
        decision.checks().stream().map(EligibilityCheck::passed).toList(), decision.checks().toString());
    assertEquals(overdueOk && proofOk && outstandingOk, decision.eligible());
    assertEquals(decision.reasons().isEmpty(), decision.eligible());
    assertEquals("overdueDays " + overdue + (overdueOk ? " >= " : " < ") + "minOverdueDays " + minOverdueDays,
        decision.checks().get(3).message());
    assertEquals("outstanding 14490.00" + (outstandingOk ? " >= " : " < ") + "minOutstanding " + minOutstanding,
        decision.checks().get(5).message());
    if (!proofOk) {
      assertEquals("the policy requires proof of hardship and none was given", decision.checks().get(4).message());
    }
  }
}
