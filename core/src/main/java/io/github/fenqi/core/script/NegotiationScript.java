package io.github.fenqi.core.script;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.RequiredParts;
import io.github.fenqi.core.json.SdkOutput;
import io.github.fenqi.core.solve.Strategy;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the borrower says to one lender about one proposal, as structured sections and as plain text
 * ({@link #text()}). Personal identifiers appear only in masked form; no word of the generator's lexicon appears.
 *
 * <p>Thread-safety: immutable.
 *
 * @param debtId the debt the script negotiates
 * @param platformId its lender
 * @param strategy the proposal's strategy
 * @param language the script's language
 * @param title the heading (addressee and proposal)
 * @param sections exactly one of each {@link ScriptSection.Kind}, in kind order
 * @param findings lexicon words found in the inputs and kept out of the script
 */
@SdkOutput
@JsonPropertyOrder({"debtId", "platformId", "strategy", "language", "title", "sections", "findings"})
public record NegotiationScript(String debtId, String platformId, Strategy strategy, ScriptLanguage language, String title,
    List<ScriptSection> sections, List<ScriptFinding> findings) {

  public NegotiationScript {
    RequiredParts.check(new String[] {"debtId", "platformId", "strategy", "language", "title", "sections", "findings"},
        debtId, platformId, strategy, language, title, sections, findings);
    sections = List.copyOf(sections);
    findings = List.copyOf(findings);
    List<ScriptSection.Kind> kinds = sections.stream().map(ScriptSection::kind).toList();
    if (!kinds.equals(List.of(ScriptSection.Kind.values()))) {
      throw new InvalidInputException("sections", "a script has one section of each kind in order ("
          + List.of(ScriptSection.Kind.values()) + "), not " + kinds);
    }
  }

  /** The section of one kind. */
  public ScriptSection section(ScriptSection.Kind kind) {
    return sections.get(kind.ordinal());
  }

  /** The whole script as plain text: the title, then each section's title and body, separated by blank lines. */
  public String text() {
    return title + "\n\n" + sections.stream().map(s -> s.title() + "\n" + s.text()).collect(Collectors.joining("\n\n"));
  }
}
