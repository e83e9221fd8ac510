package io.github.fenqi.core.script;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.RequiredParts;
import java.util.ArrayList;
import java.util.List;

/**
 * One occurrence of a lexicon word in a text, however it was disguised.
 *
 * <p>Thread-safety: immutable.
 *
 * @param word the lexicon word as configured
 * @param category the lexicon category it belongs to (e.g. {@code complaint}, {@code self-harm})
 * @param start index in the scanned text of its first character
 * @param end index just after its last character
 * @param matched the scanned text's characters from {@code start} to {@code end}, separators included
 */
public record SensitiveMatch(String word, String category, int start, int end, String matched) {
  public SensitiveMatch {
    List<Problem> missing = RequiredParts.problems(new String[] {"word", "category", "matched"}, word, category,
        matched);
    if (!missing.isEmpty() || start < 0 || end <= start) { // the filter builds many: a list only when one is wrong
      List<Problem> problems = new ArrayList<>(missing);
      if (start < 0) {
        problems.add(Problem.of("start", start + " is negative"));
      }
      if (end <= start) {
        problems.add(Problem.of("end", end + " is not after start " + start + ": a match holds at least one character"));
      }
      throw new InvalidInputException(problems);
    }
  }
}
