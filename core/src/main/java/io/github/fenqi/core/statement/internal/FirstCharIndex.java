package io.github.fenqi.core.statement.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Keywords indexed by their first character, so that a scan of a text checks each position only against the
 * keywords that could start there. A bit per character (8 KB, cache-resident) answers "no keyword starts here" for
 * most positions; only the others look up their candidates, whose slot is the character's rank among the present ones
 * (the set bits before it: a count per 64 characters plus one bit count). A table of every character's slot had
 * been 128 KB to allocate and clear per index, five indexes per analyzer and an analyzer per case, ~7 % of the bytes
 * an engine's calculate allocated.
 *
 * <p>Thread-safety: immutable after construction.
 */
final class FirstCharIndex {
  private final long[] present = new long[(Character.MAX_VALUE + 1) / 64];
  /** The number of present characters below each 64-character block of {@link #present}. */
  private final int[] presentBefore = new int[present.length];
  private final int[][] candidates; // in the order of their first characters

  /** Indexes {@code keywords} (non-empty strings); candidates are given as indexes into that list, in list order. */
  FirstCharIndex(List<String> keywords) {
    this(keywords, false);
  }

  /**
   * Indexes {@code keywords} (non-empty strings); with {@code everyForm}, each {@link KeywordText#folded folded}
   * keyword also under every character that folds to its first (p under p, P, ｐ and Ｐ), so that text need not be
   * folded to be looked up.
   */
  FirstCharIndex(List<String> keywords, boolean everyForm) {
    Map<Character, List<Integer>> byFirst = new TreeMap<>();
    for (int k = 0; k < keywords.size(); k++) {
      char first = keywords.get(k).charAt(0);
      for (char c : everyForm ? KeywordText.formsOf(first) : new char[] {first}) {
        byFirst.computeIfAbsent(c, x -> new ArrayList<>()).add(k);
      }
    }
    candidates = new int[byFirst.size()][];
    int slot = 0;
    for (Map.Entry<Character, List<Integer>> e : byFirst.entrySet()) {
      char c = e.getKey();
      present[c >>> 6] |= 1L << c;
      candidates[slot++] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
    }
    for (int block = 1; block < present.length; block++) {
      presentBefore[block] = presentBefore[block - 1] + Long.bitCount(present[block - 1]);
    }
  }

  /** The indexes of the keywords starting with {@code c}, or null when none does. */
  int @Nullable [] startingWith(char c) {
    long block = present[c >>> 6];
    long bit = 1L << c;
    return (block & bit) == 0 ? null : candidates[presentBefore[c >>> 6] + Long.bitCount(block & (bit - 1))];
  }
}
