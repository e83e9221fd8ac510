package io.github.fenqi.core.stress;

import io.github.fenqi.core.money.Money;
import java.util.Arrays;
import java.util.List;

/**
 * What a plan costs month by month: the total installment due in each month (months beyond the array owe
 * nothing) and the down payments paid up front.
 *
 * <p>Thread-safety: immutable (the array is copied in and out).
 */
public final class PlanCashflow {
  private final long[] monthlyFen;
  private final Money downPayments;

  private PlanCashflow(long[] monthlyFen, Money downPayments) {
    this.monthlyFen = monthlyFen;
    this.downPayments = downPayments;
  }

  /** From per-month totals. */
  public static PlanCashflow ofMonthlyTotals(List<Money> monthly, Money downPayments) {
    return new PlanCashflow(monthly.stream().mapToLong(Money::fen).toArray(), downPayments);
  }

  /** From each debt's list of installments (month 1 first), summed per month. */
  public static PlanCashflow ofDebts(List<List<Money>> perDebtInstallments, Money downPayments) {
    int months = perDebtInstallments.stream().mapToInt(List::size).max().orElse(0);
    long[] total = new long[months];
    for (List<Money> debt : perDebtInstallments) {
      for (int t = 0; t < debt.size(); t++) {
        total[t] = Math.addExact(total[t], debt.get(t).fen());
      }
    }
    return new PlanCashflow(total, downPayments);
  }

  /** The installment due in month {@code t} (1-based); zero after the last. */
  public long dueFen(int t) {
    return t <= monthlyFen.length ? monthlyFen[t - 1] : 0;
  }

  public Money downPayments() {
    return downPayments;
  }

  public long[] monthlyFen() {
    return monthlyFen.clone();
  }

  @Override
  public String toString() {
    return "PlanCashflow[down=" + downPayments + ", monthly=" + Arrays.toString(monthlyFen) + "]";
  }
}
