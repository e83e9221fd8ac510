package io.github.fenqi.nlp.spi;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.RequiredParts;
import io.github.fenqi.nlp.FinancialTerm;
import io.github.fenqi.nlp.internal.PartChecks;
import java.util.ArrayList;
import java.util.List;

/**
 * One mention of a financial term found by an {@link EntityRecognizer}: offsets {@code [start, end)} are
 * into the text the recogniser was given.
 *
 * <p>Thread-safety: immutable.
 */
public record TermMention(FinancialTerm term, int start, int end, String text, double confidence) {
  /**
   * Every bad part is an {@link InvalidInputException} naming it ({@code confidence: 1.5 is outside 0..1}), all at
   * once, as for the SDK's other records; it had been a NullPointerException or an IllegalArgumentException naming
   * none.
   */
  public TermMention {
    List<Problem> problems = new ArrayList<>(RequiredParts.problems(new String[] {"term", "text"}, term, text));
    PartChecks.span(start, end, problems);
    PartChecks.confidence(confidence, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }
}
