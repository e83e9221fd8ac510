package io.github.fenqi.nlp;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a text says of a field that a single value cannot carry, so that it is told rather than silently picked or
 * dropped: the field stated in incompatible ways ({@link Kind#CONFLICT}: "需提供困难证明。无需提供困难证明。" — the
 * field is left undetermined and each reading is listed), or only bounded ({@link Kind#AT_MOST},
 * {@link Kind#AT_LEAST}: "每月手续费不超过0.6%" caps the fee without stating it; the 90 of "逾期30-90天" is the most
 * overdue days, which the policy model has no field for).
 *
 * <p>Thread-safety: immutable.
 *
 * @param field the field the text speaks of
 * @param kind what the text does with it
 * @param readings for a conflict, one reading per different value, in the order of the text (at least two); for a
 *     bound, the bound, whose value is the most or the least and never the field's value
 */
public record ExtractionNote(PolicyField field, Kind kind, List<ExtractedField> readings) {

  /** What the text does with the field. */
  public enum Kind {
    /** Stated with different values: left undetermined rather than one of them picked. */
    CONFLICT,
    /** Only its most is stated. */
    AT_MOST,
    /** Only its least is stated. */
    AT_LEAST
  }

  public ExtractionNote {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(kind, "kind");
    readings = List.copyOf(readings);
    for (ExtractedField r : readings) {
      if (r.field() != field) {
        throw new IllegalArgumentException("a reading of " + r.field() + " in a note on " + field);
      }
    }
    if (kind == Kind.CONFLICT ? readings.size() < 2 : readings.size() != 1) {
      throw new IllegalArgumentException(kind + " note on " + field + " with " + readings.size() + " readings");
    }
  }

  /** One line for a reviewer: the field, what the text does with it, and where it says so. */
  public String message() {
    String where = readings.stream().map(r -> plain(r.value()) + " (" + r.evidence().text() + ")")
        .collect(Collectors.joining(" and "));
    return field.jsonName() + ": " + switch (kind) {
      case CONFLICT -> "the text states " + where + "; left undetermined";
      case AT_MOST -> "at most " + where + ": a bound the policy does not carry, not read as its value";
      case AT_LEAST -> "at least " + where + ": a bound the policy does not carry, not read as its value";
    };
  }

  private static String plain(Object value) {
    return value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
  }
}
