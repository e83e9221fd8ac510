package io.github.fenqi.core.script.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link AhoCorasick} reports what a naive search finds, occurrence for occurrence: the filter's own lexicon has no
 * pattern whose failure state lacks an output while one further along the failure chain has one, nor a pattern given
 * twice, so the filter's tests pass whether the output links are chained or an equal pattern keeps its first index.
 */
class AhoCorasickTest {

  /**
   * Every occurrence of every pattern, each reported once under the first index of an equal pattern, over a small
   * alphabet so that patterns overlap, nest and share prefixes and suffixes.
   */
  @Property(tries = 1000)
  void reportsEveryOccurrenceAsANaiveSearchDoes(@ForAll("patterns") List<String> patterns, @ForAll("texts") String text) {
    assertEquals(naive(patterns, text), hits(patterns, text));
  }

  @Provide
  Arbitrary<List<String>> patterns() {
    return words(1, 4).list().ofMinSize(1).ofMaxSize(8);
  }

  @Provide
  Arbitrary<String> texts() {
    return words(0, 30);
  }

  /** Strings of a, b and c, joined from lists: jqwik's string shrinking had failed on a list of strings. */
  private static Arbitrary<String> words(int min, int max) {
    return Arbitraries.of("a", "b", "c").list().ofMinSize(min).ofMaxSize(max).map(l -> String.join("", l));
  }

  /**
   * In {@code abc} the state {@code abc} fails to {@code bc}, a prefix of {@code bcy} with no output of its own, whose
   * failure {@code c} is a pattern: that output is reached only through the chain of output links.
   */
  @Test
  void anOutputFurtherAlongTheFailureChainIsReported() {
    assertEquals(List.of("0@3", "2@3"), hits(List.of("abc", "bcy", "c"), "abc"));
  }

  /** An equal pattern given twice is reported under its first index only, as documented. */
  @Test
  void anEqualPatternGivenTwiceIsReportedUnderItsFirstIndex() {
    assertEquals(List.of("1@2", "1@4"), hits(List.of("x", "ab", "ab"), "abab"));
  }

  private static List<String> hits(List<String> patterns, String text) {
    List<String> found = new ArrayList<>();
    AhoCorasick.of(patterns).scan(text.toCharArray(), 0, text.length(), (p, end) -> found.add(p + "@" + end));
    found.sort(null);
    return found;
  }

  private static List<String> naive(List<String> patterns, String text) {
    List<String> found = new ArrayList<>();
    for (int p = 0; p < patterns.size(); p++) {
      String w = patterns.get(p);
      if (patterns.indexOf(w) == p) {
        for (int at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) {
          found.add(p + "@" + (at + w.length()));
        }
      }
    }
    found.sort(null);
    return found;
  }
}
