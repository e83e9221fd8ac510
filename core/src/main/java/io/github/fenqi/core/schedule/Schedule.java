package io.github.fenqi.core.schedule;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.fenqi.core.money.Money;
import java.math.BigDecimal;
import java.util.List;

/**
 * A complete repayment schedule in whole fen. Its principal parts sum exactly to the financed amount;
 * the last installment absorbs every rounding.
 *
 * <p>JSON: {@code method, financedAmount, downPayment, term, installments[], totalPayable, annualizedRate}.
 *
 * <p>Thread-safety: immutable.
 *
 * @param method the repayment method
 * @param financedAmount the amount repaid by installments
 * @param downPayment paid before the first installment (part of {@link #totalPayable()}, not financed)
 * @param term number of months
 * @param installments one per month, in order
 */
@JsonPropertyOrder({"method", "financedAmount", "downPayment", "term", "installments", "totalPayable", "annualizedRate"})
public record Schedule(RepaymentMethod method, Money financedAmount, Money downPayment, int term,
    List<Installment> installments) {

  public Schedule {
    installments = List.copyOf(installments);
  }

  /** Down payment plus every installment. */
  @JsonProperty(value = "totalPayable", access = JsonProperty.Access.READ_ONLY)
  public Money totalPayable() {
    long sum = downPayment.fen();
    for (Installment i : installments) {
      sum = Math.addExact(sum, i.payment().fen());
    }
    return Money.ofFen(sum);
  }

  public Money totalInterest() {
    return Money.ofFen(installments.stream().mapToLong(i -> i.interest().fen()).reduce(0, Math::addExact));
  }

  public Money totalFee() {
    return Money.ofFen(installments.stream().mapToLong(i -> i.fee().fen()).reduce(0, Math::addExact));
  }

  /** The first month's installment (zero for an empty schedule). */
  public Money firstPayment() {
    return installments.isEmpty() ? Money.ZERO : installments.get(0).payment();
  }

  /** The IRR-annualised rate of the installments against the financed amount (see {@link AnnualizedRate}). */
  @JsonProperty(value = "annualizedRate", access = JsonProperty.Access.READ_ONLY)
  public BigDecimal annualizedRate() {
    return AnnualizedRate.of(this);
  }
}
