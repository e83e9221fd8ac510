package io.github.fenqi.cli;

/**
 * Pads table cells to the columns a terminal shows them in: {@code String.format("%-6s")} counts characters, but a
 * Chinese character (a debt id {@code 信用卡1}, a platform name) takes two columns of a terminal, so every row
 * holding one was pushed out of line with the header and the other rows.
 *
 * <p>Thread-safety: stateless.
 */
final class TextColumns {
  private TextColumns() {}

  /**
   * The columns {@code text} takes on a terminal: two for an East Asian wide or fullwidth character (CJK ideographs,
   * kana, hangul, fullwidth forms and punctuation such as {@code （}), none for a combining mark, one otherwise.
   */
  static int width(String text) {
    int w = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
        continue;
      }
      w += wide(cp) ? 2 : 1;
    }
    return w;
  }

  /** {@code text} followed by spaces up to {@code columns} terminal columns (as it is, if it takes more). */
  static String left(String text, int columns) {
    return text + " ".repeat(Math.max(0, columns - width(text)));
  }

  /** Spaces, then {@code text}, up to {@code columns} terminal columns (as it is, if it takes more). */
  static String right(String text, int columns) {
    return " ".repeat(Math.max(0, columns - width(text))) + text;
  }

  /**
   * {@code text} as lines of at most {@code columns} terminal columns: each broken at its last space that fits, or, in a
   * run without one longer than a line (a Chinese sentence), after its last character that fits. A line is never empty
   * unless {@code text} is blank, and each line is at most {@code columns} wide unless a single character is wider.
   */
  static java.util.List<String> wrap(String text, int columns) {
    java.util.List<String> lines = new java.util.ArrayList<>();
    String rest = text.strip();
    while (width(rest) > columns) {
      int fit = 0;
      int used = 0;
      int space = -1;
      for (int i = 0; i < rest.length(); ) {
        int cp = rest.codePointAt(i);
        int w = width(Character.toString(cp));
        if (used + w > columns) {
          if (cp == ' ') {
            space = i; // the line fits up to this space
          }
          break;
        }
        used += w;
        if (cp == ' ') {
          space = i;
        }
        i += Character.charCount(cp);
        fit = i;
      }
      int cut = space > 0 ? space : Math.max(fit, Character.charCount(rest.codePointAt(0)));
      lines.add(rest.substring(0, cut).stripTrailing());
      rest = rest.substring(cut).stripLeading();
    }
    if (!rest.isEmpty() || lines.isEmpty()) {
      lines.add(rest);
    }
    return lines;
  }

  /** The East Asian Width W and F ranges (Unicode UAX #11), as terminals' wcwidth draws them. */
  private static boolean wide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F) // hangul jamo
        || (cp >= 0x2E80 && cp <= 0x303E) // CJK radicals, symbols and punctuation (。、「」)
        || (cp >= 0x3041 && cp <= 0x33FF) // kana, bopomofo, CJK compatibility
        || (cp >= 0x3400 && cp <= 0x4DBF) // CJK extension A
        || (cp >= 0x4E00 && cp <= 0x9FFF) // CJK unified ideographs
        || (cp >= 0xA000 && cp <= 0xA4CF) // yi
        || (cp >= 0xAC00 && cp <= 0xD7A3) // hangul syllables
        || (cp >= 0xF900 && cp <= 0xFAFF) // CJK compatibility ideographs
        || (cp >= 0xFE30 && cp <= 0xFE4F) // CJK compatibility forms
        || (cp >= 0xFF00 && cp <= 0xFF60) // fullwidth forms (（）：，)
        || (cp >= 0xFFE0 && cp <= 0xFFE6) // fullwidth signs (￥)
        || (cp >= 0x1F300 && cp <= 0x1F64F) // emoji
        || (cp >= 0x1F900 && cp <= 0x1F9FF)
        || (cp >= 0x20000 && cp <= 0x3FFFD); // CJK extensions B and later
  }
}
