package io.github.fenqi.core.statement.internal;

import io.github.fenqi.core.statement.Direction;
import io.github.fenqi.core.statement.LexiconRule;
import io.github.fenqi.core.statement.Transaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Finds the first lexicon rule (per group of rules) that matches a row in one pass over its text fields instead of
 * trying every keyword of every rule: keywords are indexed by their first character, so each position of a field is
 * checked only against the keywords that could start there. The result is the rule the rules' own order would give,
 * with the field and keyword {@link LexiconRule#match} would name (the rule's first field, then its first keyword,
 * that matches), so the reason is the same without scanning the row again. As there, a keyword is looked for with
 * spaces of any kind left out of it and of the field, both folded ({@link KeywordText#of}).
 *
 * <p>Thread-safety: immutable after construction.
 */
public final class RuleMatcher {
  private static final LexiconRule.Field[] FIELDS = LexiconRule.Field.values();
  private final List<LexiconRule> rules;
  private final int groups;
  private final int[] groupOf; // rule → group, -1 when ignored
  private final int[][] fieldRank; // rule → field ordinal → its place among the rule's distinct fields, -1 when not read
  private final String[] keyword; // entry → keyword
  private final String[] unspaced; // entry → keyword folded and without its spaces, as it is looked for
  private final int[] ruleOf; // entry → rule
  private final int[] needs; // entry → the rule's field bits | its direction bits << 8 (what a row position must offer)
  private final FirstCharIndex index;

  /**
   * Indexes {@code rules}; {@code group} maps each rule to 0..groups-1, or -1 to ignore it.
   */
  public RuleMatcher(List<LexiconRule> rules, ToIntFunction<LexiconRule> group, int groups) {
    this.rules = List.copyOf(rules);
    this.groups = groups;
    int n = this.rules.size();
    groupOf = new int[n];
    int[] directionMask = new int[n]; // rule → bit per Direction ordinal
    fieldRank = new int[n][FIELDS.length];
    List<String> keywords = new ArrayList<>();
    List<int[]> entries = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      LexiconRule rule = this.rules.get(r);
      groupOf[r] = group.applyAsInt(rule);
      if (groupOf[r] >= groups) {
        throw new IllegalArgumentException("group " + groupOf[r] + " of rule " + rule.id() + " is not below " + groups);
      }
      int mask = 0;
      for (Direction d : rule.directions()) {
        mask |= 1 << d.ordinal();
      }
      directionMask[r] = mask;
      Arrays.fill(fieldRank[r], -1);
      int rank = 0; // the order in which the rule reads its distinct fields
      for (LexiconRule.Field f : rule.fields()) {
        if (fieldRank[r][f.ordinal()] < 0) {
          fieldRank[r][f.ordinal()] = rank++;
        }
      }
      for (int k = 0; k < rule.keywords().size(); k++) {
        keywords.add(rule.keywords().get(k));
        entries.add(new int[] {r, k});
      }
    }
    if (n >= 1 << 23 || keywords.size() >= 1 << 28 || FIELDS.length > 16) {
      throw new IllegalArgumentException("too many rules or keywords to index: " + n + " rules, " + keywords.size() + " keywords");
    }
    keyword = keywords.toArray(new String[0]);
    unspaced = keywords.stream().map(KeywordText::of).toArray(String[]::new);
    ruleOf = entries.stream().mapToInt(e -> e[0]).toArray();
    needs = new int[ruleOf.length];
    for (int e = 0; e < needs.length; e++) {
      int r = ruleOf[e];
      int fields = 0;
      for (int f = 0; f < FIELDS.length; f++) {
        fields |= fieldRank[r][f] >= 0 ? 1 << f : 0;
      }
      needs[e] = fields | directionMask[r] << 8;
    }
    index = new FirstCharIndex(List.of(unspaced));
  }

  /**
   * In one scan of the row's text, the first matching rule of each group with how it matches; null for a group
   * with no matching rule.
   */
  public @Nullable Hit[] firstPerGroup(Transaction t) {
    // per group, the best match so far as one number, lowest wins: rule, then its field's rank in the rule, then the
    // entry (a rule's entries are in its keyword order), then the field
    long[] best = new long[groups];
    Arrays.fill(best, Long.MAX_VALUE);
    int direction = 1 << t.direction().ordinal() + 8;
    for (LexiconRule.Field f : FIELDS) {
      String value = KeywordText.of(f.of(t));
      int field = f.ordinal();
      int offered = 1 << field | direction;
      for (int i = 0, len = value.length(); i < len; i++) {
        int[] candidates = index.startingWith(value.charAt(i));
        if (candidates == null) {
          continue;
        }
        for (int e : candidates) {
          if ((needs[e] & offered) != offered) {
            continue; // the rule does not read this field, or not for this direction
          }
          int r = ruleOf[e];
          int g = groupOf[r];
          if (g < 0) {
            continue;
          }
          long key = (long) r << 40 | (long) fieldRank[r][field] << 32 | (long) e << 4 | field;
          if (key < best[g] && value.startsWith(unspaced[e], i)) {
            best[g] = key;
          }
        }
      }
    }
    Hit[] hits = new Hit[groups];
    for (int g = 0; g < groups; g++) {
      if (best[g] != Long.MAX_VALUE) {
        LexiconRule.Field f = FIELDS[(int) (best[g] & 0xF)];
        hits[g] = new Hit(rules.get((int) (best[g] >>> 40)), f, f.of(t), keyword[(int) (best[g] >>> 4 & 0xFFF_FFFF)]);
      }
    }
    return hits;
  }

  /**
   * A matched rule, the field it read, that field's value and the keyword found in it.
   *
   * <p>Thread-safety: immutable.
   */
  public record Hit(LexiconRule rule, LexiconRule.Field field, String value, String keyword) {
    /** The match as {@link LexiconRule#match} states it (the reason rendered now). */
    public LexiconRule.Match match() {
      return rule.matched(field, value, keyword);
    }
  }
}
