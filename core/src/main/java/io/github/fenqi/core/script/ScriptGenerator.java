package io.github.fenqi.core.script;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.debt.ProductType;
import io.github.fenqi.core.policy.Policy;
import io.github.fenqi.core.security.Masking;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the negotiation scripts of a proposal: one {@link NegotiationScript} per lender, each with the sections
 * HARDSHIP, WILLINGNESS, PROPOSAL and LEGAL_BASIS, in the language of the request's {@link ScriptOptions}.
 *
 * <p>The default implementation ({@link #defaults()}, {@link #builder()}) fills the template resources
 * {@code templates_zh_CN.properties} and {@code templates_en.properties}; amounts are given in figures and, in
 * Chinese, in capitals ({@link ChineseAmountWords}); personal identifiers only in {@link Masking} form; every
 * input text (policy names and references, the borrower's note) is cleaned with the {@link SensitiveWordFilter},
 * and each finished section is checked again, so no lexicon word is ever emitted.
 *
 * <p>Thread-safety: implementations must be thread-safe; the default one is immutable.
 */
public interface ScriptGenerator {

  /**
   * One script per lender plan of {@code request}, in the same order, each with its plan's debt and platform ids and the
   * request's strategy: the engine attaches the i-th script to the i-th plan, and refuses scripts that are not theirs.
   *
   * @throws InvalidInputException naming {@code request} when it is null (the shipped generator; a request's own
   *     missing parts are named when it is built)
   */
  List<NegotiationScript> generate(ScriptRequest request);

  /**
   * The lexicon words in a borrower's free-text hardship note, which {@link #generate} keeps out of the scripts
   * (offsets in {@code note}). The default checks against {@link SensitiveWordFilter#defaults()}; the shipped
   * generator uses its configured filter.
   *
   * @throws InvalidInputException naming {@code note} when it is null
   */
  default List<SensitiveMatch> noteFindings(String note) {
    return SensitiveWordFilter.defaults().clean(TemplateScriptGenerator.requiredNote(note)).findings();
  }

  /**
   * {@code text}, a borrower's own words (a hardship note), with every identifier in it masked as the shipped generator
   * masks a note it quotes ({@link Masking#defaults()}): the borrower's own ID number and mobile in any form it finds
   * them (with separators, in Chinese numerals), what {@link Masking#redact} finds, and the borrower's name (spaced out,
   * in traditional characters). For showing such a text where the borrower is known: {@link Masking#redact} alone
   * knows no name, and a request's {@code toString} had printed "我叫张三" beside its borrower's masked name.
   */
  static String masked(io.github.fenqi.core.borrower.Borrower borrower, String text) {
    Objects.requireNonNull(borrower, "borrower");
    Objects.requireNonNull(text, "text");
    return TemplateScriptGenerator.maskerFor(Masking.defaults(), borrower).apply(text);
  }

  /** The shipped templates, lexicon and masking rules. */
  static ScriptGenerator defaults() {
    return TemplateScriptGenerator.DEFAULTS;
  }

  /** A builder starting from the defaults. */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Configures the default generator. {@link #build()} loads and checks the templates (every key present,
   * placeholders well formed, no lexicon word in any literal text) and returns an immutable generator. Not
   * thread-safe; reusable.
   */
  final class Builder {
    SensitiveWordFilter filter = SensitiveWordFilter.defaults();
    Masking masking = Masking.defaults();
    final Map<ScriptLanguage, Map<ProductType, List<String>>> legalReferences = new EnumMap<>(ScriptLanguage.class);

    Builder() {}

    /** The lexicon scripts are kept free of (default {@link SensitiveWordFilter#defaults()}). */
    public Builder filter(SensitiveWordFilter filter) {
      this.filter = Objects.requireNonNull(filter, "filter");
      return this;
    }

    /** How identifiers are masked (default {@link Masking#defaults()}). */
    public Builder masking(Masking masking) {
      this.masking = Objects.requireNonNull(masking, "masking");
      return this;
    }

    /**
     * The general legal references cited for debts of {@code type} in {@code language}, after the policy's own
     * (replaces the shipped ones, {@code legal.<TYPE>} in the templates; an empty list cites none, and a script with no
     * policy reference either asks for a review under the lender's rules, {@code legal.none}, rather than announce a
     * list of provisions). Each is one line of visible text of at most {@link Policy#MAX_TEXT_LENGTH} characters, as a policy's {@code legalBasis} is. A
     * configured reference is cited even when the policy cites the same provision in another language's words: only the
     * shipped lists are known to cite the same provisions in the same order in every language.
     *
     * @throws InvalidInputException naming each reference that is empty, too long or holds a control character
     */
    public Builder legalReferences(ScriptLanguage language, ProductType type, List<String> references) {
      Objects.requireNonNull(language, "language");
      Objects.requireNonNull(type, "type");
      List<Problem> problems = Policy.legalReferenceProblems("legalReferences", references);
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
      legalReferences.computeIfAbsent(language, l -> new EnumMap<>(ProductType.class)).put(type, List.copyOf(references));
      return this;
    }

    /**
     * Builds the generator.
     *
     * @throws InvalidInputException when a template or configured reference contains a lexicon word, naming it
     */
    public ScriptGenerator build() {
      return new TemplateScriptGenerator(this);
    }
  }
}
