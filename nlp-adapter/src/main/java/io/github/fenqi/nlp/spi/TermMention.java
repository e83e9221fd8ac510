package io.github.fenqi.nlp.spi;

import io.github.fenqi.nlp.FinancialTerm;
import java.util.Objects;

/**
 * One mention of a financial term found by an {@link EntityRecognizer}: offsets {@code [start, end)} are
 * into the text the recogniser was given.
 *
 * <p>Thread-safety: immutable.
 */
public record TermMention(FinancialTerm term, int start, int end, String text, double confidence) {
  public TermMention {
    Objects.requireNonNull(term, "term");
    Objects.requireNonNull(text, "text");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("mention span [" + start + ", " + end + ") is not a valid range");
    }
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence " + confidence + " is outside 0..1");
    }
  }
}
