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
  private final double rateDivisorInverse;
  private final boolean chargesInterest;
  private final boolean chargesFee;
  private final long feeUnscaled; // monthly fee rate = feeUnscaled / feeDivisor; feeDivisor 0 when it does not fit a long
  private final long feeDivisor;
  private final double feeDivisorInverse;
  private final AtomicReferenceArray<AnnuityFactor> annuityFactor = new AtomicReferenceArray<>(MAX_TERM + 1);

  /**
   * The annuity factor of one term at 34 digits, which defines the payment, and its nearest double, which
   * decides the payment's rounding in almost every case without BigDecimal arithmetic.
   */
  private record AnnuityFactor(BigDecimal exact, double approximate) {}

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
    this.rateDivisorInverse = 1.0 / rateDivisor;
    BigDecimal f = monthlyFeeRate.value().stripTrailingZeros();
    f = f.setScale(Math.max(0, f.scale()), RoundingMode.UNNECESSARY);
    boolean feeFitsLong = f.scale() <= 18 && f.unscaledValue().bitLength() < 63;
    this.feeUnscaled = feeFitsLong ? f.unscaledValue().longValueExact() : 0;
    this.feeDivisor = feeFitsLong ? BigDecimal.TEN.pow(f.scale()).longValueExact() : 0;
    this.feeDivisorInverse = 1.0 / feeDivisor;
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
    validate(financed.fen(), term);
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
    validate(financedFen, term);
    long fee = fee(financedFen);
    long totalFee = Math.multiplyExact(fee, term);
    long even = quotient(financedFen, term, (double) financedFen / term);
    long first;
    long last;
    long totalPayment;
    long totalInterest = 0;
    if (!chargesInterest) { // closed form: even principal, constant fee
      long lastPrincipal = financedFen - even * (term - 1);
      first = term == 1 ? lastPrincipal + fee : even + fee;
      last = lastPrincipal + fee;
      totalPayment = Math.addExact(financedFen, totalFee);
    } else {
      // the walk of schedule(), summed as it goes: a loop of its own, without a callback per month,
      // because the solver summarizes every option of its grids this way
      long level = levelPayment(financedFen, term);
      long remaining = financedFen;
      first = 0;
      last = 0;
      totalPayment = 0;
      for (int t = 1; t <= term; t++) {
        long interest = interest(remaining);
        long principal = principal(t, term, remaining, level, interest, even);
        remaining -= principal;
        last = principal + interest + fee;
        first = t == 1 ? last : first;
        totalPayment += last;
        totalInterest += interest;
      }
    }
    // one allocation site, so that a caller that inlines this method need not allocate the summary
    return new ScheduleSummary(first, last, totalPayment, totalInterest, totalFee);
  }

  /**
   * The first installment and the sum of all installments of {@code financedFen} over each of
   * {@code terms} months, into {@code firstPayments[i]} and {@code totals[i]}: {@link #summarize} for one
   * amount and many terms. The solver's option grids need just these two figures for tens of thousands of
   * (amount, term) pairs per case. A schedule that charges interest is a serial chain (each month's
   * interest waits for the last month's balance); walking two terms side by side lets the processor work
   * on both chains at once.
   *
   * @throws InvalidInputException as {@link #summarize} does, for the first term that is out of range
   * @throws IllegalArgumentException when an output array is shorter than {@code terms}
   */
  public void summarize(long financedFen, int[] terms, long[] firstPayments, long[] totals) {
    if (firstPayments.length < terms.length || totals.length < terms.length) {
      throw new IllegalArgumentException(terms.length + " terms, but room for " + firstPayments.length
          + " first payments and " + totals.length + " totals");
    }
    for (int term : terms) {
      validate(financedFen, term);
    }
    if (!chargesInterest) {
      for (int j = 0; j < terms.length; j++) {
        ScheduleSummary summary = summarize(financedFen, terms[j]);
        firstPayments[j] = summary.firstPayment();
        totals[j] = summary.totalInstallments();
      }
      return;
    }
    long fee = fee(financedFen);
    for (int j = 0; j < terms.length; j += 2) {
      walkPair(financedFen, fee, terms, j, Math.min(j + 1, terms.length - 1), firstPayments, totals);
    }
  }

  /** The walks of terms[a] and terms[b] (which may be the same), interleaved month by month. */
  private void walkPair(long financed, long fee, int[] terms, int a, int b, long[] firstPayments, long[] totals) {
    int termA = terms[a];
    int termB = terms[b];
    long levelA = levelPayment(financed, termA);
    long levelB = levelPayment(financed, termB);
    long evenA = quotient(financed, termA, (double) financed / termA);
    long evenB = quotient(financed, termB, (double) financed / termB);
    long remainingA = financed;
    long remainingB = financed;
    long interestA = 0;
    long interestB = 0;
    long firstA = 0;
    long firstB = 0;
    int longest = Math.max(termA, termB);
    // the two chains are written out twice on purpose: in locals they overlap; through arrays they did not
    for (int t = 1; t <= longest; t++) {
      if (t <= termA) {
        long interest = interest(remainingA);
        long principal = principal(t, termA, remainingA, levelA, interest, evenA);
        remainingA -= principal;
        interestA += interest;
        firstA = t == 1 ? principal + interest + fee : firstA;
      }
      if (t <= termB) {
        long interest = interest(remainingB);
        long principal = principal(t, termB, remainingB, levelB, interest, evenB);
        remainingB -= principal;
        interestB += interest;
        firstB = t == 1 ? principal + interest + fee : firstB;
      }
    }
    // the principal parts sum to the amount financed, the last month taking what remains
    totals[a] = Math.addExact(Math.addExact(financed, interestA), Math.multiplyExact(fee, termA));
    totals[b] = Math.addExact(Math.addExact(financed, interestB), Math.multiplyExact(fee, termB));
    firstPayments[a] = firstA;
    firstPayments[b] = firstB;
  }

  private interface Sink {
    void accept(int period, long payment, long principal, long interest, long fee, long remaining);
  }

  private void walk(long financed, int term, Sink sink) {
    long fee = fee(financed);
    long level = levelPayment(financed, term);
    long even = quotient(financed, term, (double) financed / term);
    long remaining = financed;
    for (int t = 1; t <= term; t++) {
      long interest = chargesInterest ? interest(remaining) : 0;
      long principal = principal(t, term, remaining, level, interest, even);
      remaining -= principal;
      sink.accept(t, principal + interest + fee, principal, interest, fee, remaining);
    }
  }

  /**
   * The principal repaid in month {@code t}: the level payment less interest for an annuity ({@code level}
   * ≥ 0), else the even part; whatever remains in the last month.
   */
  private static long principal(int t, int term, long remaining, long level, long interest, long even) {
    if (t == term) {
      return remaining;
    }
    if (level >= 0) {
      return Math.max(0, Math.min(remaining, level - interest));
    }
    return Math.min(remaining, even);
  }

  /** The level payment of an annuity; −1 (none) for the other methods. */
  private long levelPayment(long financed, int term) {
    return method == RepaymentMethod.EQUAL_INSTALLMENT && chargesInterest ? annuityPayment(financed, term) : -1;
  }

  /** financed × monthlyFeeRate, half-up, in long arithmetic when it fits (once per option in the solver). */
  private long fee(long financed) {
    if (!chargesFee || financed == 0) {
      return 0;
    }
    if (feeDivisor != 0) {
      long hi = Math.multiplyHigh(financed, feeUnscaled);
      long lo = financed * feeUnscaled;
      if (hi == 0 && lo >= 0 && lo <= Long.MAX_VALUE - feeDivisor) {
        long halfUp = lo + feeDivisor / 2;
        return quotient(halfUp, feeDivisor, halfUp * feeDivisorInverse);
      }
    }
    return exactFee(financed);
  }

  // The BigDecimal branches below are methods of their own so that they stay out of the compiled code of
  // summarize(): small enough that way, it is inlined into the solver's loop, which then does not allocate
  // the summary at all.

  private long exactFee(long financed) {
    return BigDecimal.valueOf(financed).multiply(monthlyFeeRate.value()).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  /** remaining × annualRate / 12, half-up, in long arithmetic when it fits. */
  private long interest(long remaining) {
    long hi = Math.multiplyHigh(remaining, rateUnscaled);
    long lo = remaining * rateUnscaled;
    if (hi == 0 && lo >= 0 && lo <= Long.MAX_VALUE - rateDivisor) {
      long halfUp = lo + rateDivisor / 2;
      return quotient(halfUp, rateDivisor, halfUp * rateDivisorInverse);
    }
    return exactInterest(remaining);
  }

  private long exactInterest(long remaining) {
    return BigDecimal.valueOf(remaining).multiply(annualRate.value())
        .divide(BigDecimal.valueOf(12), 0, RoundingMode.HALF_UP).longValueExact();
  }

  /**
   * {@code floor(x / d)} for {@code x ≥ 0} and {@code d > 0}, from {@code estimate}, a double within a few
   * units of the quotient: the remainder tells exactly how far off it is. A 64-bit hardware division costs
   * tens of cycles and the schedule walk needs one a month for every option of the solver's grids, while a
   * double estimate and one multiplication cost a few. Package-private for its tests.
   */
  static long quotient(long x, long d, double estimate) {
    long q = (long) estimate;
    long remainder = x - q * d; // exact: the true remainder is small, and long arithmetic wraps consistently
    while (remainder < 0) {
      q--;
      remainder += d;
    }
    while (remainder >= d) {
      q++;
      remainder -= d;
    }
    return q;
  }

  /**
   * The annuity payment financed × i / (1 − (1 + i)^−n), the product rounded to 34 digits and then half-up
   * to the fen.
   *
   * <p>The solver asks for this once per option, and the BigDecimal product was most of its time. The
   * double product lies within 2^−51 (relative) of the exact one: the factor and the product are each
   * rounded once, and the amount (at most 10^14 fen) is exact as a double. Unless its fraction lies within
   * four times that of one half, it therefore rounds to the same fen as the 34-digit product, whose own
   * rounding error is 15 orders of magnitude smaller; only the rare product that close to a half fen (or
   * too large for a double to resolve its fraction) is multiplied out in BigDecimal.
   */
  private long annuityPayment(long financed, int term) {
    AnnuityFactor factor = annuityFactor.get(term);
    if (factor == null) {
      factor = computeAnnuityFactor(term);
    }
    return roundedProduct(financed, factor.exact(), factor.approximate());
  }

  private AnnuityFactor computeAnnuityFactor(int term) {
    BigDecimal i = annualRate.value().divide(BigDecimal.valueOf(12), MC);
    BigDecimal exact = i.divide(BigDecimal.ONE.subtract(BigDecimal.ONE.divide(BigDecimal.ONE.add(i).pow(term, MC), MC)), MC);
    AnnuityFactor factor = new AnnuityFactor(exact, exact.doubleValue());
    annuityFactor.compareAndSet(term, null, factor);
    return annuityFactor.get(term);
  }

  /**
   * {@code financed × exact} rounded to 34 digits, then half-up to the fen; {@code approximate} is the
   * double nearest to {@code exact}. Package-private so that tests can drive the products close to half a
   * fen that take the BigDecimal branch.
   */
  static long roundedProduct(long financed, BigDecimal exact, double approximate) {
    double product = financed * approximate;
    if (financed >= 0 && financed <= MAX_FINANCED_FEN && product < 0x1p52) {
      double whole = Math.floor(product);
      double fraction = product - whole; // exact
      double tolerance = product * 0x1p-49 + 0x1p-30;
      if (fraction < 0.5 - tolerance) {
        return (long) whole;
      }
      if (fraction > 0.5 + tolerance) {
        return (long) whole + 1;
      }
    }
    return exactProduct(financed, exact);
  }

  private static long exactProduct(long financed, BigDecimal exact) {
    return BigDecimal.valueOf(financed).multiply(exact, MC).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  private static void validate(long financedFen, int term) {
    if (financedFen < 0 || financedFen > MAX_FINANCED_FEN || term < 1 || term > MAX_TERM) {
      reject(financedFen, term);
    }
  }

  private static void reject(long financedFen, int term) {
    Money financed = Money.ofFen(financedFen);
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
