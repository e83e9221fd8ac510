package io.github.fenqi.core.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A language's templates are checked as {@link ScriptGenerator.Builder#build()} documents: every key the zh-CN templates
 * define present, placeholders well formed, no lexicon word in any literal text; each problem named by resource and key.
 */
class ScriptTemplatesTest {

  @Test
  void aMissingKeyALexiconWordAndAMalformedPlaceholderAreEachNamed() {
    Map<String, String> texts = new TreeMap<>(ScriptTemplates.shipped(ScriptLanguage.EN));
    texts.remove("legal.none");
    texts.put("legal.closing", "I will file a 投诉 otherwise.");
    texts.put("legal.item", "${index. ${reference}");
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> ScriptTemplates.of(ScriptLanguage.EN,
        texts, ScriptTemplates.requiredKeys(), SensitiveWordFilter.defaults()));
    assertEquals(List.of("templates_en.properties:legal.none", "templates_en.properties:legal.closing",
        "templates_en.properties:legal.item"), e.problems().stream().map(Problem::location).toList(), e.getMessage());
    assertEquals("is missing", e.problems().get(0).reason());
    assertTrue(e.problems().get(1).reason().startsWith("contains the lexicon word '投诉'"), e.getMessage());
  }

  /**
   * A lexicon word found in a template or a configured reference is quoted as core quotes a value from outside ({@link
   * Problem#excerpt}), as is its category: both come from a lexicon file, and a word with a line separator had been
   * quoted raw, its second half a forged line of a log, and a word or category of 10 000 characters whole.
   */
  @Test
  void aLexiconWordFoundIsQuotedAsAValueFromOutside() {
    String broken = "代\u2028还";
    String longWord = "甲".repeat(10_000);
    String longCategory = "c".repeat(10_000);
    SensitiveWordFilter filter = SensitiveWordFilter.builder().add(broken).add(longCategory, List.of(longWord)).build();
    Map<String, String> texts = new TreeMap<>(ScriptTemplates.shipped(ScriptLanguage.EN));
    texts.put("legal.closing", "I will ask for 代还 otherwise.");
    texts.put("legal.none", longWord);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> ScriptTemplates.of(ScriptLanguage.EN,
        texts, ScriptTemplates.requiredKeys(), filter));
    assertEquals(List.of(Problem.of("templates_en.properties:legal.closing", "contains the lexicon word '"
            + Problem.excerpt(broken) + "' (custom)"), Problem.of("templates_en.properties:legal.none", "contains the "
            + "lexicon word '" + Problem.excerpt(longWord) + "' (" + Problem.excerpt(longCategory) + ")")),
        e.problems());
    InvalidInputException reference = assertThrows(InvalidInputException.class, () -> ScriptGenerator.builder()
        .filter(filter).legalReferences(ScriptLanguage.ZH_CN, io.github.fenqi.core.debt.ProductType.CREDIT_CARD,
            List.of("请代还")).build());
    assertEquals(List.of(Problem.of("legalReferences.zh-CN.CREDIT_CARD", "'请代还' contains the lexicon word '"
        + Problem.excerpt(broken) + "'")), reference.problems());
  }

  /** Every shipped language defines every key, with nothing else to refuse. */
  @Test
  void everyShippedLanguagePassesTheChecks() {
    for (ScriptLanguage language : ScriptLanguage.values()) {
      assertEquals(language, ScriptTemplates.of(language, ScriptTemplates.shipped(language),
          ScriptTemplates.requiredKeys(), SensitiveWordFilter.defaults()).language());
    }
  }
}
