package io.github.fenqi.nlp;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.RequiredParts;
import io.github.fenqi.nlp.internal.PartChecks;
import java.util.ArrayList;
import java.util.List;

/**
 * Where in the original text a value was read: offsets {@code [start, end)} into the text given to
 * {@link PolicyTextExtractor#extract(String)}, and the matched text itself, so a reviewer can see why.
 *
 * <p>Thread-safety: immutable.
 */
public record Evidence(int start, int end, String text) {
  /**
   * Every bad part is an {@link InvalidInputException} naming it ({@code start: -1 is negative}), all at once, as for
   * the SDK's other records; it had been a NullPointerException or an IllegalArgumentException naming none.
   */
  public Evidence {
    List<Problem> problems = new ArrayList<>(RequiredParts.problems(new String[] {"text"}, text));
    PartChecks.span(start, end, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }
}
