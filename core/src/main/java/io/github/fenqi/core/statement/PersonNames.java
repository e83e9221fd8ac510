package io.github.fenqi.core.statement;

import io.github.fenqi.core.statement.internal.KeywordText;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The form in which two people's names are compared: a name typed by the caller ({@code --holder "周 子航"}) and one an
 * export states (姓名：周子航, 户名：买买提·艾力) write the same person with or without spaces — an ASCII space, the
 * full-width U+3000 of a Chinese input method, a no-break space from a copied document — and with or without the middle
 * dot of a minority or foreign name (·, or the ・ ‧ • . a system lacking it writes). Holder checks had compared names
 * exactly in the forensics, so the borrower's own statement was blocked as another person's, and the cleaning dropped
 * only ASCII spaces. Letters are compared by their compatibility form and case ({@code ＊} is {@code *}, {@code ZHOU}
 * is {@code zhou}).
 *
 * <p>Thread-safety: stateless.
 */
final class PersonNames {
  /** The middle dots of a transcribed name, and what a system without · writes in its place. */
  private static final String DOTS = "\u00B7\u2027\u30FB\uFF65\u2022\u2219\u22C5\u2E31.\uFF0E";

  private PersonNames() {}

  /** {@code name} in its compared form: NFKC, lower case, without spaces of any kind, middle dots
   * or invisible format characters (a zero-width space). */
  static String key(String name) {
    String n = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(n.length());
    n.codePoints().filter(c -> !KeywordText.isSpace(c) && DOTS.indexOf(c) < 0
        && Character.getType(c) != Character.FORMAT)
        .forEach(out::appendCodePoint);
    return out.toString();
  }
}
