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
   * kana, hangul, fullwidth forms and punctuation such as {@code （}), none for a combining mark, one otherwise;
   * six for a control or format character {@link TerminalSafeWriter} shows as its escape
   * (<code>&#92;u202E</code>), which had been counted as none (a format character) or one (a control), and pushed the
   * rest of a row holding one (a file name echoed by {@code statement ingest}) out of line.
   */
  static int width(String text) {
    int w = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isBmpCodePoint(cp) && TerminalSafeWriter.unsafe((char) cp)) {
        w += ESCAPE_WIDTH;
        continue;
      }
      int type = Character.getType(cp);
      if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
        continue;
      }
      w += wide(cp) ? 2 : 1;
    }
    return w;
  }

  /** The columns of {@link TerminalSafeWriter}'s escape of a character: a backslash, u and four hex digits. */
  private static final int ESCAPE_WIDTH = 6;

  /** {@code text} followed by spaces up to {@code columns} terminal columns (as it is, if it takes more). */
  static String left(String text, int columns) {
    return text + " ".repeat(Math.max(0, columns - width(text)));
  }

  /** Spaces, then {@code text}, up to {@code columns} terminal columns (as it is, if it takes more). */
  static String right(String text, int columns) {
    return " ".repeat(Math.max(0, columns - width(text))) + text;
  }

  /** The width the text output keeps within when {@code COLUMNS} is not set: readable in a 100-column terminal. */
  static final int DEFAULT_WIDTH = 100;
  /** The {@code COLUMNS} values taken: narrower than 40 no table fits, wider than 1000 is no terminal. */
  static final int MIN_WIDTH = 40;
  static final int MAX_WIDTH = 1000;

  /**
   * The terminal columns the text output keeps within: {@code COLUMNS} when it is set to a whole number from 40 to 1000
   * (a shell that exports it), else 100. A value that is no such number is not taken as a width, and {@code warnings}
   * says so (as GNU {@code ls} does), rather than wrapping at a width nobody asked for in silence.
   */
  static int terminalWidth(java.util.function.Function<String, String> environment, java.io.PrintWriter warnings) {
    String columns = environment.apply("COLUMNS");
    if (columns == null || columns.isBlank()) {
      return DEFAULT_WIDTH;
    }
    if (columns.strip().matches("\\d{1,4}")) {
      int n = Integer.parseInt(columns.strip());
      if (n >= MIN_WIDTH && n <= MAX_WIDTH) {
        return n;
      }
    }
    warnings.println("fenqi: warning: COLUMNS: '" + columns + "' is not a width from " + MIN_WIDTH + " to " + MAX_WIDTH
        + "; the text is wrapped at " + DEFAULT_WIDTH + " columns");
    return DEFAULT_WIDTH;
  }

  /**
   * {@code text} as lines of at most {@code columns} terminal columns, broken at spaces (which the break takes) or
   * between two wide characters of a Chinese sentence, never before closing punctuation ({@code 。，）》}) nor after
   * opening punctuation ({@code （《}). A run of other characters — a number, an amount {@code 54,860.00}, an identifier
   * {@code cc-1} or {@code 139****5678} with the characters glued to it — is never broken: one longer than a line
   * makes a line of its own that is wider. Each line of {@code text} is wrapped on its own, its continuation lines
   * indented as it is; the characters other than the spaces at breaks are all kept, in order.
   */
  static java.util.List<String> wrap(String text, int columns) {
    java.util.List<String> lines = new java.util.ArrayList<>();
    for (String paragraph : text.stripTrailing().split("\\R", -1)) {
      String body = paragraph.stripLeading();
      String indent = paragraph.substring(0, paragraph.length() - body.length());
      StringBuilder line = new StringBuilder(indent);
      boolean empty = true;
      for (String[] piece : pieces(body.stripTrailing())) { // {space before it, the piece}
        String joined = empty ? line + piece[1] : line + piece[0] + piece[1];
        if (empty || width(joined) <= columns) {
          line.setLength(0);
          line.append(joined);
        } else {
          lines.add(line.toString());
          line.setLength(0);
          line.append(indent).append(piece[1]);
        }
        empty = false;
      }
      lines.add(empty ? "" : line.toString());
    }
    return lines;
  }

  /**
   * {@code first} then each further line indented to its width, the whole within {@code columns}. When a word of the
   * text does not fit beside {@code first} (a long file name before it, a narrow terminal), {@code first} is a line of
   * its own and the text is wrapped under it, indented two more than {@code first}: a text beside a first of 39
   * columns in a terminal of 40 had been wrapped one word a line, each line wider than the terminal.
   */
  static java.util.List<String> wrap(String first, String text, int columns) {
    String indent = " ".repeat(width(first));
    java.util.List<String> lines = new java.util.ArrayList<>();
    for (String l : wrap(text, Math.max(1, columns - width(first)))) {
      lines.add((lines.isEmpty() ? first : l.isEmpty() ? "" : indent) + l);
    }
    if (lines.stream().allMatch(l -> width(l) <= columns)) {
      return lines;
    }
    String hang = first.substring(0, first.length() - first.stripLeading().length()) + "  ";
    java.util.List<String> hung = new java.util.ArrayList<>();
    hung.add(first.stripTrailing());
    hung.addAll(wrap(text.stripTrailing().lines().map(l -> l.isEmpty() ? l : hang + l)
        .collect(java.util.stream.Collectors.joining("\n")), columns));
    return hung;
  }

  /**
   * A table's row in a terminal narrower than the table: {@code fields} (each a label and its value, such as
   * {@code total pay 98548.43}) after {@code indent}, two spaces apart, as many to a line as fit within
   * {@code columns}; a field is never broken (one wider than a line makes a line of its own).
   */
  static java.util.List<String> fields(String indent, java.util.List<String> fields, int columns) {
    java.util.List<String> lines = new java.util.ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String field : fields) {
      if (line.length() > 0 && width(line + "  " + field) > columns) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() == 0 ? indent : "  ").append(field);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }

  /** The unbreakable pieces of a line without line breaks, each with the spaces before it ("" at a CJK break). */
  private static java.util.List<String[]> pieces(String line) {
    java.util.List<String[]> pieces = new java.util.ArrayList<>();
    int i = 0;
    while (i < line.length()) {
      int start = i;
      while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      String space = line.substring(start, i);
      int from = i;
      int previous = -1;
      while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
        int cp = line.codePointAt(i);
        if (previous >= 0 && wide(previous) && wide(cp) && OPENING.indexOf(previous) < 0 && CLOSING.indexOf(cp) < 0) {
          break; // a break between two characters of a Chinese sentence
        }
        previous = cp;
        i += Character.charCount(cp);
      }
      pieces.add(new String[] {space, line.substring(from, i)});
    }
    return pieces;
  }

  /** Punctuation a line does not end with, and punctuation a line does not begin with (kinsoku). */
  private static final String OPENING = "（《「『【〔“‘";
  private static final String CLOSING = "）》」』】〕”’。，、；：！？…·";

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
