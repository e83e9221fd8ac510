package io.github.fenqi.nlp.internal;

import io.github.fenqi.core.Problem;
import java.util.List;

/**
 * The checks the extraction records share — a span of a text and a confidence — so that {@code Evidence}, a
 * {@code TermMention} and an {@code ExtractedField} word a bad part alike, whichever of them is built from a record.
 *
 * <p>Thread-safety: stateless.
 */
public final class PartChecks {
  private PartChecks() {}

  /** Adds the problems of a span {@code [start, end)}: a negative start, an end before the start. */
  public static void span(int start, int end, List<Problem> problems) {
    if (start < 0) {
      problems.add(Problem.of("start", start + " is negative"));
    }
    if (end < start) {
      problems.add(Problem.of("end", end + " is before start " + start));
    }
  }

  /** Adds the problem of a confidence outside 0..1 (NaN included). */
  public static void confidence(double confidence, List<Problem> problems) {
    if (!(confidence >= 0 && confidence <= 1)) {
      problems.add(Problem.of("confidence", confidence + " is outside 0..1"));
    }
  }
}
