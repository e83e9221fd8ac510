package io.github.fenqi.core.schedule;

import io.github.fenqi.core.money.Rate;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The schedule walk as {@link Amortizer} computed it before the fast paths (every fee and annuity payment in
 * {@link BigDecimal}, every month walked), kept as the oracle the faster code must equal to the fen.
 *
 * <p>Thread-safety: immutable; safe to share.
 */
public final class ReferenceAmortizer {
  private static final MathContext MC = new MathContext(34, RoundingMode.HALF_EVEN);

  private final RepaymentMethod method;
  private final Rate annualRate;
  private final Rate monthlyFeeRate;
  private final boolean chargesInterest;
  private final boolean chargesFee;

  public ReferenceAmortizer(RepaymentMethod method, Rate annualRate, Rate monthlyFeeRate) {
    this.method = method;
    this.annualRate = annualRate;
    this.monthlyFeeRate = monthlyFeeRate;
    boolean free = method == RepaymentMethod.INTEREST_FREE;
    this.chargesInterest = !free && !annualRate.isZero();
    this.chargesFee = !free && !monthlyFeeRate.isZero();
  }

  /** First installment and sum of installments of {@code financed} over {@code term} months. */
  public long[] firstAndTotal(long financed, int term) {
    long fee = fee(financed);
    long level = method == RepaymentMethod.EQUAL_INSTALLMENT && chargesInterest ? levelPayment(financed, term) : -1;
    long even = financed / term;
    long remaining = financed;
    long first = -1;
    long total = 0;
    for (int t = 1; t <= term; t++) {
      long interest = chargesInterest ? BigDecimal.valueOf(remaining).multiply(annualRate.value())
          .divide(BigDecimal.valueOf(12), 0, RoundingMode.HALF_UP).longValueExact() : 0;
      long principal;
      if (t == term) {
        principal = remaining;
      } else if (level >= 0) {
        principal = Math.max(0, Math.min(remaining, level - interest));
      } else {
        principal = Math.min(remaining, even);
      }
      remaining -= principal;
      long payment = principal + interest + fee;
      if (first < 0) {
        first = payment;
      }
      total = Math.addExact(total, payment);
    }
    return new long[] {first, total};
  }

  /** The monthly fee, half-up to the fen. */
  public long fee(long financed) {
    if (!chargesFee || financed == 0) {
      return 0;
    }
    return BigDecimal.valueOf(financed).multiply(monthlyFeeRate.value()).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  /** The annuity payment financed × i / (1 − (1 + i)^−n) at 34 digits, half-up to the fen. */
  public long levelPayment(long financed, int term) {
    BigDecimal i = annualRate.value().divide(BigDecimal.valueOf(12), MC);
    BigDecimal factor = i.divide(BigDecimal.ONE.subtract(BigDecimal.ONE.divide(BigDecimal.ONE.add(i).pow(term, MC), MC)), MC);
    return BigDecimal.valueOf(financed).multiply(factor, MC).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }
}
