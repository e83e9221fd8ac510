package io.github.fenqi.core.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.money.Rate;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class AmortizerProperties {

  private static Amortizer amortizer(RepaymentMethod method, int ratePerMille, int feePerTenThousand) {
    return Amortizer.of(method, Rate.of(BigDecimal.valueOf(ratePerMille, 3)), Rate.of(BigDecimal.valueOf(feePerTenThousand, 4)));
  }

  @Property(tries = 1500)
  void principalPartsSumToFinancedAmountAndNothingIsNegative(@ForAll RepaymentMethod method,
      @ForAll @LongRange(min = 0, max = 100_000_000_000L) long financed, @ForAll @IntRange(min = 1, max = 360) int term,
      @ForAll @IntRange(min = 0, max = 400) int ratePerMille, @ForAll @IntRange(min = 0, max = 200) int fee) {
    Schedule s = amortizer(method, ratePerMille, fee).schedule(Money.ofFen(financed), term);
    assertEquals(term, s.installments().size());
    long principal = 0;
    for (Installment i : s.installments()) {
      principal += i.principal().fen();
      assertFalse(i.payment().isNegative() || i.principal().isNegative() || i.interest().isNegative()
          || i.fee().isNegative() || i.remaining().isNegative(), i.toString());
      assertEquals(i.payment().fen(), i.principal().fen() + i.interest().fen() + i.fee().fen());
    }
    assertEquals(financed, principal);
    assertTrue(s.installments().get(term - 1).remaining().isZero());
    if (method == RepaymentMethod.INTEREST_FREE) {
      assertEquals(Money.ofFen(financed), s.totalPayable(), "interest-free repays exactly the financed amount");
    }
  }

  @Property(tries = 1500)
  void summaryEqualsTheFullSchedule(@ForAll RepaymentMethod method,
      @ForAll @LongRange(min = 0, max = 10_000_000_000L) long financed, @ForAll @IntRange(min = 1, max = 120) int term,
      @ForAll @IntRange(min = 0, max = 400) int ratePerMille, @ForAll @IntRange(min = 0, max = 200) int fee) {
    Amortizer a = amortizer(method, ratePerMille, fee);
    Schedule s = a.schedule(Money.ofFen(financed), term);
    ScheduleSummary sum = a.summarize(financed, term);
    assertEquals(s.firstPayment().fen(), sum.firstPayment());
    assertEquals(s.installments().get(term - 1).payment().fen(), sum.lastPayment());
    assertEquals(s.totalPayable().fen(), sum.totalInstallments());
    assertEquals(s.totalInterest().fen(), sum.totalInterest());
    assertEquals(s.totalFee().fen(), sum.totalFee());
  }

  @Property(tries = 1000)
  void equalInstallmentMatchesTheTextbookAnnuityAndOnlyTheLastDiffers(
      @ForAll @LongRange(min = 100_000, max = 10_000_000_000L) long financed, @ForAll @IntRange(min = 2, max = 60) int term,
      @ForAll @IntRange(min = 1, max = 360) int ratePerMille) {
    Schedule s = amortizer(RepaymentMethod.EQUAL_INSTALLMENT, ratePerMille, 0).schedule(Money.ofFen(financed), term);
    MathContext mc = new MathContext(50);
    BigDecimal i = BigDecimal.valueOf(ratePerMille, 3).divide(BigDecimal.valueOf(12), mc);
    BigDecimal annuity = BigDecimal.valueOf(financed).multiply(i)
        .divide(BigDecimal.ONE.subtract(BigDecimal.ONE.divide(BigDecimal.ONE.add(i).pow(term, mc), mc)), mc)
        .setScale(0, RoundingMode.HALF_UP);
    for (int k = 0; k < term - 1; k++) {
      assertEquals(annuity.longValueExact(), s.installments().get(k).payment().fen(), "installment " + (k + 1));
    }
    // each month's payment and interest roundings leave at most 1 fen of error in the balance, which then
    // compounds at the monthly rate until the last installment settles it
    double g = 1 + ratePerMille / 12000.0;
    double bound = (Math.pow(g, term) - 1) / (g - 1) * g + 1;
    long last = s.installments().get(term - 1).payment().fen();
    assertTrue(Math.abs(last - annuity.longValueExact()) <= bound, "last " + last + " vs annuity " + annuity + ", bound " + bound);
  }

  @Test
  void feeInstallmentHasAboutThirteenPercentIrrForSevenPointTwoNominal() {
    Schedule s = Amortizer.of(RepaymentMethod.FEE_INSTALLMENT, Rate.ZERO, Rate.of("0.006")).schedule(Money.of("12000"), 12);
    assertEquals(Money.of("1072.00"), s.firstPayment());
    assertEquals(Money.of("12864.00"), s.totalPayable(), "nominal 12 × 0.6 % = 7.2 % of the amount");
    // monthly IRR r solves 12000 = 1072 · a(12, r): r = 1.086185 % (bisection, independently), × 12 = 13.0342 %
    assertEquals(0.130342, AnnualizedRate.of(s).doubleValue(), 0.000001);
  }

  @Property(tries = 300)
  void equalInstallmentIrrIsItsOwnAnnualRate(@ForAll @IntRange(min = 6, max = 60) int term,
      @ForAll @IntRange(min = 10, max = 300) int ratePerMille) {
    Schedule s = amortizer(RepaymentMethod.EQUAL_INSTALLMENT, ratePerMille, 0).schedule(Money.ofYuan(1_000_000), term);
    assertEquals(ratePerMille / 1000.0, AnnualizedRate.of(s).doubleValue(), 0.0001);
  }

  @Test
  void interestFreeHasZeroAnnualizedRate() {
    Schedule s = Amortizer.of(RepaymentMethod.INTEREST_FREE, Rate.of("0.18"), Rate.of("0.01")).schedule(Money.of("100.01"), 3);
    assertEquals(0, AnnualizedRate.of(s).signum());
    assertEquals(Money.of("33.33"), s.firstPayment());
    assertEquals(Money.of("33.35"), s.installments().get(2).payment(), "the last installment absorbs rounding");
  }

  @Test
  void rejectsBadTermAndNegativeAmountNamingBoth() {
    Amortizer a = Amortizer.of(RepaymentMethod.EQUAL_PRINCIPAL, Rate.of("0.1"), Rate.ZERO);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> a.schedule(Money.of("-1"), 0));
    assertEquals(2, e.problems().size());
    assertEquals("amount", e.problems().get(0).location());
    assertEquals("term", e.problems().get(1).location());
  }

  /**
   * A missing argument is named where it is given: a null rate had been a bare NullPointerException from inside
   * {@code Amortizer.of}, a null amount or down payment one from inside {@code schedule}.
   */
  @Test
  void aMissingArgumentIsNamed() {
    assertEquals("[method: is required; one of [EQUAL_INSTALLMENT, EQUAL_PRINCIPAL, FEE_INSTALLMENT, INTEREST_FREE], "
        + "annualRate: is required (Rate.ZERO for none), monthlyFeeRate: is required (Rate.ZERO for none)]",
        assertThrows(InvalidInputException.class, () -> Amortizer.of(null, null, null)).problems().toString());
    assertEquals("[monthlyFeeRate: is required (Rate.ZERO for none)]", assertThrows(InvalidInputException.class,
        () -> Amortizer.of(RepaymentMethod.EQUAL_PRINCIPAL, Rate.ZERO, null)).problems().toString());
    Amortizer a = Amortizer.of(RepaymentMethod.EQUAL_PRINCIPAL, Rate.of("0.1"), Rate.ZERO);
    assertEquals("[amount: is required]",
        assertThrows(InvalidInputException.class, () -> a.schedule(null, 12)).problems().toString());
    assertEquals("[downPayment: is required (Money.ZERO for none)]", assertThrows(InvalidInputException.class,
        () -> a.schedule(Money.of("100"), 12, null)).problems().toString());
  }

  /**
   * A down payment that the installments cannot be added to within a {@code long} of fen is refused naming
   * {@code downPayment}, as {@link Amortizer#schedule(Money, int, Money)} promises for one out of range: it had been
   * refused naming {@code installments}, which the amortizer drew itself and which sum to 1.01 here.
   */
  @Test
  void aDownPaymentTheTotalCannotHoldIsRefusedNamingIt() {
    Amortizer a = Amortizer.of(RepaymentMethod.EQUAL_INSTALLMENT, Rate.of("0.1"), Rate.ZERO);
    assertEquals(101, a.schedule(Money.ofFen(100), 1).totalPayable().fen());
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> a.schedule(Money.ofFen(100), 1, Money.ofFen(Long.MAX_VALUE - 100)));
    assertEquals("[downPayment: '92233720368547757.07' and the installments' 1.01 sum beyond 92233720368547758.07; "
        + "totalPayable could not be told]", e.problems().toString());
    // the largest down payment the total holds is taken
    assertEquals(Money.ofFen(Long.MAX_VALUE), a.schedule(Money.ofFen(100), 1, Money.ofFen(Long.MAX_VALUE - 101))
        .totalPayable());
  }
}
