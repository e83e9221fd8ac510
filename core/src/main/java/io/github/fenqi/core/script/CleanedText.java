package io.github.fenqi.core.script;

import java.util.List;
import java.util.Objects;

/**
 * A text after {@link SensitiveWordFilter#clean}: what remains, and every lexicon word that was found (offsets in
 * the text as given).
 *
 * <p>Thread-safety: immutable.
 *
 * @param text the text without the sentences that held a lexicon word, stripped
 * @param findings every occurrence found, in order of position; empty when the text was clean
 */
public record CleanedText(String text, List<SensitiveMatch> findings) {
  public CleanedText {
    Objects.requireNonNull(text, "text");
    findings = List.copyOf(findings);
  }

  /** Whether anything was removed. */
  public boolean changed() {
    return !findings.isEmpty();
  }
}
