package io.github.fenqi.core.schedule;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.money.Rate;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Computes repayment schedules for one method and pair of rates. Create one per policy and reuse it: it
 * caches the annuity factor of each term, so the solver's hundreds of thousands of summaries stay cheap.
 *
 * <p>Rounding (see the package documentation): monthly interest = remaining × annualRate / 12, half-up to
 * the fen; the fee = financed × monthlyFeeRate, half-up, every month; EQUAL_INSTALLMENT pays the annuity
 * rounded half-up and the other methods {@code floor(financed / term)} of principal a month; the last month
 * repays whatever principal remains. INTEREST_FREE charges neither interest nor fee, whatever the rates.
 *
 * <p>Thread-safety: immutable apart from a cache of immutable values; safe to share.
 */
public final class Amortizer {
  /** Longest term accepted, in months. */
  public static final int MAX_TERM = 360;
  private static final MathContext MC = new MathContext(34, RoundingMode.HALF_EVEN);
  private static final long MAX_FINANCED_FEN = 100_000_000_000_000L; // 10^12 yuan

  private final RepaymentMethod method;
  private final Rate annualRate;
  private final Rate monthlyFeeRate;
  private final long rateUnscaled; // annual rate = rateUnscaled / 10^rateScale
  private final long rateDivisor; // 12 × 10^rateScale
  private final boolean chargesInterest;
  private final boolean chargesFee;
  private final AtomicReferenceArray<BigDecimal> annuityFactor = new AtomicReferenceArray<>(MAX_TERM + 1);

  private Amortizer(RepaymentMethod method, Rate annualRate, Rate monthlyFeeRate) {
    this.method = method;
    this.annualRate = annualRate;
    this.monthlyFeeRate = monthlyFeeRate;
    boolean free = method == RepaymentMethod.INTEREST_FREE;
    this.chargesInterest = !free && !annualRate.isZero();
    this.chargesFee = !free && !monthlyFeeRate.isZero();
    BigDecimal r = annualRate.value().stripTrailingZeros();
    int scale = Math.max(0, r.scale());
    if (scale > 12) {
      throw new InvalidInputException("annualRate", "'" + annualRate + "' has more than 12 decimals");
    }
    this.rateUnscaled = r.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    this.rateDivisor = 12L * BigDecimal.TEN.pow(scale).longValueExact();
  }

  /** An amortizer for {@code method} at the given annual interest and monthly fee rates. */
  public static Amortizer of(RepaymentMethod method, Rate annualRate, Rate monthlyFeeRate) {
    if (method == null) {
      throw new InvalidInputException("method", "is required; one of " + List.of(RepaymentMethod.values()));
    }
    return new Amortizer(method, annualRate, monthlyFeeRate);
  }

  public RepaymentMethod method() {
    return method;
  }

  /** The full schedule of {@code financed} over {@code term} months, with an optional down payment before it. */
  public Schedule schedule(Money financed, int term, Money downPayment) {
    validate(financed, term);
    if (downPayment.isNegative()) {
      throw new InvalidInputException("downPayment", "'" + downPayment + "' is negative");
    }
    List<Installment> list = new ArrayList<>(term);
    walk(financed.fen(), term, (period, payment, principal, interest, fee, remaining) ->
        list.add(new Installment(period, Money.ofFen(payment), Money.ofFen(principal), Money.ofFen(interest),
            Money.ofFen(fee), Money.ofFen(remaining))));
    return new Schedule(method, financed, downPayment, term, list);
  }

  /** The full schedule without a down payment. */
  public Schedule schedule(Money financed, int term) {
    return schedule(financed, term, Money.ZERO);
  }

  /** The summary figures of {@link #schedule(Money, int)}, without building it. */
  public ScheduleSummary summarize(long financedFen, int term) {
    validate(Money.ofFen(financedFen), term);
    long fee = fee(financedFen);
    if (!chargesInterest) { // closed form: even principal, constant fee
      long even = financedFen / term;
      long last = financedFen - even * (term - 1);
      long first = term == 1 ? last + fee : even + fee;
      long totalFee = Math.multiplyExact(fee, term);
      return new ScheduleSummary(first, last + fee, Math.addExact(financedFen, totalFee), 0, totalFee);
    }
    long[] acc = new long[4]; // first, last, total, interest
    acc[0] = -1;
    walk(financedFen, term, (period, payment, principal, interest, f, remaining) -> {
      if (acc[0] < 0) {
        acc[0] = payment;
      }
      acc[1] = payment;
      acc[2] += payment;
      acc[3] += interest;
    });
    return new ScheduleSummary(acc[0], acc[1], acc[2], acc[3], Math.multiplyExact(fee, term));
  }

  private interface Sink {
    void accept(int period, long payment, long principal, long interest, long fee, long remaining);
  }

  private void walk(long financed, int term, Sink sink) {
    long fee = fee(financed);
    long level = method == RepaymentMethod.EQUAL_INSTALLMENT && chargesInterest ? levelPayment(financed, term) : -1;
    long even = financed / term;
    long remaining = financed;
    for (int t = 1; t <= term; t++) {
      long interest = chargesInterest ? interest(remaining) : 0;
      long principal;
      if (t == term) {
        principal = remaining;
      } else if (level >= 0) {
        principal = Math.max(0, Math.min(remaining, level - interest));
      } else {
        principal = Math.min(remaining, even);
      }
      remaining -= principal;
      sink.accept(t, principal + interest + fee, principal, interest, fee, remaining);
    }
  }

  private long fee(long financed) {
    if (!chargesFee || financed == 0) {
      return 0;
    }
    return BigDecimal.valueOf(financed).multiply(monthlyFeeRate.value()).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  /** remaining × annualRate / 12, half-up, in long arithmetic when it fits. */
  private long interest(long remaining) {
    long hi = Math.multiplyHigh(remaining, rateUnscaled);
    long lo = remaining * rateUnscaled;
    if (hi == 0 && lo >= 0 && lo <= Long.MAX_VALUE - rateDivisor) {
      return (lo + rateDivisor / 2) / rateDivisor;
    }
    return BigDecimal.valueOf(remaining).multiply(annualRate.value())
        .divide(BigDecimal.valueOf(12), 0, RoundingMode.HALF_UP).longValueExact();
  }

  /** The annuity payment financed × i / (1 − (1 + i)^−n), half-up to the fen. */
  private long levelPayment(long financed, int term) {
    BigDecimal factor = annuityFactor.get(term);
    if (factor == null) {
      BigDecimal i = annualRate.value().divide(BigDecimal.valueOf(12), MC);
      factor = i.divide(BigDecimal.ONE.subtract(BigDecimal.ONE.divide(BigDecimal.ONE.add(i).pow(term, MC), MC)), MC);
      annuityFactor.compareAndSet(term, null, factor);
    }
    return BigDecimal.valueOf(financed).multiply(factor, MC).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  private static void validate(Money financed, int term) {
    List<Problem> problems = new ArrayList<>();
    if (financed.isNegative()) {
      problems.add(Problem.of("amount", "'" + financed + "' is negative"));
    } else if (financed.fen() > MAX_FINANCED_FEN) {
      problems.add(Problem.of("amount", "'" + financed + "' is above the largest amount a schedule handles (10^12 yuan)"));
    }
    if (term < 1 || term > MAX_TERM) {
      problems.add(Problem.of("term", term + " is outside 1.." + MAX_TERM + " months"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }
}
