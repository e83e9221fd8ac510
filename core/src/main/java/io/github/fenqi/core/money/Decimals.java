package io.github.fenqi.core.money;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.TextFields;
import java.math.BigDecimal;

/**
 * Strict decimal parsing shared by {@link Rate} and {@link Ratio} (no NaN, no infinity, no exponents, at most 40
 * characters), and the form in which a message shows a decimal it was given.
 *
 * <p>Thread-safety: stateless.
 */
public final class Decimals {
  private Decimals() {}

  /**
   * {@code text} read strictly as a decimal, refused with {@code example} (the rate's {@code "0.06"}, the ratio's
   * {@code "0.5"}) as the form to write: a waiver cap had been shown a rate's example.
   */
  static BigDecimal parse(String field, String text, String example) {
    String s = TextFields.withoutSpacesAround(text);
    if (!isPlainDecimal(s)) {
      throw new InvalidInputException(field, "'" + Problem.excerpt(s)
          + "' is not a decimal number such as \"" + example + "\"" + fullWidthHint(s));
    }
    if (s.length() > 40) { // a computed 1/6 pasted in full had been called "not a decimal number"
      throw new InvalidInputException(field, "'" + Problem.excerpt(s) + "' has " + s.length()
          + " characters; a decimal is read from at most 40, such as \"" + example + "\"");
    }
    return new BigDecimal(s);
  }

  /**
   * What to add to the refusal of {@code text} when it holds full-width digits, which a Chinese input method types and
   * which look like 0-9 in a message: a rate "０.０６" had been refused as not a decimal number such as "0.06".
   */
  static String fullWidthHint(String text) {
    return text.chars().anyMatch(c -> c >= '０' && c <= '９') ? " in the digits 0-9 (these are full-width)" : "";
  }

  /** Whether {@code s} is an optional sign, ASCII digits and at most one point, with a digit: "0.06", "-.5", "7.". */
  private static boolean isPlainDecimal(String s) {
    int start = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
    boolean digit = false;
    boolean point = false;
    for (int k = start; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c == '.' && !point) {
        point = true;
      } else {
        return false;
      }
    }
    return digit;
  }

  /**
   * Most decimals of a rate or a ratio: more than the longest text {@link #parse} reads (40 characters) can carry. A
   * value built in code with more ({@code new BigDecimal("1E-99999999")}) is refused when it is made, because every
   * use pays for its decimals: rounding {@code amount × rate} to the fen divides by 10 to their number, which took
   * minutes for a fee rate of 10^−99999999, and writing it out (JSON, a message) takes one character for each.
   */
  public static final int MAX_FRACTION_DECIMALS = 40;

  /**
   * Refuses {@code value}, a {@code kind} ("rate", "ratio", the name the error gives), when it has more than
   * {@link #MAX_FRACTION_DECIMALS} decimals as given: a zero with a hundred million decimals is written out as them
   * too.
   */
  static void requireFewDecimals(String kind, BigDecimal value) {
    if (value.scale() > MAX_FRACTION_DECIMALS) {
      throw new InvalidInputException(kind, "'" + shown(value) + "' has " + value.scale() + " decimals; a " + kind
          + " has at most " + MAX_FRACTION_DECIMALS);
    }
  }

  /**
   * Refuses a JSON string with spaces around its value ({@code " 48000.00"}, a cell copied from a spreadsheet). The
   * text parsers strip spaces, as a statement's or a table's cell is padded; a JSON file is read strictly instead, as
   * its dates, names of lists and identifiers are, so a padded value is named, not silently trimmed.
   *
   * @param example the value as it should be written, for the message ({@code "48000.00"})
   */
  static void requireNoSpaceAround(String field, String text, String example) {
    if (!text.equals(TextFields.withoutSpacesAround(text))) {
      throw new InvalidInputException(field, "'" + Problem.excerpt(text) + "' has spaces around it; write the value "
          + "alone, such as \"" + example + "\"");
    }
  }

  /**
   * {@code value} as a message shows it: written out in full, unless that takes more than 40 digits, when it is in
   * exponent form ({@code 1E+999999999}). The full form of such a value is a billion digits: refusing
   * {@code Money.of(new BigDecimal("1E+999999999"))} as out of range ran out of memory writing it, and so did a
   * schedule's JSON stating that as its annualized rate.
   */
  public static String shown(BigDecimal value) {
    long precision = value.precision();
    long digits = Math.max(precision, Math.max(precision - value.scale(), value.scale() + 1L));
    return digits <= 40 ? value.toPlainString() : value.toString();
  }
}
