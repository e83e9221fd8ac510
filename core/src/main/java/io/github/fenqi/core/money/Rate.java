package io.github.fenqi.core.money;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.TextFields;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A non-negative rate per period, exact as written: an annual interest rate ({@code "0.1825"}),
 * a monthly fee rate ({@code "0.006"}). Rates above 10 (1000 %) are rejected as typos, and a value built in code
 * with more than 40 decimals as a mistake every calculation would pay for ({@link Decimals#MAX_FRACTION_DECIMALS}).
 *
 * <p>JSON form is the decimal string; a JSON number is read too, from its text, as money is
 * ({@link FractionDeserializer}). Thread-safety: immutable.
 *
 * @param value the rate as a fraction, {@code 0.06} for 6 %
 */
@JsonDeserialize(using = FractionDeserializer.OfRate.class)
public record Rate(BigDecimal value) implements Comparable<Rate> {

  private static final BigDecimal MAX = BigDecimal.TEN;
  public static final Rate ZERO = new Rate(BigDecimal.ZERO);

  public Rate {
    Objects.requireNonNull(value, "value");
    if (value.signum() < 0 || value.compareTo(MAX) > 0) {
      throw new InvalidInputException("rate", "'" + Problem.excerpt(Decimals.shown(value)) + "' is outside 0..10");
    }
    Decimals.requireFewDecimals("rate", value);
  }

  /** Parses {@code "0.006"}; the error names {@code "rate"}. */
  public static Rate of(String value) {
    Objects.requireNonNull(value, "value");
    return parse("rate", value);
  }

  /** Parses a decimal rate, naming {@code field} if it is malformed, negative or above 10. */
  public static Rate parse(String field, String text) {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(text, "text");
    BigDecimal value = Decimals.parse(field, text, "0.06");
    if (value.signum() < 0 || value.compareTo(MAX) > 0) {
      throw new InvalidInputException(field,
          "'" + Problem.excerpt(TextFields.withoutSpacesAround(text)) + "' is outside 0..10");
    }
    return new Rate(value);
  }

  public static Rate of(BigDecimal value) {
    return new Rate(value);
  }

  public boolean isZero() {
    return value.signum() == 0;
  }

  /** For numeric models (IRR search, logistic features); never for stored amounts. */
  public double doubleValue() {
    return value.doubleValue();
  }

  @Override
  public int compareTo(Rate other) {
    return value.compareTo(other.value);
  }

  @JsonValue
  @Override
  public String toString() {
    return value.toPlainString();
  }

  /**
   * Equal to a rate of the same value at any scale: <code>Rate.of("0.10")</code> equals <code>Rate.of("0.1")</code>, with the same {@link #hashCode()}
   * (a record of a {@code BigDecimal} would compare its scale too, and a value written 0.10 in one file and 0.1 in
   * another would be two). {@link #toString()} and JSON keep the scale it was written at.
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof Rate r && value.compareTo(r.value) == 0;
  }

  /** The hash of the value without trailing zeros: equal at any scale, as {@link #equals} is. */
  @Override
  public int hashCode() {
    return value.stripTrailingZeros().hashCode();
  }
}
