package io.github.fenqi.core.statement.internal;

import io.github.fenqi.core.statement.LexiconRule;
import io.github.fenqi.core.statement.Transaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Finds the first lexicon rule that matches a row in one pass over its text fields instead of trying every
 * keyword of every rule: keywords are indexed by their first character, so each position of a field is checked
 * only against the keywords that could start there. The result is the same rule the rules' own order would give;
 * its reason is then computed by that rule alone.
 *
 * <p>Thread-safety: immutable after construction.
 */
public final class RuleMatcher {
  private final List<LexiconRule> rules;
  private final char[] firstChars;
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
    firstChars = new char[index.size()];
    entries = new Entry[index.size()][];
    int i = 0;
    for (Map.Entry<Character, List<Entry>> e : index.entrySet()) {
      firstChars[i] = e.getKey();
      entries[i++] = e.getValue().toArray(new Entry[0]);
    }
  }

  /** The first rule (in lexicon order) accepted by {@code include} that matches {@code t}, with how it matched. */
  public Optional<Hit> first(Transaction t, Predicate<LexiconRule> include) {
    int best = Integer.MAX_VALUE;
    for (LexiconRule.Field f : LexiconRule.Field.values()) {
      String value = f.of(t);
      int bit = 1 << f.ordinal();
      for (int i = 0; i < value.length(); i++) {
        int slot = Arrays.binarySearch(firstChars, value.charAt(i));
        if (slot < 0) {
          continue;
        }
        for (Entry e : entries[slot]) {
          if (e.rule < best && (e.fieldMask & bit) != 0 && value.startsWith(e.keyword, i)) {
            LexiconRule rule = rules.get(e.rule);
            if (rule.directions().contains(t.direction()) && include.test(rule)) {
              best = e.rule;
            }
          }
        }
      }
    }
    if (best == Integer.MAX_VALUE) {
      return Optional.empty();
    }
    LexiconRule rule = rules.get(best);
    return rule.match(t).map(m -> new Hit(rule, m));
  }

  /** A matched rule and its match. */
  public record Hit(LexiconRule rule, LexiconRule.Match match) {}
}
