package io.github.fenqi.core.script;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

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
}
