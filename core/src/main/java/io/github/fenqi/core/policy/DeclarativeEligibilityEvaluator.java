package io.github.fenqi.core.policy;

import io.github.fenqi.core.borrower.Borrower;
import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link EligibilityEvaluator#declarative()}: the policy's eligibility block plus the checks every policy
 * implies — the policy is the debt's lender's, is in effect on the date and covers the product type.
 * Codes: {@code PLATFORM}, {@code EFFECTIVE}, {@code PRODUCT_TYPE}, {@code MIN_OVERDUE_DAYS},
 * {@code HARDSHIP_PROOF}, {@code MIN_OUTSTANDING}.
 *
 * <p>Thread-safety: stateless.
 */
final class DeclarativeEligibilityEvaluator implements EligibilityEvaluator {
  static final DeclarativeEligibilityEvaluator INSTANCE = new DeclarativeEligibilityEvaluator();

  @Override
  public EligibilityDecision evaluate(Debt debt, Borrower borrower, Policy policy, LocalDate asOf) {
    List<EligibilityCheck> checks = new ArrayList<>(6);
    boolean platform = policy.platformId().equals(debt.platformId());
    checks.add(new EligibilityCheck("PLATFORM", platform, debt.platformId(), policy.platformId(),
        platform ? "policy is the lender's own" : "policy of " + policy.platformId() + " does not apply to a debt with "
            + debt.platformId()));
    boolean effective = policy.isEffectiveOn(asOf);
    String window = policy.effectiveFrom() + ".." + (policy.effectiveTo() == null ? "" : policy.effectiveTo());
    checks.add(new EligibilityCheck("EFFECTIVE", effective, asOf.toString(), window,
        effective ? "policy in effect on " + asOf : "policy " + policy.version() + " is not in effect on " + asOf
            + " (" + window + ")"));
    boolean product = policy.covers(debt.productType());
    checks.add(new EligibilityCheck("PRODUCT_TYPE", product, debt.productType().name(), policy.productTypes().toString(),
        product ? "product type covered" : "productType " + debt.productType() + " is not covered by the policy "
            + policy.productTypes()));
    Policy.Eligibility e = policy.eligibility();
    boolean overdue = debt.overdueDays() >= e.minOverdueDays();
    checks.add(new EligibilityCheck("MIN_OVERDUE_DAYS", overdue, Integer.toString(debt.overdueDays()),
        ">= " + e.minOverdueDays(), "overdueDays " + debt.overdueDays() + (overdue ? " >= " : " < ")
            + "minOverdueDays " + e.minOverdueDays()));
    boolean proof = !e.requiresHardshipProof() || borrower.hasHardshipProof();
    checks.add(new EligibilityCheck("HARDSHIP_PROOF", proof, Boolean.toString(borrower.hasHardshipProof()),
        e.requiresHardshipProof() ? "true" : "not required",
        proof ? "hardship proof " + (e.requiresHardshipProof() ? "given" : "not required")
            : "the policy requires proof of hardship and none was given"));
    Money owed = debt.totalOwed();
    boolean outstanding = !owed.isLessThan(e.minOutstanding());
    checks.add(new EligibilityCheck("MIN_OUTSTANDING", outstanding, owed.toString(), ">= " + e.minOutstanding(),
        "outstanding " + owed + (outstanding ? " >= " : " < ") + "minOutstanding " + e.minOutstanding()));
    boolean eligible = platform && effective && product && overdue && proof && outstanding;
    return new EligibilityDecision(debt.id(), debt.platformId(), policy.version(), eligible, checks, PolicyAdjustment.NONE);
  }
}
