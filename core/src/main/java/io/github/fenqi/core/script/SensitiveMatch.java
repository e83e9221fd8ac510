package io.github.fenqi.core.script;

import java.util.Objects;

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
    Objects.requireNonNull(word, "word");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(matched, "matched");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("bad range " + start + ".." + end);
    }
  }
}
