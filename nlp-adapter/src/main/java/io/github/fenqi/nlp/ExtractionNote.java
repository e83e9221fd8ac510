package io.github.fenqi.nlp;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.RequiredParts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a text says of a field that a single value cannot carry, so that it is told rather than silently picked or
 * dropped: the field stated in incompatible ways ({@link Kind#CONFLICT}: "需提供困难证明。无需提供困难证明。" — the
 * field is left undetermined and each reading is listed), or only bounded ({@link Kind#AT_MOST},
 * {@link Kind#AT_LEAST}: "每月手续费不超过0.6%" caps the fee without stating it; the 90 of "逾期30-90天" is the most
 * overdue days, which the policy model has no field for), or stated for the first months only
 * ({@link Kind#FIRST_MONTHS}: "前3个月免手续费" is no fee of 0 for the plan).
 *
 * <p>Thread-safety: immutable.
 *
 * @param field the field the text speaks of
 * @param kind what the text does with it
 * @param readings for a conflict, one reading per different value, in the order of the text (at least two); for a
 *     bound, the bound, whose value is the most or the least and never the field's value
 */
public record ExtractionNote(PolicyField field, Kind kind, List<ExtractedField> readings) {

  /** What the text does with the field. Thread-safety: immutable (an enum). */
  public enum Kind {
    /** Stated with different values: left undetermined rather than one of them picked. */
    CONFLICT,
    /** Only its most is stated. */
    AT_MOST,
    /** Only its least is stated. */
    AT_LEAST,
    /**
     * Stated for the plan's first months or installments only ("前3个月免手续费"): an introductory offer, not the
     * value for the plan (it had been read as a fee of 0 throughout).
     */
    FIRST_MONTHS
  }

  /**
   * Checks the parts as the SDK's records do ({@link RequiredParts}): every problem is an
   * {@link InvalidInputException} naming its part ({@code readings[1]: is null}), all at once; a note restored from a
   * record of one (a state file, a JSON answer) had failed with a NullPointerException or an IllegalArgumentException
   * naming no part.
   */
  public ExtractionNote {
    List<Problem> problems = new ArrayList<>(RequiredParts.problems(new String[] {"field", "kind", "readings"},
        field, kind, readings));
    if (problems.isEmpty()) {
      for (int i = 0; i < readings.size(); i++) {
        if (readings.get(i).field() != field) {
          problems.add(Problem.of("readings[" + i + "].field", "is " + readings.get(i).field() + " in a note on "
              + field));
        }
      }
      if (kind == Kind.CONFLICT ? readings.size() < 2 : readings.size() != 1) {
        problems.add(Problem.of("readings", readings.size() + " readings in a " + kind + " note on " + field
            + " (a conflict lists at least two, a bound one)"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    readings = List.copyOf(readings);
  }

  /** One line for a reviewer: the field, what the text does with it, and where it says so. */
  public String message() {
    String where = readings.stream().map(r -> plain(r.value()) + " (" + r.evidence().text() + ")")
        .collect(Collectors.joining(" and "));
    return field.jsonName() + ": " + switch (kind) {
      case CONFLICT -> "the text states " + where + "; left undetermined";
      case AT_MOST -> "at most " + where + ": a bound the policy does not carry, not read as its value";
      case AT_LEAST -> "at least " + where + ": a bound the policy does not carry, not read as its value";
      case FIRST_MONTHS -> where + " for the first months only: an offer the policy does not carry, not read as its"
          + " value";
    };
  }

  private static String plain(Object value) {
    return value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
  }
}
