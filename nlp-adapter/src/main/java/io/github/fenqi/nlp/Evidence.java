package io.github.fenqi.nlp;

import java.util.Objects;

/**
 * Where in the original text a value was read: offsets {@code [start, end)} into the text given to
 * {@link PolicyTextExtractor#extract(String)}, and the matched text itself, so a reviewer can see why.
 *
 * <p>Thread-safety: immutable.
 */
public record Evidence(int start, int end, String text) {
  public Evidence {
    Objects.requireNonNull(text, "text");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("evidence span [" + start + ", " + end + ") is not a valid range");
    }
  }
}
