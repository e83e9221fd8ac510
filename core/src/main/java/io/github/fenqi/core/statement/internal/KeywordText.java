package io.github.fenqi.core.statement.internal;

/**
 * Text as the analyzer looks for a word in it: full-width forms read as ASCII and ASCII letters in either case.
 * Banks' fixed-width systems print Latin letters and digits full-width (ＥＴＣ, ＰＯＳ退货) and exports spell a name in
 * any case (Tenpay, TENPAY, TenPay), so a keyword written ETC or Tenpay had missed such rows: a toll counted as other
 * spending, a wallet's refund as income. A lexicon keyword is looked for with spaces of any kind left out too
 * ({@link #of}): banks pad two-character words with a full-width space (工　资, 利　息) and a field typed or copied may
 * hold an ASCII or no-break space (肯 德 基).
 *
 * <p>Folding maps one character to one ({@link #fold}), so a position in folded text is the same position in the
 * text it came from.
 *
 * <p>Thread-safety: stateless.
 */
public final class KeywordText {
  private KeywordText() {}

  /** {@code c} as it is compared: U+FF01–U+FF5E as U+0021–U+007E, then A–Z as a–z; any other character as it is. */
  public static char fold(char c) {
    if (c < 'A') {
      return c;
    }
    if (c <= 'Z') {
      return (char) (c + ('a' - 'A'));
    }
    if (c < FULL_WIDTH_FIRST || c > FULL_WIDTH_LAST) {
      return c;
    }
    char ascii = (char) (c - FULL_WIDTH_OFFSET);
    return ascii >= 'A' && ascii <= 'Z' ? (char) (ascii + ('a' - 'A')) : ascii;
  }

  /** {@code text} folded ({@link #fold}), the same length; {@code text} itself when no character changes. */
  public static String folded(String text) {
    int i = 0;
    int n = text.length();
    while (i < n && fold(text.charAt(i)) == text.charAt(i)) {
      i++;
    }
    if (i == n) {
      return text;
    }
    char[] out = text.toCharArray();
    for (; i < n; i++) {
      out[i] = fold(out[i]);
    }
    return new String(out);
  }

  /** {@code text} folded ({@link #fold}) without its spaces of any kind ({@link #isSpace}), as keywords are compared. */
  public static String of(String text) {
    int i = 0;
    int n = text.length();
    while (i < n && !changes(text.charAt(i))) {
      i++;
    }
    if (i == n) {
      return text; // the common case: no space, nothing to fold, no copy
    }
    StringBuilder out = new StringBuilder(n).append(text, 0, i);
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (!isSpace(c)) {
        out.append(fold(c));
      }
    }
    return out.toString();
  }

  /** Whether {@code text} at {@code at} starts with {@code word}, a {@link #folded} word, once folded itself. */
  public static boolean startsWithFolded(String text, int at, String word) {
    int n = word.length();
    if (at < 0 || at > text.length() - n) {
      return false;
    }
    for (int j = 0; j < n; j++) {
      if (fold(text.charAt(at + j)) != word.charAt(j)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code codePoint} is a space of any kind: {@link Character#isWhitespace} or {@link Character#isSpaceChar}
   * (a no-break or full-width space), the one test of "a space" for keywords and holders' names alike. A character
   * of the BMP is answered by {@link #SPACES}, a bit per character that {@link #isSpaceByUnicode} set: the two Unicode
   * table look-ups per character of every field had been ~3 % of a statement's analysis.
   */
  public static boolean isSpace(int codePoint) {
    return codePoint >= 0 && codePoint <= Character.MAX_VALUE ? (SPACES[codePoint >>> 6] & 1L << codePoint) != 0
        : isSpaceByUnicode(codePoint);
  }

  /** {@link #isSpace} as Unicode's tables answer it, for every code point. */
  static boolean isSpaceByUnicode(int codePoint) {
    return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
  }

  /** Every character that folds to {@code c} ({@link #fold}): {@code c} itself when it folds to itself, and others. */
  static char[] formsOf(char c) {
    StringBuilder forms = new StringBuilder();
    for (char x : new char[] {c, (char) (c - ('a' - 'A')), (char) (c + FULL_WIDTH_OFFSET),
        (char) (c - ('a' - 'A') + FULL_WIDTH_OFFSET)}) {
      if (fold(x) == c && forms.indexOf(String.valueOf(x)) < 0) {
        forms.append(x);
      }
    }
    return forms.toString().toCharArray();
  }

  /**
   * Whether {@link #of} changes {@code c}: a space to leave out or a character to fold, one bit per character
   * ({@link #CHANGES}) as {@link #isSpace} is, since {@link #of} asks it of every character of every field.
   */
  private static boolean changes(char c) {
    return (CHANGES[c >>> 6] & 1L << c) != 0;
  }

  private static final char FULL_WIDTH_FIRST = '\uFF01';
  private static final char FULL_WIDTH_LAST = '\uFF5E';
  private static final int FULL_WIDTH_OFFSET = FULL_WIDTH_FIRST - '!';

  /** Bit {@code c} set when {@link #isSpaceByUnicode} is true of character {@code c}; never written after it is made. */
  private static final long[] SPACES = spaces();
  /** Bit {@code c} set when {@link #of} changes character {@code c}: a space, or folded to another; never written after. */
  private static final long[] CHANGES = changes();

  private static long[] changes() {
    long[] bits = SPACES.clone();
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      if (fold((char) c) != c) {
        bits[c >>> 6] |= 1L << c;
      }
    }
    return bits;
  }

  private static long[] spaces() {
    long[] bits = new long[(Character.MAX_VALUE + 1) / 64];
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      if (isSpaceByUnicode(c)) {
        bits[c >>> 6] |= 1L << c;
      }
    }
    return bits;
  }
}
