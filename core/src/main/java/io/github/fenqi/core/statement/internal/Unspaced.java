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
   * (a no-break or full-width space), the one test of "a space" for keywords and holders' names alike.
   */
  public static boolean isSpace(int codePoint) {
    return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
  }
}
