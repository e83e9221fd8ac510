package io.github.fenqi.core.statement.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Keywords indexed by their first character, so that a scan of a text checks each position only against the
 * keywords that could start there. A bit per character (8 KB, cache-resident) answers "no keyword starts here" for
 * most positions; only the others look up their candidates.
 *
 * <p>Thread-safety: immutable after construction.
 */
final class FirstCharIndex {
  private final long[] present = new long[(Character.MAX_VALUE + 1) / 64];
  private final char[] slotOf = new char[Character.MAX_VALUE + 1]; // first character → index into candidates
  private final int[][] candidates;

  /** Indexes {@code keywords} (non-empty strings); candidates are given as indexes into that list, in list order. */
  FirstCharIndex(List<String> keywords) {
    Map<Character, List<Integer>> byFirst = new TreeMap<>();
    for (int k = 0; k < keywords.size(); k++) {
      byFirst.computeIfAbsent(keywords.get(k).charAt(0), c -> new ArrayList<>()).add(k);
    }
    candidates = new int[byFirst.size()][];
    int slot = 0;
    for (Map.Entry<Character, List<Integer>> e : byFirst.entrySet()) {
      char c = e.getKey();
      present[c >>> 6] |= 1L << c;
      slotOf[c] = (char) slot;
      candidates[slot++] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
    }
  }

  /** The indexes of the keywords starting with {@code c}, or null when none does. */
  int @Nullable [] startingWith(char c) {
    return (present[c >>> 6] & 1L << c) == 0 ? null : candidates[slotOf[c]];
  }
}
