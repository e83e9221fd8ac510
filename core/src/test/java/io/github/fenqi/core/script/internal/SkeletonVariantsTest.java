package io.github.fenqi.core.script.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.script.SensitiveWordFilter;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The folding table of ideograph variants is coherent: each variant folds to one simplified form, which is an ideograph
 * of the shipped lexicon, a word's or an exception's (an entry for anything else folds text for no word), and is not
 * folded in turn (folding once is folding completely, so a word and a text fold to the same skeleton).
 */
class SkeletonVariantsTest {
  @Test
  void everyVariantFoldsOnceToAnIdeographOfTheShippedLexicon() {
    String pairs = Skeleton.VARIANTS;
    assertEquals(0, pairs.length() % 2, pairs);
    Set<Character> variants = new HashSet<>();
    Set<Integer> lexicon = new HashSet<>();
    SensitiveWordFilter.defaults().words().forEach(w -> w.codePoints().forEach(lexicon::add));
    SensitiveWordFilter.defaults().exceptions().forEach(w -> w.codePoints().forEach(lexicon::add));
    for (int i = 0; i < pairs.length(); i += 2) {
      char variant = pairs.charAt(i);
      char simplified = pairs.charAt(i + 1);
      assertTrue(variants.add(variant), variant + " is listed twice");
      assertTrue(variant >= 0x4E00 && variant <= 0x9FFF, variant + " is no CJK unified ideograph");
      assertTrue(lexicon.contains((int) simplified), simplified + " (for " + variant + ") is in no word of the lexicon");
      assertEquals(simplified, Skeleton.simplified(variant));
    }
    for (int i = 1; i < pairs.length(); i += 2) {
      assertEquals(pairs.charAt(i), Skeleton.simplified(pairs.charAt(i)), pairs.charAt(i) + " is folded again");
    }
  }
}
