package io.github.fenqi.core.script;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The reference for {@link SensitiveWordFilter#clean}: its implementation before it was made linear, kept verbatim
 * (but for reaching {@code find} through the filter) so that the tests can compare the two on any text. It repeats a
 * full {@code find} over the whole remaining text after each round of removals, which costs one pass per round: a
 * note such as {@code "投。".repeat(n - 1) + "投诉。" + "诉。".repeat(n - 1)} takes n rounds.
 */
final class ReferenceClean {
  private ReferenceClean() {}

  static CleanedText clean(SensitiveWordFilter filter, String text) {
    boolean[] removed = new boolean[text.length()];
    List<SensitiveMatch> findings = new ArrayList<>();
    while (true) {
      StringBuilder rest = new StringBuilder(text.length());
      int[] toOriginal = new int[text.length() + 1];
      for (int i = 0; i < text.length(); i++) {
        if (!removed[i]) {
          toOriginal[rest.length()] = i;
          rest.append(text.charAt(i));
        }
      }
      toOriginal[rest.length()] = text.length();
      List<SensitiveMatch> found = filter.find(rest);
      if (found.isEmpty()) {
        findings.sort(Comparator.comparingInt(SensitiveMatch::start).thenComparingInt(SensitiveMatch::end));
        return new CleanedText(rest.toString().strip(), findings);
      }
      int removedUntil = 0; // the matches come by start: what lies before this is already marked, sentence and all
      for (SensitiveMatch m : found) {
        int from = toOriginal[m.start()];
        int to = toOriginal[m.end() - 1] + 1;
        findings.add(new SensitiveMatch(m.word(), m.category(), from, to, text.substring(from, to)));
        if (m.end() <= removedUntil) {
          continue; // without this, each of n matches in one long sentence walked it again: n × its length
        }
        int s = Math.max(m.start(), removedUntil);
        while (s > removedUntil && !endsSentence(rest, s - 1)) {
          s--;
        }
        int e = m.end();
        while (e < rest.length() && !endsSentence(rest, e - 1)) {
          e++;
        }
        for (int k = s; k < e; k++) {
          removed[toOriginal[k]] = true;
        }
        removedUntil = e;
      }
    }
  }

  private static boolean endsSentence(CharSequence t, int i) {
    char c = t.charAt(i);
    return switch (c) {
      case '。', '！', '？', '；', '!', '?', ';', '\n', '\r' -> true;
      case '.' -> i + 1 == t.length() || Character.isWhitespace(t.charAt(i + 1));
      default -> false;
    };
  }
}
