package io.github.fenqi.core.money;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.TextFields;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A fraction between 0 and 1 inclusive: a waiver cap, a down-payment ratio. Exact as written, with at most 40 decimals
 * ({@link Decimals#MAX_FRACTION_DECIMALS}).
 *
 * <p>JSON form is the decimal string; a JSON number is read too, from its text, as money is
 * ({@link FractionDeserializer}). Thread-safety: immutable.
 *
 * @param value the fraction, {@code 0.5} for half
 */
@JsonDeserialize(using = FractionDeserializer.OfRatio.class)
public record Ratio(BigDecimal value) implements Comparable<Ratio> {

  public static final Ratio ZERO = new Ratio(BigDecimal.ZERO);
  public static final Ratio ONE = new Ratio(BigDecimal.ONE);

  public Ratio {
    Objects.requireNonNull(value, "value");
    if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
      throw new InvalidInputException("ratio", "'" + Problem.excerpt(Decimals.shown(value)) + "' is outside 0..1");
    }
    Decimals.requireFewDecimals("ratio", value);
  }

  public static Ratio of(String value) {
    Objects.requireNonNull(value, "value");
    return parse("ratio", value);
  }

  /** Parses a decimal fraction, naming {@code field} if it is malformed or outside 0..1. */
  public static Ratio parse(String field, String text) {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(text, "text");
    BigDecimal value = Decimals.parse(field, text, "0.5");
    if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
      throw new InvalidInputException(field,
          "'" + Problem.excerpt(TextFields.withoutSpacesAround(text)) + "' is outside 0..1");
    }
    return new Ratio(value);
  }

  public static Ratio of(BigDecimal value) {
    return new Ratio(value);
  }

  public boolean isZero() {
    return value.signum() == 0;
  }

  public double doubleValue() {
    return value.doubleValue();
  }

  @Override
  public int compareTo(Ratio other) {
    return value.compareTo(other.value);
  }

  @JsonValue
  @Override
  public String toString() {
    return value.toPlainString();
  }

  /**
   * Equal to a ratio of the same value at any scale: <code>Ratio.of("0.50")</code> equals <code>Ratio.of("0.5")</code>, with the same {@link #hashCode()}
   * (a record of a {@code BigDecimal} would compare its scale too, and a value written 0.10 in one file and 0.1 in
   * another would be two). {@link #toString()} and JSON keep the scale it was written at.
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof Ratio r && value.compareTo(r.value) == 0;
  }

  /** The hash of the value without trailing zeros: equal at any scale, as {@link #equals} is. */
  @Override
  public int hashCode() {
    return value.stripTrailingZeros().hashCode();
  }
}
