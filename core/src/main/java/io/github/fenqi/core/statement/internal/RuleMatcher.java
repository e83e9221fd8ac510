package io.github.fenqi.core.statement.internal;

import io.github.fenqi.core.statement.LexiconRule;
import io.github.fenqi.core.statement.Transaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds the first lexicon rule (per group of rules) that matches a row in one pass over its text fields instead of trying every
 * keyword of every rule: keywords are indexed by their first character, so each position of a field is checked
 * only against the keywords that could start there. The result is the same rule the rules' own order would give;
 * its reason is then computed by that rule alone.
 *
 * <p>Thread-safety: immutable after construction.
 */
public final class RuleMatcher {
  private final List<LexiconRule> rules;
  private final char[] slotOf; // first character → 1 + index into entries, 0 when no keyword starts with it
  private final Entry[][] entries;

  private record Entry(String keyword, int rule, int fieldMask) {}

  public RuleMatcher(List<LexiconRule> rules) {
    this.rules = List.copyOf(rules);
    Map<Character, List<Entry>> index = new TreeMap<>();
    for (int r = 0; r < rules.size(); r++) {
      LexiconRule rule = rules.get(r);
      int mask = 0;
      for (LexiconRule.Field f : rule.fields()) {
        mask |= 1 << f.ordinal();
      }
      for (String k : rule.keywords()) {
        index.computeIfAbsent(k.charAt(0), c -> new ArrayList<>()).add(new Entry(k, r, mask));
      }
    }
    slotOf = new char[Character.MAX_VALUE + 1];
    entries = new Entry[index.size()][];
    int i = 0;
    for (Map.Entry<Character, List<Entry>> e : index.entrySet()) {
      slotOf[e.getKey()] = (char) (i + 1);
      entries[i++] = e.getValue().toArray(new Entry[0]);
    }
  }

  /**
   * In one scan of the row's text, the first matching rule of each group: {@code group} maps a rule to
   * 0..groups-1, or -1 to ignore it. Returns the rule index per group, {@link Integer#MAX_VALUE} for none.
   */
  public int[] firstPerGroup(Transaction t, java.util.function.ToIntFunction<LexiconRule> group, int groups) {
    int[] best = new int[groups];
    Arrays.fill(best, Integer.MAX_VALUE);
    for (LexiconRule.Field f : LexiconRule.Field.values()) {
      String value = f.of(t);
      int bit = 1 << f.ordinal();
      for (int i = 0; i < value.length(); i++) {
        int slot = slotOf[value.charAt(i)];
        if (slot == 0) {
          continue;
        }
        for (Entry e : entries[slot - 1]) {
          if ((e.fieldMask & bit) == 0 || !value.startsWith(e.keyword, i)) {
            continue;
          }
          LexiconRule rule = rules.get(e.rule);
          int g = group.applyAsInt(rule);
          if (g >= 0 && e.rule < best[g] && rule.directions().contains(t.direction())) {
            best[g] = e.rule;
          }
        }
      }
    }
    return best;
  }

  /** The rule at {@code index} with how it matches {@code t}; empty for {@link Integer#MAX_VALUE}. */
  public Optional<Hit> hit(Transaction t, int index) {
    if (index == Integer.MAX_VALUE) {
      return Optional.empty();
    }
    LexiconRule rule = rules.get(index);
    return rule.match(t).map(m -> new Hit(rule, m));
  }

  /** A matched rule and its match. */
  public record Hit(LexiconRule rule, LexiconRule.Match match) {}
}
