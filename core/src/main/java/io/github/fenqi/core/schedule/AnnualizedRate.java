package io.github.fenqi.core.schedule;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The annualised rate of a schedule by the internal-rate-of-return method: the monthly rate r at which the
 * present value of the installments equals the financed amount, times 12. This is the figure Chinese
 * lenders must disclose (年化利率, IRR 口径): a 0.6 % monthly fee on the original amount looks like 7.2 % a
 * year but costs about 13 %, because the borrower pays the fee on principal already repaid.
 *
 * <p>Found by Newton's method from 1 % a month until a step changes the rate by less than 10^−14 of it, with
 * bisection as a fallback on [0, Σ payments / financed − 1] a month, which holds the rate however high it is;
 * the result is rounded half-up to 6 decimals (0.0001 %) as the exact rate rounds, the figure checked against its
 * neighbours exactly (a rate halfway between two figures had come out a hair low half of the time). A schedule that repays no more than it financed
 * has rate 0. (Newton stopped at a residual under 10^−7 fen, which left a 1-fen schedule's rate 2 × 10^−6 off,
 * and the bisection searched [0, 10] a month only, so a rate above 1 000 % a month — a fee of 10 a month, which a
 * policy's rate allows — was reported as 120.000000. And a step that stood still where the slope had passed the
 * doubles was taken for the root: payments of up to a long's worth, a balloon of 3 × 10^15 yuan in month 161 on
 * 2 000 000.00, had been given −11.806424 a year, a rate below 0 for payments worth more than the amount.)
 *
 * <p>Thread-safety: stateless.
 */
public final class AnnualizedRate {
  private AnnualizedRate() {}

  /**
   * The IRR-annualised rate of {@code schedule}'s installments against its financed amount.
   *
   * @throws InvalidInputException naming {@code schedule} when it is missing (it had been a bare NullPointerException)
   */
  public static BigDecimal of(Schedule schedule) {
    return of(schedule, DECIMALS);
  }

  /**
   * {@link #of(Schedule)} to {@code decimals} decimals (0..6): the figure whose interval holds the exact rate, half up,
   * as the six-decimal one is. A figure with fewer decimals is not the six-decimal one rounded again: rounded twice, a
   * rate of 10.8949…% a year (0.108950 to six decimals) had been shown as 10.90 %, a figure it does not round to
   * (about one rate in two hundred).
   *
   * @throws InvalidInputException naming {@code schedule} when it is missing, or {@code decimals} outside 0..6
   */
  public static BigDecimal of(Schedule schedule, int decimals) {
    if (schedule == null) {
      throw new InvalidInputException("schedule", "is required");
    }
    long[] payments = new long[schedule.installments().size()];
    for (int i = 0; i < payments.length; i++) {
      payments[i] = schedule.installments().get(i).payment().fen();
    }
    return of(schedule.financedAmount().fen(), payments, decimals);
  }

  /**
   * The IRR-annualised rate of monthly {@code payments} (fen) repaying {@code financedFen}; 0 when nothing is financed
   * or the payments sum to no more than it. Payments whose sum passes {@code Long.MAX_VALUE} have their rate all the
   * same (it had been an ArithmeticException, "long overflow"). The figure is the one whose interval holds the exact
   * rate for up to {@link Amortizer#MAX_TERM} payments and rates below 10^6 a year; beyond either, deciding a boundary
   * exactly would cost too much (its cost grows with the square of the payments: 2.6 s for 20 000), and a rate a hair
   * below a boundary may show one unit higher in the sixth decimal (0.100530 for 0.1005294999…).
   *
   * @throws InvalidInputException naming {@code financedFen} or {@code payments[i]} when it is negative: an
   *     installment is paid, never received (a negative payment had been given a rate, the root of a sum that need
   *     not have a single one, and a negative amount financed the rate 0); and {@code payments} when it is missing (a
   *     bare NullPointerException had said "Cannot read the array length")
   */
  public static BigDecimal of(long financedFen, long[] payments) {
    return of(financedFen, payments, DECIMALS);
  }

  /**
   * {@link #of(long, long[])} to {@code decimals} decimals (0..6), the figure whose interval holds the exact rate as
   * there; see {@link #of(Schedule, int)}.
   *
   * @throws InvalidInputException as {@link #of(long, long[])} does, and naming {@code decimals} outside 0..6
   */
  public static BigDecimal of(long financedFen, long[] payments, int decimals) {
    List<Problem> problems = new ArrayList<>();
    if (decimals < 0 || decimals > DECIMALS) {
      problems.add(Problem.of("decimals", decimals + " is outside 0.." + DECIMALS));
    }
    if (financedFen < 0) {
      problems.add(Problem.of("financedFen", financedFen + " fen is negative"));
    }
    if (payments == null) {
      problems.add(Problem.of("payments", "is required (an empty array for none)"));
      throw new InvalidInputException(problems);
    }
    long sum = 0;
    boolean beyondLong = false;
    for (int t = 0; t < payments.length; t++) {
      if (payments[t] < 0) {
        problems.add(Problem.of("payments[" + t + "]", payments[t] + " fen is negative; an installment is paid, "
            + "never received"));
      } else {
        sum += payments[t]; // non-negative terms: an overflow shows as a negative sum, and the rest is then above F
        beyondLong |= sum < 0;
        sum = sum < 0 ? Long.MAX_VALUE : sum;
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    if (financedFen == 0 || payments.length == 0 || (!beyondLong && sum <= financedFen)) {
      return BigDecimal.ZERO.setScale(decimals);
    }
    double annual = monthlyIrr(financedFen, payments) * 12;
    BigDecimal rate = BigDecimal.valueOf(annual).setScale(decimals, RoundingMode.HALF_UP);
    // the double lies within about 10^−14 of the rate, relatively: unless it is within far more than that of a figure's
    // boundary, it rounds as the rate does. A rate on the boundary (513 fen repaying 512 a month later: 0.0234375 a
    // year) it leaves a hair below as often as above; there the figure whose interval holds the rate is decided exactly,
    // which takes a millisecond for 60 months where the search takes a microsecond
    double scaled = annual * Math.pow(10, decimals);
    boolean nearBoundary = Math.abs(scaled - Math.floor(scaled) - 0.5) <= scaled * 1e-9 + 1e-6;
    if (!nearBoundary || annual >= EXACTLY_ROUNDED_BELOW || payments.length > Amortizer.MAX_TERM) {
      return rate;
    }
    BigDecimal unit = BigDecimal.valueOf(1, decimals);
    BigDecimal half = BigDecimal.valueOf(5, decimals + 1);
    while (rate.signum() > 0 && presentValueExcess(financedFen, payments, rate.subtract(half)) < 0) {
      rate = rate.subtract(unit);
    }
    while (presentValueExcess(financedFen, payments, rate.add(half)) >= 0) {
      rate = rate.add(unit);
    }
    return rate;
  }

  /** The decimals of {@link #of(long, long[])}'s figure, and the most the other forms give: 10^−6, 0.0001 %. */
  public static final int DECIMALS = 6;

  /**
   * Rates from 10^6 a year on are the double search's, rounded: its error there is no longer well below 10^−6 (no
   * schedule of a policy's rates comes near it).
   */
  private static final double EXACTLY_ROUNDED_BELOW = 1e6;

  /**
   * The sign of (the present value of {@code payments} at the annual rate {@code annual}) − {@code financed}, exactly:
   * the rate falls as this rises, so the rate is at least {@code annual} where it is ≥ 0. A month's discount 1 + a / 12 is
   * (12 + a) / 12, so the difference times 12^n (12 + a)^n is Σ p_t 12^t (12 + a)^(n−t) − F (12 + a)^n, a polynomial a
   * decimal {@code a} gives exactly: n multiplications by the small 12 + a for a schedule's at most 360 months.
   */
  private static int presentValueExcess(long financed, long[] payments, BigDecimal annual) {
    BigDecimal x = BigDecimal.valueOf(12).add(annual);
    BigDecimal twelve = BigDecimal.valueOf(12);
    BigDecimal twelveToT = BigDecimal.ONE;
    BigDecimal value = BigDecimal.valueOf(-financed); // Horner: ((−F·x + 12 p_1)·x + 12² p_2)·x ...
    for (long p : payments) {
      twelveToT = twelveToT.multiply(twelve);
      value = value.multiply(x).add(twelveToT.multiply(BigDecimal.valueOf(p)));
    }
    return value.signum();
  }

  /**
   * f(r) = Σ p_t (1+r)^−t − F, decreasing in r; its root is the monthly IRR. Called with Σ p_t > F, so f(0) > 0,
   * and f(Σ p_t / F − 1) ≤ Σ p_t / (1 + r) − F = 0: the root lies in that bracket, however high it is.
   */
  static double monthlyIrr(long financed, long[] payments) {
    double f = financed;
    double r = 0.01;
    for (int iter = 0; iter < 100; iter++) {
      double v = 1 / (1 + r);
      double vt = 1;
      double value = -f;
      double slope = 0;
      for (int t = 1; t <= payments.length; t++) {
        vt *= v;
        double discounted = payments[t - 1] * vt;
        value += discounted;
        slope -= t * discounted * v; // in doubles: t × a payment in long arithmetic had wrapped past 2^63
      }
      double next = r - value / slope;
      // a slope that is not negative, or that passed the doubles (a step towards −100 % a month, where (1 + r)^−t
      // overflows), gives no step: it had stood still and been taken for the root, a rate of about −11 a year
      if (!(next > -0.99) || !Double.isFinite(next) || !(slope < 0) || !Double.isFinite(slope)) {
        break;
      }
      // a step relative to the rate: f's own rounding (about 10^−16 of the amount) leaves the last steps a few ulps
      // wide, and a residual in fen says nothing of the rate's precision when one fen is financed. The root is above
      // 0 (f(0) = Σ p_t − F > 0): a step that stands still below it is no root, and bisection finds the rate
      if (Math.abs(next - r) <= 1e-14 * (1 + Math.abs(next))) {
        if (next >= 0) {
          return next;
        }
        break;
      }
      r = next;
    }
    double sum = 0;
    for (long p : payments) {
      sum += p;
    }
    double lo = 0;
    double hi = sum / f; // a little beyond the bracket's end Σ p_t / F − 1
    for (int iter = 0; iter < 2_000; iter++) {
      double mid = (lo + hi) / 2;
      if (mid <= lo || mid >= hi) {
        break; // lo and hi are neighbouring doubles
      }
      double value = -f;
      double v = 1 / (1 + mid);
      double vt = 1;
      for (long p : payments) {
        vt *= v;
        value += p * vt;
      }
      if (value > 0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }
}
