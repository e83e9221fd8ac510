package io.github.fenqi.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** What {@link Problem} documents of its text: escapes in a quoted value, and a location left out when empty. */
class ProblemTest {

  /**
   * A line feed, a carriage return and a tab are shown as {@code \n}, {@code \r} and {@code \t}, the other invisible
   * characters and the line and paragraph separators as {@code \}{@code uXXXX}: quoted raw, each began a line of its
   * own in a report or a log, or moved what followed it.
   */
  @Test
  void lineBreaksTabsAndInvisibleCharactersAreShownAsEscapes() {
    assertEquals("a\\nb\\rc\\td\\u2028e\\u2029f\\u200Bg", Problem.escaped("a\nb\rc\td\u2028e\u2029f\u200Bg"));
    assertEquals("x\\r\\nOK  b.json", Problem.excerpt("x\r\nOK  b.json"));
    assertEquals("a\\tb", Problem.of("asOf", Problem.excerpt("a\tb")).reason());
  }

  /** A problem of the input as a whole has an empty location: it is shown as its reason alone. */
  @Test
  void aProblemWithoutALocationIsItsReasonAlone() {
    assertEquals("is empty; expected a JSON object", Problem.of("", "is empty; expected a JSON object").toString());
    assertEquals("case.json: debts[2].principal: is required",
        Problem.of("case.json: debts[2].principal", "is required").toString());
  }

  /** A problem must say what was wrong: a reason that is empty or only white space is refused, as its Javadoc says. */
  @Test
  void aBlankReasonIsRefused() {
    for (String blank : new String[] {"", " ", "\t\n", "\u3000"}) {
      assertEquals("reason must not be blank",
          assertThrows(IllegalArgumentException.class, () -> Problem.of("debts[0]", blank)).getMessage());
      assertThrows(IllegalArgumentException.class, () -> new Problem("", blank));
    }
    assertThrows(NullPointerException.class, () -> Problem.of("debts[0]", null));
    assertThrows(NullPointerException.class, () -> Problem.of(null, "is required"));
  }

  /**
   * An excerpt of a chosen length cuts as the 40-character one does, by code point and with "...", masks the same way,
   * and refuses a length too short for a character and "...".
   */
  @Test
  void anExcerptOfAChosenLengthCutsByCodePoint() {
    assertEquals("abcdefgh", Problem.excerpt("abcdefgh", 8));
    assertEquals("abcde...", Problem.excerpt("abcdefghi", 8));
    assertEquals("😀😀😀😀😀...", Problem.excerpt("😀".repeat(9), 8));
    assertEquals(Problem.excerpt("x".repeat(50)), Problem.excerpt("x".repeat(50), 40));
    assertEquals("id 110***********0030", Problem.excerpt("id 110105198506150030", 200));
    assertEquals("maxCodePoints: 3 is below 4",
        assertThrows(IllegalArgumentException.class, () -> Problem.excerpt("abc", 3)).getMessage());
  }
}
