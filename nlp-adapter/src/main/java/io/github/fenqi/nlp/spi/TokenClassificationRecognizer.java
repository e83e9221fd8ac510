package io.github.fenqi.nlp.spi;

import io.github.fenqi.core.FenqiException;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.nlp.FinancialTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link TokenClassifier}'s BIO labels into {@link TermMention}s. Created by
 * {@link EntityRecognizer#tokenClassification(TokenClassifier, int)}.
 *
 * <p>Thread-safety: immutable; as thread-safe as the classifier it wraps.
 */
final class TokenClassificationRecognizer implements EntityRecognizer {
  private final TokenClassifier classifier;
  private final int maxTokens;

  TokenClassificationRecognizer(TokenClassifier classifier, int maxTokens) {
    this.classifier = Objects.requireNonNull(classifier, "classifier");
    if (maxTokens < 1) {
      // the SDK's error for a bad argument, naming it (it had been an IllegalArgumentException, unlike every builder's)
      throw new InvalidInputException("maxTokens", "must be at least 1, got " + maxTokens);
    }
    this.maxTokens = maxTokens;
  }

  /**
   * Splits text into tokens: one per CJK or punctuation character, runs of ASCII letters, digits and dots as one (a
   * decimal such as 0.5 is one token, as a rate is one figure to the model).
   */
  static List<int[]> tokenize(String text) {
    List<int[]> spans = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int j = i + 1;
      if (isAsciiWordChar(c)) {
        while (j < n && isAsciiWordChar(text.charAt(j))) {
          j++;
        }
      } else if (Character.isHighSurrogate(c) && j < n) {
        j++;
      }
      spans.add(new int[] {i, j});
      i = j;
    }
    return spans;
  }

  private static boolean isAsciiWordChar(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '.');
  }

  @Override
  public List<TermMention> recognize(String text) {
    List<int[]> spans = tokenize(text);
    List<TermMention> found = new ArrayList<>();
    for (int from = 0; from < spans.size(); from += maxTokens) {
      List<int[]> window = spans.subList(from, Math.min(spans.size(), from + maxTokens));
      List<String> tokens = new ArrayList<>(window.size());
      for (int[] s : window) {
        tokens.add(text.substring(s[0], s[1]));
      }
      List<String> labels = classifier.labels(List.copyOf(tokens));
      if (labels == null || labels.size() != tokens.size()) {
        throw new FenqiException("token classifier returned " + (labels == null ? "null" : labels.size() + " labels")
            + " for " + tokens.size() + " tokens; it must return exactly one BIO label per token");
      }
      for (int k = 0; k < labels.size(); k++) {
        if (labels.get(k) == null) {
          throw new FenqiException("token classifier returned null as the label of token " + (from + k) + " ('"
              + tokens.get(k) + "'); it must return a BIO label (O, B-<TERM>, I-<TERM>) for every token");
        }
      }
      decode(text, window, labels, found);
    }
    return List.copyOf(found);
  }

  private static void decode(String text, List<int[]> window, List<String> labels, List<TermMention> out) {
    @Nullable FinancialTerm current = null;
    int start = -1;
    int end = -1;
    for (int k = 0; k < window.size(); k++) {
      String label = labels.get(k);
      char prefix = label.length() > 2 && label.charAt(1) == '-' ? label.charAt(0) : 'O';
      @Nullable FinancialTerm term = prefix == 'O' ? null : termOf(label.substring(2));
      boolean continues = prefix == 'I' && term != null && term == current;
      if (!continues && current != null) {
        out.add(new TermMention(current, start, end, text.substring(start, end), 0.9));
        current = null;
      }
      if (term != null && !continues) {
        // a B- label, or an I- label without a matching B- (lenient: start a new mention)
        current = term;
        start = window.get(k)[0];
      }
      if (current != null) {
        end = window.get(k)[1];
      }
    }
    if (current != null) {
      out.add(new TermMention(current, start, end, text.substring(start, end), 0.9));
    }
  }

  private static @Nullable FinancialTerm termOf(String name) {
    for (FinancialTerm t : FinancialTerm.values()) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    return null;
  }
}
