package io.github.fenqi.nlp.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fenqi.core.FenqiException;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.nlp.ExtractionNote;
import io.github.fenqi.nlp.ExtractionResult;
import io.github.fenqi.nlp.FinancialTerm;
import io.github.fenqi.nlp.PolicyField;
import io.github.fenqi.nlp.PolicyTextExtractor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EntityRecognizerTest {

  @Test
  void lexiconPrefersLongestMatch() {
    List<TermMention> m = EntityRecognizer.lexicon().recognize("逾期利息和利息");
    assertEquals(List.of(FinancialTerm.PENALTY_INTEREST, FinancialTerm.INTEREST),
        m.stream().map(TermMention::term).toList());
    assertEquals("逾期利息", m.get(0).text());
  }

  /** Longest match in a lexicon of one's own too, where a shorter surface form begins the longer one. */
  @Test
  void aCustomLexiconPrefersTheLongerOfTwoFormsThatBeginAlike() {
    LexiconEntityRecognizer r = LexiconEntityRecognizer.parse("INTEREST\t利息\nPENALTY_INTEREST\t利息罚金\n", "mine.txt");
    assertEquals(List.of("PENALTY_INTEREST 利息罚金 0..4", "INTEREST 利息 5..7"), r.recognize("利息罚金和利息").stream()
        .map(t -> t.term() + " " + t.text() + " " + t.start() + ".." + t.end()).toList());
  }

  @Test
  void rejectsLexiconLineWithUnknownTermNamingTheLine() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> LexiconEntityRecognizer.parse("LATE_FEE\t违约金\nTAX\t税费\n", "my-terms.txt"));
    assertEquals("my-terms.txt:2", e.problems().get(0).location());
  }

  /**
   * What a lexicon file holds is quoted as core quotes a value from outside ({@code Problem.excerpt}): a line with a
   * third tab, an unknown term with a line separator (U+2028) and a surface form with a carriage return in it had been
   * quoted raw, a forged line in a log, and a line of 10 000 characters whole.
   */
  @Test
  void whatALexiconFileHoldsIsQuotedEscapedAndCut() {
    assertEquals("expected TERM<TAB>surface form, got 'LATE_FEE\\t违约金\\tx'", reasonOf("LATE_FEE\t违约金\tx\n"));
    assertEquals("expected TERM<TAB>surface form, got '" + "x".repeat(37) + "...'", reasonOf("x".repeat(10_000)));
    assertEquals("unknown term 'TAX\\u2028INFO ok'; expected one of "
        + java.util.Arrays.toString(FinancialTerm.values()), reasonOf("TAX\u2028INFO ok\t税费"));
    assertEquals("surface form '罚\\r息' is listed as LATE_FEE here and as PENALTY_INTEREST at line 1; a surface "
        + "form can name one term only", reasonOf("PENALTY_INTEREST\t罚\r息\nLATE_FEE\t罚\r息"));
  }

  private static String reasonOf(String lexicon) {
    return assertThrows(InvalidInputException.class, () -> LexiconEntityRecognizer.parse(lexicon, "my-terms.txt"))
        .problems().get(0).reason();
  }

  /** "罚息" listed for two terms: the last line used to win silently. */
  @Test
  void rejectsASurfaceFormListedForTwoTermsNamingBothLines() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> LexiconEntityRecognizer.parse(
        "PENALTY_INTEREST\t罚息\nLATE_FEE\t违约金\nLATE_FEE\t罚息\n", "my-terms.txt"));
    assertEquals("my-terms.txt:3", e.problems().get(0).location());
    assertEquals(true, e.getMessage().contains("PENALTY_INTEREST at line 1"), e.getMessage());
    assertEquals(List.of(FinancialTerm.LATE_FEE), LexiconEntityRecognizer.parse("LATE_FEE\t违约金\nLATE_FEE\t违约金\n", "same")
        .recognize("违约金").stream().map(TermMention::term).toList(), "the same term twice is harmless");
    // listed twice for one term and then for another: the line named is where it was first listed
    InvalidInputException thrice = assertThrows(InvalidInputException.class, () -> LexiconEntityRecognizer.parse(
        "LATE_FEE\t违约金\nLATE_FEE\t违约金\nINTEREST\t违约金\n", "my-terms.txt"));
    assertEquals("my-terms.txt:3", thrice.problems().get(0).location());
    assertEquals(true, thrice.getMessage().contains("LATE_FEE at line 1;"), thrice.getMessage());
  }

  /** A stand-in model: labels 担保 / 费 characters as a GUARANTEE_FEE span, like a fine-tuned NER model would. */
  private static final TokenClassifier GUARANTEE_MODEL = tokens -> {
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      if (t.equals("担")) {
        labels.add("B-GUARANTEE_FEE");
      } else if ((t.equals("保") || t.equals("费")) && i > 0 && !labels.get(i - 1).equals("O")) {
        labels.add("I-GUARANTEE_FEE");
      } else {
        labels.add("O");
      }
    }
    return labels;
  };

  @Test
  void decodesBioLabelsIntoMentions() {
    List<TermMention> m = EntityRecognizer.tokenClassification(GUARANTEE_MODEL, 512).recognize("不收取担保费和手续费");
    assertEquals(1, m.size());
    assertEquals(new TermMention(FinancialTerm.GUARANTEE_FEE, 3, 6, "担保费", 0.9), m.get(0));
  }

  /**
   * An I- label of another type than the mention it follows starts a mention of its own, and a mention that runs to
   * the end of the text is kept.
   */
  @Test
  void anInsideLabelOfAnotherTypeStartsAMentionAndOneAtTheEndIsKept() {
    TokenClassifier model = tokens -> List.of("O", "O", "B-PENALTY_INTEREST", "I-PENALTY_INTEREST", "I-LATE_FEE",
        "I-LATE_FEE", "I-LATE_FEE");
    assertEquals(List.of("PENALTY_INTEREST 罚息 2..4", "LATE_FEE 违约金 4..7"),
        EntityRecognizer.tokenClassification(model, 16).recognize("减免罚息违约金").stream()
            .map(t -> t.term() + " " + t.text() + " " + t.start() + ".." + t.end()).toList());
  }

  /** A label that is no BIO label (no "-" after its B or I: "B_LATE_FEE") is outside every mention, as "O" is. */
  @Test
  void aLabelWithoutItsDashIsNoMention() {
    TokenClassifier model = tokens -> List.of("O", "O", "B_LATE_FEE", "I_LATE_FEE", "I_LATE_FEE");
    assertEquals(List.of(), EntityRecognizer.tokenClassification(model, 16).recognize("减免违约金"));
    TokenClassifier dashed = tokens -> List.of("O", "O", "B-LATE_FEE", "I-LATE_FEE", "I-LATE_FEE");
    assertEquals(List.of("违约金"), EntityRecognizer.tokenClassification(dashed, 16).recognize("减免违约金").stream()
        .map(TermMention::text).toList());
  }

  @Test
  void splitsLongTextsIntoWindowsOfAtMostMaxTokens() {
    List<Integer> sizes = new ArrayList<>();
    TokenClassifier model = tokens -> {
      sizes.add(tokens.size());
      return tokens.stream().map(t -> "O").toList();
    };
    EntityRecognizer.tokenClassification(model, 4).recognize("一二三四五六七八九十");
    assertEquals(List.of(4, 4, 2), sizes);
  }

  /** The tokens a model is given for {@code text} (one window). */
  private static List<String> tokensOf(String text) {
    List<List<String>> seen = new ArrayList<>();
    TokenClassifier model = tokens -> {
      seen.add(tokens);
      return tokens.stream().map(t -> "O").toList();
    };
    EntityRecognizer.tokenClassification(model, 16).recognize(text);
    return seen.get(0);
  }

  @Test
  void groupsAsciiRunsIntoOneToken() {
    assertEquals(List.of("减", "免", "30", "%", "罚", "息"), tokensOf("减免 30% 罚息"));
  }

  /**
   * A CJK character beyond the Basic Multilingual Plane (𠮷, two UTF-16 units) is one token, as every other Chinese
   * character is; and a window of no tokens is refused when the recogniser is made.
   */
  @Test
  void aCharacterOfTwoUtf16UnitsIsOneTokenAndAWindowHoldsOneAtLeast() {
    assertEquals(List.of("减", "免", "\uD842\uDFB7", "罚", "息"), tokensOf("减免\uD842\uDFB7罚息"));
    io.github.fenqi.core.InvalidInputException e = assertThrows(io.github.fenqi.core.InvalidInputException.class,
        () -> EntityRecognizer.tokenClassification(tokens -> List.of(), 0));
    assertEquals("maxTokens: must be at least 1, got 0", e.getMessage());
  }

  /** An empty surface form is refused naming the lexicon, with the SDK's error for bad input. */
  @Test
  void anEmptySurfaceFormIsRefusedNamingTheLexicon() {
    assertEquals("lexicon: holds an empty surface form", assertThrows(io.github.fenqi.core.InvalidInputException.class,
        () -> LexiconEntityRecognizer.of(java.util.Map.of("", io.github.fenqi.nlp.FinancialTerm.values()[0])))
        .getMessage());
  }

  /** A run of ASCII letters, digits and dots is one token, as documented: a rate such as 0.05 is one figure. */
  @Test
  void aDecimalIsOneToken() {
    assertEquals(List.of("日", "利", "率", "0.05", "%", "，", "v1.2"), tokensOf("日利率0.05%，v1.2"));
  }

  @Test
  void rejectsModelReturningWrongNumberOfLabels() {
    TokenClassifier broken = tokens -> List.of("O");
    FenqiException e = assertThrows(FenqiException.class,
        () -> EntityRecognizer.tokenClassification(broken, 16).recognize("罚息减免"));
    assertEquals(true, e.getMessage().contains("exactly one BIO label per token"));
    TokenClassifier extra = tokens -> java.util.Collections.nCopies(tokens.size() + 1, "O");
    assertEquals("token classifier returned 5 labels for 4 tokens; it must return exactly one BIO label per token",
        assertThrows(FenqiException.class, () -> EntityRecognizer.tokenClassification(extra, 16).recognize("罚息减免"))
            .getMessage(), "more labels than tokens");
  }

  /** A model or recogniser breaking its contract is named, not a NullPointerException or silently no terms. */
  @Test
  void namesAModelOrRecognizerThatBreaksItsContract() {
    List<TokenClassifier> models = List.of(tokens -> null, tokens -> java.util.Collections.nCopies(tokens.size(), null));
    for (TokenClassifier model : models) {
      FenqiException e = assertThrows(FenqiException.class,
          () -> EntityRecognizer.tokenClassification(model, 16).recognize("罚息减免"));
      assertEquals(true, e.getMessage().startsWith("token classifier returned null"), e.getMessage());
    }
    List<EntityRecognizer> recognizers = List.of(text -> null,
        text -> java.util.Arrays.asList((TermMention) null),
        text -> List.of(new TermMention(FinancialTerm.PENALTY_INTEREST, 0, 100, "罚息", 0.9)));
    for (EntityRecognizer recognizer : recognizers) {
      FenqiException e = assertThrows(FenqiException.class,
          () -> PolicyTextExtractor.withRecognizer(recognizer).extract("罚息最高减免50%。"));
      assertEquals(true, e.getMessage().startsWith("entity recognizer "), e.getMessage());
    }
  }

  /**
   * A mention may end at the end of the normalised text, not one character past it: that one is refused naming the
   * text's length, as the extractor's contract says, rather than its evidence cut silently.
   */
  @Test
  void aMentionEndingAtTheTextsEndIsKeptAndOnePastItRefused() {
    EntityRecognizer whole = text -> List.of(new TermMention(FinancialTerm.PENALTY_INTEREST, 0, text.length(), text, 0.9));
    assertEquals(List.of("罚息最高减免50%。"), PolicyTextExtractor.withRecognizer(whole).extract("罚息最高减免50%。")
        .termMentions().stream().map(TermMention::text).toList());
    EntityRecognizer past = text -> List.of(new TermMention(FinancialTerm.PENALTY_INTEREST, 0, text.length() + 1,
        text, 0.9));
    FenqiException e = assertThrows(FenqiException.class,
        () -> PolicyTextExtractor.withRecognizer(past).extract("罚息最高减免50%。"));
    assertEquals(true, e.getMessage().endsWith("beyond the end of the normalised text, of length 10"), e.getMessage());
  }

  @Test
  void extractorUsesTheSuppliedRecognizerForComponents() {
    // a model that only knows LATE_FEE: the waiver clause about 违约金 is still read
    TokenClassifier lateFeeOnly = tokens -> {
      List<String> labels = new ArrayList<>();
      for (int i = 0; i < tokens.size(); i++) {
        boolean start = i + 2 < tokens.size() && tokens.get(i).equals("违") && tokens.get(i + 1).equals("约");
        boolean inside = i >= 1 && (labels.get(i - 1).endsWith("LATE_FEE")) && (tokens.get(i).equals("约")
            || tokens.get(i).equals("金"));
        labels.add(start ? "B-LATE_FEE" : inside ? "I-LATE_FEE" : "O");
      }
      return labels;
    };
    PolicyTextExtractor extractor = PolicyTextExtractor.withRecognizer(
        EntityRecognizer.tokenClassification(lateFeeOnly, 128));
    ExtractionResult r = extractor.extract("违约金最高减免80%。罚息不减免。");
    assertEquals(Set.of(FinancialTerm.LATE_FEE), r.terms());
    assertEquals(0, new java.math.BigDecimal("0.8").compareTo(
        r.field(PolicyField.MAX_LATE_FEE_WAIVER).orElseThrow().decimalValue()));
    // in one sentence, the clause naming no term this model knows is read as the 违约金's, as the clause after a
    // named component is: its refusal contradicts the 80%, told as a conflict (the 80% had been taken silently)
    r = extractor.extract("违约金最高减免80%，罚息不减免。");
    assertEquals(Set.of(FinancialTerm.LATE_FEE), r.terms());
    assertEquals(List.of(ExtractionNote.Kind.CONFLICT),
        r.notes(PolicyField.MAX_LATE_FEE_WAIVER).stream().map(ExtractionNote::kind).toList());
  }
}
