package io.github.fenqi.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The check, in a record's compact constructor, that every part it needs is there: each record a result is made of
 * ({@link NegotiationResult} and its parts, {@link Screening}, the affordability assessment, eligibility checks,
 * scripts, forensic reports, risk answers) calls it. A Java client of the REST API reads these records back from JSON
 * ({@code FenqiJson.read}), which prefixes each problem with the JSON path of the record that raised it
 * ({@code affordability.maxAffordableInstallment: is required}): a response lacking a list had been a
 * NullPointerException from {@code List.copyOf} ("Cannot invoke Collection.toArray() because coll is null"), naming no
 * field, one lacking the case id or the budget a result holding null where its type promises a value, and a record
 * checked with {@code Objects.requireNonNull} was told as "Cannot construct instance of `...NegotiationScript`,
 * problem: debtId", in Java's words.
 *
 * <p>Thread-safety: stateless.
 */
public final class RequiredParts {
  private RequiredParts() {}

  /**
   * Throws an {@link InvalidInputException} naming, all at once, each of {@code fields} whose value (in the same
   * order) is null ("is required"), each null element of a list among them ({@code proposals[3]}) and each null value
   * of a map ({@code notes.AGGRESSIVE}).
   */
  public static void check(String[] fields, @Nullable Object... values) {
    List<Problem> problems = problems(fields, values);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  /**
   * The problems {@link #check} throws, for a record that adds its own checks to them and names every problem at once.
   * Empty (and nothing allocated) when every part is there.
   */
  public static List<Problem> problems(String[] fields, @Nullable Object... values) {
    if (fields.length != values.length) {
      throw new IllegalArgumentException(fields.length + " field names for " + values.length + " values");
    }
    List<Problem> problems = null;
    for (int i = 0; i < fields.length; i++) {
      String field = fields[i];
      Object value = values[i];
      if (value == null) {
        problems = added(problems, Problem.of(field, "is required"));
      } else if (value instanceof List<?> list) {
        for (int k = 0; k < list.size(); k++) {
          if (list.get(k) == null) {
            problems = added(problems, Problem.of(field + "[" + k + "]", "is null"));
          }
        }
      } else if (value instanceof Map<?, ?> map) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
          if (e.getValue() == null) {
            problems = added(problems, Problem.of(field + "." + e.getKey(), "is null"));
          }
        }
      }
    }
    return problems == null ? List.of() : problems;
  }

  private static List<Problem> added(@Nullable List<Problem> problems, Problem p) {
    List<Problem> out = problems == null ? new ArrayList<>() : problems;
    out.add(p);
    return out;
  }
}
