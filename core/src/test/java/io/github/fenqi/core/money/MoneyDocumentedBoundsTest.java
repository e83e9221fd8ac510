package io.github.fenqi.core.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bounds {@link Money} and {@link Decimals} document (an amount's range and arithmetic, a rate's or a ratio's
 * text, how a message shows a decimal), each tested on both sides: mutation round 8 found them checked on one side
 * only, or not at all.
 */
class MoneyDocumentedBoundsTest {

  /**
   * "Beyond ±10^15 yuan" is refused: 10^15 yuan itself, whole or with zero decimals, in text or as a BigDecimal, is an
   * amount ({@link Money#LARGEST_INPUT}); a fen more is not.
   */
  @Test
  void tenToTheFifteenYuanIsTheLargestAmountReadAndAFenMoreIsRefused() {
    for (String sign : new String[] {"", "+", "-"}) {
      Money want = sign.equals("-") ? Money.LARGEST_INPUT.negate() : Money.LARGEST_INPUT;
      assertEquals(want, Money.parse("principal", sign + "1000000000000000"));
      assertEquals(want, Money.parse("principal", sign + "1000000000000000.00"));
      assertEquals(want, Money.of(new BigDecimal(sign + "1000000000000000.00")));
      String over = sign + "1000000000000000.01";
      assertEquals("principal: '" + Problem.excerpt(over) + "' is out of range; "
          + "amounts are limited to ±10^15 yuan",
          assertThrows(InvalidInputException.class, () -> Money.parse("principal", over)).getMessage());
      assertThrows(InvalidInputException.class, () -> Money.of(new BigDecimal(over)));
    }
  }

  /** "At most 40 characters": 41 are refused for their length, as 42 are. */
  @Test
  void aDecimalOfFortyOneCharactersIsRefusedForItsLength() {
    String fortyOne = "0." + "1".repeat(39);
    assertEquals(41, fortyOne.length());
    assertEquals("annualRate: '" + fortyOne.substring(0, 37) + "...' has 41 characters; a decimal is read from at most "
        + "40, such as \"0.06\"",
        assertThrows(InvalidInputException.class, () -> Rate.parse("annualRate", fortyOne)).getMessage());
    String forty = fortyOne.substring(0, 40);
    assertEquals(new BigDecimal(forty), Ratio.parse("waiverCap", forty).value());
  }

  /**
   * A sign or a point without a digit, or a second point, is no decimal: refused naming the field, never the
   * {@link NumberFormatException} {@link BigDecimal} would throw at the user.
   */
  @ParameterizedTest
  @ValueSource(strings = {".", "+", "-", "+.", "-.", "1.2.3", "0..5", "..", "+-1"})
  void aSignOrAPointWithoutADigitOrTwoPointsIsNoDecimal(String text) {
    assertEquals("annualRate: '" + text + "' is not a decimal number such as \"0.06\"",
        assertThrows(InvalidInputException.class, () -> Rate.parse("annualRate", text)).getMessage());
    // a ratio is shown a ratio's example, as FractionDeserializer shows it in JSON
    assertEquals("waiverCap: '" + text + "' is not a decimal number such as \"0.5\"",
        assertThrows(InvalidInputException.class, () -> Ratio.parse("waiverCap", text)).getMessage());
  }

  /** "An optional sign": a plus is read as a minus is, and a point with digits on one side only is a decimal. */
  @Test
  void aPlusSignAndAPointWithDigitsOnOneSideAreRead() {
    assertEquals(Rate.of("0.06"), Rate.parse("annualRate", "+0.06"));
    assertEquals(Ratio.of("0.5"), Ratio.parse("waiverCap", "+.5"));
    assertEquals(Rate.of("7"), Rate.parse("annualRate", "7."));
    assertEquals("annualRate: '-0.06' is outside 0..10",
        assertThrows(InvalidInputException.class, () -> Rate.parse("annualRate", "-0.06")).getMessage());
  }

  /** Every full-width digit, ０ and ９ included, is named as full-width in a refusal. */
  @ParameterizedTest
  @ValueSource(strings = {"０", "９", "0.０", "0.９"})
  void eachFullWidthDigitIsNamed(String text) {
    assertEquals("annualRate: '" + text + "' is not a decimal number such as \"0.06\" in the digits 0-9 (these are "
        + "full-width)", assertThrows(InvalidInputException.class, () -> Rate.parse("annualRate", text)).getMessage());
    assertEquals("principal: '" + text + "' is not an amount; expected a decimal such as \"1234.56\" in the digits 0-9 "
        + "(these are full-width)", assertThrows(InvalidInputException.class, () -> Money.parse("principal", text))
            .getMessage());
  }

  /**
   * A message writes a decimal out in full when that takes at most 40 digits, else in exponent form: 1E+39 is forty
   * digits written out, 1E+40 forty-one; 1E-39 is forty digits (its zero before the point counted), 1E-40 forty-one.
   */
  @Test
  void aDecimalIsShownInFullUpToFortyDigits() {
    assertEquals("1" + "0".repeat(39), Decimals.shown(new BigDecimal("1E+39")));
    assertEquals("1E+40", Decimals.shown(new BigDecimal("1E+40")));
    assertEquals("0." + "0".repeat(38) + "1", Decimals.shown(new BigDecimal("1E-39")));
    assertEquals("1E-40", Decimals.shown(new BigDecimal("1E-40")));
    assertEquals("rate: '-1E-40' is outside 0..10",
        assertThrows(InvalidInputException.class, () -> Rate.of(new BigDecimal("-1E-40"))).getMessage());
    assertEquals("amount: '1" + "0".repeat(39) + "' is out of range; amounts are limited to ±10^15 yuan",
        assertThrows(InvalidInputException.class, () -> Money.of(new BigDecimal("1E+39"))).getMessage());
  }

  /** "Every operation that could overflow is checked": minus and negate too, as plus and times are. */
  @Test
  void minusAndNegateThrowRatherThanWrap() {
    assertThrows(ArithmeticException.class, () -> Money.ofFen(Long.MIN_VALUE).minus(Money.ofFen(1)));
    assertThrows(ArithmeticException.class, () -> Money.ofFen(Long.MAX_VALUE).minus(Money.ofFen(-1)));
    assertThrows(ArithmeticException.class, () -> Money.ofFen(Long.MIN_VALUE).negate());
    assertEquals(Money.ofFen(Long.MIN_VALUE), Money.ofFen(Long.MIN_VALUE + 1).minus(Money.ofFen(1)));
    assertEquals(Money.ofFen(-Long.MAX_VALUE), Money.ofFen(Long.MAX_VALUE).negate());
  }

  /**
   * A product between a tenth of a fen and a fen rounds with the caller's mode as any other: half a fen up is a fen,
   * 0.95 fen half-up is a fen, 0.4 fen half-up is none.
   */
  @Test
  void aProductBelowOneFenRoundsWithTheCallersMode() {
    assertEquals(Money.ofFen(1), Money.ofFen(1).multiply(new BigDecimal("0.5"), RoundingMode.HALF_UP));
    assertEquals(Money.ofFen(1), Money.ofFen(5).multiply(new BigDecimal("0.19"), RoundingMode.HALF_UP));
    assertEquals(Money.ofFen(-1), Money.ofFen(-5).multiply(new BigDecimal("0.19"), RoundingMode.HALF_EVEN));
    assertEquals(Money.ZERO, Money.ofFen(4).multiply(new BigDecimal("0.1"), RoundingMode.HALF_UP));
    assertEquals(Money.ZERO, Money.ofFen(1).multiply(new BigDecimal("0.5"), RoundingMode.HALF_EVEN));
  }

  /** Comparisons are strict: an amount is not greater or less than itself, and zero is neither positive nor negative. */
  @Test
  void comparisonsAreStrictAtEqualityAndZero() {
    Money five = Money.ofFen(5);
    assertEquals(List.of(false, false, true, false), List.of(five.isGreaterThan(Money.ofFen(5)),
        five.isLessThan(Money.ofFen(5)), five.isGreaterThan(Money.ofFen(4)), five.isLessThan(Money.ofFen(4))));
    assertEquals(List.of(false, false, true), List.of(Money.ZERO.isPositive(), Money.ZERO.isNegative(), Money.ZERO.isZero()));
    assertEquals(List.of(true, false), List.of(Money.ofFen(1).isPositive(), Money.ofFen(1).isNegative()));
    assertEquals(List.of(false, true), List.of(Money.ofFen(-1).isPositive(), Money.ofFen(-1).isNegative()));
    assertEquals(0.0, Money.ofFen(5).ratioTo(Money.ZERO), "a fraction of nothing is zero, as documented");
  }

  /** An amount is divided into at least one part: zero parts is refused naming them, not a division by zero. */
  @Test
  void dividingIntoZeroPartsIsRefusedNamingTheParts() {
    assertEquals("parts must be positive: 0", assertThrows(IllegalArgumentException.class,
        () -> Money.ofFen(100).divide(0, RoundingMode.DOWN)).getMessage());
    assertEquals(Money.ofFen(100), Money.ofFen(100).divide(1, RoundingMode.DOWN));
    assertEquals(Money.ofFen(-50), Money.ofFen(-100).divide(2, RoundingMode.UNNECESSARY));
    assertThrows(ArithmeticException.class, () -> Money.ofFen(100).divide(3, RoundingMode.UNNECESSARY),
        "a part that is not whole, under UNNECESSARY, as documented");
  }

  /**
   * A rate is 0..10 and a ratio 0..1, both ends included, whether parsed or built in code; outside them the refusal names
   * the field given to {@code parse}.
   */
  @Test
  void aRateIsZeroToTenAndARatioZeroToOneBothEndsIncluded() {
    assertEquals(0, BigDecimal.TEN.compareTo(Rate.parse("annualRate", "10").value()));
    assertEquals(BigDecimal.TEN, Rate.of(BigDecimal.TEN).value());
    assertEquals(0, BigDecimal.ONE.compareTo(Ratio.parse("waiverCap", "1.00").value()));
    assertEquals(BigDecimal.ONE, Ratio.of(BigDecimal.ONE).value());
    assertEquals(Rate.ZERO, Rate.parse("annualRate", "0"));
    assertEquals(Ratio.ZERO, Ratio.parse("waiverCap", "0.0"));
    assertEquals("annualRate: '10.000001' is outside 0..10",
        assertThrows(InvalidInputException.class, () -> Rate.parse("annualRate", "10.000001")).getMessage());
    assertEquals("waiverCap: '1.01' is outside 0..1",
        assertThrows(InvalidInputException.class, () -> Ratio.parse("waiverCap", "1.01")).getMessage());
    assertEquals("waiverCap: '-0.5' is outside 0..1",
        assertThrows(InvalidInputException.class, () -> Ratio.parse("waiverCap", "-0.5")).getMessage());
    assertEquals("ratio: '-0.5' is outside 0..1",
        assertThrows(InvalidInputException.class, () -> Ratio.of(new BigDecimal("-0.5"))).getMessage());
    assertEquals("rate: '10.01' is outside 0..10",
        assertThrows(InvalidInputException.class, () -> Rate.of(new BigDecimal("10.01"))).getMessage());
  }

  /** A rate or a ratio is its value however written: 0.06 equals 0.060, with the same hash. */
  @Test
  void aRateOrARatioIsItsValueHoweverWritten() {
    assertEquals(Rate.of("0.06"), Rate.of("0.060"));
    assertEquals(Rate.of("0.06").hashCode(), Rate.of("0.060").hashCode());
    assertEquals(Ratio.of("0.5"), Ratio.of("0.50"));
    assertEquals(Ratio.of("0.5").hashCode(), Ratio.of(".500").hashCode());
  }
}
