package io.github.fenqi.core;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Checks a one-line text field — an identifier, a name — that fenqi prints in scripts sent to lenders, in text
 * reports, in logs and in database columns: not empty, not longer than its limit, and made of visible characters
 * only. A case id with a newline forged a line of the CLI's report (and could forge a log line); a right-to-left
 * override reversed what followed it on screen; a 5 000-character id failed the REST service's database insert
 * with an opaque 500. Half of a surrogate pair (U+D800 alone, which JSON can escape) passed, and the REST
 * service's audit log then refused the case naming a field "subject" the caller had never sent; UTF-8 encoders
 * replace it with '?'.
 *
 * <p>Thread-safety: stateless.
 */
public final class TextFields {
  /**
   * The longest identifier (case, debt, platform): a UUID is 36. The service's database column holds 256, since H2
   * counts UTF-16 units and 128 emoji or rare ideographs (𠀀, outside the Basic Multilingual Plane) take 256.
   */
  public static final int MAX_ID_LENGTH = 128;
  /**
   * The longest personal name: far beyond a Chinese name (2–4 characters) or a transliterated one with its middle
   * dots, and short enough that its ciphertext fits the service's 512-character column even in 4-byte characters.
   */
  public static final int MAX_NAME_LENGTH = 60;

  private TextFields() {}

  /** The problem with {@code value} as field {@code field}, or empty when it is one line of at most {@code max}. */
  public static Optional<Problem> check(String field, @Nullable String value, int max) {
    if (value == null || isBlank(value)) {
      return Optional.of(Problem.of(field, "must not be empty"));
    }
    int length = value.codePointCount(0, value.length());
    if (length > max) {
      return Optional.of(Problem.of(field, "is " + length + " characters; at most " + max));
    }
    for (int i = 0, position = 1; i < value.length(); i += Character.charCount(value.codePointAt(i)), position++) {
      int c = value.codePointAt(i);
      if (Character.isSurrogate((char) c) && Character.isBmpCodePoint(c)) { // half of a pair: no character at all
        return Optional.of(Problem.of(field, String.format(java.util.Locale.ROOT,
            "contains half of a UTF-16 surrogate pair (U+%04X at position %d), which is no character; it must be one "
                + "line of visible text", c, position)));
      }
      if (isInvisible(c) || isLineBreak(c)) {
        return Optional.of(Problem.of(field, String.format(java.util.Locale.ROOT,
            "contains an invisible or control character (U+%04X at position %d); it must be one line of visible "
                + "text", c, position)));
      }
    }
    return Optional.empty();
  }

  /**
   * {@code value} without the spaces around it, of every kind {@link #isBlank} counts (a no-break or ideographic space
   * too, which {@link String#strip} keeps): what two identifiers are compared by, so that ones differing only there are
   * told apart by no reader are taken as one; a company name's short form ({@code LexiconRule}'s platform); and the
   * amount, rate or ratio a cell copied from a web page or spreadsheet brings with a no-break space around it.
   */
  public static String withoutSpacesAround(String value) {
    int from = 0;
    int to = value.length();
    while (from < to && isSpace(value.codePointAt(from))) {
      from += Character.charCount(value.codePointAt(from));
    }
    while (to > from && isSpace(value.codePointBefore(to))) {
      to -= Character.charCount(value.codePointBefore(to));
    }
    return value.substring(from, to);
  }

  private static boolean isSpace(int c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /**
   * Whether {@code value} shows nothing: every character a space — {@link String#isBlank} counts neither the no-break
   * spaces (U+00A0, U+2007, U+202F), which a spreadsheet or web page leaves in a cell that looks empty, nor the
   * characters that are letters or symbols drawn as nothing (the Hangul fillers U+115F, U+1160, U+3164, U+FFA0 and the
   * blank Braille pattern U+2800, the usual way to fake an empty name in apps): a platform id or a name of one of them
   * had passed as not empty.
   */
  private static boolean isBlank(String value) {
    return value.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
        || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800);
  }

  /**
   * A control character (C0, DEL, C1: tabs and line feeds among them) or a format character (zero-width spaces and
   * joiners, bidirectional embeddings, overrides and isolates): what prints as nothing, or changes how what follows is
   * shown. One-line fields refuse them; scripts and the CLI's output drop or escape them.
   */
  public static boolean isInvisible(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.CONTROL || type == Character.FORMAT;
  }

  /** A line or paragraph separator other than the control characters (U+2028, U+2029). */
  public static boolean isLineBreak(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
  }
}
