package io.github.fenqi.core.money;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.TextFields;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount of CNY, exact to the fen. Stored as a {@code long} of fen; every operation that could
 * overflow is checked and throws {@link ArithmeticException} rather than wrap.
 *
 * <p>JSON form is a decimal string with two decimals ({@code "1234.56"}). Parsing accepts at most two
 * decimals: {@code "12.345"} is an error, never a silent rounding. Money may be negative (a
 * statement's outflow, a shortfall); fields that must not be say so in their own validation.
 *
 * <p>An amount read from text or JSON is held to ±10^15 yuan, the input limit that keeps sums over a user's figures from
 * overflowing; one read as part of what the SDK wrote ({@link io.github.fenqi.core.json.SdkOutput}: a result, a
 * schedule, a stress test), which may pass that limit, reads back over every amount a {@code long} of fen holds.
 *
 * <p>Thread-safety: immutable.
 *
 * @param fen the amount in fen (分), 1 yuan = 100 fen
 */
@JsonDeserialize(using = MoneyDeserializer.class)
public record Money(long fen) implements Comparable<Money> {

  /** Zero yuan. */
  public static final Money ZERO = new Money(0);

  /** The largest amount accepted from text: 10^15 yuan keeps every sum of a few thousand amounts far from overflow. */
  static final BigDecimal MAX_ABS_YUAN = new BigDecimal("1000000000000000");

  /**
   * The largest amount read from text, 10^15 yuan, as money: the bound that fields built in code are held to as well
   * (a debt's components, a borrower's income, expenses and savings), so that the sums over them cannot overflow.
   */
  public static final Money LARGEST_INPUT = new Money(100_000_000_000_000_000L);

  /** An amount of fen. */
  public static Money ofFen(long fen) {
    return new Money(fen);
  }

  /** An amount of whole yuan. */
  public static Money ofYuan(long yuan) {
    return new Money(Math.multiplyExact(yuan, 100L));
  }

  /**
   * Parses a decimal amount of yuan such as {@code "1234.56"}, {@code "-7"} or {@code "0.5"}.
   *
   * @throws InvalidInputException naming {@code "amount"} when the text is not such an amount
   */
  public static Money of(String yuan) {
    return parse("amount", yuan);
  }

  /**
   * Parses a decimal amount of yuan, naming {@code field} in the error if it is malformed: not a
   * number, NaN or infinite, in exponent notation, more than two decimals, or beyond ±10^15 yuan. Spaces around it,
   * no-break ones included, are not part of it.
   */
  public static Money parse(String field, String yuan) {
    return parse(field, yuan, false);
  }

  /**
   * {@link #parse(String, String)}, or with {@code wholeRange} over every amount a {@code long} of fen holds, for what
   * the SDK wrote ({@link io.github.fenqi.core.json.FenqiJson#readsWholeRange}): a computed total may pass the input
   * limit, and is read back, not refused.
   */
  static Money parse(String field, String yuan, boolean wholeRange) {
    // named, as every null argument in core is: it had been the JVM's "because "text" is null", a local of Decimals
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(yuan, "yuan");
    String text = TextFields.withoutSpacesAround(yuan);
    if (text.isEmpty()) {
      throw new InvalidInputException(field, "empty amount; expected a decimal such as \"1234.56\"");
    }
    rejectExponent(field, text);
    // ASCII digits only, as for rates: BigDecimal also reads any script's digits ("١٢٣" as 123, "４.８e４" past the
    // exponent check)
    if (!PLAIN.matcher(text).matches()) {
      throw new InvalidInputException(field, "'" + Problem.excerpt(text) + "' is not an amount; expected a decimal "
          + "such as \"1234.56\"" + Decimals.fullWidthHint(text));
    }
    return fromDecimal(field, significant(field, text, wholeRange), text, wholeRange);
  }

  /**
   * The value of {@code text}, a plain decimal, read from its significant digits only: a bank export's cell or a case
   * file's string of 64 000 digits took BigDecimal (whose reading grows with the square of the length) and the exponent
   * check seconds to refuse, and one of the millions of characters a JSON string may hold, hours. Leading zeros of the
   * whole part and trailing zeros of the fraction are dropped; more than two decimals, or a whole part too long to be in
   * range, is refused here with {@link #fromDecimal}'s words, so that only a short text is ever read as a number.
   */
  private static BigDecimal significant(String field, String text, boolean wholeRange) {
    int signs = text.charAt(0) == '+' || text.charAt(0) == '-' ? 1 : 0;
    int dot = text.indexOf('.');
    int wholeEnd = dot < 0 ? text.length() : dot;
    int fractionEnd = text.length();
    while (dot >= 0 && fractionEnd > dot + 1 && text.charAt(fractionEnd - 1) == '0') {
      fractionEnd--;
    }
    int decimals = dot < 0 ? 0 : fractionEnd - dot - 1;
    if (decimals > 2) {
      throw tooManyDecimals(field, text, decimals);
    }
    int wholeStart = signs;
    while (wholeStart < wholeEnd && text.charAt(wholeStart) == '0') {
      wholeStart++;
    }
    if (wholeEnd - wholeStart > (wholeRange ? LARGEST_YUAN : MAX_ABS_YUAN).precision()) {
      throw outOfRange(field, text, wholeRange);
    }
    String whole = wholeStart == wholeEnd ? "0" : text.substring(wholeStart, wholeEnd);
    return new BigDecimal(text.substring(0, signs) + whole + (decimals == 0 ? "" : text.substring(dot, fractionEnd)));
  }

  private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

  private static final java.util.regex.Pattern EXPONENT =
      java.util.regex.Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)[eE][+-]?\\d+");

  /** BigDecimal reads "1.23457E+11", a spreadsheet's shortening of 123456789012.34: an amount is written in full. */
  static void rejectExponent(String field, String text) {
    // only a number in that form: "abcde" is just not an amount
    if (EXPONENT.matcher(TextFields.withoutSpacesAround(text)).matches()) {
      throw new InvalidInputException(field, "'" + Problem.excerpt(text) + "' is in exponent notation; write the "
          + "amount in full, such as \"48000.00\" (a spreadsheet may have shortened it)");
    }
  }

  /** The exact amount of {@code yuan}; more than two decimals or an amount beyond ±10^15 yuan is an error. */
  public static Money of(BigDecimal yuan) {
    Objects.requireNonNull(yuan, "yuan");
    return fromDecimal("amount", yuan, Decimals.shown(yuan), false);
  }

  /** {@code wholeRange}: any amount a {@code long} of fen holds, not only those within ±10^15 yuan. */
  static Money fromDecimal(String field, BigDecimal value, String shown, boolean wholeRange) {
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.scale() > 2) {
      throw tooManyDecimals(field, shown, stripped.scale());
    }
    if (wholeRange ? value.compareTo(SMALLEST_YUAN) < 0 || value.compareTo(LARGEST_YUAN) > 0
        : value.abs().compareTo(MAX_ABS_YUAN) > 0) {
      throw outOfRange(field, shown, wholeRange);
    }
    return new Money(value.movePointRight(2).longValueExact());
  }

  /** The largest and the smallest amount a {@code long} of fen holds, in yuan. */
  private static final BigDecimal LARGEST_YUAN = BigDecimal.valueOf(Long.MAX_VALUE, 2);
  private static final BigDecimal SMALLEST_YUAN = BigDecimal.valueOf(Long.MIN_VALUE, 2);

  private static InvalidInputException tooManyDecimals(String field, String shown, int decimals) {
    return new InvalidInputException(field, "'" + Problem.excerpt(shown) + "' has " + decimals
        + " decimals; money has at most 2");
  }

  private static InvalidInputException outOfRange(String field, String shown, boolean wholeRange) {
    return new InvalidInputException(field, "'" + Problem.excerpt(shown) + "' is out of range; amounts are limited to "
        + (wholeRange ? SMALLEST_YUAN.toPlainString() + ".." + LARGEST_YUAN.toPlainString() + " yuan (a long of fen)"
        : "±10^15 yuan"));
  }


  public Money plus(Money other) {
    return new Money(Math.addExact(fen, other.fen));
  }

  public Money minus(Money other) {
    return new Money(Math.subtractExact(fen, other.fen));
  }

  public Money negate() {
    return new Money(Math.negateExact(fen));
  }

  public Money times(long factor) {
    return new Money(Math.multiplyExact(fen, factor));
  }

  /**
   * This amount times an exact factor (a rate, a ratio), rounded to the fen with {@code rounding}.
   * The caller chooses the rounding because its direction is a business decision: a waiver cap
   * rounds down, a fee rounds half-up. A factor of any scale is multiplied at once.
   *
   * @throws ArithmeticException when the product is beyond a {@code long} of fen, or {@code rounding} is
   *     {@link RoundingMode#UNNECESSARY} and the product is not whole
   */
  public Money multiply(BigDecimal factor, RoundingMode rounding) {
    BigDecimal product = BigDecimal.valueOf(fen).multiply(factor);
    // rounding to the fen divides by 10 to the product's scale (or multiplies, for a negative one): a factor built in
    // code as 1E-99999999 held the caller for minutes. Its digits decide it sooner: |product| < 10^(precision − scale)
    long wholeDigits = (long) product.precision() - product.scale();
    if (product.signum() == 0) {
      return ZERO;
    }
    if (wholeDigits <= -1) { // below a tenth of a fen: rounds as any such product of its sign does
      product = BigDecimal.valueOf(product.signum(), 2);
    } else if (wholeDigits > 20) { // at least 10^20 fen: beyond a long, as longValueExact would say
      throw new ArithmeticException("Overflow");
    }
    return new Money(product.setScale(0, rounding).longValueExact());
  }

  /**
   * This amount divided into {@code parts} equal whole-fen parts, rounded with {@code rounding}.
   *
   * @throws IllegalArgumentException when {@code parts} is not positive (a programming error: a count of months or
   *     debts, never an amount read from input)
   * @throws ArithmeticException when {@code rounding} is {@link RoundingMode#UNNECESSARY} and the part is not whole
   */
  public Money divide(long parts, RoundingMode rounding) {
    if (parts <= 0) {
      throw new IllegalArgumentException("parts must be positive: " + parts);
    }
    return new Money(BigDecimal.valueOf(fen).divide(BigDecimal.valueOf(parts), 0, rounding).longValueExact());
  }

  public boolean isZero() {
    return fen == 0;
  }

  public boolean isNegative() {
    return fen < 0;
  }

  public boolean isPositive() {
    return fen > 0;
  }

  public Money min(Money other) {
    return fen <= other.fen ? this : other;
  }

  public Money max(Money other) {
    return fen >= other.fen ? this : other;
  }

  public boolean isGreaterThan(Money other) {
    return fen > other.fen;
  }

  public boolean isLessThan(Money other) {
    return fen < other.fen;
  }

  /** Exact amount in yuan with scale 2. */
  public BigDecimal toYuan() {
    return BigDecimal.valueOf(fen, 2);
  }

  /**
   * This amount as a fraction of {@code whole}, for models and display only (never stored as money).
   * Zero when {@code whole} is zero.
   */
  public double ratioTo(Money whole) {
    return whole.fen == 0 ? 0.0 : (double) fen / (double) whole.fen;
  }

  @Override
  public int compareTo(Money other) {
    return Long.compare(fen, other.fen);
  }

  /** The JSON and display form: a plain decimal with exactly two decimals, e.g. {@code "1234.50"}. */
  @JsonValue
  @Override
  public String toString() {
    return toYuan().toPlainString();
  }
}
