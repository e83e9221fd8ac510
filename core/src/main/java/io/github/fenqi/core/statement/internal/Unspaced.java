package io.github.fenqi.core.statement.internal;

/**
 * Text as a lexicon keyword is looked for in it: without spaces of any kind. Banks pad two-character words with a
 * full-width space (工　资, 利　息, as fixed-width systems print them) and a field typed or copied may hold an ASCII or
 * no-break space (肯 德 基); a keyword such a space splits had matched nothing, a salary counted as other income.
 *
 * <p>Thread-safety: stateless.
 */
public final class Unspaced {
  private Unspaced() {}

  /** {@code text} without its spaces of any kind ({@link #isSpace}). */
  public static String of(String text) {
    int i = 0;
    int n = text.length();
    while (i < n && !isSpace(text.charAt(i))) {
      i++;
    }
    if (i == n) {
      return text; // the common case: no space, no copy
    }
    StringBuilder out = new StringBuilder(n).append(text, 0, i);
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (!isSpace(c)) {
        out.append(c);
      }
    }
    return out.toString();
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

  /** Bit {@code c} set when {@link #isSpaceByUnicode} is true of character {@code c}; never written after it is made. */
  private static final long[] SPACES = spaces();

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
