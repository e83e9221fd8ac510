package io.github.fenqi.nlp;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One field read from a policy text: its value (an {@link Integer}, {@link BigDecimal} or {@link Boolean} as
 * {@link PolicyField#kind()} says), the evidence and a confidence in 0..1.
 *
 * <p>Thread-safety: immutable.
 */
public record ExtractedField(PolicyField field, Object value, Evidence evidence, double confidence) {
  public ExtractedField {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(evidence, "evidence");
    if (!field.kind().type().isInstance(value)) {
      throw new IllegalArgumentException(field.jsonName() + ": value " + value + " is a "
          + value.getClass().getSimpleName() + ", expected " + field.kind().type().getSimpleName());
    }
    if (value instanceof BigDecimal d && d.signum() < 0) {
      throw new IllegalArgumentException(field.jsonName() + ": value " + d + " is negative");
    }
    if (field.kind() == PolicyField.Kind.RATIO && ((BigDecimal) value).compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException(field.jsonName() + ": ratio " + value + " is above 1");
    }
    if (value instanceof Integer i && i < 0) {
      throw new IllegalArgumentException(field.jsonName() + ": value " + i + " is negative");
    }
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException(field.jsonName() + ": confidence " + confidence + " is outside 0..1");
    }
  }

  /**
   * Whether {@code other} (a live policy's value of this field, say) is this field's value: decimals compare by
   * value, so 0.5 and 0.50 are the same; nothing ({@code null}) is never the same.
   */
  public boolean sameValueAs(@Nullable Object other) {
    if (value instanceof BigDecimal d && other instanceof BigDecimal o) {
      return d.compareTo(o) == 0;
    }
    return value.equals(other);
  }

  /** The value of a MONTHS or DAYS field. */
  public int intValue() {
    if (value instanceof Integer i) {
      return i;
    }
    throw new IllegalStateException(field.jsonName() + " is not a count");
  }

  /** The value of a RATIO or RATE field. */
  public BigDecimal decimalValue() {
    if (value instanceof BigDecimal d) {
      return d;
    }
    throw new IllegalStateException(field.jsonName() + " is not a ratio or rate");
  }

  /** The value of a FLAG field. */
  public boolean booleanValue() {
    if (value instanceof Boolean b) {
      return b;
    }
    throw new IllegalStateException(field.jsonName() + " is not a flag");
  }
}
