package io.github.fenqi.core.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.money.Rate;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** {@link AnnualizedRate} against an IRR found independently, by bisection in BigDecimal. */
class AnnualizedRateProperties {
  private static final MathContext MC = new MathContext(40);

  /** The annualised IRR by bisection on [0, Σ payments / financed] a month in 40 digits, rounded as the class does. */
  static BigDecimal bigDecimalIrr(long financed, long[] payments) {
    BigDecimal sum = BigDecimal.ZERO;
    for (long p : payments) {
      sum = sum.add(BigDecimal.valueOf(p));
    }
    BigDecimal lo = BigDecimal.ZERO;
    BigDecimal hi = sum.divide(BigDecimal.valueOf(financed), MC);
    BigDecimal precision = hi.multiply(BigDecimal.valueOf(1, 15)).max(BigDecimal.valueOf(1, 15));
    while (hi.subtract(lo).compareTo(precision) > 0) {
      BigDecimal mid = lo.add(hi).divide(BigDecimal.valueOf(2), MC);
      BigDecimal v = BigDecimal.ONE.divide(BigDecimal.ONE.add(mid), MC);
      BigDecimal vt = BigDecimal.ONE;
      BigDecimal value = BigDecimal.valueOf(-financed);
      for (long p : payments) {
        vt = vt.multiply(v, MC);
        value = value.add(BigDecimal.valueOf(p).multiply(vt, MC), MC);
      }
      if (value.signum() > 0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo.add(hi).divide(BigDecimal.valueOf(2), MC).multiply(BigDecimal.valueOf(12)).setScale(6, RoundingMode.HALF_UP);
  }

  private static long[] payments(Schedule s) {
    return s.installments().stream().mapToLong(i -> i.payment().fen()).toArray();
  }

  @Property(tries = 250)
  void equalsTheBigDecimalIrrFromOneFenToTheLargestAmountAndFromNoRateToTheHighest(@ForAll RepaymentMethod method,
      @ForAll @LongRange(min = 1, max = 100_000_000_000_000L) long financed, @ForAll @IntRange(min = 1, max = 60) int term,
      @ForAll @IntRange(min = 0, max = 10_000) int ratePerMille, @ForAll @IntRange(min = 0, max = 100_000) int feePerTenThousand,
      @ForAll boolean oneFenAmount) {
    long amount = oneFenAmount ? 1 + financed % 100 : financed;
    Schedule s = Amortizer.of(method, Rate.of(BigDecimal.valueOf(ratePerMille, 3)),
        Rate.of(BigDecimal.valueOf(feePerTenThousand, 4))).schedule(Money.ofFen(amount), term);
    long[] payments = payments(s);
    BigDecimal got = AnnualizedRate.of(amount, payments);
    if (s.totalPayable().fen() <= amount) {
      assertEquals(BigDecimal.ZERO.setScale(6), got);
      return;
    }
    BigDecimal want = bigDecimalIrr(amount, payments);
    // both are rounded to 6 decimals: a rate within a hair of a rounding boundary may round either way
    assertTrue(got.subtract(want).abs().compareTo(BigDecimal.valueOf(1, 6)) <= 0,
        "got " + got + ", BigDecimal IRR " + want + " for " + amount + " fen over " + term + ": " + s);
    // and exactly: the rate R, at which the payments' present value is the amount, lies in [got − ½·10^−6,
    // got + ½·10^−6), decided by the sign of that present value less the amount at each end, with no search
    BigDecimal half = BigDecimal.valueOf(5, 7);
    assertTrue(excessOfPresentValue(amount, payments, got.subtract(half)) >= 0,
        "the rate is below " + got + "'s interval: " + s);
    assertTrue(excessOfPresentValue(amount, payments, got.add(half)) < 0,
        "the rate is above " + got + "'s interval: " + s);
  }

  @Property(tries = 200)
  void paymentsWhoseSumPassesALongHaveTheBigDecimalIrr(@ForAll @IntRange(min = 2, max = 60) int term,
      @ForAll @LongRange(min = 1, max = 100_000_000_000_000L) long financed, @ForAll long seed) {
    // each payment above Long.MAX_VALUE / term: their sum passes a long, which had been an ArithmeticException
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    long[] payments = new long[term];
    for (int t = 0; t < term; t++) {
      payments[t] = r.nextLong(Long.MAX_VALUE / term + 1, Long.MAX_VALUE) + (r.nextBoolean() ? 1 : 0);
    }
    BigDecimal got = AnnualizedRate.of(financed, payments);
    BigDecimal want = bigDecimalIrr(financed, payments);
    // a rate of up to 10^20 a year: the double search is good to about 10^−14 of it, the six decimals to 10^−6
    BigDecimal tolerance = want.multiply(BigDecimal.valueOf(1, 12)).max(BigDecimal.valueOf(1, 6));
    assertTrue(got.subtract(want).abs().compareTo(tolerance) <= 0,
        "got " + got + ", BigDecimal IRR " + want + " for " + financed + " fen repaid by " + java.util.Arrays.toString(payments));
  }

  /**
   * A balloon far larger than the amount: 2 000 000.00 yuan repaid by 3 × 10^15 yuan in month 161 alone, so
   * (1 + r)^161 = 1.5 × 10^9 and 12 r = 1.682820 a year. Newton's slope multiplied the month by the payment in long
   * arithmetic, which wrapped past 2^63 and turned the slope's sign; its step went towards −100 % a month, where the
   * slope passed the doubles and the next step stood still, and that was taken for the root: −11.806424 had been
   * reported, for a schedule read from JSON as well (its installments are the lender's, not the amortizer's).
   */
  @Test
  void aBalloonWhoseMonthTimesItsPaymentPassesALongHasItsRateNotANegativeOne() {
    long[] payments = new long[161];
    payments[160] = 300_000_000_000_000_000L;
    assertEquals(new BigDecimal("1.682820"), AnnualizedRate.of(200_000_000L, payments));
    List<Installment> months = new ArrayList<>();
    Money financed = Money.ofFen(200_000_000L);
    for (int t = 1; t < 161; t++) {
      months.add(new Installment(t, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, financed));
    }
    months.add(new Installment(161, Money.ofFen(payments[160]), financed, Money.ZERO,
        Money.ofFen(payments[160] - financed.fen()), Money.ZERO));
    Schedule s = new Schedule(RepaymentMethod.FEE_INSTALLMENT, financed, Money.ZERO, 161, months);
    assertEquals(new BigDecimal("1.682820"), s.annualizedRate());
  }

  /**
   * One to three payments far larger than the amount (each at least 1/64 of a long over the term), in any months of a
   * term of up to 360, the others nothing: the rate is above 0 (see the balloon above) and, below 10^6 a year, the
   * six-decimal figure whose interval holds the rate, told exactly; above, the BigDecimal IRR's to 10^−9 of it (the
   * BigDecimal bisection stops at 10^−15 of Σ payments / amount, too coarse for a small rate of a large sum).
   */
  @Property(tries = 200)
  void aFewHugePaymentsInAnyMonthsHaveTheirRate(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int term = 2 + r.nextInt(359);
    long[] payments = new long[term];
    int huge = 1 + r.nextInt(3);
    for (int k = 0; k < huge; k++) {
      payments[r.nextInt(term)] = r.nextLong(Long.MAX_VALUE / term / 64, Long.MAX_VALUE / huge);
    }
    long financed = r.nextLong(1, 100_000_000_000_000L);
    BigDecimal got = AnnualizedRate.of(financed, payments);
    String where = got + " for " + financed + " fen repaid by " + java.util.Arrays.toString(payments);
    assertTrue(got.signum() > 0, where);
    if (got.compareTo(BigDecimal.valueOf(1_000_000)) < 0) {
      BigDecimal half = BigDecimal.valueOf(5, 7);
      assertTrue(excessOfPresentValue(financed, payments, got.subtract(half)) >= 0, "the rate is below " + where);
      assertTrue(excessOfPresentValue(financed, payments, got.add(half)) < 0, "the rate is above " + where);
    } else {
      BigDecimal want = bigDecimalIrr(financed, payments);
      BigDecimal tolerance = want.multiply(BigDecimal.valueOf(1, 9));
      assertTrue(got.subtract(want).abs().compareTo(tolerance) <= 0, want + ", not " + where);
    }
  }

  @Test
  void aNegativePaymentOrAmountFinancedIsRefusedNamingIt() {
    // −50 then 200 had been given the rate 2.233688 (the root of a sum that need not have one), −5 financed the rate 0
    io.github.fenqi.core.InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(
        io.github.fenqi.core.InvalidInputException.class, () -> AnnualizedRate.of(-5, new long[] {-50, 200, -1}));
    assertEquals("[financedFen: -5 fen is negative, payments[0]: -50 fen is negative; an installment is paid, never "
        + "received, payments[2]: -1 fen is negative; an installment is paid, never received]", e.problems().toString());
    // nothing financed, or nothing to repay it with, is still rate 0
    assertEquals(BigDecimal.ZERO.setScale(6), AnnualizedRate.of(0, new long[] {Long.MAX_VALUE, Long.MAX_VALUE}));
    assertEquals(BigDecimal.ZERO.setScale(6), AnnualizedRate.of(100, new long[0]));
    assertEquals(BigDecimal.ZERO.setScale(6), AnnualizedRate.of(Long.MAX_VALUE, new long[] {Long.MAX_VALUE}));
  }

  /**
   * Payments whose sum passes a long are more than any amount financed, the largest too: a long's largest amount repaid
   * by itself in each of two months is the golden ratio's rate, 1 + r = φ, 12 × 0.6180339887… a year (taken as a sum
   * of no more than the amount, it would be 0).
   */
  @Test
  void theLargestAmountRepaidTwiceOverBeyondALongHasItsRate() {
    assertEquals(new BigDecimal("7.416408"), AnnualizedRate.of(Long.MAX_VALUE, new long[] {Long.MAX_VALUE, Long.MAX_VALUE}));
  }

  @Test
  void aRateAboveAThousandPercentAMonthIsNotCutOffAtIt() {
    // a fee of 10 a month on 10^12 yuan: 11 of 12 parts are fee; the bisection searched [0, 10] a month only, and
    // Newton never met its residual of 10^−7 fen on an amount this large, so this was reported as 120.000000
    Schedule s = Amortizer.of(RepaymentMethod.FEE_INSTALLMENT, Rate.ZERO, Rate.of("10"))
        .schedule(Amortizer.MAX_FINANCED, 12);
    assertEquals(bigDecimalIrr(s.financedAmount().fen(), payments(s)), AnnualizedRate.of(s));
    assertEquals(new BigDecimal("121.000000"), AnnualizedRate.of(s));
    // and a monthly rate above 10 from the public form directly: 1 fen repaid with 100 fen a month later is 99 a month
    assertEquals(new BigDecimal("1188.000000"), AnnualizedRate.of(1, new long[] {100}));
  }

  @Test
  void oneFenFinancedHasItsExactRate() {
    // 1 fen at 1 000 % a year with a fee of 1 fen: 2 fen, then 3 fen; (1 + r)² = 2 (1 + r) + 3 gives r = 2 a month, 24 a
    // year. A residual under 10^−7 fen is 10^−7 of this amount, and the rate was reported as 23.999998
    Schedule s = Amortizer.of(RepaymentMethod.EQUAL_PRINCIPAL, Rate.of("10"), Rate.of("1")).schedule(Money.ofFen(1), 2);
    assertEquals(2, s.installments().get(0).payment().fen());
    assertEquals(3, s.installments().get(1).payment().fen());
    assertEquals(new BigDecimal("24.000000"), AnnualizedRate.of(s));
  }

  /**
   * One month: the rate is exactly 12 × (payment − financed) / financed, a decimal that ends in a 5 at the seventh
   * place for many amounts (513 fen repaying 512 is 0.0234375 a year), and half-up takes it up. The double search lands
   * a hair below such a rate as often as above, and 0.023437 had been reported.
   */
  @Property(tries = 1000)
  void aRateExactlyHalfwayBetweenTwoSixDecimalFiguresRoundsUp(@ForAll @IntRange(min = 1, max = 2_000) int multiple,
      @ForAll @IntRange(min = 0, max = 14) int power, @ForAll @LongRange(min = 1, max = 10_000_000) long extra) {
    long financed = multiple * (1L << power);
    BigDecimal exact = BigDecimal.valueOf(12 * extra).divide(BigDecimal.valueOf(financed), MC);
    assertEquals(exact.setScale(6, RoundingMode.HALF_UP), AnnualizedRate.of(financed, new long[] {financed + extra}),
        extra + " fen on " + financed + ": " + exact.toPlainString());
  }

  @Test
  void thirteenFenOnFiveHundredTwelveIsRoundedUp() {
    assertEquals(new BigDecimal("0.023438"), AnnualizedRate.of(512, new long[] {513}));
    assertEquals(new BigDecimal("4.851563"), AnnualizedRate.of(512, new long[] {719}));
  }

  /**
   * The sign of (present value of {@code payments} at the annual rate {@code annual}) − {@code financed}, exactly: a
   * month's discount 1 + a / 12 is (12 + a) / 12, so that difference times 12^n (12 + a)^n is
   * Σ p_t 12^t (12 + a)^(n−t) − F (12 + a)^n, whose sign a decimal {@code a} gives exactly.
   */
  private static int excessOfPresentValue(long financed, long[] payments, BigDecimal annual) {
    BigDecimal x = BigDecimal.valueOf(12).add(annual);
    BigDecimal xPower = BigDecimal.ONE;
    BigDecimal value = BigDecimal.ZERO;
    for (int t = payments.length; t >= 1; t--) { // Σ p_t 12^t x^(n−t): from the last payment, x's power rising
      value = value.add(BigDecimal.valueOf(payments[t - 1]).multiply(BigDecimal.valueOf(12).pow(t)).multiply(xPower));
      xPower = xPower.multiply(x);
    }
    return value.subtract(BigDecimal.valueOf(financed).multiply(xPower)).signum();
  }

  /**
   * A rate to fewer decimals is the exact rate's figure, as the six-decimal one is, not that one rounded again: the
   * exact rate lies within half a unit of the last decimal below it, or on that half, and not on the half above.
   * Rounded twice, 2476.32 over 12 months at a 0.5 % monthly fee (10.8949…%, 0.108950 to six decimals) had been 0.1090.
   */
  @Property(tries = 300)
  void aRateToFewerDecimalsIsTheExactRatesFigure(@ForAll @IntRange(min = 0, max = 6) int decimals,
      @ForAll @LongRange(min = 1, max = 1_000_000_000L) long financed, @ForAll @IntRange(min = 1, max = 36) int term,
      @ForAll @IntRange(min = 1, max = 150) int feePerTenThousand) {
    Schedule s = Amortizer.of(RepaymentMethod.FEE_INSTALLMENT, Rate.ZERO,
        Rate.of(BigDecimal.valueOf(feePerTenThousand, 4))).schedule(Money.ofFen(financed), term);
    BigDecimal rate = AnnualizedRate.of(s, decimals);
    assertEquals(decimals, rate.scale());
    BigDecimal half = BigDecimal.valueOf(5, decimals + 1);
    long[] p = payments(s);
    assertTrue(rate.signum() == 0 || excessOfPresentValue(financed, p, rate.subtract(half)) >= 0, rate + " " + s);
    assertTrue(excessOfPresentValue(financed, p, rate.add(half)) < 0, rate + " " + s);
    if (decimals == AnnualizedRate.DECIMALS) {
      assertEquals(s.annualizedRate(), rate);
    }
  }

  @Test
  void theFourDecimalRateOfAScheduleWhoseSixDecimalFigureEndsInFiftyIsTheLowerOne() {
    Schedule s = Amortizer.of(RepaymentMethod.FEE_INSTALLMENT, Rate.ZERO, Rate.of("0.005"))
        .schedule(Money.of("2476.32"), 12);
    assertEquals(new BigDecimal("0.108950"), s.annualizedRate());
    assertEquals(new BigDecimal("0.1089"), AnnualizedRate.of(s, 4));
    assertEquals(new BigDecimal("0.1090"), AnnualizedRate.of(240_000, new long[] {242_179}, 4), "0.10895 exactly");
    assertEquals(new BigDecimal("0"), AnnualizedRate.of(100, new long[] {100}, 0));
  }

  /** One month, a rate exactly halfway at any number of decimals: half up, as at six. */
  @Property(tries = 300)
  void aRateExactlyHalfwayAtFewerDecimalsRoundsUp(@ForAll @IntRange(min = 0, max = 6) int decimals,
      @ForAll @IntRange(min = 1, max = 2_000) int multiple, @ForAll @IntRange(min = 0, max = 14) int power,
      @ForAll @LongRange(min = 1, max = 10_000_000) long extra) {
    long financed = multiple * (1L << power);
    BigDecimal exact = BigDecimal.valueOf(12 * extra).divide(BigDecimal.valueOf(financed), MC);
    assertEquals(exact.setScale(decimals, RoundingMode.HALF_UP),
        AnnualizedRate.of(financed, new long[] {financed + extra}, decimals), extra + " fen on " + financed);
  }

  @Test
  void decimalsOutsideZeroToSixAreRefusedNamingThem() {
    assertEquals("[decimals: 7 is outside 0..6]", org.junit.jupiter.api.Assertions.assertThrows(
        io.github.fenqi.core.InvalidInputException.class, () -> AnnualizedRate.of(100, new long[] {101}, 7))
        .problems().toString());
    assertEquals("[decimals: -1 is outside 0..6, financedFen: -1 fen is negative]",
        org.junit.jupiter.api.Assertions.assertThrows(io.github.fenqi.core.InvalidInputException.class,
            () -> AnnualizedRate.of(-1, new long[] {1}, -1)).problems().toString());
  }

  /**
   * A missing schedule or list of payments is named, as a missing rate or amount is by {@link Amortizer}: both had been
   * a bare NullPointerException ("Cannot read the array length because payments is null").
   */
  @Test
  void aMissingScheduleOrPaymentsIsNamed() {
    assertEquals("[schedule: is required]", org.junit.jupiter.api.Assertions.assertThrows(
        io.github.fenqi.core.InvalidInputException.class, () -> AnnualizedRate.of(null)).problems().toString());
    assertEquals("[payments: is required (an empty array for none)]", org.junit.jupiter.api.Assertions.assertThrows(
        io.github.fenqi.core.InvalidInputException.class, () -> AnnualizedRate.of(100, null)).problems().toString());
    assertEquals("[financedFen: -1 fen is negative, payments: is required (an empty array for none)]",
        org.junit.jupiter.api.Assertions.assertThrows(io.github.fenqi.core.InvalidInputException.class,
            () -> AnnualizedRate.of(-1, null)).problems().toString());
  }

  /**
   * The disclosed rate of an INTEREST_FREE plan is 0 whatever rates its policy names, and any plan's rate rises with
   * its fee: a larger monthly fee rate never shows a lower annualised rate, and a plan without interest shows a
   * positive rate exactly when it charges a fee. (A higher interest rate is not so: a fen's rounding of the annuity
   * on a small amount can repay it sooner, 6.31 over 8 months costs 7.25 at 37.6 % and 7.24 at 38.1 %.)
   */
  @Property(tries = 400)
  void anInterestFreePlanCostsNothingAndTheRateRisesWithTheFee(@ForAll RepaymentMethod method,
      @ForAll @LongRange(min = 1, max = 100_000_000_000_000L) long financed,
      @ForAll @IntRange(min = 1, max = 60) int term, @ForAll @IntRange(min = 0, max = 400) int ratePerMille,
      @ForAll @IntRange(min = 0, max = 300) int feePerTenThousand,
      @ForAll @IntRange(min = 1, max = 300) int morePerTenThousand, @ForAll boolean oneFenAmount) {
    long amount = oneFenAmount ? 1 + financed % 1000 : financed;
    Rate rate = Rate.of(BigDecimal.valueOf(ratePerMille, 3));
    Schedule s = Amortizer.of(method, rate, Rate.of(BigDecimal.valueOf(feePerTenThousand, 4)))
        .schedule(Money.ofFen(amount), term);
    Rate higherFee = Rate.of(BigDecimal.valueOf(feePerTenThousand + morePerTenThousand, 4));
    Schedule dearer = Amortizer.of(method, rate, higherFee).schedule(Money.ofFen(amount), term);
    if (method == RepaymentMethod.INTEREST_FREE) {
      assertEquals(BigDecimal.ZERO.setScale(6), s.annualizedRate(), s.toString());
      assertEquals(BigDecimal.ZERO.setScale(6), dearer.annualizedRate(), dearer.toString());
      return;
    }
    assertTrue(dearer.annualizedRate().compareTo(s.annualizedRate()) >= 0,
        dearer.annualizedRate() + " for " + dearer + " is below " + s.annualizedRate() + " for " + s);
    if (ratePerMille == 0) {
      assertEquals(s.totalFee().isPositive(), s.annualizedRate().signum() > 0, s.toString());
    }
  }

  /**
   * The exact check moves a figure down as well as up, over the longest term as over one month. 631 574 419 322.09
   * repaid by 636 865 517 703.36 a month later costs 0.10052949999999992… a year, 0.100529, where the double search
   * alone rounds to 0.100530 (so does 822 466 538 602.27 repaid by 844 768 507 993.57: 0.325391, not 0.325392); and 5.12
   * repaid by 5.13 is exactly 0.0234375, 0.023438, where the double alone gives 0.023437. The months after the first
   * pay nothing, so the rate is the same over 360 months, where the figure is still told exactly.
   */
  @Test
  void aRateAHairBelowABoundaryIsTheLowerFigureOverOneMonthOrTheLongestTerm() {
    long[][] cases = {{63_157_441_932_209L, 63_686_540_770_436L}, {82_246_653_860_227L, 84_476_850_699_357L}, {512, 513}};
    String[] want = {"0.100529", "0.325391", "0.023438"};
    for (int k = 0; k < cases.length; k++) {
      for (int term : new int[] {1, 2, Amortizer.MAX_TERM}) {
        long[] payments = new long[term];
        payments[0] = cases[k][1];
        assertEquals(new BigDecimal(want[k]), AnnualizedRate.of(cases[k][0], payments), cases[k][0] + " over " + term);
      }
    }
  }
}
