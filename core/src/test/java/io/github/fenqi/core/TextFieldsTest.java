package io.github.fenqi.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextFieldsTest {
  private static String reason(String value, int max) {
    return TextFields.check("caseId", value, max).map(Problem::reason).orElse("ok");
  }

  @Test
  void oneLineOfVisibleTextWithinTheLimitPasses() {
    assertEquals(Optional.empty(), TextFields.check("name", "欧阳娜娜", 4));
    assertEquals(Optional.empty(), TextFields.check("caseId", "case 2026/11-李", 128), "spaces and punctuation are visible");
    assertEquals("ok", reason("😀".repeat(4), 4), "length counts characters, not UTF-16 units");
  }

  /** What a newline, a tab, a right-to-left override or a zero-width space would do to a report, a script or a log. */
  @Test
  void controlAndInvisibleCharactersAreNamedWithTheirPosition() {
    assertEquals("contains an invisible or control character (U+000A at position 4); it must be one line of visible "
        + "text", reason("abc\nFORGED LINE", 128));
    assertTrue(reason("a\tb", 128).contains("U+0009 at position 2"));
    assertTrue(reason("abc\u202Edcba", 128).contains("U+202E at position 4"));
    assertTrue(reason("d\u200B1", 128).contains("U+200B at position 2"));
    assertTrue(reason("😀\u2028", 128).contains("U+2028 at position 2"), "positions count characters");
  }

  /**
   * Half of a surrogate pair (U+D800 alone, which JSON can escape) is no character: it passed, and the REST
   * service's audit log refused the case naming a field "subject"; a UTF-8 encoder writes it as '?'. A whole pair is
   * one character.
   */
  @Test
  void halfASurrogatePairIsNamedWithItsPosition() {
    assertEquals("contains half of a UTF-16 surrogate pair (U+D800 at position 2), which is no character; it must be "
        + "one line of visible text", reason("a\uD800b", 128));
    assertTrue(reason("😀\uDE00", 128).contains("U+DE00 at position 2"), "a low half after a whole pair");
    assertTrue(reason("\uDE00\uD83D", 128).contains("U+DE00 at position 1"), "the halves in the wrong order");
    assertEquals("ok", reason("\uD83D\uDE00", 128));
  }

  @Test
  void emptyOrTooLongIsNamed() {
    assertEquals("must not be empty", reason(" ", 128));
    assertEquals("must not be empty", reason(null, 128));
    assertEquals("is 129 characters; at most 128", reason("x".repeat(129), 128));
  }

  /**
   * A cell a spreadsheet or web page leaves looking empty holds a no-break space (U+00A0), which {@link String#isBlank}
   * does not count as a space: a platform id or borrower name of it passed as not empty. So did the fillers apps use
   * to fake an empty name. A name that only contains one between visible characters is still a name.
   */
  @Test
  void noBreakSpacesAndBlankFillersAloneAreEmpty() {
    for (String blank : new String[] {"\u00A0", "\u00A0\u00A0", "\u2007", "\u202F", " \u00A0\u3000", "\u3164", "\u115F\u1160",
        "\uFFA0", "\u2800"}) {
      assertEquals("must not be empty", reason(blank, 128), () -> blank.codePoints()
          .mapToObj(c -> String.format("U+%04X", c)).toList().toString());
    }
    assertEquals("ok", reason("Jean\u00A0Dupont", 128));
    assertEquals("ok", reason("\u00A0李\u3164", 128));
  }

  /**
   * The line and paragraph separators (U+2028, U+2029) break a line as a newline does, and are named as one; a quoted
   * value shows them as escapes.
   */
  @Test
  void theLineAndParagraphSeparatorsAreNamed() {
    assertEquals("contains an invisible or control character (U+2029 at position 2); it must be one line of visible "
        + "text", reason("a\u2029FORGED", 128));
    assertEquals("contains an invisible or control character (U+2028 at position 2); it must be one line of visible "
        + "text", reason("a\u2028FORGED", 128));
    assertEquals("a\\u2028b\\u2029c", Problem.escaped("a\u2028b\u2029c"));
  }
}
