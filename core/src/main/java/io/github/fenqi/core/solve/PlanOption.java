package io.github.fenqi.core.solve;

import io.github.fenqi.core.debt.DebtComponent;
import io.github.fenqi.core.money.Money;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One option for one debt: the term, what is waived, the down payment, and what follows from them.
 *
 * <p>Thread-safety: immutable.
 *
 * @param debtId the debt
 * @param term months of installments
 * @param waived the amount waived per component (components with nothing waived are absent)
 * @param waivedTotal the sum of {@code waived}
 * @param settledAmount total owed minus the waiver: what the borrower agrees to repay, before interest and fees
 * @param downPayment paid up front, out of savings
 * @param financedAmount settled amount minus down payment, repaid in installments
 * @param firstInstallment the first month's installment, which the monthly budget must cover
 * @param totalPayable down payment plus every installment
 * @param recoveryRatio the lender's present value of what it receives, as a fraction of total owed
 * @param features what the acceptance model saw
 * @param acceptanceProbability the model's estimate that the lender accepts
 */
public record PlanOption(
    String debtId,
    int term,
    Map<DebtComponent, Money> waived,
    Money waivedTotal,
    Money settledAmount,
    Money downPayment,
    Money financedAmount,
    Money firstInstallment,
    Money totalPayable,
    double recoveryRatio,
    AcceptanceFeatures features,
    double acceptanceProbability) {

  public PlanOption {
    Map<DebtComponent, Money> copy = new EnumMap<>(DebtComponent.class);
    copy.putAll(waived);
    waived = Collections.unmodifiableMap(copy); // component order, not Map.copyOf's per-JVM one
  }
}
