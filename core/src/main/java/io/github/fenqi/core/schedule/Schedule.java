package io.github.fenqi.core.schedule;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.json.SdkOutput;
import io.github.fenqi.core.money.Decimals;
import io.github.fenqi.core.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A complete repayment schedule in whole fen. Its principal parts sum exactly to the financed amount;
 * the last installment absorbs every rounding.
 *
 * <p>Validated when built, as {@link Amortizer} builds it: a non-negative financed amount and down payment, a term of
 * 1..{@link Amortizer#MAX_TERM} months with one installment per month numbered 1, 2, ... in order, each month's
 * {@code remaining} the financed amount less the principal repaid so far and nothing left after the last (so the
 * principal parts sum to the financed amount), and no interest or fee in an INTEREST_FREE schedule. A schedule is what
 * a borrower and a lender are shown as agreed; one built in code, or read from JSON, that breaks these is refused with
 * an {@link InvalidInputException} naming the field ({@code installments[3].remaining}). The check is one pass over
 * the months; the solver's grids never build schedules ({@link Amortizer#summarize}), only the proposals shown do.
 *
 * <p>JSON: {@code method, financedAmount, downPayment, term, installments[], totalPayable, annualizedRate}. The last two
 * are figures of the others, written with them; read back, each may be left out, and one that is given must be the
 * schedule's own ({@link #fromJson}): a total that is not the sum of the down payment and the installments had been
 * read without a word, and the figure the user wrote was not the one fenqi used.
 *
 * <p>Thread-safety: immutable.
 *
 * @param method the repayment method
 * @param financedAmount the amount repaid by installments
 * @param downPayment paid before the first installment (part of {@link #totalPayable()}, not financed)
 * @param term number of months
 * @param installments one per month, in order
 */
@SdkOutput
@JsonPropertyOrder({"method", "financedAmount", "downPayment", "term", "installments", "totalPayable", "annualizedRate"})
public record Schedule(RepaymentMethod method, Money financedAmount, Money downPayment, int term,
    List<Installment> installments) {

  public Schedule {
    List<Problem> problems = new ArrayList<>();
    if (method == null) {
      problems.add(Problem.of("method", "is required; one of " + List.of(RepaymentMethod.values())));
    }
    if (financedAmount == null) {
      problems.add(Problem.of("financedAmount", "is required"));
    } else if (financedAmount.isNegative()) {
      problems.add(Problem.of("financedAmount", "'" + financedAmount + "' is negative"));
    }
    if (downPayment == null) {
      problems.add(Problem.of("downPayment", "is required (use \"0.00\" for none)"));
    } else if (downPayment.isNegative()) {
      problems.add(Problem.of("downPayment", "'" + downPayment + "' is negative"));
    }
    if (term < 1 || term > Amortizer.MAX_TERM) {
      problems.add(Problem.of("term", term + " is outside 1.." + Amortizer.MAX_TERM + " months"));
    }
    if (installments == null) {
      problems.add(Problem.of("installments", "is required, one per month"));
    } else if (nullAt(installments) >= 0) {
      problems.add(Problem.of("installments[" + nullAt(installments) + "]", "is null"));
    } else {
      installments = List.copyOf(installments);
      if (installments.size() != term) {
        problems.add(Problem.of("installments", installments.size() + " installments for a term of " + term
            + " months; one per month"));
      }
      if (financedAmount != null && !financedAmount.isNegative()) {
        walk(method, financedAmount, installments, problems);
      }
      if (downPayment != null && !downPayment.isNegative()) {
        long total = downPayment.fen();
        for (Installment i : installments) {
          total += i.payment().fen(); // non-negative terms: the first overflow shows as a negative sum
          if (total < 0) {
            problems.add(Problem.of("installments", "the down payment and the installments sum beyond "
                + Money.ofFen(Long.MAX_VALUE) + "; totalPayable could not be told"));
            break;
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  /**
   * The schedule a JSON object describes, for Jackson: its stated {@code totalPayable} and {@code annualizedRate}, when
   * given, must be the schedule's own ({@link #totalPayable()}, {@link #annualizedRate()}, the rate to its six
   * decimals), or the schedule is refused naming the field, the figure given and the schedule's.
   */
  @JsonCreator
  static Schedule fromJson(@JsonProperty("method") RepaymentMethod method,
      @JsonProperty("financedAmount") Money financedAmount, @JsonProperty("downPayment") Money downPayment,
      @JsonProperty("term") int term, @JsonProperty("installments") List<Installment> installments,
      @JsonProperty("totalPayable") @Nullable Money totalPayable,
      @JsonProperty("annualizedRate") @Nullable BigDecimal annualizedRate) {
    Schedule s = new Schedule(method, financedAmount, downPayment, term, installments);
    List<Problem> problems = new ArrayList<>();
    if (totalPayable != null && !totalPayable.equals(s.totalPayable())) {
      problems.add(Problem.of("totalPayable", "'" + totalPayable + "' but the down payment " + downPayment
          + " and the installments sum to " + s.totalPayable()));
    }
    if (annualizedRate != null && annualizedRate.compareTo(s.annualizedRate()) != 0) {
      problems.add(Problem.of("annualizedRate", "'" + Decimals.shown(annualizedRate) + "' but the installments' IRR "
          + "against the financed " + financedAmount + " is " + s.annualizedRate().toPlainString() + " a year"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return s;
  }

  /** The index of the first null in {@code list} (which may refuse {@code contains(null)}), or −1. */
  private static int nullAt(List<?> list) {
    for (int k = 0; k < list.size(); k++) {
      if (list.get(k) == null) {
        return k;
      }
    }
    return -1;
  }

  /**
   * The months in order (period k at index k − 1), each one's remaining principal the financed amount less the
   * principal repaid so far: so the principal parts sum to the financed amount and the last month leaves nothing owed.
   * An interest-free schedule charges neither interest nor fee. The first problem is enough: the months after it
   * would all be told the same.
   */
  private static void walk(@Nullable RepaymentMethod method, Money financed, List<Installment> installments,
      List<Problem> problems) {
    long remaining = financed.fen();
    for (int k = 0; k < installments.size(); k++) {
      Installment i = installments.get(k);
      String at = "installments[" + k + "]";
      if (i.period() != k + 1) {
        problems.add(Problem.of(at + ".period", i.period() + " where month " + (k + 1) + " is due; months in order"));
        return;
      }
      if (method == RepaymentMethod.INTEREST_FREE && (i.interest().isPositive() || i.fee().isPositive())) {
        problems.add(Problem.of(at + (i.interest().isPositive() ? ".interest" : ".fee"), "an INTEREST_FREE schedule "
            + "charges neither interest nor fee; got interest " + i.interest() + ", fee " + i.fee()));
        return;
      }
      remaining -= i.principal().fen(); // both within 0..Long.MAX_VALUE: no overflow
      if (remaining != i.remaining().fen()) {
        problems.add(Problem.of(at + ".remaining", "'" + i.remaining() + "' but " + Money.ofFen(remaining)
            + " is left of the financed " + financed + " after the principal repaid up to month " + (k + 1)));
        return;
      }
    }
    if (!installments.isEmpty() && remaining != 0) {
      problems.add(Problem.of("installments[" + (installments.size() - 1) + "].remaining", "'" + Money.ofFen(remaining)
          + "' is still owed after the last month; the principal parts must sum to the financed " + financed));
    }
  }

  /** Down payment plus every installment. */
  @JsonProperty("totalPayable")
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

  /** The first month's installment. */
  public Money firstPayment() {
    return installments.isEmpty() ? Money.ZERO : installments.get(0).payment();
  }

  /** The IRR-annualised rate of the installments against the financed amount (see {@link AnnualizedRate}). */
  @JsonProperty("annualizedRate")
  public BigDecimal annualizedRate() {
    return AnnualizedRate.of(this);
  }
}
