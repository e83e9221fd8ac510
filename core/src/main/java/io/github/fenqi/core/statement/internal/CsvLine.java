package io.github.fenqi.core.statement.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits one CSV record (RFC 4180 quoting, {@code ""} for a quote inside a quoted field); an unterminated quote is an
 * error. The statement parser gives it one line, or the lines of a record whose quoted field holds line breaks
 * joined (see {@link CsvStatementParser}). Fields are stripped of whitespace (Alipay pads order numbers with a tab so that
 * spreadsheets keep them as text), no-break spaces included: a workbook saved as CSV, or a bank's HTML export copied
 * into one, pads cells with U+00A0 or U+202F, and {@code 12.00 } had been rejected as no amount; and of a byte-order
 * mark (U+FEFF) that is not the file's own first bytes. A field written as a spreadsheet's text formula, {@code ="…"},
 * is the text it shows.
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
public final class CsvLine {
  private CsvLine() {}

  /** The fields of {@code line}; throws {@link IllegalArgumentException} naming the defect. */
  public static List<String> split(String line) {
    return split(line, 0, line.length());
  }

  /** The fields of the line {@code text[from..to)}; throws {@link IllegalArgumentException} naming the defect. */
  public static List<String> split(String text, int from, int to) {
    int count = 1;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == ',') {
        count++;
      } else if (c == '"') {
        return splitQuoted(text.substring(from, to));
      }
    }
    return splitPlain(text, from, to, count);
  }

  /** A line without quotes: each field is the stripped text between commas, cut out of the text once. */
  private static List<String> splitPlain(String line, int lineFrom, int n, int count) {
    String[] fields = new String[count];
    int start = lineFrom;
    for (int f = 0; f < count; f++) {
      int end = f == count - 1 ? n : line.indexOf(',', start);
      int from = start;
      int to = end;
      while (from < to && isWhitespace(line.charAt(from))) {
        from++;
      }
      while (to > from && isWhitespace(line.charAt(to - 1))) {
        to--;
      }
      fields[f] = line.substring(from, to);
      start = end + 1;
    }
    return Arrays.asList(fields);
  }

  /**
   * {@link Character#isWhitespace(char)} ({@link String#strip}'s test), a no-break space
   * ({@link Character#isSpaceChar}: U+00A0, U+2007, U+202F) or a byte-order mark inside the text (U+FEFF: a second mark
   * a tool added, a GB18030 file's own, the mark of a second export joined on, which had made a header lack its first
   * column), printable ASCII and Han answered at once.
   */
  private static boolean isWhitespace(char c) {
    // none above U+3000 but the mark
    return (c <= ' ' || c >= 0x7f && c <= '\u3000') && (Character.isWhitespace(c) || Character.isSpaceChar(c))
        || c == '\uFEFF';
  }

  /** {@code field} without the leading and trailing {@link #isWhitespace} characters. */
  private static String strip(CharSequence field) {
    int from = 0;
    int to = field.length();
    while (from < to && isWhitespace(field.charAt(from))) {
      from++;
    }
    while (to > from && isWhitespace(field.charAt(to - 1))) {
      to--;
    }
    return field.subSequence(from, to).toString();
  }

  /**
   * A quoted field the record does not close: {@link #field()} is its position (0-based), so the reader can name its
   * column.
   *
   * <p>Thread-safety: immutable, like any exception once thrown.
   */
  public static final class UnclosedQuote extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int field;

    UnclosedQuote(int field) {
      super("field " + (field + 1) + " opens a quote (\") that is not closed");
      this.field = field;
    }

    /** The position of the field that opens the quote, 0-based. */
    public int field() {
      return field;
    }
  }

  /**
   * A field a spreadsheet wrote as a text formula, {@code ="2026103120007416501000250698"} ({@code "=""…"""} quoted),
   * as the text it shows, stripped: an export written so for a spreadsheet, or one saved again with its long numbers
   * kept whole, had its amounts and dates refused as none and its order numbers kept with the {@code ="…"}. A formula
   * holding a quote of its own is left as written.
   */
  private static String shown(String field) {
    int n = field.length();
    return n >= 3 && field.charAt(0) == '=' && field.charAt(1) == '"' && field.indexOf('"', 2) == n - 1
        ? strip(field.substring(2, n - 1)) : field;
  }

  private static List<String> splitQuoted(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"' && strip(field).isEmpty()) {
        field.setLength(0);
        quoted = true;
      } else if (c == ',') {
        fields.add(shown(strip(field)));
        field.setLength(0);
      } else {
        field.append(c);
      }
      i++;
    }
    if (quoted) {
      throw new UnclosedQuote(fields.size());
    }
    fields.add(shown(strip(field)));
    return fields;
  }
}
