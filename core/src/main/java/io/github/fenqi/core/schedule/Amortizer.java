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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

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
  /** Largest amount a schedule is drawn for: 10^12 yuan, so that every sum of a schedule stays exact in fen. */
  public static final Money MAX_FINANCED = Money.ofFen(MAX_FINANCED_FEN);
  /**
   * Most decimals of an annual interest rate (0.000000000001 = 10^−10 %): each month's interest is computed from the
   * rate's digits in long arithmetic.
   */
  public static final int MAX_RATE_DECIMALS = 12;

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
    checkAnnualRate("annualRate", annualRate).ifPresent(problem -> {
      throw new InvalidInputException(List.of(problem));
    });
    BigDecimal r = annualRate.value().stripTrailingZeros();
    int scale = Math.max(0, r.scale());
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

  /**
   * The problem with {@code annualRate} as the rate of a schedule, named {@code field}: more than
   * {@link #MAX_RATE_DECIMALS} decimals; empty when it can be used. Policies and the CLI ask before they hand a rate
   * on, so that a rate {@link #of} would refuse is refused where it is written.
   */
  public static Optional<Problem> checkAnnualRate(String field, Rate annualRate) {
    int scale = annualRate.value().stripTrailingZeros().scale();
    return scale <= MAX_RATE_DECIMALS ? Optional.empty()
        : Optional.of(Problem.of(field, "'" + annualRate + "' has " + scale + " decimals; at most " + MAX_RATE_DECIMALS));
  }

  /**
   * An amortizer for {@code method} at the given annual interest and monthly fee rates.
   *
   * @throws InvalidInputException naming each argument that is missing (a missing rate had been a bare
   *     NullPointerException from inside this call)
   */
  public static Amortizer of(RepaymentMethod method, Rate annualRate, Rate monthlyFeeRate) {
    List<Problem> problems = new ArrayList<>();
    if (method == null) {
      problems.add(Problem.of("method", "is required; one of " + List.of(RepaymentMethod.values())));
    }
    if (annualRate == null) {
      problems.add(Problem.of("annualRate", "is required (Rate.ZERO for none)"));
    }
    if (monthlyFeeRate == null) {
      problems.add(Problem.of("monthlyFeeRate", "is required (Rate.ZERO for none)"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return new Amortizer(method, annualRate, monthlyFeeRate);
  }

  public RepaymentMethod method() {
    return method;
  }

  /**
   * The full schedule of {@code financed} over {@code term} months, with a down payment before it.
   *
   * @throws InvalidInputException naming {@code amount}, {@code term} or {@code downPayment} when it is missing or out
   *     of range
   */
  public Schedule schedule(Money financed, int term, Money downPayment) {
    if (financed == null) {
      throw new InvalidInputException("amount", "is required");
    }
    validate(financed.fen(), term);
    if (downPayment == null) {
      throw new InvalidInputException("downPayment", "is required (Money.ZERO for none)");
    }
    if (downPayment.isNegative()) {
      throw new InvalidInputException("downPayment", "'" + downPayment + "' is negative");
    }
    List<Installment> list = new ArrayList<>(term);
    walk(financed.fen(), term, (period, payment, principal, interest, fee, remaining) ->
        list.add(new Installment(period, Money.ofFen(payment), Money.ofFen(principal), Money.ofFen(interest),
            Money.ofFen(fee), Money.ofFen(remaining))));
    // the installments of an amount within MAX_FINANCED sum well within a long: only the down payment can carry the
    // total past it, and it is named (the schedule would name its installments)
    long installments = 0;
    for (Installment i : list) {
      installments += i.payment().fen();
    }
    if (downPayment.fen() > Long.MAX_VALUE - installments) {
      throw new InvalidInputException("downPayment", "'" + downPayment + "' and the installments' "
          + Money.ofFen(installments) + " sum beyond " + Money.ofFen(Long.MAX_VALUE) + "; totalPayable could not be told");
    }
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
      first = closedFormFirst(term, even, lastPrincipal, fee);
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
   * amount and many terms — the many-amount form below with one amount, whose schedules that charge interest
   * are then walked four terms side by side.
   *
   * @throws InvalidInputException as {@link #summarize} does, for the first term that is out of range, and naming
   *     {@code terms}, {@code firstPayments} or {@code totals} when it is null, or an output array shorter than
   *     {@code terms}; nothing is written then
   */
  public void summarize(long financedFen, int[] terms, long[] firstPayments, long[] totals) {
    summarize(new long[] {financedFen}, 1, terms, firstPayments, totals); // one amount: its terms four at a time
  }

  /**
   * {@link #summarize(long, int[], long[], long[])} for several amounts at once: the first installment and the sum
   * of all installments of {@code financedFen[x]} over {@code terms[j]} months into {@code firstPayments[x·m + j]}
   * and {@code totals[x·m + j]} ({@code m} = the number of terms), for the first {@code amounts} amounts. The
   * solver's grids ask for the few down payments of each waiver level together. A schedule that charges interest is a
   * serial chain (each month's interest waits for the last month's balance), so the (amount, term) cells are walked
   * four side by side, term by term with each term's amounts together: the grids' schedules took about two thirds of
   * the time they took walked one amount at a time with two of its terms side by side.
   *
   * @throws InvalidInputException as {@link #summarize} does, for the first amount or term that is out of range, and
   *     naming the argument — every one at once, nothing written — when an array is null, {@code amounts} is negative
   *     or more than {@code financedFen} holds, or an output array is shorter than {@code amounts × terms.length}
   */
  public void summarize(long[] financedFen, int amounts, int[] terms, long[] firstPayments, long[] totals) {
    checkArrays(financedFen, amounts, terms, firstPayments, totals);
    for (int x = 0; x < amounts; x++) {
      for (int term : terms) {
        validate(financedFen[x], term);
      }
    }
    int m = terms.length;
    if (!chargesInterest) {
      // summarize's closed form, written here without its summary: the solver's grids ask for every option of a
      // debt without interest this way, and whether the JIT removed a summary per option varied from one JVM to the
      // next (~0.5 MB of a calculate's ~11 MB when it did not)
      for (int x = 0; x < amounts; x++) {
        long financed = financedFen[x];
        long fee = fee(financed);
        for (int j = 0; j < m; j++) {
          int term = terms[j];
          long totalFee = Math.multiplyExact(fee, term);
          long even = quotient(financed, term, (double) financed / term);
          firstPayments[x * m + j] = closedFormFirst(term, even, financed - even * (term - 1), fee);
          totals[x * m + j] = Math.addExact(financed, totalFee);
        }
      }
      return;
    }
    long[] fees = new long[amounts];
    for (int x = 0; x < amounts; x++) {
      fees[x] = fee(financedFen[x]);
    }
    // the (amount, term) cells term by term, each term's amounts together, walked four at a time: one term's several
    // amounts side by side, or one amount's consecutive terms; past the last cell, walks of nothing fill the four
    int cellCount = amounts * m;
    long[] out = new long[2 * CHAINS];
    long[] amount = new long[CHAINS];
    int[] term = new int[CHAINS];
    for (int c = 0; c < cellCount; c += CHAINS) {
      for (int k = 0; k < CHAINS; k++) {
        int cell = Math.min(c + k, cellCount - 1);
        amount[k] = c + k < cellCount ? financedFen[cell % amounts] : 0;
        term[k] = terms[cell / amounts];
      }
      walkFour(amount[0], term[0], amount[1], term[1], amount[2], term[2], amount[3], term[3], out);
      for (int k = 0; k < CHAINS && c + k < cellCount; k++) {
        int x = (c + k) % amounts;
        int j = (c + k) / amounts;
        firstPayments[x * m + j] = Math.addExact(out[2 * k], fees[x]);
        totals[x * m + j] = Math.addExact(out[2 * k + 1], Math.multiplyExact(fees[x], terms[j]));
      }
    }
  }

  /** The first installment of a schedule without interest: the even principal, or all of it in one month, and the fee. */
  private static long closedFormFirst(int term, long even, long lastPrincipal, long fee) {
    return term == 1 ? lastPrincipal + fee : even + fee;
  }

  /** The schedules {@link #walkFour} walks side by side. */
  private static final int CHAINS = 4;

  /**
   * Four interest-charging walks (amount, term), interleaved month by month, without the fee: into {@code out[2c]}
   * chain c's first principal and interest, into {@code out[2c + 1]} its amount plus all its interest. A schedule
   * that charges interest is a serial chain (each month's interest waits for the last month's balance); walking four
   * at once lets the processor work on them together. The chains are written out four times on purpose: in locals
   * they overlap, through arrays they did not. Chains that only fill the four get an amount of 0 and a real term.
   */
  private void walkFour(long f0, int n0, long f1, int n1, long f2, int n2, long f3, int n3, long[] out) {
    long l0 = levelPayment(f0, n0);
    long l1 = levelPayment(f1, n1);
    long l2 = levelPayment(f2, n2);
    long l3 = levelPayment(f3, n3);
    long e0 = quotient(f0, n0, (double) f0 / n0);
    long e1 = quotient(f1, n1, (double) f1 / n1);
    long e2 = quotient(f2, n2, (double) f2 / n2);
    long e3 = quotient(f3, n3, (double) f3 / n3);
    long r0 = f0;
    long r1 = f1;
    long r2 = f2;
    long r3 = f3;
    long i0 = 0;
    long i1 = 0;
    long i2 = 0;
    long i3 = 0;
    // month 1 apart: its payment is the first installment
    long m0 = interest(r0);
    long m1 = interest(r1);
    long m2 = interest(r2);
    long m3 = interest(r3);
    long q0 = principal(1, n0, r0, l0, m0, e0);
    long q1 = principal(1, n1, r1, l1, m1, e1);
    long q2 = principal(1, n2, r2, l2, m2, e2);
    long q3 = principal(1, n3, r3, l3, m3, e3);
    out[0] = q0 + m0;
    out[2] = q1 + m1;
    out[4] = q2 + m2;
    out[6] = q3 + m3;
    r0 -= q0;
    r1 -= q1;
    r2 -= q2;
    r3 -= q3;
    i0 += m0;
    i1 += m1;
    i2 += m2;
    i3 += m3;
    // A chain past its own term walks on harmlessly: its last month repaid all that remained, and a balance of 0 owes
    // no interest and repays no principal. So no month checks which chains still run.
    int longest = Math.max(Math.max(n0, n1), Math.max(n2, n3));
    for (int t = 2; t <= longest; t++) {
      long x0 = interest(r0);
      long x1 = interest(r1);
      long x2 = interest(r2);
      long x3 = interest(r3);
      r0 -= principal(t, n0, r0, l0, x0, e0);
      r1 -= principal(t, n1, r1, l1, x1, e1);
      r2 -= principal(t, n2, r2, l2, x2, e2);
      r3 -= principal(t, n3, r3, l3, x3, e3);
      i0 += x0;
      i1 += x1;
      i2 += x2;
      i3 += x3;
    }
    // the principal parts sum to the amount financed, the last month taking what remains
    out[1] = Math.addExact(f0, i0);
    out[3] = Math.addExact(f1, i1);
    out[5] = Math.addExact(f2, i2);
    out[7] = Math.addExact(f3, i3);
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

  /**
   * The arguments of the many-amount {@link #summarize}, public API: a null array had been a bare NullPointerException
   * and arrays that do not fit an IllegalArgumentException naming no argument; each problem names its argument.
   */
  private static void checkArrays(long @Nullable [] financedFen, int amounts, int @Nullable [] terms,
      long @Nullable [] firstPayments, long @Nullable [] totals) {
    if (financedFen != null && terms != null && firstPayments != null && totals != null && amounts >= 0
        && amounts <= financedFen.length && firstPayments.length >= (long) amounts * terms.length
        && totals.length >= (long) amounts * terms.length) {
      return; // the grids' many calls allocate nothing to be checked
    }
    List<Problem> problems = new ArrayList<>();
    if (financedFen == null) {
      problems.add(Problem.of("financedFen", "is required"));
    }
    if (terms == null) {
      problems.add(Problem.of("terms", "is required"));
    }
    if (firstPayments == null) {
      problems.add(Problem.of("firstPayments", "is required"));
    }
    if (totals == null) {
      problems.add(Problem.of("totals", "is required"));
    }
    if (amounts < 0) {
      problems.add(Problem.of("amounts", amounts + " is negative"));
    } else if (financedFen != null && amounts > financedFen.length) {
      problems.add(Problem.of("amounts", amounts + " asked of the " + financedFen.length + " in financedFen"));
    }
    if (problems.isEmpty()) {
      long cells = (long) amounts * terms.length;
      String needed = " it is written (" + amounts + " amounts × " + terms.length + " terms)";
      if (firstPayments.length < cells) {
        problems.add(Problem.of("firstPayments", "has room for " + firstPayments.length + " of the " + cells + needed));
      }
      if (totals.length < cells) {
        problems.add(Problem.of("totals", "has room for " + totals.length + " of the " + cells + needed));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
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
