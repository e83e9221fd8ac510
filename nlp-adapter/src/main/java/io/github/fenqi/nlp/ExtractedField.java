package io.github.fenqi.nlp;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.RequiredParts;
import io.github.fenqi.nlp.internal.PartChecks;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One field read from a policy text: its value (an {@link Integer}, {@link BigDecimal} or {@link Boolean} as
 * {@link PolicyField#kind()} says), the evidence and a confidence in 0..1.
 *
 * <p>Thread-safety: immutable.
 */
public record ExtractedField(PolicyField field, Object value, Evidence evidence, double confidence) {
  /**
   * Every bad part is an {@link InvalidInputException} naming it ({@code value: ratio 1.5 is above 1}), all at once,
   * as for the SDK's other records; it had been a NullPointerException or an IllegalArgumentException naming none.
   */
  public ExtractedField {
    List<Problem> problems = new ArrayList<>(RequiredParts.problems(new String[] {"field", "value", "evidence"},
        field, value, evidence));
    if (field != null && value != null) {
      valueProblem(field, value, problems);
    }
    PartChecks.confidence(confidence, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  private static void valueProblem(PolicyField field, Object value, List<Problem> problems) {
    if (!field.kind().type().isInstance(value)) {
      problems.add(Problem.of("value", value + " is a " + value.getClass().getSimpleName() + ", expected "
          + field.kind().type().getSimpleName() + " for " + field.jsonName()));
    } else if (value instanceof BigDecimal d && d.signum() < 0) {
      problems.add(Problem.of("value", d + " is negative for " + field.jsonName()));
    } else if (field.kind() == PolicyField.Kind.RATIO && ((BigDecimal) value).compareTo(BigDecimal.ONE) > 0) {
      problems.add(Problem.of("value", "ratio " + value + " is above 1 for " + field.jsonName()));
    } else if (value instanceof Integer i && i < 0) {
      problems.add(Problem.of("value", i + " is negative for " + field.jsonName()));
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
