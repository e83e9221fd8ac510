package io.github.fenqi.core.statement.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Several word lists searched in one scan of a text: each list is a flag bit, and a scan returns the bits of the
 * lists with a word in the text (as {@code text.contains(word)} for any of the list's words would say, both
 * {@link KeywordText#folded folded}: full-width forms as ASCII, ASCII letters in either case), or with a word at the
 * text's start.
 *
 * <p>Thread-safety: immutable after construction.
 */
public final class KeywordFlags {
  private final String[] word;
  private final int[] flags;
  private final FirstCharIndex index;

  /** The lists, list {@code i} answering with bit {@code 1 << i}; empty words are ignored (they never match). */
  @SafeVarargs
  public KeywordFlags(List<String>... lists) {
    if (lists.length > Integer.SIZE) {
      throw new IllegalArgumentException("at most " + Integer.SIZE + " word lists");
    }
    List<String> words = new ArrayList<>();
    List<Integer> flagOf = new ArrayList<>();
    for (int i = 0; i < lists.length; i++) {
      for (String w : lists[i]) {
        if (!w.isEmpty()) {
          words.add(KeywordText.folded(w));
          flagOf.add(1 << i);
        }
      }
    }
    word = words.toArray(new String[0]);
    flags = flagOf.stream().mapToInt(Integer::intValue).toArray();
    index = new FirstCharIndex(words, true); // text is looked up as it is, and compared folded
  }

  /** The bits of the lists having a word anywhere in {@code text}. */
  public int in(String text) {
    int found = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      found |= at(text, i);
    }
    return found;
  }

  /** The bits of the lists having a word that {@code text} starts with. */
  public int prefixOf(String text) {
    return text.isEmpty() ? 0 : at(text, 0);
  }

  private int at(String text, int i) {
    int[] candidates = index.startingWith(text.charAt(i));
    if (candidates == null) {
      return 0;
    }
    int found = 0;
    for (int k : candidates) {
      if (KeywordText.startsWithFolded(text, i, word[k])) {
        found |= flags[k];
      }
    }
    return found;
  }
}
