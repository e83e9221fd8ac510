package io.github.fenqi.core.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Language tags as callers and browsers write them. */
class ScriptLanguageTest {

  /**
   * A tag with a region or script (en-US, en-GB, zh-Hans-CN, as an Accept-Language header or a locale's toLanguageTag
   * writes them) or the bare zh had been refused as "not supported", though its language is one scripts are written in.
   * Blanks around a tag are no part of it (quoted, as CSV trims what is not).
   */
  @ParameterizedTest
  @CsvSource({
      "zh-CN, ZH_CN", "zh_cn, ZH_CN", "' ZH-CN\t', ZH_CN", "'\u3000en-US ', EN", "zh, ZH_CN", "zh-Hans, ZH_CN", "zh-Hans-CN, ZH_CN",
      "zh-SG, ZH_CN", "zh-Hans-HK, ZH_CN", "en, EN", "EN, EN", "en-US, EN", "en_GB, EN", "en-Latn-US, EN",
  })
  void aTagIsReadByItsLanguage(String tag, ScriptLanguage language) {
    assertEquals(language, ScriptLanguage.ofTag(tag));
  }

  /**
   * Traditional Chinese (zh-TW, zh-HK, zh-Hant) is not zh-CN's simplified characters, so it is refused, as are other
   * languages and malformed tags; each names the field and the supported tags.
   */
  @ParameterizedTest
  @ValueSource(strings = {"zh-TW", "zh-HK", "zh-MO", "zh-Hant", "zh-Hant-CN", "fr", "fr-FR", "english", "", " ", "en-",
      "-en", "en--US", "en US", "zh-CN-", "en-ÜS"})
  void otherTagsAreRefusedNamingTheSupportedOnes(String tag) {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> ScriptLanguage.ofTag(tag));
    assertEquals("language", e.problems().get(0).location());
    assertTrue(e.problems().get(0).reason().contains("[zh-CN, en]"), e.getMessage());
  }

  /**
   * A tag's letters are ASCII's, in any case: a Kelvin sign (U+212A), which Unicode lower-cases to k, had made
   * "en-\u212A" English and "zh-Hans-H\u212A" zh-CN; a dotless ı or a long ſ is no i or s either.
   */
  @ParameterizedTest
  @ValueSource(strings = {"en-\u212A", "zh-Hans-H\u212A", "zh-H\u212A", "\u212Ao", "en-\u0131n", "zh-Han\u017F"})
  void aLetterOnlyUnicodeFoldsToAsciiMakesNoTag(String tag) {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> ScriptLanguage.ofTag(tag));
    assertEquals("'" + tag + "' is not supported; use one of [zh-CN, en]", e.problems().get(0).reason());
  }

  /**
   * A refused tag is quoted as core quotes any value from outside ({@code Problem.excerpt}): a line break escaped, not
   * raw, and a tag of 10 000 characters cut to 40, where both had been quoted whole, the first beginning a forged line
   * of its own in a log, the second putting the whole of what a caller sent into the error. A traditional tag with a line
   * break after it (read, as blanks around a tag are no part of it) is quoted so too.
   */
  @Test
  void aRefusedTagIsQuotedEscapedAndCut() {
    String forged = reasonOf("fr\nINFO ok");
    assertEquals("'fr\\nINFO ok' is not supported; use one of [zh-CN, en]", forged);
    assertEquals("'zh-Hant\\n' is Chinese in traditional characters, which scripts are not written in; use one of "
        + "[zh-CN, en]", reasonOf("zh-Hant\n"));
    String huge = "x".repeat(10_000);
    assertEquals("'" + "x".repeat(37) + "...' is not supported; use one of [zh-CN, en]",
        reasonOf(huge));
    String longTraditional = "zh-Hant" + "-abcdefgh".repeat(1_000);
    assertEquals("'zh-Hant-abcdefgh-abcdefgh-abcdefgh-ab...' is Chinese in traditional characters, which scripts are "
        + "not written in; use one of [zh-CN, en]", reasonOf(longTraditional));
  }

  private static String reasonOf(String tag) {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> ScriptLanguage.ofTag(tag));
    assertEquals("language", e.problems().get(0).location());
    return e.problems().get(0).reason();
  }

  /** A missing tag had thrown a bare NullPointerException from String.strip. */
  @Test
  void aMissingTagIsNamed() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> ScriptLanguage.ofTag(null));
    assertEquals("language", e.problems().get(0).location());
    assertTrue(e.problems().get(0).reason().startsWith("is missing"), e.getMessage());
  }
}
