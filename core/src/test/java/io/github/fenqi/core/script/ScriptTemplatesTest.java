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

  /** Every shipped language defines every key, with nothing else to refuse. */
  @Test
  void everyShippedLanguagePassesTheChecks() {
    for (ScriptLanguage language : ScriptLanguage.values()) {
      assertEquals(language, ScriptTemplates.of(language, ScriptTemplates.shipped(language),
          ScriptTemplates.requiredKeys(), SensitiveWordFilter.defaults()).language());
    }
  }
}
