package io.github.fenqi.core.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.money.Rate;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The disclosed rate as a borrower would check it in a spreadsheet: Excel's IRR of the cash flows (−financed, the
 * installments), worked by hand here as Newton's method in 50-digit BigDecimal from Excel's default guess of 10 % a
 * month, times 12 and half-up to six decimals. For equal-installment, equal-principal and interest-first (先息后本,
 * built by hand: interest each month, the principal with the last) plans over 12, 24, 36 and 60 months, with and
 * without a monthly fee and a down payment.
 */
class AnnualizedRateCrossCheckTest {
  private static final MathContext MC = new MathContext(50, RoundingMode.HALF_EVEN);
  private static final Rate NOMINAL = Rate.of("0.12");
  private static final Rate FEE = Rate.of("0.005");
  private static final Money PRICE = Money.of("120000.00");
  private static final int[] TERMS = {12, 24, 36, 60};

  /** Excel's IRR of −financed then the payments a month apart, by Newton's method in BigDecimal: the monthly rate. */
  static BigDecimal excelMonthlyIrr(long financed, long[] payments) {
    BigDecimal r = new BigDecimal("0.1");
    for (int iter = 0; iter < 200; iter++) {
      BigDecimal v = BigDecimal.ONE.divide(BigDecimal.ONE.add(r), MC);
      BigDecimal vt = BigDecimal.ONE;
      BigDecimal npv = BigDecimal.valueOf(-financed);
      BigDecimal slope = BigDecimal.ZERO;
      for (int t = 1; t <= payments.length; t++) {
        vt = vt.multiply(v, MC);
        BigDecimal discounted = BigDecimal.valueOf(payments[t - 1]).multiply(vt, MC);
        npv = npv.add(discounted, MC);
        slope = slope.subtract(discounted.multiply(BigDecimal.valueOf(t), MC).multiply(v, MC), MC);
      }
      BigDecimal step = npv.divide(slope, MC);
      r = r.subtract(step, MC);
      if (step.abs().compareTo(BigDecimal.valueOf(1, 40)) < 0) {
        return r;
      }
    }
    throw new AssertionError("Newton did not settle for " + financed + " repaid by " + Arrays.toString(payments));
  }

  private static BigDecimal excelAnnual(long financed, long[] payments) {
    return excelMonthlyIrr(financed, payments).multiply(BigDecimal.valueOf(12)).setScale(6, RoundingMode.HALF_UP);
  }

  private static long[] payments(Schedule s) {
    return s.installments().stream().mapToLong(i -> i.payment().fen()).toArray();
  }

  /** 先息后本: a month's interest on the whole amount, half-up, and the fee each month; the principal with the last. */
  private static long[] interestFirst(long financed, int term, Rate annual, Rate monthlyFee) {
    long interest = BigDecimal.valueOf(financed).multiply(annual.value())
        .divide(BigDecimal.valueOf(12), 0, RoundingMode.HALF_UP).longValueExact();
    long fee = BigDecimal.valueOf(financed).multiply(monthlyFee.value()).setScale(0, RoundingMode.HALF_UP)
        .longValueExact();
    long[] payments = new long[term];
    Arrays.fill(payments, interest + fee);
    payments[term - 1] += financed;
    return payments;
  }

  @Test
  void everyMethodTermFeeAndDownPaymentHasExcelsIrr() {
    for (Money down : new Money[] {Money.ZERO, Money.of("24000.00")}) {
      Money financed = PRICE.minus(down);
      for (Rate fee : new Rate[] {Rate.ZERO, FEE}) {
        for (int term : TERMS) {
          for (RepaymentMethod method : new RepaymentMethod[] {RepaymentMethod.EQUAL_INSTALLMENT,
              RepaymentMethod.EQUAL_PRINCIPAL}) {
            Schedule s = Amortizer.of(method, NOMINAL, fee).schedule(financed, term, down);
            String where = method + " " + financed + " over " + term + " with " + down + " down, fee " + fee;
            long[] installments = payments(s);
            assertEquals(down.fen(), s.totalPayable().fen() - Arrays.stream(installments).sum(), where);
            assertEquals(excelAnnual(financed.fen(), installments), s.annualizedRate(), where);
            // the down payment is not lent, so it does not enter the rate: the plan of the financed amount alone
            Schedule alone = Amortizer.of(method, NOMINAL, fee).schedule(financed, term);
            assertEquals(alone.annualizedRate(), s.annualizedRate(), where);
          }
          long[] first = interestFirst(financed.fen(), term, NOMINAL, fee);
          assertEquals(excelAnnual(financed.fen(), first), AnnualizedRate.of(financed.fen(), first),
              "interest-first " + financed + " over " + term + ", fee " + fee);
        }
      }
    }
  }

  /**
   * Interest charged on the remaining balance at the nominal rate is an IRR of that rate, whatever the method and term
   * (to the fen's rounding, well below 10^−6 a year on these amounts); a fee on the original amount is not: 0.5 % a
   * month is 6 % a year on paper, and the disclosed rate rises with the term as the balance the fee is charged on
   * falls behind it — except interest-first, whose balance stays whole, where it adds exactly 6 %.
   */
  @Test
  void interestOnTheBalanceIsItsNominalRateAndAFeeOnTheAmountCostsMore() {
    BigDecimal nominal = new BigDecimal("0.120000");
    for (int term : TERMS) {
      for (RepaymentMethod method : new RepaymentMethod[] {RepaymentMethod.EQUAL_INSTALLMENT,
          RepaymentMethod.EQUAL_PRINCIPAL}) {
        assertEquals(nominal, Amortizer.of(method, NOMINAL, Rate.ZERO).schedule(PRICE, term).annualizedRate(),
            method + " over " + term);
        BigDecimal withFee = Amortizer.of(method, NOMINAL, FEE).schedule(PRICE, term).annualizedRate();
        assertTrue(withFee.compareTo(new BigDecimal("0.18")) > 0, method + " over " + term + ": " + withFee);
      }
      assertEquals(nominal, AnnualizedRate.of(PRICE.fen(), interestFirst(PRICE.fen(), term, NOMINAL, Rate.ZERO)));
      assertEquals(new BigDecimal("0.180000"), AnnualizedRate.of(PRICE.fen(), interestFirst(PRICE.fen(), term, NOMINAL,
          FEE)), "interest-first over " + term);
    }
  }

  /**
   * A credit-card plan of a 0.6 % monthly fee pays a level installment, whose rate is Excel's RATE(n, −payment,
   * amount): RATE(12, −10 720, 120 000) = 1.0861851 % a month, 0.130342 a year; the same at 24, 36 and 60 months.
   */
  @Test
  void aLevelFeePlanHasExcelsRate() {
    assertEquals(new BigDecimal("0.130342"), Amortizer.of(RepaymentMethod.FEE_INSTALLMENT, Rate.ZERO, Rate.of("0.006"))
        .schedule(PRICE, 12).annualizedRate());
    for (int term : TERMS) {
      Schedule s = Amortizer.of(RepaymentMethod.FEE_INSTALLMENT, Rate.ZERO, Rate.of("0.006")).schedule(PRICE, term);
      assertEquals(excelAnnual(PRICE.fen(), payments(s)), s.annualizedRate(), "fee plan over " + term);
    }
  }
}
