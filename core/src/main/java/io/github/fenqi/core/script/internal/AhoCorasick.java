package io.github.fenqi.core.script.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An Aho–Corasick automaton over UTF-16 characters: one pass over a text reports every occurrence of every
 * pattern, in time linear in the text plus the number of occurrences. The root's transitions are a direct
 * table (one array read per character on the common path); other states keep sorted keys searched by
 * bisection.
 *
 * <p>Thread-safety: immutable and thread-safe once built.
 */
public final class AhoCorasick {
  /**
   * Receives each occurrence: the pattern's index and the exclusive end of the occurrence.
   *
   * <p>Thread-safety: called only on the thread that searches; an implementation need not be thread-safe unless it
   * shares its state with other searches.
   */
  @FunctionalInterface
  public interface Hits {
    void hit(int pattern, int end);
  }

  private final int[] rootNext;
  private final char[][] keys;
  private final int[][] targets;
  private final int[] fail;
  private final int[] output;
  private final int[] outputLink;
  private final int patterns;

  private AhoCorasick(int[] rootNext, char[][] keys, int[][] targets, int[] fail, int[] output, int[] outputLink,
      int patterns) {
    this.rootNext = rootNext;
    this.keys = keys;
    this.targets = targets;
    this.fail = fail;
    this.output = output;
    this.outputLink = outputLink;
    this.patterns = patterns;
  }

  /**
   * Builds the automaton. Patterns must be non-empty; an equal pattern given twice is reported under its
   * first index only.
   */
  public static AhoCorasick of(List<String> patterns) {
    List<TreeMap<Character, Integer>> children = new ArrayList<>();
    List<Integer> out = new ArrayList<>();
    children.add(new TreeMap<>());
    out.add(-1);
    for (int p = 0; p < patterns.size(); p++) {
      String word = patterns.get(p);
      if (word.isEmpty()) {
        throw new IllegalArgumentException("pattern " + p + " is empty");
      }
      int s = 0;
      for (int i = 0; i < word.length(); i++) {
        Integer next = children.get(s).get(word.charAt(i));
        if (next == null) {
          next = children.size();
          children.add(new TreeMap<>());
          out.add(-1);
          children.get(s).put(word.charAt(i), next);
        }
        s = next;
      }
      if (out.get(s) < 0) {
        out.set(s, p);
      }
    }
    int n = children.size();
    char[][] keys = new char[n][];
    int[][] targets = new int[n][];
    for (int s = 0; s < n; s++) {
      Map<Character, Integer> m = children.get(s);
      keys[s] = new char[m.size()];
      targets[s] = new int[m.size()];
      int j = 0;
      for (Map.Entry<Character, Integer> e : m.entrySet()) {
        keys[s][j] = e.getKey();
        targets[s][j] = e.getValue();
        j++;
      }
    }
    int[] rootNext = new int[Character.MAX_VALUE + 1];
    for (int j = 0; j < keys[0].length; j++) {
      rootNext[keys[0][j]] = targets[0][j];
    }
    int[] fail = new int[n];
    int[] output = out.stream().mapToInt(Integer::intValue).toArray();
    int[] outputLink = new int[n];
    Arrays.fill(outputLink, -1);
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int t : targets[0]) {
      fail[t] = 0;
      queue.add(t);
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      for (int j = 0; j < keys[s].length; j++) {
        char c = keys[s][j];
        int t = targets[s][j];
        int f = fail[s];
        int g;
        while ((g = step(f, c, rootNext, keys, targets)) < 0) {
          f = fail[f];
        }
        fail[t] = g == t ? 0 : g;
        outputLink[t] = output[fail[t]] >= 0 ? fail[t] : outputLink[fail[t]];
        queue.add(t);
      }
    }
    return new AhoCorasick(rootNext, keys, targets, fail, output, outputLink, patterns.size());
  }

  /** The transition on {@code c}, -1 when a non-root state has none (the root always has one). */
  private static int step(int s, char c, int[] rootNext, char[][] keys, int[][] targets) {
    if (s == 0) {
      return rootNext[c];
    }
    int j = Arrays.binarySearch(keys[s], c);
    return j >= 0 ? targets[s][j] : -1;
  }

  /** Number of patterns the automaton was built from. */
  public int patterns() {
    return patterns;
  }

  /** Reports every occurrence of every pattern in the skeleton {@code text}. */
  public void scan(Skeleton text, Hits hits) {
    scan(text.chars(), 0, text.length(), hits);
  }

  /**
   * Reports every occurrence of every pattern in {@code text[from, to)}, each end relative to {@code from}: a part
   * of a skeleton, or skeleton characters gathered from several places of one.
   */
  public void scan(char[] text, int from, int to, Hits hits) {
    int s = 0;
    for (int i = 0, n = to - from; i < n; i++) {
      char c = text[from + i];
      int g;
      while ((g = step(s, c, rootNext, keys, targets)) < 0) {
        s = fail[s];
      }
      s = g;
      if (output[s] >= 0) {
        hits.hit(output[s], i + 1);
      }
      for (int o = outputLink[s]; o >= 0; o = outputLink[o]) {
        hits.hit(output[o], i + 1);
      }
    }
  }
}
