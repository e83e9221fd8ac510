package io.github.fenqi.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** Case as ASCII has it: only A–Z and a–z are one another's case. */
class AsciiCaseTest {

  /**
   * Only ASCII letters change case: a Kelvin sign (U+212A) is no k, a dotless ı (U+0131) no I, a long ſ (U+017F) no S,
   * an İ (U+0130) no i, as Unicode's rules make them; other letters keep their case.
   */
  @Test
  void onlyAsciiLettersChangeCase() {
    assertEquals("en-\u212a-\u0130-\u00c9-zh-hans", AsciiCase.toLowerCase("EN-\u212A-\u0130-\u00C9-zh-Hans"));
    assertEquals("FENQ\u0131_MAX_DEBT\u017F-\u00E9", AsciiCase.toUpperCase("fenq\u0131_max_debt\u017F-\u00E9"));
    assertFalse(AsciiCase.equalsIgnoreCase("gb\u212A", "GBK"));
    // the characters around the letters in ASCII ('@' '[' before and after A–Z, '`' '{' around a–z) stay
    assertEquals("@AZ[`AZ{", AsciiCase.toUpperCase("@AZ[`az{"));
    assertEquals("@az[`az{", AsciiCase.toLowerCase("@AZ[`az{"));
  }
}
