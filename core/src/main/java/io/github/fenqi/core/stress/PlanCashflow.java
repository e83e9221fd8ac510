package io.github.fenqi.core.stress;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.money.Money;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

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

  /**
   * From per-month totals.
   *
   * @throws InvalidInputException naming {@code monthly}, {@code monthly[i]} or {@code downPayments} when one is
   *     missing or negative (a negative installment had counted as income: a plan owing −1 000 a month came out GREEN)
   */
  public static PlanCashflow ofMonthlyTotals(@Nullable List<Money> monthly, Money downPayments) {
    List<Problem> problems = new ArrayList<>();
    if (monthly == null) {
      return missing(problems, "monthly", downPayments);
    }
    long[] total = new long[monthly.size()];
    for (int t = 0; t < total.length; t++) {
      total[t] = nonNegativeFen(problems, "monthly[" + t + "]", monthly.get(t));
    }
    return checked(problems, total, downPayments);
  }

  /**
   * From each debt's list of installments (month 1 first), summed per month.
   *
   * @throws InvalidInputException naming {@code perDebtInstallments} or {@code perDebtInstallments[d]} when the
   *     list or a debt's list is missing, and
   *     {@code perDebtInstallments[d][t]} or {@code downPayments} when one is missing or negative, or a month whose
   *     total does not fit in a {@code long} of fen
   */
  public static PlanCashflow ofDebts(@Nullable List<List<Money>> perDebtInstallments, Money downPayments) {
    List<Problem> problems = new ArrayList<>();
    if (perDebtInstallments == null) {
      return missing(problems, "perDebtInstallments", downPayments);
    }
    // a missing debt's list is named like a missing amount (it had thrown a bare NullPointerException)
    int months = perDebtInstallments.stream().mapToInt(l -> l == null ? 0 : l.size()).max().orElse(0);
    long[] total = new long[months];
    for (int d = 0; d < perDebtInstallments.size(); d++) {
      List<Money> debt = perDebtInstallments.get(d);
      if (debt == null) {
        problems.add(Problem.of("perDebtInstallments[" + d + "]", "is missing"));
        continue;
      }
      for (int t = 0; t < debt.size(); t++) {
        String field = "perDebtInstallments[" + d + "][" + t + "]";
        long fen = nonNegativeFen(problems, field, debt.get(t));
        try {
          total[t] = Math.addExact(total[t], fen);
        } catch (ArithmeticException e) {
          problems.add(Problem.of(field, "makes month " + (t + 1) + "'s total overflow"));
        }
      }
    }
    return checked(problems, total, downPayments);
  }

  /** The amount in fen; a problem naming {@code field} when it is missing or negative (then 0). */
  static long nonNegativeFen(List<Problem> problems, String field, @Nullable Money m) {
    if (m == null) {
      problems.add(Problem.of(field, "is missing"));
      return 0;
    }
    if (m.isNegative()) {
      problems.add(Problem.of(field, "'" + m + "' is negative"));
      return 0;
    }
    return m.fen();
  }

  /** Refuses a plan whose list {@code field} is missing, naming it with the down payments' problem if any. */
  private static PlanCashflow missing(List<Problem> problems, String field, @Nullable Money downPayments) {
    problems.add(Problem.of(field, "is missing (an empty list owes nothing)"));
    return checked(problems, new long[0], downPayments);
  }

  private static PlanCashflow checked(List<Problem> problems, long[] total, @Nullable Money downPayments) {
    nonNegativeFen(problems, "downPayments", downPayments);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return new PlanCashflow(total, downPayments);
  }

  /**
   * The installment due in month {@code t} (1-based); zero after the last.
   *
   * @throws InvalidInputException naming {@code t} when it is below 1: month 0 is the down payments'
   *     ({@link #downPayments()}), and it had failed with an ArrayIndexOutOfBoundsException for index −1
   */
  public long dueFen(int t) {
    if (t < 1) {
      throw new InvalidInputException("t", t + " is below 1 (months count from 1; the down payments are month 0's)");
    }
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
