package io.github.fenqi.core.solve.internal;

import io.github.fenqi.core.money.Rate;
import io.github.fenqi.core.schedule.RepaymentMethod;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The first installment and the sum of all installments of a schedule, in fen, without building it: the
 * solver needs these two figures for every option of the grid.
 *
 * <p>Rounding rules (shared with the schedule package): monthly interest = remaining × annualRate / 12,
 * half-up to the fen; monthly fee = financed × monthlyFeeRate, half-up; EQUAL_INSTALLMENT pays the annuity
 * rounded half-up; the other methods repay {@code floor(financed / term)} principal a month; the last
 * installment repays whatever principal remains. INTEREST_FREE charges neither interest nor fee.
 *
 * <p>Thread-safety: stateless.
 */
public final class ScheduleFigures {
  private static final MathContext MC = new MathContext(34, RoundingMode.HALF_EVEN);

  private ScheduleFigures() {}

  /** {@code {firstInstallment, sumOfInstallments}} in fen. */
  public static long[] firstAndTotal(RepaymentMethod method, long financed, int term, Rate annualRate, Rate monthlyFeeRate) {
    if (financed == 0) {
      return new long[] {0, 0};
    }
    boolean free = method == RepaymentMethod.INTEREST_FREE;
    BigDecimal annual = free ? BigDecimal.ZERO : annualRate.value();
    long fee = free ? 0 : halfUp(BigDecimal.valueOf(financed).multiply(monthlyFeeRate.value()));
    long remaining = financed;
    long first = -1;
    long total = 0;
    long level = 0;
    if (method == RepaymentMethod.EQUAL_INSTALLMENT && annual.signum() > 0) {
      BigDecimal i = annual.divide(BigDecimal.valueOf(12), MC);
      BigDecimal factor = i.divide(BigDecimal.ONE.subtract(BigDecimal.ONE.divide(BigDecimal.ONE.add(i).pow(term, MC), MC)), MC);
      level = halfUp(BigDecimal.valueOf(financed).multiply(factor, MC));
    }
    long evenPrincipal = financed / term;
    for (int t = 1; t <= term; t++) {
      long interest = annual.signum() == 0 ? 0 : halfUp(BigDecimal.valueOf(remaining).multiply(annual).divide(BigDecimal.valueOf(12), MC));
      long principal;
      if (t == term) {
        principal = remaining;
      } else if (level > 0) {
        principal = Math.max(0, Math.min(remaining, level - interest));
      } else {
        principal = Math.min(remaining, evenPrincipal);
      }
      long payment = principal + interest + fee;
      if (first < 0) {
        first = payment;
      }
      total = Math.addExact(total, payment);
      remaining -= principal;
    }
    return new long[] {first, total};
  }

  private static long halfUp(BigDecimal value) {
    return value.setScale(0, RoundingMode.HALF_UP).longValueExact();
  }
}
