package io.github.fenqi.core.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The growth check tells a quadratic reading from a linear one, both at their fastest. */
class LinearTimeTest {

  /** For each '&', a search to the end for a ';' that never comes: the quadratic reading HtmlText once had. */
  private static int quadraticSearches(String text) {
    int found = 0;
    for (int i = text.indexOf('&'); i >= 0; i = text.indexOf('&', i + 1)) {
      found += text.indexOf(';', i) < 0 ? 0 : 1;
      found += text.lastIndexOf('#') > i ? 1 : 0; // a second scan of the rest, as a reading that backtracks does
    }
    return found;
  }

  @Test
  void aQuadraticReadingFails() {
    AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> LinearTime.assertLinear("a quadratic search",
        scale -> assertEquals(0, quadraticSearches("&a".repeat(3_000 * scale)))));
    assertTrue(e.getMessage().startsWith("a quadratic search: an input 8 times as long took"), e.getMessage());
  }

  @Test
  void aLinearReadingPasses() {
    LinearTime.assertLinear("a linear count", scale -> {
      String text = "&a".repeat(200_000 * scale);
      assertEquals(200_000 * scale, text.chars().filter(c -> c == '&').count());
    });
  }
}
