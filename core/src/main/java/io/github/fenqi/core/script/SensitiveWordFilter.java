package io.github.fenqi.core.script;

import io.github.fenqi.core.InputFiles;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.script.internal.AhoCorasick;
import io.github.fenqi.core.script.internal.Skeleton;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * Finds the words of a lexicon in a text however they are disguised, and cleans a text of them. Lenders' risk
 * control flags negotiation messages that threaten complaints or exposure, mention self-harm or announce not
 * paying; a script containing such words fails, and a borrower's own note often contains them.
 *
 * <p>Matching runs an Aho–Corasick automaton over the text's skeleton: NFKD-normalised (full-width forms become
 * ASCII, circled and parenthesised letters and Kangxi radicals the letters and ideographs they stand for, a letter
 * with a diacritic its base letter: {@code cömplain} is {@code complain}, however the ö is encoded),
 * lower-cased, Cyrillic and Greek letters drawn like Latin ones and Latin small capitals ({@code ᴄᴏᴍᴘʟᴀɪɴ}) read as
 * those, traditional, Japanese (shinjitai) and other variant forms of the shipped lexicon's ideographs — compatibility
 * ideographs too — as their simplified forms ({@code 投訴} as {@code 投诉}, {@code 悪意} as {@code 恶意}, {@code 挙報} as
 * {@code 举报}), with white space, punctuation, symbols, combining marks, zero-width characters and the blank Hangul
 * fillers removed, so {@code 投 诉}, {@code 投\u200B诉}, {@code 投。诉}, full-width {@code ＣＢＩＲＣ},
 * {@code ⓒⓞⓜⓟⓛⓐⓘⓝ}, {@code cоmplain} with a Cyrillic {@code о} and {@code sսe} with an Armenian {@code ս} (any
 * letter Unicode's confusables list as an ASCII letter's look-alike, in the scripts Latin words are disguised in) and
 * {@code 投一诉} (the numeral 一, drawn as a dash, between two ideographs of a word) are all found; each hit is mapped
 * back to the original characters. A word that begins (ends) with a Latin letter or digit only matches
 * where the original character just before (after) it is not one, so {@code media} is not found in
 * {@code immediately}; an English inflection after it ({@code -s}, {@code -es}, {@code -d}, {@code -ed},
 * {@code -ing}) or the adverb's {@code -ly} ({@code suicidally}, {@code threateningly}) still matches, so
 * {@code threats} and {@code sued} are found, and so does one spelt the English way: a
 * final {@code e} dropped before {@code -ing} ({@code suing}, {@code exposing}), a final consonant doubled before
 * {@code -ed} or {@code -ing} ({@code scammed}, {@code scamming}). Cost is one pass over the text regardless of the
 * lexicon's size.
 *
 * <p>An exception is a phrase that holds a lexicon word without meaning it: an occurrence of a word that lies inside an
 * occurrence of one of the word's exceptions (matched on the skeleton too) is not found. Chinese is written without
 * spaces, so a word is often a part of another one, or of two written one after the other, and a borrower's own note
 * had lost the sentences that said what a lender wants to read: {@code 我并非恶意逾期} (恶意), {@code 我不是不想还}
 * (不想还), {@code 希望减轻生活压力} and {@code 我还年轻，生活刚起步} (轻生), {@code 公司老板跑路了} (跑路),
 * {@code 手机丢失，联系方式变了} (失联).
 *
 * <p>The shipped lexicon ({@code sensitive-words.txt} next to this class; categories complaint,
 * litigation-threat, self-harm, refusal, hostility, agency, and its {@value #EXCEPTIONS}) is {@link #defaults()};
 * {@link #builder()} adds users' words and exceptions.
 *
 * <p>Thread-safety: immutable and thread-safe.
 */
public final class SensitiveWordFilter {
  /** The category of words added without one. */
  public static final String CUSTOM = "custom";

  /**
   * The name under which a lexicon lists its exceptions ({@code [exceptions]} in a file, {@code add(EXCEPTIONS, ...)}):
   * phrases, each holding a word of the lexicon, in which that word is not found.
   */
  public static final String EXCEPTIONS = "exceptions";

  private static final String RESOURCE = "sensitive-words.txt";
  /**
   * The endings after a Latin word that keep it that word: the inflections, and the adverb's -ly after the word or its
   * -ed or -ing ({@code suicidally}, {@code threateningly} had passed). Not after a final e dropped or a consonant
   * doubled: no English word is a lexicon word so spelt with -ly ({@code exposingly}, {@code scammingly}). No English
   * word is a lexicon word with one of these after it that does not mean the word (the wamerican word list was
   * checked: none is; {@code medially} is {@code media} and -lly, {@code usually} holds {@code sue} with a letter
   * before it).
   */
  private static final java.util.Set<String> INFLECTIONS = java.util.Set.of("s", "es", "d", "ed", "ing", "ly", "edly",
      "ingly");
  private static final SensitiveWordFilter DEFAULTS = builder().addDefaults().build();

  private final List<String> words;
  private final List<String> categories;
  private final List<String> exceptionPhrases;
  // per pattern of the automaton: the lexicon words' skeletons, then the stems of those ending in a Latin 'e'
  private final int[] wordOf;
  private final boolean[] ingOnly;
  private final int[] skeletonLength;
  private final boolean[] latinStart;
  private final boolean[] latinEnd;
  private final AhoCorasick automaton;
  /** Per pattern of the automaton: the skeletons of the exceptions holding it, each with the pattern's offset in it. */
  private final List<List<Exempt>> exceptionsOf;
  private final int longest;

  /** An exception's skeleton, and where in it the pattern it excepts starts. */
  private record Exempt(String skeleton, int offset) {}

  private SensitiveWordFilter(Map<String, String[]> bySkeleton, Map<String, String[]> exceptionsBySkeleton) {
    Collection<String> exceptions = exceptionsBySkeleton.keySet();
    this.exceptionPhrases = exceptionsBySkeleton.values().stream().map(phraseAndPlace -> phraseAndPlace[0]).toList();
    List<String> patterns = new ArrayList<>(bySkeleton.keySet());
    int n = patterns.size();
    this.words = new ArrayList<>(n);
    this.categories = new ArrayList<>(n);
    List<Integer> stemOf = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String s = patterns.get(i);
      String[] wordAndCategory = bySkeleton.get(s);
      words.add(wordAndCategory[0]);
      categories.add(wordAndCategory[1]);
      // "sue" is "su" before -ing: the stem is a pattern of its own that only matches with -ing after it
      if (s.length() > 2 && s.charAt(s.length() - 1) == 'e' && isLatin(s.charAt(s.length() - 2))
          && !bySkeleton.containsKey(s.substring(0, s.length() - 1))) {
        stemOf.add(i);
      }
    }
    for (int i : stemOf) {
      patterns.add(patterns.get(i).substring(0, patterns.get(i).length() - 1));
    }
    // the words with 一 between two of their ideographs, each after its word's patterns: the word, where 一 was put
    java.util.Set<String> known = new java.util.HashSet<>(patterns);
    List<int[]> variantOf = new ArrayList<>();
    for (int p = 0; p < n; p++) {
      for (int at : oneInsertions(patterns.get(p))) {
        String v = withOne(patterns.get(p), at);
        if (known.add(v)) {
          patterns.add(v);
          variantOf.add(new int[] {p, at});
        }
      }
    }
    int all = patterns.size();
    int stems = n + stemOf.size();
    this.wordOf = new int[all];
    this.ingOnly = new boolean[all];
    this.skeletonLength = new int[all];
    this.latinStart = new boolean[all];
    this.latinEnd = new boolean[all];
    for (int p = 0; p < all; p++) {
      String s = patterns.get(p);
      wordOf[p] = p < n ? p : p < stems ? stemOf.get(p - n) : variantOf.get(p - stems)[0];
      ingOnly[p] = p >= n && p < stems;
      skeletonLength[p] = s.length();
      latinStart[p] = isLatin(s.charAt(0));
      latinEnd[p] = isLatin(s.charAt(s.length() - 1));
    }
    this.automaton = AhoCorasick.of(patterns);
    this.exceptionsOf = new ArrayList<>(all);
    for (int p = 0; p < all; p++) {
      String s = patterns.get(p);
      List<Exempt> holding = new ArrayList<>();
      for (String e : exceptions) {
        for (int at = e.indexOf(s); at >= 0; at = e.indexOf(s, at + 1)) {
          holding.add(new Exempt(e, at));
        }
      }
      if (p >= stems) {
        // an exception holds the word with 一 in it where it holds the word: 老板跑一路 is 老板跑路
        int[] wordAndPlace = variantOf.get(p - stems);
        for (Exempt e : exceptionsOf.get(wordAndPlace[0])) {
          holding.add(new Exempt(withOne(e.skeleton(), e.offset() + wordAndPlace[1]), e.offset()));
        }
      }
      exceptionsOf.add(List.copyOf(holding));
    }
    // clean() rescans this far around a removal: a word no longer inside its exception lies within the exception's
    // length of it
    this.longest = Math.max(java.util.Arrays.stream(skeletonLength).max().orElse(1),
        exceptionsOf.stream().flatMap(List::stream).mapToInt(e -> e.skeleton().length()).max().orElse(1));
  }

  /**
   * Where the numeral 一 may stand inside a word's skeleton: between two of its ideographs. 一 is drawn as a dash, and
   * 投一诉 reads as 投—诉 (投ー诉, with the katakana mark, was found): the word with one 一 put in is a pattern of its
   * own. Not a separator everywhere, as ー is: 一 is an everyday character (一下, 统一, 同一), and only between the two
   * ideographs of a word does it join them. No shipped word with 一 put in is an ordinary phrase but 跑一路, an
   * exception of the lexicon's. A word longer than {@value #LONGEST_WITH_ONE} characters has none: each place makes a
   * pattern as long as the word, and a caller's word of 10 000 ideographs had filled the heap with 10⁸ characters.
   */
  private static List<Integer> oneInsertions(String skeleton) {
    List<Integer> at = new ArrayList<>();
    for (int i = 1; i < skeleton.length() && skeleton.length() <= LONGEST_WITH_ONE; i++) {
      if (isIdeograph(skeleton.charAt(i - 1)) && isIdeograph(skeleton.charAt(i))) {
        at.add(i);
      }
    }
    return at;
  }

  private static String withOne(String skeleton, int at) {
    return skeleton.substring(0, at) + ONE + skeleton.substring(at);
  }

  private static final char ONE = '\u4E00';
  /** The longest word skeleton found with 一 put in (the shipped lexicon's longest has 10 characters). */
  static final int LONGEST_WITH_ONE = 32;

  private static boolean isIdeograph(char c) {
    return c >= 0x4E00 && c <= 0x9FFF;
  }

  /** The shipped lexicon. */
  public static SensitiveWordFilter defaults() {
    return DEFAULTS;
  }

  /** An empty builder; call {@link Builder#addDefaults()} to start from the shipped lexicon. */
  public static Builder builder() {
    return new Builder();
  }

  /** The lexicon's words (one per distinct skeleton), in the order added. */
  public List<String> words() {
    return List.copyOf(words);
  }

  /** The lexicon's exceptions (one per distinct skeleton), in the order added. */
  public List<String> exceptions() {
    return List.copyOf(exceptionPhrases);
  }

  /** Every occurrence of a lexicon word in {@code text}, by start then end. */
  public List<SensitiveMatch> find(CharSequence text) {
    Skeleton sk = Skeleton.of(text);
    List<SensitiveMatch> found = new ArrayList<>();
    automaton.scan(sk, (p, end) -> {
      int first = end - skeletonLength[p];
      if (accepts(sk, p, first, end - 1) && !excepted(sk, p, first, k -> k == 0 ? sk.length() : k - 1, k -> k + 1)) {
        int from = sk.originalStart(first);
        int to = sk.originalEnd(end - 1);
        int w = wordOf[p];
        found.add(new SensitiveMatch(words.get(w), categories.get(w), from, to, text.subSequence(from, to).toString()));
      }
    });
    found.sort(BY_POSITION);
    return found;
  }

  private static final Comparator<SensitiveMatch> BY_POSITION =
      Comparator.comparingInt(SensitiveMatch::start).thenComparingInt(SensitiveMatch::end);

  /**
   * Whether an occurrence of pattern {@code p} on the skeleton characters {@code first} to {@code last} is a word:
   * the whole-word rule for Latin words and the inflections after them. The neighbours it reads are those just
   * before {@code first} and after {@code last} in {@code sk}, and only when they touch the occurrence in the text.
   */
  private boolean accepts(Skeleton sk, int p, int first, int last) {
    int from = sk.originalStart(first);
    int to = sk.originalEnd(last);
    if (latinStart[p] && first > 0 && sk.originalEnd(first - 1) == from && isLatin(sk.charAt(first - 1))) {
      return false;
    }
    int end = last + 1;
    boolean joined = end < sk.length() && sk.originalStart(end) == to && isLatin(sk.charAt(end));
    return ingOnly[p] ? joined && latinRun(sk, end).equals("ing")
        : !(latinEnd[p] && joined && !inflectionFollows(sk, end, sk.charAt(last)));
  }

  /**
   * Whether the occurrence of pattern {@code p} from skeleton character {@code first} lies inside an occurrence of one
   * of its exceptions, reading the skeleton's characters along {@code prev} and {@code next}, which lead to
   * {@code sk.length()} past either end.
   */
  private boolean excepted(Skeleton sk, int p, int first, IntUnaryOperator prev, IntUnaryOperator next) {
    int size = sk.length();
    for (Exempt e : exceptionsOf.get(p)) {
      int k = first;
      for (int back = 0; back < e.offset() && k != size; back++) {
        k = prev.applyAsInt(k);
      }
      int i = 0;
      for (; i < e.skeleton().length() && k != size && sk.charAt(k) == e.skeleton().charAt(i); i++) {
        k = next.applyAsInt(k);
      }
      if (i == e.skeleton().length()) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code text} holds any lexicon word. */
  public boolean containsAny(CharSequence text) {
    return !find(text).isEmpty();
  }

  /**
   * Removes every sentence that holds a lexicon word (sentences end at {@code 。！？；!?;}, a line break, or a
   * full stop followed by white space), repeating until what remains is clean (removing a sentence can join two
   * halves of a word across the gap). Findings carry offsets in {@code text}. Cost is linear in the text (times the
   * longest word's length), however many rounds the removals take.
   */
  public CleanedText clean(String text) {
    return clean(text, new Work());
  }

  /** What a {@link #clean} did, counted for the tests that its cost stays linear. */
  static final class Work {
    int rounds;
    long scanned;
  }

  /**
   * {@link #clean(String)}, counting its work. Each round finds the words of the remaining text and removes their
   * sentences, as a fresh {@link #find} of the remaining text would, without building that text again: a sentence ends
   * at a sentence end, which is a separator, so the remaining text's skeleton is the text's skeleton without the removed
   * characters' ones, and the whole-word rule, which only looks at characters touching a word, reads the same
   * neighbours in either. So a round after the first can only find words that span a place where the round before
   * removed something, or that an exception spanning such a place had held (any other it would have found already),
   * and scans only the remaining skeleton around those places and where the text lost its start or end, as far as the
   * longest pattern or exception reaches. The round before had removed a note such as
   * {@code "投。".repeat(n - 1) + "投诉。" + "诉。".repeat(n - 1)} one pair a round, each scanning the whole note: n² work.
   */
  CleanedText clean(String text, Work work) {
    Remaining r = new Remaining(text, Skeleton.of(text));
    List<SensitiveMatch> findings = new ArrayList<>();
    int[] windows = r.size == 0 ? new int[0] : new int[] {r.nextS[r.size], r.prevS[r.size]};
    int windowCount = windows.length / 2;
    while (true) {
      work.rounds++;
      List<SensitiveMatch> found = new ArrayList<>();
      for (int w = 0; w < windowCount; w++) {
        work.scanned += r.scan(windows[2 * w], windows[2 * w + 1], found);
      }
      if (found.isEmpty()) {
        findings.sort(BY_POSITION);
        return new CleanedText(r.text().strip(), findings);
      }
      found.sort(BY_POSITION);
      findings.addAll(found);
      int[] joins = r.remove(found);
      // the windows: the longest pattern's length either side of each join, merged where they overlap; and where the
      // text lost its start or its end, which can only matter to a word whose exception held what was removed
      int first = r.nextS[r.size];
      int last = r.prevS[r.size];
      boolean atStart = r.removedStart && !exceptionPhrases.isEmpty() && first != r.size;
      boolean atEnd = r.removedEnd && !exceptionPhrases.isEmpty() && last != r.size;
      windows = new int[2 * (joins.length + 2)];
      windowCount = 0;
      for (int j = atStart ? -1 : 0; j < joins.length + (atEnd ? 1 : 0); j++) {
        int before = j < 0 ? r.size : j == joins.length ? last : r.prevS[joins[j]];
        int after = j < 0 ? first : j == joins.length ? r.size : joins[j];
        int lo = before == r.size ? after : r.step(before, r.prevS, longest);
        int hi = after == r.size ? before : r.step(after, r.nextS, longest);
        if (windowCount > 0 && lo <= windows[2 * windowCount - 1]) {
          windows[2 * windowCount - 1] = hi;
        } else {
          windows[2 * windowCount] = lo;
          windows[2 * windowCount + 1] = hi;
          windowCount++;
        }
      }
    }
  }

  /**
   * The text as {@link #clean} leaves it after each round: its remaining characters and their skeleton characters,
   * each a doubly linked list (the text's length, resp. the skeleton's, is the list's head and tail).
   */
  private final class Remaining {
    final String text;
    final Skeleton sk;
    final int length;
    final int size;
    final int[] nextC;
    final int[] prevC;
    final int[] nextS;
    final int[] prevS;
    /** For each character of the text, the first skeleton character that starts at or after it. */
    final int[] firstS;
    final char[] buffer;
    final int[] bufferIndex;
    /** Whether the last {@link #remove} took characters from the start, resp. the end, of the remaining skeleton. */
    boolean removedStart;
    boolean removedEnd;

    Remaining(String text, Skeleton sk) {
      this.text = text;
      this.sk = sk;
      this.length = text.length();
      this.size = sk.length();
      nextC = new int[length + 1];
      prevC = new int[length + 1];
      link(nextC, prevC, length);
      nextS = new int[size + 1];
      prevS = new int[size + 1];
      link(nextS, prevS, size);
      firstS = new int[length + 1];
      for (int i = 0, k = 0; i <= length; i++) {
        while (k < size && sk.originalStart(k) < i) {
          k++;
        }
        firstS[i] = k;
      }
      buffer = new char[size];
      bufferIndex = new int[size];
    }

    private static void link(int[] next, int[] prev, int n) {
      for (int i = 0; i <= n; i++) {
        next[i] = i == n ? 0 : i + 1;
        prev[i] = i == 0 ? n : i - 1;
      }
    }

    /** From {@code i}, up to {@code steps} links along {@code links}, stopping at the ends. */
    int step(int i, int[] links, int steps) {
      for (int k = 0; k < steps && links[i] != size; k++) {
        i = links[i];
      }
      return i;
    }

    /** Adds the words on the remaining skeleton from {@code lo} to {@code hi} (both remaining) to {@code found}. */
    int scan(int lo, int hi, List<SensitiveMatch> found) {
      int n = 0;
      for (int k = lo; ; k = nextS[k]) {
        buffer[n] = sk.charAt(k);
        bufferIndex[n++] = k;
        if (k == hi) {
          break;
        }
      }
      automaton.scan(buffer, 0, n, (p, end) -> {
        int first = bufferIndex[end - skeletonLength[p]];
        int last = bufferIndex[end - 1];
        if (accepts(sk, p, first, last) && !excepted(sk, p, first, k -> prevS[k], k -> nextS[k])) {
          int from = sk.originalStart(first);
          int to = sk.originalEnd(last);
          int w = wordOf[p];
          found.add(new SensitiveMatch(words.get(w), categories.get(w), from, to, text.substring(from, to)));
        }
      });
      return n;
    }

    /**
     * Removes the sentences of {@code found} (by position) as a round does, all judged on the text as it was at the
     * round's start; returns the remaining skeleton characters that now follow a removed one, in order.
     */
    int[] remove(List<SensitiveMatch> found) {
      List<int[]> ranges = new ArrayList<>();
      int removedUntil = nextC[length]; // the first character not yet marked; length when none is left
      for (SensitiveMatch m : found) {
        int last = m.end() - 1;
        if (removedUntil == length || last < removedUntil) {
          continue; // it lies in a sentence already marked
        }
        int s = Math.max(m.start(), removedUntil);
        while (s != removedUntil && !endsSentence(prevC[s])) {
          s = prevC[s];
        }
        int e = nextC[last];
        while (e != length && !endsSentence(prevC[e])) {
          e = nextC[e];
        }
        ranges.add(new int[] {s, e});
        removedUntil = e;
      }
      int[] joins = new int[ranges.size()];
      int count = 0;
      removedStart = false;
      removedEnd = false;
      for (int[] range : ranges) {
        int head = nextS[size];
        int lastS = -1;
        for (int c = range[0]; c != range[1]; c = nextC[c]) {
          for (int k = firstS[c]; k < size && sk.originalStart(k) == c; k++) {
            nextS[prevS[k]] = nextS[k];
            prevS[nextS[k]] = prevS[k];
            lastS = k;
          }
        }
        nextC[prevC[range[0]]] = range[1];
        prevC[range[1]] = prevC[range[0]];
        if (lastS >= 0) {
          joins[count++] = nextS[lastS];
          removedStart |= head != nextS[size];
          removedEnd |= nextS[lastS] == size;
        }
      }
      int kept = 0;
      for (int i = 0; i < count; i++) {
        int succ = joins[i];
        // still there, after another removed character, and not the first: a join (removals run left to right)
        if (succ != size && nextS[prevS[succ]] == succ && prevS[succ] != size
            && (kept == 0 || joins[kept - 1] != succ)) {
          joins[kept++] = succ;
        }
      }
      return java.util.Arrays.copyOf(joins, kept);
    }

    /** Whether the remaining character {@code i} ends a sentence of the remaining text. */
    private boolean endsSentence(int i) {
      return switch (text.charAt(i)) {
        case '。', '！', '？', '；', '!', '?', ';', '\n', '\r' -> true;
        case '.' -> nextC[i] == length || Character.isWhitespace(text.charAt(nextC[i]));
        default -> false;
      };
    }

    /** The remaining text. */
    String text() {
      StringBuilder sb = new StringBuilder(length);
      for (int c = nextC[length]; c != length; c = nextC[c]) {
        sb.append(text.charAt(c));
      }
      return sb.toString();
    }
  }

  /**
   * Whether the Latin run starting at skeleton index {@code from} (up to the next separator) is an English
   * inflection ({@code s}, {@code es}, {@code d}, {@code ed}, {@code ing}) or one with {@code -ly}
   * ({@link #INFLECTIONS}), or {@code -ed} or {@code -ing} after the
   * word's final consonant {@code last} doubled, so {@code threats}, {@code sued} and {@code scammed} are found while
   * {@code media} stays out of {@code mediator}.
   */
  private static boolean inflectionFollows(Skeleton sk, int from, char last) {
    String run = latinRun(sk, from);
    if (INFLECTIONS.contains(run)) {
      return true;
    }
    boolean consonant = last >= 'a' && last <= 'z' && "aeiouwxy".indexOf(last) < 0;
    return consonant && run.length() > 2 && run.charAt(0) == last
        && (run.substring(1).equals("ed") || run.substring(1).equals("ing"));
  }

  /** The Latin run starting at skeleton index {@code from}, up to the next separator; at most 5 characters are read. */
  private static String latinRun(Skeleton sk, int from) {
    StringBuilder run = new StringBuilder(5);
    int to = from;
    while (to < sk.length() && isLatin(sk.charAt(to)) && (to == from || sk.originalStart(to) == sk.originalEnd(to - 1))) {
      if (run.length() == 5) {
        return run.append('+').toString(); // longer than any inflection
      }
      run.append(sk.charAt(to));
      to++;
    }
    return run.toString();
  }

  private static boolean isLatin(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  @Override
  public String toString() {
    return "SensitiveWordFilter[" + words.size() + " words]";
  }

  /**
   * Collects a lexicon. Words are compared by skeleton, so {@code 投诉} and {@code 投 诉} are one word (the first
   * added is kept). Not thread-safe; each {@link #build()} returns an independent filter.
   */
  public static final class Builder {
    private final Map<String, String[]> bySkeleton = new LinkedHashMap<>();
    /** Exceptions by skeleton, each as given and where it was added. */
    private final Map<String, String[]> exceptions = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    private Builder() {}

    /** Adds the shipped lexicon. */
    public Builder addDefaults() {
      try (InputStream in = SensitiveWordFilter.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("resource " + RESOURCE + " is missing from fenqi-core");
        }
        parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + RESOURCE);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    /** Adds words under {@code category}; under {@link #EXCEPTIONS}, adds exceptions. */
    public Builder add(String category, Collection<String> words) {
      requireCategory(category);
      int i = 0;
      for (String w : words) {
        String location = "words[" + i++ + "]";
        if (w == null) { // named with the others at build(), not a NullPointerException saying "word"
          problems.add(Problem.of(location, "is null"));
        } else {
          addWord(w, category, location);
        }
      }
      return this;
    }

    /** Adds words under {@link #CUSTOM}. */
    public Builder add(String... words) {
      return add(CUSTOM, List.of(words));
    }

    /**
     * Adds the words of a lexicon file in the shipped format ({@code [category]} lines, one word a line), UTF-8 with or
     * without a byte-order mark.
     *
     * @throws InvalidInputException naming the file when it is missing, unreadable or larger than
     *     {@link InputFiles#DEFAULT_MAX_BYTES}, and its line when that is not UTF-8
     */
    public Builder load(Path file) {
      parse(utf8(InputFiles.read(file), file.toString()), file.toString());
      return this;
    }

    /**
     * The text of a lexicon file. The byte-order mark a Windows editor writes is dropped: it had kept the first line
     * from being read as {@code [category]}, which became a word of its own ({@code threat}, in the category custom), and
     * the words under it fell in custom too. Bytes that are not UTF-8 (a lexicon saved as GBK) are refused with their
     * line, not read as replacement characters nor told as "Input length = 1".
     */
    private static String utf8(byte[] bytes, String source) {
      int skip = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
          ? 3 : 0;
      return InputFiles.utf8(bytes, skip, source,
          badByte -> "is not UTF-8 text (save the lexicon as UTF-8, or convert it, e.g. iconv -f GBK -t UTF-8)");
    }

    private void parse(String text, String source) {
      String category = CUSTOM;
      try (BufferedReader r = new BufferedReader(new java.io.StringReader(text))) {
        String line;
        int number = 0;
        while ((line = r.readLine()) != null) {
          number++;
          String t = line.strip();
          if (t.isEmpty() || t.startsWith("#")) {
            continue;
          }
          if (t.startsWith("[")) {
            // "[ ]" names no category, as add() refuses a blank one: its words had fallen in the category ""
            if (!t.endsWith("]") || t.substring(1, t.length() - 1).isBlank()) {
              problems.add(Problem.of(source + ":" + number, "'" + Problem.excerpt(t) + "' is not a [category] line"));
            } else {
              category = t.substring(1, t.length() - 1).strip();
            }
            continue;
          }
          addWord(t, category, source + ":" + number);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void addWord(String word, String category, String location) {
      String skeleton = Skeleton.of(word).toString();
      if (skeleton.isEmpty()) {
        // quoted as a value from outside, as the lexicon's other lines are: a line separator in a word had been
        // quoted raw, beginning a forged line of a log, and a word of 10 000 characters whole
        problems.add(Problem.of(location, "'" + Problem.excerpt(word) + "' has no letters, ideographs or digits to "
            + "match"));
      } else if (category.equals(EXCEPTIONS)) {
        exceptions.putIfAbsent(skeleton, new String[] {word.strip(), location});
      } else {
        bySkeleton.putIfAbsent(skeleton, new String[] {word.strip(), category});
      }
    }

    private static void requireCategory(String category) {
      if (category == null || category.isBlank()) {
        throw new InvalidInputException("category", "must not be empty");
      }
    }

    /**
     * Builds the filter.
     *
     * @throws InvalidInputException naming every word or line that cannot be matched, when the lexicon is empty, and
     *     each exception that holds no word of the lexicon (it would except nothing) or is one (that word would never
     *     be found)
     */
    public SensitiveWordFilter build() {
      List<Problem> all = new ArrayList<>(problems);
      if (all.isEmpty() && bySkeleton.isEmpty()) {
        all.add(Problem.of("lexicon", "has no words; call addDefaults() or add(...)"));
      }
      exceptions.forEach((skeleton, phraseAndLocation) -> {
        String phrase = "the exception '" + Problem.excerpt(phraseAndLocation[0]) + "'";
        if (bySkeleton.containsKey(skeleton)) {
          all.add(Problem.of(phraseAndLocation[1], phrase + " is the lexicon word '"
              + Problem.excerpt(bySkeleton.get(skeleton)[0]) + "', which would never be found"));
        } else if (bySkeleton.keySet().stream().noneMatch(w -> skeleton.contains(w)
            || oneInsertions(w).stream().anyMatch(at -> skeleton.contains(withOne(w, at))))) {
          all.add(Problem.of(phraseAndLocation[1], phrase + " holds no word of the lexicon: an exception is a phrase "
              + "in which a word is not found"));
        }
      });
      if (!all.isEmpty()) {
        throw new InvalidInputException(all);
      }
      return new SensitiveWordFilter(new LinkedHashMap<>(bySkeleton), new LinkedHashMap<>(exceptions));
    }
  }
}
