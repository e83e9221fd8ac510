package io.github.fenqi.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Problem#excerpt} quotes at most 40 characters, counted as code points, and never half of one: a value of
 * emoji or ideographs outside the Basic Multilingual Plane had been cut at a UTF-16 unit, keeping half of a surrogate
 * pair (a '?' in a report).
 */
class ProblemExcerptProperties {

  /** Visible text (no escapes): itself up to 40 characters, else its first 37 and "...", whole characters only. */
  @Property
  void anExcerptIsTheFirstCharactersWhole(@ForAll("visibleText") String value) {
    String excerpt = Problem.excerpt(value);
    int length = value.codePointCount(0, value.length());
    if (length <= 40) {
      assertEquals(value, excerpt);
    } else {
      assertTrue(excerpt.endsWith("..."), excerpt);
      String kept = excerpt.substring(0, excerpt.length() - 3);
      assertEquals(37, kept.codePointCount(0, kept.length()), excerpt);
      assertTrue(value.startsWith(kept), excerpt);
    }
    assertTrue(excerpt.codePoints().noneMatch(c -> Character.isSurrogate((char) c) && Character.isBmpCodePoint(c)),
        "half of a surrogate pair in " + excerpt);
  }

  @Example
  void twentyOneRareIdeographsAreQuotedWhole() {
    String value = "𠀀".repeat(21); // 21 characters, 42 UTF-16 units
    assertEquals(value, Problem.excerpt(value));
    assertEquals("😀".repeat(37) + "...", Problem.excerpt("😀".repeat(41)));
  }

  @Provide
  Arbitrary<String> visibleText() { // Latin, CJK of the BMP, and emoji and ideographs outside it (two units each)
    Arbitrary<Integer> codePoints = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.integers().between('a', 'z')),
        net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0x4E00, 0x9FA5)),
        net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x1F600, 0x1F64F)),
        net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x20000, 0x2A6DF)));
    return codePoints.list().ofMaxSize(60).map(cs -> {
      StringBuilder s = new StringBuilder();
      cs.forEach(s::appendCodePoint);
      return s.toString();
    });
  }
}
