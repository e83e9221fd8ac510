package io.github.fenqi.core.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** A lexicon word cannot be smuggled past the filter by spacing, punctuation, full-width forms or case. */
class SensitiveWordFilterProperties {
  private static final SensitiveWordFilter FILTER = SensitiveWordFilter.defaults();
  private static final List<String> SEPARATORS = List.of(" ", "　", "\u200b", "-", "*", "·", ".", "，", "_", "\t");

  @Provide
  Arbitrary<String> disguised() {
    Arbitrary<String> word = Arbitraries.of(FILTER.words().stream().filter(w -> w.codePointCount(0, w.length()) >= 2).toList());
    return word.flatMap(w -> Arbitraries.of(SEPARATORS).list().ofSize(w.length()).flatMap(seps ->
        Arbitraries.of(true, false).map(fullWidth -> {
          StringBuilder sb = new StringBuilder();
          for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (fullWidth && c >= '!' && c <= '~') {
              c = (char) (c - '!' + '！'); // ASCII to its full-width form
            }
            if (fullWidth && Character.isLowerCase(c)) {
              c = Character.toUpperCase(c);
            }
            sb.append(c);
            if (i < w.length() - 1) {
              sb.append(seps.get(i));
            }
          }
          return sb.toString();
        })));
  }

  @Property(tries = 500)
  void disguisedWordsAreFoundAndCleanedOut(@ForAll("disguised") String hidden) {
    String note = "我最近失业了。这段话里藏着" + hidden + "这个词。我会尽力还款。";
    assertTrue(FILTER.containsAny(note), "not found: " + hidden);
    CleanedText cleaned = FILTER.clean(note);
    assertTrue(cleaned.changed());
    assertFalse(FILTER.containsAny(cleaned.text()), cleaned.text());
  }

  /** Cyrillic and Greek look-alikes of Latin letters (lower case), for the property below. */
  private static final java.util.Map<Character, String> LOOK_ALIKES = java.util.Map.of('a', "\u0430\u03B1", 'e', "\u0435",
      'o', "\u043E\u03BF", 'p', "\u0440\u03C1", 'c', "\u0441\u03F2", 's', "\u0455", 'i', "\u0456\u03B9", 'x', "\u0445",
      'h', "\u04BB", 'l', "\u04CF");

  /** Each letter of a Latin word as itself, circled, parenthesised or a look-alike of another script. */
  @Provide
  Arbitrary<String> lettersInOtherForms() {
    Arbitrary<String> word = Arbitraries.of(FILTER.words().stream().filter(w -> w.matches("[a-z]{3,}")).toList());
    return word.flatMap(w -> Arbitraries.integers().between(0, 3).list().ofSize(w.length()).map(forms -> {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < w.length(); i++) {
        char c = w.charAt(i);
        String alike = LOOK_ALIKES.getOrDefault(c, "");
        switch (forms.get(i)) {
          case 1 -> sb.append((char) ('\u24D0' + (c - 'a')));
          case 2 -> sb.append((char) ('\u249C' + (c - 'a')));
          case 3 -> sb.append(alike.isEmpty() ? c : alike.charAt(i % alike.length()));
          default -> sb.append(c);
        }
      }
      return sb.toString();
    }));
  }

  @Property(tries = 500)
  void lettersWrittenAsSymbolsOrInAnotherScriptAreFound(@ForAll("lettersInOtherForms") String hidden) {
    String note = "I lost my job. I will " + hidden + " now. I will pay.";
    assertTrue(FILTER.containsAny(note), "not found: " + hidden);
    assertFalse(FILTER.containsAny(FILTER.clean(note).text()), FILTER.clean(note).text());
  }

  /** Combining marks that compose with every Latin letter a–z somewhere in Unicode: grave, acute, circumflex, diaeresis. */
  private static final List<Character> MARKS = List.of('\u0300', '\u0301', '\u0302', '\u0308', '\u0307', '\u0323');

  /** A Latin lexicon word with diacritics on some letters, written precomposed (NFC) where Unicode has the letter. */
  @Provide
  Arbitrary<String> accented() {
    Arbitrary<String> word = Arbitraries.of(FILTER.words().stream().filter(w -> w.matches("[a-z]{3,}")).toList());
    return word.flatMap(w -> Arbitraries.integers().between(-1, MARKS.size() - 1).list().ofSize(w.length()).map(marks -> {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < w.length(); i++) {
        sb.append(w.charAt(i));
        if (marks.get(i) >= 0) {
          sb.append(MARKS.get(marks.get(i)));
        }
      }
      return java.text.Normalizer.normalize(sb, java.text.Normalizer.Form.NFC);
    }));
  }

  /**
   * Canonically equivalent texts are one text: a letter with a diacritic hides a word neither as the precomposed
   * character nor as letter and combining mark ({@code cömplain} with a precomposed ö had passed, while o + U+0308,
   * the same text to a reader, was found).
   */
  @Property(tries = 500)
  void aWordWithDiacriticsIsFoundInEitherEncoding(@ForAll("accented") String hidden) {
    String nfd = java.text.Normalizer.normalize(hidden, java.text.Normalizer.Form.NFD);
    for (String form : List.of(hidden, nfd)) {
      String note = "I lost my job. I will " + form + " now. I will pay.";
      assertEquals(1, FILTER.find(note).size(), () -> "not found once: " + form);
      assertEquals("I lost my job. I will pay.", FILTER.clean(note).text());
    }
  }

  @Property(tries = 200)
  void ordinaryHardshipTextIsLeftAlone(@ForAll("plain") String text) {
    assertFalse(FILTER.containsAny(text), text);
    assertTrue(FILTER.clean(text).text().equals(text));
  }

  @Provide
  Arbitrary<String> plain() {
    return Arbitraries.of("我失业了，收入中断。", "家人生病住院，医疗费用很高。", "I lost my job and my income stopped.",
        "每月还款1,315.00元，分24期。", "我愿意先还首付3,000.00元。").list().ofMinSize(1).ofMaxSize(4).map(l -> String.join("", l));
  }

  private static final List<String> MORE_SEPARATORS = List.of(" ", "　", "\u200b", "\u200d", "\ufeff", "-", "－", "*", "＊",
      "·", ".", "。", "，", "、", "_", "\t", "\n", "/", "|", "～", "~", "“", "”", "(", "）", "【", "】", "…", "!", "！", "\u0301");
  private static final List<String> CONTEXT = List.of("我最近失业了，", "家里有人生病。", "每月能还1,315.00元，",
      "I lost my job. ", "希望能分24期。", "收入下降了。", "");

  /** A lexicon word with 0–3 separators at every gap, each character in full-width or plain form and either case. */
  @Provide
  Arbitrary<String> scattered() {
    Arbitrary<String> word = Arbitraries.of(FILTER.words());
    Arbitrary<String> gap = Arbitraries.of(MORE_SEPARATORS).list().ofMinSize(0).ofMaxSize(3).map(l -> String.join("", l));
    return word.flatMap(w -> Combinators.combine(gap.list().ofSize(w.length()),
        Arbitraries.integers().between(0, 3).list().ofSize(w.length())).as((gaps, forms) -> {
          StringBuilder sb = new StringBuilder();
          for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            int form = forms.get(i);
            if ((form & 1) == 1) {
              c = Character.toUpperCase(c);
            }
            if ((form & 2) == 2 && c >= '!' && c <= '~') {
              c = (char) (c + 0xFEE0);
            }
            sb.append(c);
            if (i < w.length() - 1) {
              sb.append(gaps.get(i));
            }
          }
          return sb.toString();
        }));
  }

  @Property(tries = 1000)
  void aScatteredWordInsideHardshipTextIsAlwaysCaughtAndNeverSurvivesCleaning(@ForAll("scattered") String hidden,
      @ForAll("context") String before, @ForAll("context") String after) {
    String note = before + "，" + hidden + "。" + after;
    assertTrue(FILTER.containsAny(note), () -> "not found: " + hidden);
    CleanedText cleaned = FILTER.clean(note);
    assertTrue(cleaned.changed());
    assertFalse(FILTER.containsAny(cleaned.text()), cleaned.text());
    assertFalse(cleaned.text().contains(hidden), cleaned.text());
  }

  @Provide
  Arbitrary<String> context() {
    return Arbitraries.of(CONTEXT);
  }

  /**
   * Text assembled from halves of lexicon words, separators and sentence ends: cleaning may remove a lot, but
   * what it leaves never contains a lexicon word, and every finding lies in the original text.
   */
  @Property(tries = 500)
  void whatCleaningLeavesIsAlwaysClean(@ForAll("pieces") List<String> pieces) {
    String text = String.join("", pieces);
    CleanedText cleaned = FILTER.clean(text);
    assertFalse(FILTER.containsAny(cleaned.text()), () -> text + " → " + cleaned.text());
    for (SensitiveMatch m : cleaned.findings()) {
      assertTrue(m.matched().equals(text.substring(m.start(), m.end())), m.toString());
    }
  }

  /**
   * Sentences, some opening with a lexicon word: cleaning removes exactly those and keeps the others whole and in
   * order, however many words share a sentence (the removal once walked a long sentence again for each of them).
   */
  @Property(tries = 500)
  void cleaningRemovesExactlyTheSentencesWithAWord(@ForAll("sentences") List<Tuple.Tuple2<String, Integer>> sentences) {
    StringBuilder text = new StringBuilder();
    StringBuilder kept = new StringBuilder();
    List<String> words = FILTER.words();
    for (Tuple.Tuple2<String, Integer> s : sentences) {
      int taints = s.get2();
      for (int k = 0; k < taints; k++) {
        text.append(words.get(Math.floorMod(s.get1().hashCode() * 31 + k, words.size())));
      }
      text.append(s.get1());
      if (taints == 0) {
        kept.append(s.get1());
      }
    }
    assertEquals(kept.toString(), FILTER.clean(text.toString()).text(), text::toString);
  }

  @Provide
  Arbitrary<List<Tuple.Tuple2<String, Integer>>> sentences() {
    Arbitrary<String> sentence = Arbitraries.of("我失业了，收入中断。", "家人生病住院，医疗费用很高。", "每月还款1,315.00元，分24期。",
        "我愿意先还首付3,000.00元。");
    Arbitrary<Integer> taints = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(0)), Tuple.of(1, Arbitraries.integers().between(1, 40)));
    return Combinators.combine(sentence, taints).as(Tuple::of).list().ofMinSize(1).ofMaxSize(12);
  }

  @Provide
  Arbitrary<List<String>> pieces() {
    Arbitrary<String> half = Arbitraries.of(FILTER.words()).flatMap(w -> Arbitraries.integers().between(0, w.length())
        .flatMap(cut -> Arbitraries.of(w.substring(0, cut), w.substring(cut))));
    return Arbitraries.frequencyOf(Tuple.of(5, half), Tuple.of(2, Arbitraries.of(MORE_SEPARATORS)),
        Tuple.of(2, Arbitraries.of("。", "！", "；", "\n", ". ", "?")), Tuple.of(2, Arbitraries.of(CONTEXT)))
        .list().ofMinSize(1).ofMaxSize(20);
  }

  /**
   * The forms, other than the simplified one, in which the lexicon's ideographs are written, kept here apart from the
   * filter's own table: traditional, Japanese shinjitai, common variants, compatibility ideographs and Kangxi radicals.
   */
  private static final java.util.Map<String, List<String>> OTHER_FORMS = java.util.Map.ofEntries(
      java.util.Map.entry("举", List.of("舉", "擧", "挙")), java.util.Map.entry("报", List.of("報", "\uD87E\uDC57")),
      java.util.Map.entry("恶", List.of("惡", "悪", "\uF9B9")), java.util.Map.entry("体", List.of("體", "躰", "軆")),
      java.util.Map.entry("总", List.of("總", "縂", "総", "摠", "\uD87E\uDD6F")),
      java.util.Map.entry("杀", List.of("殺", "\uF970", "\uFA96", "\uD87E\uDCF5")),
      java.util.Map.entry("轻", List.of("輕", "軽")), java.util.Map.entry("赖", List.of("賴", "頼")),
      java.util.Map.entry("归", List.of("歸", "帰")), java.util.Map.entry("黑", List.of("黒", "\u2FCA")),
      java.util.Map.entry("权", List.of("權", "権")), java.util.Map.entry("征", List.of("徵", "徴")),
      java.util.Map.entry("联", List.of("聯", "聨", "\uF997")), java.util.Map.entry("监", List.of("監")),
      java.util.Map.entry("会", List.of("會")), java.util.Map.entry("债", List.of("債")), java.util.Map.entry("务", List.of("務")),
      java.util.Map.entry("寻", List.of("尋")), java.util.Map.entry("尽", List.of("盡")), java.util.Map.entry("于", List.of("於")),
      java.util.Map.entry("们", List.of("們")), java.util.Map.entry("优", List.of("優")),
      java.util.Map.entry("胁", List.of("脅", "脇")), java.util.Map.entry("访", List.of("訪")),
      java.util.Map.entry("诉", List.of("訴")), java.util.Map.entry("账", List.of("賬", "帳")),
      java.util.Map.entry("贷", List.of("貸")), java.util.Map.entry("还", List.of("還")), java.util.Map.entry("银", List.of("銀")),
      java.util.Map.entry("骗", List.of("騙")), java.util.Map.entry("维", List.of("維")),
      java.util.Map.entry("楼", List.of("樓", "\uF94C")), java.util.Map.entry("你", List.of("妳", "\uD87E\uDC04")),
      java.util.Map.entry("同", List.of("仝")), java.util.Map.entry("高", List.of("髙", "\u2FBC")),
      java.util.Map.entry("收", List.of("収")));

  @Provide
  Arbitrary<Tuple.Tuple2<String, String>> inOtherForms() {
    Arbitrary<String> word = Arbitraries.of(FILTER.words().stream()
        .filter(w -> w.codePoints().anyMatch(c -> OTHER_FORMS.containsKey(Character.toString(c)))).toList());
    return word.flatMap(w -> {
      List<String> chars = w.codePoints().mapToObj(Character::toString).toList();
      return Combinators.combine(chars.stream().map(c -> {
        List<String> forms = new java.util.ArrayList<>(List.of(c));
        forms.addAll(OTHER_FORMS.getOrDefault(c, List.of()));
        return Arbitraries.of(forms);
      }).toList()).as(parts -> Tuple.of(w, String.join("", parts)));
    });
  }

  /**
   * A lexicon word with any of its ideographs in another form (traditional 惡意, Japanese 悪意, a compatibility 殺) is
   * found as that word over the whole of it, and cleaning removes it.
   */
  @Property(tries = 1000)
  void aWordWithIdeographsInOtherFormsIsFound(@ForAll("inOtherForms") Tuple.Tuple2<String, String> wordAndForm) {
    String text = "我说：" + wordAndForm.get2() + "。";
    List<SensitiveMatch> found = FILTER.find(text);
    assertTrue(found.stream().anyMatch(m -> m.word().equals(wordAndForm.get1()) && m.matched().equals(wordAndForm.get2())),
        text + " → " + found);
    assertEquals("", FILTER.clean(text).text(), text);
  }
}
