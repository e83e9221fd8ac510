package io.github.fenqi.core.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A script's sections as {@link NegotiationScript} and {@link ScriptSection} document them: one of each kind in kind
 * order, each under its own heading in the script's language, and the plain text the title and each section's heading
 * and body separated by blank lines.
 */
class ScriptSectionsTest {
  /** The shipped headings of HARDSHIP, WILLINGNESS, PROPOSAL and LEGAL_BASIS. */
  private static final Map<ScriptLanguage, List<String>> HEADINGS = Map.of(
      ScriptLanguage.ZH_CN, List.of("一、困难说明", "二、还款意愿", "三、还款方案", "四、协商依据"),
      ScriptLanguage.EN, List.of("1. Hardship", "2. Willingness to repay", "3. Proposal", "4. Basis for the request"));

  private static NegotiationScript script(ScriptLanguage language) {
    return ScriptGeneratorTest.calculate(language, "我失业了").proposals().get(0).scripts().get(0);
  }

  @ParameterizedTest
  @EnumSource(ScriptLanguage.class)
  void eachSectionIsUnderItsOwnHeadingAndTheTextSeparatesThemByBlankLines(ScriptLanguage language) {
    NegotiationScript s = script(language);
    assertEquals(List.of(ScriptSection.Kind.values()), s.sections().stream().map(ScriptSection::kind).toList());
    assertEquals(HEADINGS.get(language), s.sections().stream().map(ScriptSection::title).toList());
    String text = s.text();
    assertTrue(text.startsWith(s.title() + "\n\n" + HEADINGS.get(language).get(0) + "\n"), text);
    for (ScriptSection.Kind kind : ScriptSection.Kind.values()) {
      ScriptSection section = s.section(kind);
      String block = section.title() + "\n" + section.text();
      assertTrue(kind == ScriptSection.Kind.HARDSHIP || text.contains("\n\n" + block), kind + ": " + text);
      assertTrue(kind == ScriptSection.Kind.LEGAL_BASIS ? text.endsWith(block) : text.contains(block + "\n\n"),
          kind + ": " + text);
    }
  }

  /** Sections out of kind order, or one kind twice beside the four, are refused naming {@code sections}. */
  @Test
  void aScriptWithItsSectionsOutOfOrderOrAKindTwiceIsRefused() {
    NegotiationScript s = script(ScriptLanguage.ZH_CN);
    List<ScriptSection> swapped = new ArrayList<>(s.sections());
    Collections.swap(swapped, 1, 2);
    List<ScriptSection> twice = new ArrayList<>(s.sections());
    twice.add(s.sections().get(0));
    for (List<ScriptSection> sections : List.of(swapped, twice)) {
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> new NegotiationScript(s.debtId(),
          s.platformId(), s.strategy(), s.language(), s.title(), sections, s.findings()));
      assertEquals("sections", e.problems().get(0).location(), e.getMessage());
    }
  }
}
