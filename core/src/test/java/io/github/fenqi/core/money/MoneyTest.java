package io.github.fenqi.core.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

  @Test
  void parsesDecimalYuanIntoFen() {
    assertEquals(123456, Money.of("1234.56").fen());
    assertEquals(50, Money.of("0.5").fen());
    assertEquals(-700, Money.of("-7").fen());
    assertEquals(100, Money.of("1.000").fen(), "trailing zeros beyond two decimals are not extra precision");
  }

  @Test
  void printsTwoDecimals() {
    assertEquals("1234.50", Money.ofFen(123450).toString());
    assertEquals("-0.05", Money.ofFen(-5).toString());
    assertEquals("0.00", Money.ZERO.toString());
  }

  @Test
  void rejectsMoreThanTwoDecimalsNamingTheField() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> Money.parse("debts[2].principal", "12.345"));
    assertEquals("debts[2].principal: '12.345' has 3 decimals; money has at most 2", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "abc", "", "12,34", "1e20", "99999999999999999999", "RED",
      "1E", "e5"})
  void rejectsNonAmounts(String text) {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> Money.parse("income", text));
    assertTrue(e.getMessage().startsWith("income: "), e.getMessage());
  }

  /**
   * Digits are 0-9, as in rates: BigDecimal reads any script's digits, so "١٢٣" was 123 yuan and "４.８e４" 48 000 (past
   * the exponent check, whose pattern is ASCII); full-width digits, which a Chinese input method types, are named.
   */
  @Test
  void onlyAsciiDigitsAreAnAmount() {
    assertEquals("principal: '١٢٣' is not an amount; expected a decimal such as \"1234.56\"",
        assertThrows(InvalidInputException.class, () -> Money.parse("principal", "١٢٣")).getMessage());
    for (String fullWidth : new String[] {"１２３４.５６", "４.８e４"}) {
      assertEquals("principal: '" + fullWidth + "' is not an amount; expected a decimal such as \"1234.56\" in the "
          + "digits 0-9 (these are full-width)",
          assertThrows(InvalidInputException.class, () -> Money.parse("principal", fullWidth)).getMessage());
    }
    assertEquals(Money.ofFen(123_456), Money.parse("principal", " +1234.56 "));
  }

  /**
   * A rate or a ratio in full-width digits, as a Chinese input method types them, is named so, as an amount is: "０.０６"
   * had been called "not a decimal number such as "0.06"", which looks the same.
   */
  @Test
  void fullWidthDigitsInARateOrARatioAreNamed() {
    assertEquals("annualRate: '０.１８' is not a decimal number such as \"0.06\" in the digits 0-9 (these are full-width)",
        assertThrows(InvalidInputException.class, () -> Rate.parse("annualRate", "０.１８")).getMessage());
    assertEquals("waiverCap: '0.５' is not a decimal number such as \"0.5\" in the digits 0-9 (these are full-width)",
        assertThrows(InvalidInputException.class, () -> Ratio.parse("waiverCap", "0.５")).getMessage());
    assertEquals("annualRate: '١' is not a decimal number such as \"0.06\"",
        assertThrows(InvalidInputException.class, () -> Rate.parse("annualRate", "١")).getMessage());
  }

  /**
   * A no-break space (U+00A0, U+2007, U+202F: a cell copied from a web page or a spreadsheet) around a value is a space:
   * text is read without it, as it is without any other space, and JSON refuses it as it refuses those. It had been
   * "' 48000.00' is not an amount", quoting what reads as a valid amount after an ordinary space.
   */
  @Test
  void aNoBreakSpaceAroundAValueIsASpace() throws Exception {
    assertEquals(Money.ofFen(4_800_000), Money.parse("principal", "\u00A048000.00\u202F"));
    assertEquals(Rate.of("0.06"), Rate.parse("annualRate", "0.06\u00A0"));
    assertEquals(Ratio.of("0.5"), Ratio.parse("waiverCap", "\u20070.5"));
    var mapper = io.github.fenqi.core.json.FenqiJson.newMapper();
    assertEquals("amount: '\u00A048000.00' has spaces around it; write the value alone, such as \"1234.56\"",
        assertThrows(InvalidInputException.class, () -> mapper.readValue("\"\\u00A048000.00\"", Money.class))
            .getMessage());
    assertEquals("rate: '0.06\u202F' has spaces around it; write the value alone, such as \"0.06\"",
        assertThrows(InvalidInputException.class, () -> mapper.readValue("\"0.06\\u202F\"", Rate.class))
            .getMessage());
    assertEquals("amount: '4\u00A0800.00' is not an amount; expected a decimal such as \"1234.56\"",
        assertThrows(InvalidInputException.class, () -> Money.parse("amount", "4\u00A0800.00")).getMessage(),
        "a space inside an amount is still no amount");
  }

  /** "1.23457E+11" is how a spreadsheet shortens 123456789012.34: read as 123457000000 it would be silently wrong. */
  @ParameterizedTest
  @ValueSource(strings = {"4.8e4", "1.23457E+11", "5E2"})
  void exponentNotationIsRejectedEvenWhenItIsExact(String text) {
    assertEquals("principal: 'RED' is not an amount; expected a decimal such as \"1234.56\"",
        assertThrows(InvalidInputException.class, () -> Money.parse("principal", "RED")).getMessage(),
        "a word with an E is not exponent notation");
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> Money.parse("principal", text));
    assertEquals("principal: '" + text + "' is in exponent notation; write the amount in full, such as \"48000.00\" "
        + "(a spreadsheet may have shortened it)", e.getMessage());
  }

  @Test
  void arithmeticOverflowIsAnErrorNotAWrap() {
    Money big = Money.ofFen(Long.MAX_VALUE - 1);
    assertThrows(ArithmeticException.class, () -> big.plus(Money.ofFen(2)));
    assertThrows(ArithmeticException.class, () -> big.times(2));
    assertThrows(ArithmeticException.class, () -> Money.ofYuan(Long.MAX_VALUE / 10));
  }

  @Test
  void multiplyRoundsAsTheCallerChooses() {
    Money m = Money.of("100.05");
    assertEquals("50.02", m.multiply(new BigDecimal("0.5"), RoundingMode.DOWN).toString());
    assertEquals("50.03", m.multiply(new BigDecimal("0.5"), RoundingMode.HALF_UP).toString());
  }

  @Property
  void textRoundTripIsIdentity(@ForAll @LongRange(min = -100_000_000_000_000L, max = 100_000_000_000_000L) long fen) {
    Money m = Money.ofFen(fen);
    assertEquals(m, Money.of(m.toString()));
  }

  @Property
  void divideNeverLosesMoreThanOneFenPerPart(@ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long fen,
      @ForAll @LongRange(min = 1, max = 120) long parts) {
    Money part = Money.ofFen(fen).divide(parts, RoundingMode.DOWN);
    long rest = fen - part.fen() * parts;
    assertTrue(rest >= 0 && rest < parts, "remainder " + rest);
  }

  /**
   * A million digits, as a bank export's cell or a case file's string may hold: the exponent check backtracked over
   * every split of the digits and BigDecimal read them all, so one such amount (a JSON string may have millions of
   * characters) held the caller for hours before it was refused; 64 000 digits took 37 seconds.
   */
  @Test
  void anAmountOfAMillionDigitsIsRefusedAtOnceNamingTheField() {
    String digits = "9".repeat(1_000_000);
    assertEquals("principal: '" + digits.substring(0, 37) + "...' is out of range; amounts are limited to ±10^15 yuan",
        refusedAtOnce(() -> Money.parse("principal", digits)));
    String decimals = "0." + "0".repeat(999_999) + "1";
    assertEquals("principal: '0.00000000000000000000000000000000000...' has 1000000 decimals; money has at most 2",
        refusedAtOnce(() -> Money.parse("principal", decimals)));
    String padded = "0".repeat(1_000_000) + "1234.5" + "0".repeat(1_000_000);
    assertEquals(Money.ofFen(123_450),
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60),
            () -> Money.parse("principal", padded)));
  }

  /**
   * Reading only the significant digits is reading the whole text: the same amount, or the same refusal, as BigDecimal
   * gives for every plain decimal, with zeros before and after that do not change its value.
   */
  @Property(tries = 2000)
  void theSignificantDigitsReadAsTheWholeText(@ForAll @StringLength(max = 20) @NumericChars String whole,
      @ForAll @StringLength(max = 6) @NumericChars String fraction, @ForAll boolean dot,
      @ForAll @IntRange(min = 0, max = 2) int sign, @ForAll @IntRange(min = 0, max = 3) int zerosBefore,
      @ForAll @IntRange(min = 0, max = 3) int zerosAfter) {
    String digitsAfter = dot ? fraction + "0".repeat(zerosAfter) : "";
    String unsigned = "0".repeat(zerosBefore) + whole + (dot ? "." + digitsAfter : "");
    Assume.that(!(zerosBefore == 0 && whole.isEmpty()) || !digitsAfter.isEmpty());
    String text = new String[] {"", "+", "-"}[sign] + unsigned;
    BigDecimal value = new BigDecimal(text);
    String want;
    String quoted = Problem.excerpt(text); // what reads as an identifier is masked: a problem's reason goes to logs
    if (value.stripTrailingZeros().scale() > 2) {
      want = "x: '" + quoted + "' has " + value.stripTrailingZeros().scale() + " decimals; money has at most 2";
    } else if (value.abs().compareTo(new BigDecimal("1000000000000000")) > 0) {
      want = "x: '" + quoted + "' is out of range; amounts are limited to ±10^15 yuan";
    } else {
      want = Money.ofFen(value.movePointRight(2).longValueExact()).toString();
    }
    String got;
    try {
      got = Money.parse("x", text).toString();
    } catch (InvalidInputException e) {
      got = e.getMessage();
    }
    assertEquals(want, got, text);
  }

  /**
   * A BigDecimal a caller built from its own user's "1e999999999" is refused as quickly as the text would be: each
   * message wrote the value out in full, a billion digits, and ran out of memory (or took seconds) doing so.
   */
  @Test
  void aValueTooFarOutToWriteInFullIsShownInExponentForm() {
    assertEquals("amount: '1E+999999999' is out of range; amounts are limited to ±10^15 yuan",
        refusedAtOnce(() -> Money.of(new BigDecimal("1e999999999"))));
    assertEquals("amount: '1E-999999999' has 999999999 decimals; money has at most 2",
        refusedAtOnce(() -> Money.of(new BigDecimal("1e-999999999"))));
    assertEquals("rate: '1E+999999999' is outside 0..10", refusedAtOnce(() -> Rate.of(new BigDecimal("1e999999999"))));
    assertEquals("ratio: '-1E-999999999' is outside 0..1",
        refusedAtOnce(() -> Ratio.of(new BigDecimal("-1e-999999999"))));
    // a value that is written out in 40 digits or fewer is shown in full, as before
    assertEquals("amount: '100000000000000000000' is out of range; amounts are limited to ±10^15 yuan",
        assertThrows(InvalidInputException.class, () -> Money.of(new BigDecimal("1e20"))).getMessage());
    assertEquals("amount: '0.001' has 3 decimals; money has at most 2",
        assertThrows(InvalidInputException.class, () -> Money.of(new BigDecimal("1e-3"))).getMessage());
  }

  /**
   * A rate or ratio built in code with more decimals than any text may carry ({@code new BigDecimal("1E-99999999")}) is
   * refused when it is made: as a fee rate it held {@code Amortizer.summarize} for minutes rounding the fee to the fen,
   * as a waiver cap it did so to {@code Money.multiply}, and writing it out (its JSON, a message) took a hundred
   * million digits; a zero with that many decimals was written out as them too.
   */
  @Test
  void aRateOrRatioWithMoreDecimalsThanTextCanHoldIsRefusedAtOnce() {
    assertEquals("rate: '1E-99999999' has 99999999 decimals; a rate has at most 40",
        refusedAtOnce(() -> Rate.of(new BigDecimal("1E-99999999"))));
    assertEquals("rate: '0E-99999999' has 99999999 decimals; a rate has at most 40",
        refusedAtOnce(() -> Rate.of(new BigDecimal("0E-99999999"))));
    assertEquals("ratio: '1E-99999999' has 99999999 decimals; a ratio has at most 40",
        refusedAtOnce(() -> Ratio.of(new BigDecimal("1E-99999999"))));
    assertEquals("ratio: '1E-41' has 41 decimals; a ratio has at most 40",
        refusedAtOnce(() -> Ratio.of(new BigDecimal("1E-41"))));
    // forty decimals, more than the longest text (40 characters) gives, are kept as they are
    BigDecimal forty = new BigDecimal("6E-40");
    assertEquals(forty, Rate.of(forty).value());
    assertEquals(forty, Ratio.of(forty).value());
    assertEquals(Money.ofFen(1), Money.ofFen(1).multiply(Ratio.of(forty).value(), RoundingMode.UP));
  }

  /**
   * A factor given as a BigDecimal of extreme scale is multiplied at once: rounding {@code fen × 1E-99999999} to the
   * fen divided by 10^99999999 and held the caller for minutes, and {@code × 1E+99999999} multiplied by it before the
   * overflow was found. Below a tenth of a fen the product rounds as any such product of its sign does; from 10^19 fen
   * on it cannot be a long.
   */
  @Test
  void aFactorOfExtremeScaleIsMultipliedAtOnce() {
    BigDecimal tiny = new BigDecimal("1E-99999999");
    java.util.Map<RoundingMode, long[]> want = java.util.Map.of(RoundingMode.UP, new long[] {1, -1},
        RoundingMode.DOWN, new long[] {0, 0}, RoundingMode.CEILING, new long[] {1, 0},
        RoundingMode.FLOOR, new long[] {0, -1}, RoundingMode.HALF_UP, new long[] {0, 0},
        RoundingMode.HALF_DOWN, new long[] {0, 0}, RoundingMode.HALF_EVEN, new long[] {0, 0});
    want.forEach((mode, fen) -> {
      assertEquals(Money.ofFen(fen[0]), inTime(() -> Money.ofFen(5).multiply(tiny, mode)), mode.toString());
      assertEquals(Money.ofFen(fen[1]), inTime(() -> Money.ofFen(-5).multiply(tiny, mode)), mode.toString());
    });
    assertEquals(Money.ZERO, inTime(() -> Money.ZERO.multiply(tiny, RoundingMode.UNNECESSARY)));
    assertThrows(ArithmeticException.class,
        () -> inTime(() -> Money.ofFen(5).multiply(tiny, RoundingMode.UNNECESSARY)));
    assertThrows(ArithmeticException.class,
        () -> inTime(() -> Money.ofFen(1).multiply(new BigDecimal("1E+99999999"), RoundingMode.DOWN)));
    assertEquals(Money.ZERO, inTime(() -> Money.ZERO.multiply(new BigDecimal("1E+99999999"), RoundingMode.DOWN)));
    // at the edges of the shortcut, the product as before
    assertEquals(Money.ofFen(1), Money.ofFen(1).multiply(new BigDecimal("0.1"), RoundingMode.UP));
    assertEquals(Money.ZERO, Money.ofFen(1).multiply(new BigDecimal("0.5"), RoundingMode.HALF_DOWN));
    assertEquals(Money.ofFen(Long.MAX_VALUE), Money.ofFen(Long.MAX_VALUE).multiply(BigDecimal.ONE, RoundingMode.DOWN));
    assertThrows(ArithmeticException.class,
        () -> Money.ofFen(Long.MAX_VALUE).multiply(new BigDecimal("1.0000000000000000001"), RoundingMode.UP));
  }

  /**
   * A rate or ratio written out to more digits than are read (a computed 1/6 pasted in full) is refused for its length,
   * not called "not a decimal number", which it is.
   */
  @Test
  void aDecimalTooLongToReadIsRefusedForItsLength() {
    String sixth = "0.1666666666666666666666666666666666666667"; // 42 characters
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> Rate.parse("annualRate", sixth));
    String shown = sixth.substring(0, 37) + "...";
    assertEquals("annualRate: '" + shown + "' has 42 characters; a decimal is read from at most 40, such as \"0.06\"",
        e.getMessage());
    assertEquals("ratio: '" + shown + "' has 42 characters; a decimal is read from at most 40, such as \"0.5\"",
        assertThrows(InvalidInputException.class, () -> Ratio.of(sixth)).getMessage());
    // forty characters are read, and what is no number is still named so, however long
    assertEquals(new BigDecimal(sixth.substring(0, 40)), Rate.of(sixth.substring(0, 40)).value());
    assertEquals("rate: '" + shown + "' is not a decimal number such as \"0.06\"",
        assertThrows(InvalidInputException.class, () -> Rate.of(sixth + "%")).getMessage());
  }

  /** What {@code call} returns within 60 seconds (a failure if it takes longer). */
  private static <T> T inTime(org.junit.jupiter.api.function.ThrowingSupplier<T> call) {
    return org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), call);
  }

  /** The message of the InvalidInputException {@code call} throws within 60 seconds (a failure if it takes longer). */
  private static String refusedAtOnce(org.junit.jupiter.api.function.Executable call) {
    return org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> assertThrows(InvalidInputException.class, call)).getMessage();
  }
}
