package io.github.fenqi.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The check of the result records ({@link NegotiationResult} and its parts, {@link Screening}) that every part they
 * need is there. A client of the REST API reads them back from JSON: a response lacking a list had been a
 * NullPointerException from {@code List.copyOf} ("Cannot invoke Collection.toArray() because coll is null"), naming
 * no field, and one lacking the case id or the budget a result holding null where its type promises a value.
 */
final class RequiredParts {
  private RequiredParts() {}

  /**
   * Throws an {@link InvalidInputException} naming, all at once, each of {@code fields} whose value (in the same
   * order) is null ("is required"), each null element of a list among them ({@code proposals[3]}) and each null value
   * of a map ({@code notes.AGGRESSIVE}).
   */
  static void check(String[] fields, @Nullable Object... values) {
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < fields.length; i++) {
      String field = fields[i];
      Object value = values[i];
      if (value == null) {
        problems.add(Problem.of(field, "is required"));
      } else if (value instanceof List<?> list) {
        for (int k = 0; k < list.size(); k++) {
          if (list.get(k) == null) {
            problems.add(Problem.of(field + "[" + k + "]", "is null"));
          }
        }
      } else if (value instanceof Map<?, ?> map) {
        map.forEach((key, v) -> {
          if (v == null) {
            problems.add(Problem.of(field + "." + key, "is null"));
          }
        });
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }
}
