package io.github.fenqi.core.statement.internal;

import io.github.fenqi.core.FenqiException;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.statement.Direction;
import io.github.fenqi.core.statement.FooterTotals;
import io.github.fenqi.core.statement.PageTotals;
import io.github.fenqi.core.statement.ParsedStatement;
import io.github.fenqi.core.statement.StatedTotals;
import io.github.fenqi.core.statement.StatementFormat;
import io.github.fenqi.core.statement.StatementParser;
import io.github.fenqi.core.statement.Transaction;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What the CSV exports have in common: detect the encoding, skip the preamble to the header line, map column
 * names to positions, read data rows until a trailer, reject a malformed row with its line and keep going. A row
 * whose quoted field holds a line break spans several lines and is named by its first; the break reads as a space.
 * The header line repeated among the rows (an export saved page by page) is passed over as a blank line is; a header
 * line with other columns (another export joined on) is rejected, and so is each row under it up to the first header
 * repeated: read by the first header's positions, such a row had been read shifted without a word (its credit as a
 * debit when the two amount columns swap places), and re-mapped to its own header it would join another export's rows,
 * or those under a header edited, to this one's as one statement.
 * Subclasses say what their header looks like and turn one row into a {@link Transaction}.
 *
 * <p>Thread-safety: stateless between calls (each parse keeps its state on its own stack), so one parser may read
 * several files at once; subclasses keep no mutable fields either.
 */
public abstract class CsvStatementParser implements StatementParser {
  /** How far into the file the header may be. */
  private static final int HEADER_SEARCH_LINES = 100;
  /** The most lines after its first that a record whose quoted field holds line breaks may span (21 in all). */
  private static final int MAX_RECORD_LINES = 20;
  /**
   * The date forms exports use, each unambiguous: one separator used twice ({@code 2026-5-1}, {@code 2026/05/01},
   * {@code 2026.5.1}), 年月日, or eight digits ({@code 20260501}). Separators were once each optional, so
   * {@code 2026111} was read as 1 November (or 11 January?) and {@code 2026-5/1} as a date.
   */
  private static final Pattern DATE = Pattern.compile(
      "(\\d{4})(?:([-/.])(\\d{1,2})\\2(\\d{1,2})|年(\\d{1,2})月(\\d{1,2})日?|(\\d{2})(\\d{2}))");
  /**
   * An amount written with a decimal comma, {@code 12,34}, as a spreadsheet in a European locale writes 12.34: split
   * by its unquoted comma in a row padded with a comma at its end, it had been read as 12.00 and its columns after it
   * shifted by one ({@link Columns#splitAmount}).
   */
  private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d+,\\d{1,2}");
  /** An amount whose commas group the yuan in threes: {@code 1,234}, {@code -12,345,678.9}. */
  private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d*)?");
  /**
   * {@code 9:31}, {@code 09:31:12}, {@code 09:31:12.0} (a fraction of a second, as a database's timestamp is written:
   * such an export had every row rejected), or six digits ({@code 093112}, as some banks write a time column).
   */
  private static final Pattern TIME = Pattern.compile(
      "(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?|(\\d{2})(\\d{2})(\\d{2})");

  /** The column positions of a header line, by name. */
  protected static final class Columns {
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> names;
    private final int width;
    /** The last position {@link #index} has handed out: the reader reads no column after it. */
    private int lastRead = -1;

    Columns(List<String> header) {
      for (int i = 0; i < header.size(); i++) {
        index.putIfAbsent(header.get(i), i);
      }
      this.names = List.copyOf(header);
      this.width = header.size();
    }

    /**
     * Why a record whose quote {@code open} is never closed is rejected, naming the column whose field opens it, or
     * the field's position when the header is too short or leaves that column unnamed.
     */
    String unclosed(CsvLine.UnclosedQuote open) {
      int f = open.field();
      String name = f < names.size() && !names.get(f).isEmpty() ? names.get(f) : "field " + (f + 1);
      return name + " opens a quote (\") that is not closed on its line or the lines after it: close the quote, or "
          + "remove it if it is a stray one";
    }

    /** The first of {@code names} present in the header, or null. */
    public @Nullable String find(String... names) {
      for (String n : names) {
        if (index.containsKey(n)) {
          return n;
        }
      }
      return null;
    }

    /** The position of column {@code name}, or -1 when it is absent (or null); see {@link #at}. */
    public int index(@Nullable String name) {
      Integer i = name == null ? null : index.get(name);
      if (i == null) {
        return -1;
      }
      lastRead = Math.max(lastRead, i);
      return i;
    }

    /**
     * The position of column {@code name}, or -1, for a column a row may leave out when it is the last: a row that
     * stops before it is not cut short (备注 after the columns read, which exports drop when empty).
     */
    public int optionalIndex(String name) {
      Integer i = index.get(name);
      return i == null ? -1 : i;
    }

    /** The field at {@code position} ("" when the column is absent, -1, or the row is short). */
    public static String at(List<String> row, int position) {
      return position < 0 || position >= row.size() ? "" : row.get(position);
    }

    int width() {
      return width;
    }

    /**
     * Why a data row of {@code size} fields cannot be read under this header, or null: one that stops before a column
     * the reader reads (a file cut mid-row, a field left out) would shift or empty that column — a row of four fields
     * under the bank header read {@code 12.00} from 收入金额 as a credit; one with more fields than the header, the
     * extra ones not empty, has a comma in an unquoted field, so every column after it is shifted.
     */
    @Nullable String misfit(List<String> row, int headerLine) {
      if (row.size() <= lastRead) {
        return "has " + row.size() + " fields where the header (line " + headerLine + ") has " + width
            + ": the row is cut short or lacks a field, so its columns cannot be told apart";
      }
      String shifted = shifted(row, false);
      return shifted == null ? null : "has " + row.size() + " fields where the header (line " + headerLine + ") has "
          + width + ": " + shifted;
    }

    /**
     * Why a row wider than the header has its columns shifted, or null when it is not wider or only padded: its extra
     * fields are not empty (blank, when {@code blanksArePadding}, as a totals line's may be), so a field holds an
     * unquoted comma, or they are empty but an amount split by its thousands comma ({@link #splitAmount}) fills them.
     * Data rows and a bank's totals lines are told alike.
     */
    @Nullable String shifted(List<String> row, boolean blanksArePadding) {
      if (row.size() <= width) {
        return null;
      }
      List<String> extra = row.subList(width, row.size());
      if (blanksArePadding ? !firstFilled(extra).isEmpty() : !allEmpty(extra)) {
        return "a field holding a comma is not quoted, so the columns after it are shifted";
      }
      String split = splitAmount(row, row.size() - width);
      return split == null ? null : GROUPED.matcher(withoutYuan(split)).matches() ? "'" + split + "' reads as an "
          + "amount whose thousands comma is not quoted, so the columns after it are shifted; quote the field or write "
          + "the amount without the comma" : "'" + split + "' reads as an amount written with a decimal comma, which "
          + "is not quoted, so the columns after it are shifted; write the amount with a decimal point (12.34)";
    }

    /**
     * An amount in a read column split by its unquoted thousands commas into up to {@code extra} more fields, or null:
     * a row whose extra fields are empty had passed as padded (exports that end every row with a comma), and
     * {@code 1,234.00} in a row whose last column was empty was read as 1.00 with the next column 234.00.
     */
    private @Nullable String splitAmount(List<String> row, int extra) {
      for (int i = 0; i <= lastRead && i < row.size(); i++) {
        StringBuilder joined = new StringBuilder(row.get(i));
        for (int k = 1; k <= extra && i + k < row.size(); k++) {
          joined.append(',').append(row.get(i + k));
          String amount = withoutYuan(joined.toString());
          if (GROUPED.matcher(amount).matches() || k == 1 && DECIMAL_COMMA.matcher(amount).matches()) {
            return joined.toString();
          }
        }
      }
      return null;
    }
  }

  /** Whether {@code fields} is this format's header line. */
  protected abstract boolean isHeader(List<String> fields);

  /**
   * Whether {@code fields} holds every one of {@code names}: {@link #isHeader} asks it of every line, where building a
   * {@link Columns} (a map of the line's fields) to ask it had taken a fifth of a bank statement's parsing.
   */
  protected static boolean hasAll(List<String> fields, String... names) {
    for (String n : names) {
      if (!fields.contains(n)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code fields} holds one of {@code names}, as {@link Columns#find} of a header of them says. */
  protected static boolean hasAny(List<String> fields, String... names) {
    for (String n : names) {
      if (fields.contains(n)) {
        return true;
      }
    }
    return false;
  }

  /** A description of the header for the error when none is found. */
  protected abstract String expectedHeader();

  /**
   * The holder's name from the lines after the closing {@code ---} line ({@link #afterTrailer}), if the format states
   * it there and not above its rows.
   */
  protected @Nullable String holderAfterRows(List<String> after) {
    return null;
  }

  /** The holder's name from the preamble lines, if the format states it. */
  protected @Nullable String holder(List<String> preamble) {
    return null;
  }

  /**
   * How {@code fields}, a line that is not the header, comes close to it and what would read it, or null when it is
   * nowhere near; the first such line is named when no header is found.
   */
  protected @Nullable String nearHeader(List<String> fields) {
    return null;
  }

  /**
   * The first line of {@code content} that comes close to this format's header ({@link #nearHeader}), saying how, or
   * null when none does (or the content is not text): what to tell the user of a file no parser recognises.
   */
  public @Nullable Problem closestHeader(String source, byte[] content) {
    return inText(content, (text, lines) -> closestHeader(source, text, lines));
  }

  /** What {@code find} says of {@code content} decoded and split into lines, or null when it is not text. */
  private static @Nullable Problem inText(byte[] content,
      java.util.function.BiFunction<String, int[], @Nullable Problem> find) {
    try {
      String text = TextDecoding.decode(content).text();
      return find.apply(text, lines(text));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private @Nullable Problem closestHeader(String source, String text, int[] lines) {
    for (int i = 0; i < Math.min(lines.length / 2, HEADER_SEARCH_LINES); i++) {
      String near;
      try {
        near = nearHeader(CsvLine.split(text, lines[2 * i], lines[2 * i + 1]));
      } catch (IllegalArgumentException e) {
        continue; // a preamble line with a stray quote is no header
      }
      if (near != null) {
        return Problem.of(source + ":" + (i + 1), near);
      }
    }
    return null;
  }

  /** Checks the header has the columns this parser needs; throws {@link IllegalArgumentException} naming the missing one. */
  protected void checkColumns(Columns columns) {}

  /**
   * Reads the data rows under one header (column positions resolved once, not per row).
   */
  @FunctionalInterface
  protected interface RowReader {
    /** Reads one data row; throws {@link IllegalArgumentException} or {@link FenqiException} with the reason to reject it. */
    Transaction row(List<String> fields, String source, int fileLine, int dataRow);
  }

  /** The reader of the data rows under the header {@code columns}. */
  protected abstract RowReader reader(Columns columns);

  /**
   * Whether {@code fields} is a line of the footer some exports close their rows with (a bank's 合计 totals, its
   * 导出时间): such lines after the last row end the data; by default a format has none.
   */
  protected boolean isFooter(List<String> fields) {
    return false;
  }

  /**
   * Whether {@code fields} is the totals line of one page of an export saved page by page (a bank's 本页合计), after the
   * page's rows; its sums ({@link #footerTotals}) are the page's. By default a format has none.
   */
  protected boolean isPageTotal(List<String> fields) {
    return false;
  }

  /**
   * Reads the page totals line {@code fields} (line {@code line}, closing the page from line {@code pageStart}) into
   * {@code pages}, or rejects it saying why its sums cannot be read; answers the first line of the next page.
   */
  private int pageTotal(List<String> fields, Columns columns, String source, int line, int pageStart,
      List<PageTotals> pages, List<Problem> rejected) {
    String unread;
    try {
      FooterTotals sums = footerTotals(fields, columns, line);
      if (sums != null) {
        pages.add(new PageTotals(line, pageStart, sums.credit(), sums.debit()));
      }
      return line + 1;
    } catch (IllegalArgumentException e) {
      unread = e.getMessage();
    } catch (InvalidInputException e) {
      unread = e.problems().get(0).location() + " " + e.problems().get(0).reason();
    }
    rejected.add(Problem.of(source + ":" + line, "the totals line of the page from line " + pageStart + " cannot be "
        + "read, so the page's rows are not compared with it: " + unread));
    return line + 1;
  }

  /**
   * The sums the footer line {@code fields} (line {@code line} of the file) states of the rows under the header
   * {@code columns}, or null when it states none this format can compare; throws {@link IllegalArgumentException}
   * saying why when a sum it writes cannot be read (the line is then rejected, as a row would be).
   */
  protected @Nullable FooterTotals footerTotals(List<String> fields, Columns columns, int line) {
    return null;
  }

  /**
   * The first line of the footer after the last row: it is a footer line ({@link #isFooter}), and each line from it
   * to {@code readable} is blank, a footer line or a line of prose ({@link #prose}); {@code readable} when the file has
   * no footer. Prose after the footer lines is the bank's closing note (本回单不作为收款方发货依据); it had ended the
   * footer where it stood, so the 合计 and 导出时间 lines before it were rejected as footer lines among the rows and the
   * note as a row. Prose with no footer line before it is read, and rejected, as a row: it may be one gone wrong.
   */
  private int footerStart(String text, int[] lines, int header, int readable) {
    int start = readable;
    for (int i = readable - 1; i > header; i--) {
      List<String> fields;
      try {
        fields = CsvLine.split(text, lines[2 * i], lines[2 * i + 1]);
      } catch (IllegalArgumentException e) {
        break; // a line with an open quote is no footer line
      }
      if (isFooter(fields)) {
        start = i;
      } else if (!allEmpty(fields) && !prose(fields) && !pageNumber(fields)) {
        break;
      }
    }
    return start;
  }

  /**
   * Whether {@code fields} is a line of prose: one field filled, and it starts with no digit, sign or yuan sign (so
   * it is no amount, date or row cut to its first field).
   */
  private static boolean prose(List<String> fields) {
    String only = null;
    for (String f : fields) {
      if (!f.isEmpty()) {
        if (only != null) {
          return false;
        }
        only = f;
      }
    }
    return only != null && !Character.isDigit(only.charAt(0)) && "+-−－¥￥(（".indexOf(only.charAt(0)) < 0;
  }

  /** A page's number as an export saved as printed writes it: 第1页, 第 1 页 共 3 页, 第1页/共3页, 共3页 第1页. */
  private static final Pattern PAGE_NUMBER = Pattern.compile(
      "第\\s*\\d+\\s*页(?:\\s*[/／,，、|]?\\s*共\\s*\\d+\\s*页)?|共\\s*\\d+\\s*页\\s*[/／,，、|]?\\s*第\\s*\\d+\\s*页");

  /**
   * Whether {@code fields} says only which page it is ({@link #PAGE_NUMBER}, in one field or over two): an export saved
   * as printed numbers its pages between them. Such a line holds no row, so it is passed over as a blank line is; it
   * had been read as a row and rejected, and with a row rejected no total the export states was compared.
   */
  private static boolean pageNumber(List<String> fields) {
    // both of PAGE_NUMBER's forms hold 页: a line without it is passed at once, where joining every line's fields to
    // try the pattern had taken a sixth of a bank statement's parsing
    boolean page = false;
    for (int i = 0; i < fields.size() && !page; i++) {
      page = fields.get(i).indexOf('页') >= 0;
    }
    if (!page) {
      return false;
    }
    StringBuilder filled = new StringBuilder();
    for (String f : fields) {
      if (!f.isBlank()) {
        filled.append(filled.length() == 0 ? "" : " ").append(f.strip());
      }
    }
    return filled.length() > 0 && filled.length() < 40 && PAGE_NUMBER.matcher(filled).matches();
  }

  /** The first field of {@code fields} that is not blank, stripped, or "" when all are. */
  protected static String firstFilled(List<String> fields) {
    for (String f : fields) {
      if (!f.isBlank()) {
        return f.strip();
      }
    }
    return "";
  }

  /** Whether the line {@code text[from..to)} ends the data (a ruler of dashes, after any whitespace, that some exports put after the rows). */
  /**
   * Reading stops at a closing {@code ---} line (Alipay's footer follows it); a line after it with a full row's fields
   * would be dropped without a word, so each is listed as rejected, saying why (an export split by a rule line). After
   * the export's {@code title} line again each is a row of another export joined on, whose ruler line ended the rows
   * (it had been told to remove that line, which would have read the other export's preamble as rows).
   */
  private static void rejectRowsAfterTrailer(String text, int[] lines, int trailer, int count, Columns columns,
      String source, List<Problem> rejected, String title) {
    int joinedAt = 0;
    for (int j = trailer + 1; j < count; j++) {
      if (joinedAt == 0 && !title.isEmpty() && isTitle(text, lines[2 * j], lines[2 * j + 1], title)) {
        joinedAt = j + 1;
      }
      try {
        List<String> fields = CsvLine.split(text, lines[2 * j], lines[2 * j + 1]);
        if (fields.size() >= columns.width() && !allEmpty(fields)) {
          rejected.add(Problem.of(source + ":" + (j + 1), joinedAt > 0
              ? "a row of another export joined on at line " + joinedAt + ", after the closing '---' line "
                  + (trailer + 1) + ", where reading stops; give each export as a file of its own"
              : "a row after the closing '---' line " + (trailer + 1)
                  + ", where reading stops; remove that line if the statement goes on after it"));
        }
      } catch (IllegalArgumentException e) { // footer prose that is not CSV
      }
    }
  }

  /**
   * The line {@code text[from..to)} as a title is compared: without a byte-order mark, the commas after it and the
   * spaces around it (微信支付账单明细,,,,,,,,,, is 微信支付账单明细), or "" for a line of nothing else. An export's first
   * line found again among a wallet export's rows starts another export joined on ({@code cat may.csv jun.csv}): its preamble lines
   * had each been rejected as a row quoting its first field (the holder's nickname among them), its rows as rows after
   * a closing line, saying to remove that line.
   */
  private static String titleOf(String text, int from, int to) {
    int end = titleEnd(text, from, to);
    return text.substring(titleStart(text, from, end), end);
  }

  /** Whether the line {@code text[from..to)} is {@code title} as {@link #titleOf} reads it, without cutting it out. */
  private static boolean isTitle(String text, int from, int to, String title) {
    int start = titleStart(text, from, to);
    return titleEnd(text, start, to) - start == title.length() && text.startsWith(title, start);
  }

  /** The first index of {@code text[from..to)} past a byte-order mark and spaces. */
  private static int titleStart(String text, int from, int to) {
    int start = from;
    while (start < to && (text.charAt(start) == '\uFEFF' || Character.isWhitespace(text.charAt(start)))) {
      start++;
    }
    return start;
  }

  /** The end of {@code text[from..to)} without the commas and spaces after it. */
  private static int titleEnd(String text, int from, int to) {
    int end = to;
    while (end > from && (text.charAt(end - 1) == ',' || Character.isWhitespace(text.charAt(end - 1)))) {
      end--;
    }
    return end;
  }

  private static boolean isTrailer(String text, int from, int to) {
    int i = from;
    while (i < to && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return to - i >= 3 && text.startsWith("---", i);
  }

  /**
   * The line where a UTF-8 file stops being UTF-8, as a problem, when the lines before it hold this format's header;
   * else null. Such a file (a row added in an editor that saved it as GBK) had been decoded whole as GBK, its header
   * read as other characters, and refused as having no header line, pointing nowhere near the line at fault.
   */
  public @Nullable Problem utf8BreakAfterHeader(String source, byte[] content) {
    TextDecoding.Utf8Break broken = TextDecoding.utf8Break(content);
    if (broken == null || findHeader(broken.before(), lines(broken.before())) < 0) {
      return null;
    }
    return Problem.of(source + ":" + broken.line(), "is not UTF-8 text, though the lines before it, the header line "
        + "among them, are: a line added in another encoding (GBK?); save the whole file as UTF-8");
  }

  /**
   * The first line of {@code content} that is this format's header line with its fields separated by tabs or
   * semicolons (Excel's "Unicode text", a spreadsheet in a European locale), as a problem saying so, or null. Such a
   * file had been refused as having no header line, with a hint at a column mapping, which cannot read it either.
   */
  public @Nullable Problem otherSeparator(String source, byte[] content) {
    return inText(content, (text, lines) -> otherSeparator(source, text, lines));
  }

  private @Nullable Problem otherSeparator(String source, String text, int[] lines) {
    for (int i = 0; i < Math.min(lines.length / 2, HEADER_SEARCH_LINES); i++) {
      String line = text.substring(lines[2 * i], lines[2 * i + 1]);
      for (char separator : new char[] {'\t', ';'}) {
        if (line.indexOf(separator) < 0) {
          continue;
        }
        List<String> fields = new ArrayList<>();
        for (String f : line.split(String.valueOf(separator), -1)) {
          String t = f.strip();
          fields.add(t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t);
        }
        if (isHeader(fields)) {
          return Problem.of(source + ":" + (i + 1), "is the header line of a " + format().id() + " statement, but "
              + "its fields are separated by " + (separator == '\t' ? "tabs" : "semicolons") + ", not commas: save "
              + "the file as CSV (comma-separated) and give it again");
        }
      }
    }
    return null;
  }

  @Override
  public boolean recognises(byte[] content) {
    try {
      String text = TextDecoding.decode(content).text();
      return findHeader(text, lines(text)) >= 0;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Refuses {@code content} larger than {@link StatementParser#MAX_BYTES}, naming {@code source}, before anything decodes
   * it: a parser's {@link #parse} and {@link StatementParser#parseDetected} alike (the latter had decoded such content
   * once for each shipped format, and refused it as having no header line).
   */
  public static void requireAtMostMaxBytes(String source, byte[] content) {
    if (content.length > MAX_BYTES) {
      throw new InvalidInputException(source, "file is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
    }
  }

  @Override
  public ParsedStatement parse(String source, byte[] content) {
    requireAtMostMaxBytes(source, content);
    TextDecoding.Decoded decoded;
    try {
      decoded = TextDecoding.decode(content);
    } catch (IllegalArgumentException e) {
      Problem broken = utf8BreakAfterHeader(source, content); // as GBK its UTF-8 lines may not decode at all
      throw broken != null ? new InvalidInputException(broken.location(), broken.reason())
          : new InvalidInputException(source, "not a statement: " + e.getMessage());
    }
    String text = decoded.text();
    int[] lines = lines(text); // line i is text[lines[2i]..lines[2i+1])
    int count = lines.length / 2;
    int header = findHeader(text, lines);
    if (header < 0) {
      Problem broken = utf8BreakAfterHeader(source, content);
      if (broken != null) {
        throw new InvalidInputException(broken.location(), broken.reason());
      }
      Problem separated = otherSeparator(source, text, lines);
      if (separated != null) {
        throw new InvalidInputException(separated.location(), separated.reason());
      }
      StatementFormat other = StatementParser.detect(content).filter(f -> f != format()).orElse(null);
      if (other != null) { // the bank layout's near-header hints about a column mapping would only mislead here
        throw new InvalidInputException(source, "not a statement in the " + format().id() + " format but in the "
            + other.id() + " format (its header line is there): read it in that format");
      }
      String notFound = "not a statement in the " + format().id() + " format: no header line " + expectedHeader()
          + " in the first " + HEADER_SEARCH_LINES + " lines";
      Problem near = closestHeader(source, text, lines);
      throw near != null ? new InvalidInputException(near.location(), notFound + "; this line " + near.reason())
          : new InvalidInputException(source, notFound);
    }
    List<String> headerFields = CsvLine.split(text, lines[2 * header], lines[2 * header + 1]);
    Columns columns = new Columns(headerFields);
    try {
      checkColumns(columns);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(source + ":" + (header + 1), e.getMessage());
    }
    RowReader reader = reader(columns);
    List<Transaction> rows = new ArrayList<>();
    List<Problem> rejected = new ArrayList<>();
    int dataRow = 0;
    int readable = decoded.cut() ? count - 1 : count; // a last line cut inside a character is not read
    int footer = footerStart(text, lines, header, readable);
    boolean trailer = false;
    int otherHeader = 0; // the line of the header with other columns the rows now stand under, or 0
    List<PageTotals> pages = new ArrayList<>();
    int pageStart = header + 2; // the first line of the page the rows now belong to
    int afterRows = footer; // the first line after the rows: the footer's, or the one after a closing '---' line
    // the wallet export's first line of text above its header, or "": a bank's export saved page by page may repeat
    // its title above each page's header, where its rows go on
    String title = "";
    for (int i = 0; i < header && title.isEmpty() && format() != StatementFormat.BANK; i++) {
      title = isTrailer(text, lines[2 * i], lines[2 * i + 1]) ? "" : titleOf(text, lines[2 * i], lines[2 * i + 1]);
    }
    int joinedAt = 0; // the line another export joined on starts at, its title line again, or 0
    for (int i = header + 1; i < footer; i++) {
      int from = lines[2 * i];
      int to = lines[2 * i + 1];
      if (joinedAt == 0 && !title.isEmpty() && isTitle(text, from, to, title)) {
        joinedAt = i + 1;
      }
      if (joinedAt > 0) {
        if (!text.substring(from, to).isBlank()) {
          dataRow++;
          rejected.add(Problem.of(source + ":" + (i + 1), (joinedAt == i + 1 ? "the export's first line again: "
              : "a line of ") + "another export joined on at line " + joinedAt + ", whose lines are not read; give "
              + "each export as a file of its own"));
        }
        continue;
      }
      if (isTrailer(text, from, to)) {
        rejectRowsAfterTrailer(text, lines, i, count, columns, source, rejected, title);
        trailer = true;
        afterRows = i + 1;
        break;
      }
      int line = i + 1; // a record's first line names it, however many lines it spans
      List<String> fields;
      try {
        fields = CsvLine.split(text, from, to);
      } catch (IllegalArgumentException e) {
        int last = closingLine(text, lines, i, footer, columns, reader, header + 1);
        if (last < 0) {
          dataRow++;
          rejected.add(Problem.of(source + ":" + line,
              e instanceof CsvLine.UnclosedQuote open ? columns.unclosed(open) : e.getMessage()));
          continue;
        }
        fields = CsvLine.split(joined(text, lines, i, last));
        i = last;
      }
      if (allEmpty(fields) || pageNumber(fields)) {
        continue;
      }
      if (fields.equals(headerFields)) {
        otherHeader = 0;
        continue; // the header again: an export saved page by page repeats it, and it is no row
      }
      if (otherHeader == 0 && isPageTotal(fields)) {
        pageStart = pageTotal(fields, columns, source, line, pageStart, pages, rejected);
        continue; // a page's totals: no row, compared with its page's rows
      }
      dataRow++;
      if (isHeader(fields)) {
        otherHeader = line;
        rejected.add(Problem.of(source + ":" + line, "a header line with other columns than the header line "
            + (header + 1) + ", under which the rows are read: another export was joined on, and the rows under this "
            + "line are not read; give each export as a file of its own"));
        continue;
      }
      if (otherHeader > 0) {
        rejected.add(Problem.of(source + ":" + line, "a row under the header line " + otherHeader + ", whose columns are "
            + "not those of the header line " + (header + 1) + " that the rows are read by: read by those it would be "
            + "read shifted, and which of the two headers its fields follow is not sure (another export joined on, or "
            + "a header edited); give each export as a file of its own"));
        continue;
      }
      if (isFooter(fields)) {
        rejected.add(Problem.of(source + ":" + line, quoted(firstFilled(fields)) + " is a footer line (totals, export "
            + "time, a note) with lines after it that are neither blank nor footer lines, where an export ends with its footer: "
            + "rows were added after it, or two exports joined; remove it, or give each export as a file of its own"));
        continue;
      }
      String misfit = columns.misfit(fields, header + 1);
      if (misfit != null) {
        rejected.add(Problem.of(source + ":" + line, misfit));
        continue;
      }
      try {
        rows.add(reader.row(fields, source, line, dataRow));
      } catch (IllegalArgumentException | DateTimeException e) {
        rejected.add(Problem.of(source + ":" + line, e.getMessage()));
      } catch (InvalidInputException e) {
        // a transaction's own check names the row's line already: "wx.csv:2: wx.csv:2 refunded ..." had said it twice
        Problem first = e.problems().get(0);
        String at = source + ":" + line;
        rejected.add(Problem.of(at, (first.location().equals(at) ? "" : first.location() + " ") + first.reason()));
      }
    }
    FooterTotals totals = null;
    boolean creditContradicted = false;
    boolean debitContradicted = false;
    for (int i = trailer ? readable : footer; i < readable; i++) {
      List<String> fields = CsvLine.split(text, lines[2 * i], lines[2 * i + 1]);
      if (allEmpty(fields) || pageNumber(fields)) {
        continue;
      }
      if (isPageTotal(fields)) {
        pageStart = pageTotal(fields, columns, source, i + 1, pageStart, pages, rejected);
        continue;
      }
      String unread;
      try {
        FooterTotals stated = footerTotals(fields, columns, i + 1);
        if (stated != null && totals != null) {
          boolean credit = differs(totals.credit(), stated.credit());
          boolean debit = differs(totals.debit(), stated.debit());
          if (credit || debit) {
            creditContradicted |= credit;
            debitContradicted |= debit;
            rejected.add(Problem.of(source + ":" + (i + 1), contradiction(totals, stated, credit, debit)));
            continue;
          }
        }
        totals = totals == null || stated == null ? (totals == null ? stated : totals) : totals.and(stated);
        continue;
      } catch (IllegalArgumentException e) {
        unread = e.getMessage();
      } catch (InvalidInputException e) {
        unread = e.problems().get(0).location() + " " + e.problems().get(0).reason();
      }
      rejected.add(Problem.of(source + ":" + (i + 1), "the totals line after the last row cannot be read, so the "
          + "rows are not compared with it: " + unread));
    }
    totals = withoutContradicted(totals, creditContradicted, debitContradicted);
    if (readable < count && !trailer && count - 1 > header && !isTrailer(text, lines[2 * readable], lines[2 * readable + 1])) {
      rejected.add(Problem.of(source + ":" + count, "the file ends inside a character of this line: it was cut short (an "
          + "interrupted download or copy?), so the line is not read; export the statement again"));
    }
    List<String> preamble = new ArrayList<>();
    for (int i = 0; i < header; i++) {
      preamble.add(preambleLine(text.substring(lines[2 * i], lines[2 * i + 1])));
    }
    Period period = statedPeriod(source, preamble);
    LocalDateTime exported = exportedAt(source, text, lines, header, afterRows, readable, rejected);
    List<String> after = trailer ? afterTrailer(text, lines, afterRows, readable, title) : List.of();
    String holder = holder(preamble);
    return new ParsedStatement(source, format(), decoded.encoding(), holder != null ? holder : holderAfterRows(after),
        header + 1, rows, rejected, period == null ? null : period.from(), period == null ? null : period.to(),
        statedTotals(source, preamble, after, afterRows + 1, columns), totals, pages, exported);
  }

  /**
   * Lines {@code from..to} (0-based), each as {@link #preambleLine} reads a line above the header, up to a ruler line
   * or the export's {@code title} again: those after it are another export's joined on (its 共…笔记录 had been read as
   * this export's totals, and the file refused as stating some of them).
   */
  private static List<String> afterTrailer(String text, int[] lines, int from, int to, String title) {
    List<String> after = new ArrayList<>();
    for (int i = from; i < to && !isTrailer(text, lines[2 * i], lines[2 * i + 1])
        && (title.isEmpty() || !isTitle(text, lines[2 * i], lines[2 * i + 1], title)); i++) {
      after.add(preambleLine(text.substring(lines[2 * i], lines[2 * i + 1])));
    }
    return after;
  }

  /**
   * The totals the export states above its rows ({@link #statedTotals(String, List)}) or after its closing {@code ---}
   * line ({@code after}, its first at line {@code afterLine} of the file: {@link #totalsAfterRows}, the rows under
   * {@code columns}); both stated refuses the file, naming the line after the rows, as a figure stated twice does.
   */
  private @Nullable StatedTotals statedTotals(String source, List<String> preamble, List<String> after, int afterLine,
      Columns columns) {
    StatedTotals above = statedTotals(source, preamble);
    StatedTotals below = totalsAfterRows(source, after, afterLine, columns);
    if (above != null && below != null) {
      throw statedTwice(source, below.line(), "states the rows' totals after them where line " + above.line()
          + " states them above");
    }
    return above != null ? above : below;
  }

  /**
   * The count and sums stated on the lines after the closing {@code ---} line ({@code after}, its first at line
   * {@code firstLine} of the file), or null: by default none; an older Alipay export states them there, of the rows
   * under {@code columns}. Throws {@link InvalidInputException} naming {@code source} and the line to refuse the file.
   */
  protected @Nullable StatedTotals totalsAfterRows(String source, List<String> after, int firstLine, Columns columns) {
    return null;
  }

  /**
   * A line above the header as its fields read, joined by commas: a spreadsheet that saved the export quoting every
   * field wrote {@code "共141笔记录"} and {@code "姓名：周子航"}, which had been passed over as stating nothing, so the
   * holder was lost and the totals check skipped or, with some lines quoted, the file refused as missing a line. A
   * line whose quotes do not pair is taken as written.
   */
  private static String preambleLine(String line) {
    if (line.indexOf('"') < 0) {
      return line;
    }
    try {
      return String.join(",", CsvLine.split(line));
    } catch (IllegalArgumentException e) {
      return line;
    }
  }

  /** How an export labels the time it was made: a wallet's 导出时间：[…] above its rows, a bank's 导出时间:… after them. */
  protected static final List<String> MADE_LABELS = List.of("导出时间", "打印时间", "下载时间", "导出日期", "打印日期",
      "下载日期");

  /**
   * A line stating when the export was made: its label, then a date and perhaps a time (导出时间：[2026-11-02 09:20:11]),
   * and no second day after it (导出日期：2026-05-01 至 2026-10-31 is the period exported, not when: its first day had
   * been taken for the export time, and every later row blocked).
   */
  private static final Pattern MADE = Pattern.compile("^\\s*\"?\\s*(" + String.join("|", MADE_LABELS) + ")\\s*[：:,，]?"
      + "\\s*[\\[【]?\\s*(\\d{4})[-/.年](\\d{1,2}+)[-/.月](\\d{1,2}+)日?+(?:[ T]+(\\d{1,2}+)[:：](\\d{2})(?:[:：](\\d{2}))?+)?+"
      + "(?!\\s*[至到~～—–\\-－]\\s*\\d)");

  /**
   * When the export states it was made, on a line before its header or after its rows ({@link #MADE}): a date alone
   * stands for the end of that day, and of lines with different labels (导出时间 12:00, then 打印时间 12:01: the file
   * was printed after it was exported) the earliest, by which every row had happened. Null when no line states it, or
   * when a line states no time of the calendar (2026-13-01) or a label another line of it states otherwise: that line
   * is added to {@code rejected}, naming it, and the rows are checked against no export time (a row after it had
   * been passed over without a word).
   */
  private static @Nullable LocalDateTime exportedAt(String source, String text, int[] lines, int header, int afterRows,
      int readable, List<Problem> rejected) {
    Map<String, LocalDateTime> stated = new HashMap<>();
    Map<String, Integer> statedLine = new HashMap<>();
    boolean unclear = false;
    for (int i = 0; i < readable; i++) {
      if (i == header) {
        i = Math.max(i, afterRows - 1);
        continue;
      }
      Matcher m = MADE.matcher(text.substring(lines[2 * i], lines[2 * i + 1]));
      if (!m.find()) {
        continue;
      }
      String label = m.group(1);
      LocalDateTime at;
      try {
        LocalDate day = LocalDate.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
            Integer.parseInt(m.group(4)));
        at = m.group(5) == null ? day.atTime(23, 59, 59) : day.atTime(Integer.parseInt(m.group(5)),
            Integer.parseInt(m.group(6)), m.group(7) == null ? 0 : Integer.parseInt(m.group(7)));
      } catch (DateTimeException e) {
        rejected.add(Problem.of(source + ":" + (i + 1), label + " " + quoted(m.group().substring(m.end(1))
            .replaceFirst("^\\s*[：:,，]?\\s*[\\[【]?\\s*", "")) + " is no time of the calendar, so the rows are not "
            + "checked against the time the export was made"));
        unclear = true;
        continue;
      }
      LocalDateTime before = stated.putIfAbsent(label, at);
      if (before == null) {
        statedLine.put(label, i + 1);
      } else if (!before.equals(at)) {
        rejected.add(Problem.of(source + ":" + (i + 1), label + " states " + at + " where line " + statedLine.get(label)
            + " states " + before + ": the export states it once, so one of them was edited, and the rows are "
            + "checked against neither"));
        unclear = true;
      }
    }
    return unclear ? null : stated.values().stream().min(LocalDateTime::compareTo).orElse(null);
  }

  private static boolean differs(@Nullable Money first, @Nullable Money later) {
    return first != null && later != null && !first.equals(later);
  }

  /**
   * Why a footer line stating a sum an earlier footer line states otherwise ({@code before}: 合计 under the credit
   * column, then 收入合计 on a line of its own) is rejected: the bank writes one sum once, so one of the two was edited,
   * and taking the first (as had been done, without a word) compared the rows with whichever came first.
   */
  private static String contradiction(FooterTotals before, FooterTotals stated, boolean credit, boolean debit) {
    List<String> said = new ArrayList<>();
    if (credit) {
      said.add("money in of " + stated.credit() + " where line " + before.creditLine() + " states " + before.credit());
    }
    if (debit) {
      said.add("money out of " + stated.debit() + " where line " + before.debitLine() + " states " + before.debit());
    }
    return "states " + String.join(" and ", said) + ": the footer contradicts itself (one of them edited?), so "
        + (said.size() == 1 ? "that sum is" : "those sums are") + " not compared with the rows";
  }

  /** {@code totals} without the sums footer lines contradict each other on ({@link #contradiction}), or null. */
  private static @Nullable FooterTotals withoutContradicted(@Nullable FooterTotals totals, boolean credit,
      boolean debit) {
    if (totals == null || !credit && !debit) {
      return totals;
    }
    Money keptCredit = credit ? null : totals.credit();
    Money keptDebit = debit ? null : totals.debit();
    return keptCredit == null && keptDebit == null ? null
        : new FooterTotals(keptCredit == null ? 0 : totals.creditLine(), keptCredit,
            keptDebit == null ? 0 : totals.debitLine(), keptDebit);
  }

  /**
   * The count and sums the preamble (line {@code i + 1} of the file at index {@code i}) states of the rows, or null:
   * by default none; the wallet exports state them. Throws {@link InvalidInputException} naming {@code source} and the
   * line to refuse the file.
   */
  protected @Nullable StatedTotals statedTotals(String source, List<String> preamble) {
    return null;
  }

  private static final Pattern STATED_ROWS = Pattern.compile("^\\s*共\\s*(\\d{1,9})\\s*笔记录");
  /**
   * 收入：1笔 300.00元, or an older Alipay export's 已收入:3笔,603.00元: the direction's word, its rows, their sum. The
   * comma after 笔 is taken, so a sum whose commas do not group thousands is no amount, not a sum of its last digits.
   */
  private static final Pattern STATED_TALLY = Pattern.compile("^\\s*(收入|支出|不计收支|中性交易|已收入|待收入|已支出|待支出)"
      + "\\s*[：:]\\s*(\\d{1,9})\\s*笔\\s*[,，]?\\s*([0-9][0-9,]*(?:\\.[0-9]+)?)\\s*元");

  /**
   * A wallet's totals: 共141笔记录, 收入：1笔 300.00元, 支出：127笔 7070.87元 and {@code neutral}：13笔 4966.89元; null
   * when none is stated (an export that states no totals, or totals in words not these, is not compared with its
   * rows). Alipay and WeChat state all four, 0笔 0.00元 included: some stated and not all, or a sum that is no amount,
   * refuses the file, where the whole comparison had been skipped — a forger needed only to spoil or drop the line
   * his edit contradicts. A figure stated again alike is read; stated again otherwise, it refuses the file naming
   * both lines: the export states each once, so one of them was edited or added, and which the rows are to add up to
   * is not known — the first had been taken without a word, so rows edited to fit a line inserted before the export's
   * own passed the check, the export's own line never read.
   */
  protected static @Nullable StatedTotals walletTotals(String source, List<String> preamble, String neutral) {
    StatedTotals.Tally[] tallies = new StatedTotals.Tally[3];
    Integer rowsLine = tallies(source, preamble, 1, new String[] {"收入", "支出", neutral}, tallies);
    return rowsLine == null ? null : new StatedTotals(rowsLine, rows(preamble, rowsLine, 1), tallies[0], tallies[1],
        tallies[2]);
  }

  /**
   * An older Alipay export's totals, stated after the closing {@code ---} line below its rows (its first at line
   * {@code firstLine} of the file): 共15笔记录, 已收入:3笔,603.00元, 待收入:0笔,0.00元, 已支出:12笔,2313.60元 and
   * 待支出:0笔,0.00元. They had not been read, so a row added to or removed from such an export passed where the newer
   * export's were caught. All five are read, and refuse the file as {@link #walletTotals} refuses the newer export's
   * (one missing, one stated twice otherwise, a sum that is no amount). The sums count rows by their 资金状态
   * ({@link Transaction#fundStatus}), not by 收/支: a closed trade keeps 支出 in 收/支 with no 资金状态, so compared by
   * 收/支, every genuine export holding one would have been flagged as edited. 已收入 and 已支出 are kept, counted by
   * 资金状态 ({@link StatedTotals#byFundStatus}: they had not been, so an amount edited in such an export passed);
   * 待收入 and 待支出 are not, as no export seen shows which rows Alipay counts there. Under a header with no 资金状态
   * column ({@code fundStatus} false) only the count is kept, as before: compared by 收/支 instead, the sums would flag
   * a genuine export with a closed trade, and every export seen has the column, but an export version without it would
   * have been refused whole for a check it cannot take.
   */
  protected static @Nullable StatedTotals olderWalletTotals(String source, List<String> after, int firstLine,
      boolean fundStatus) {
    StatedTotals.Tally[] tallies = new StatedTotals.Tally[4];
    Integer rowsLine = tallies(source, after, firstLine, new String[] {"已收入", "待收入", "已支出", "待支出"}, tallies);
    if (rowsLine == null) {
      return null;
    }
    int rows = rows(after, rowsLine, firstLine);
    return fundStatus ? new StatedTotals(rowsLine, rows, tallies[0], tallies[2], null, true)
        : new StatedTotals(rowsLine, rows, null, null, null);
  }

  /** The rows the line {@code rowsLine} of the file states, {@code lines} starting at line {@code firstLine}. */
  private static int rows(List<String> lines, int rowsLine, int firstLine) {
    Matcher m = STATED_ROWS.matcher(lines.get(rowsLine - firstLine));
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  /**
   * Reads the count (共…笔记录) and a tally for each of {@code labels} into {@code tallies} from {@code lines}, the first
   * line {@code firstLine} of the file, answering the line stating the count, or null when no line states any of them;
   * refuses the file when some are stated and not all, or one is stated twice otherwise ({@link #walletTotals}).
   */
  private static @Nullable Integer tallies(String source, List<String> lines, int firstLine, String[] labels,
      StatedTotals.Tally[] tallies) {
    Integer rowsLine = null;
    int rows = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int at = firstLine + i;
      Matcher m = STATED_ROWS.matcher(line);
      if (m.find()) {
        int stated = Integer.parseInt(m.group(1));
        if (rowsLine == null) {
          rowsLine = at;
          rows = stated;
        } else if (stated != rows) {
          throw statedTwice(source, at, "states " + stated + " rows where line " + rowsLine + " states " + rows);
        }
      }
      for (int k = 0; k < labels.length; k++) {
        StatedTotals.Tally t = tally(source, labels[k], line, at);
        if (tallies[k] == null) {
          tallies[k] = t;
        } else if (t != null && (t.rows() != tallies[k].rows() || !t.amount().equals(tallies[k].amount()))) {
          throw statedTwice(source, at, "states " + labels[k] + " as " + t.rows() + " rows of " + t.amount()
              + " where line " + tallies[k].line() + " states " + tallies[k].rows() + " rows of " + tallies[k].amount());
        }
      }
    }
    if (rowsLine == null && Arrays.stream(tallies).allMatch(java.util.Objects::isNull)) {
      return null;
    }
    List<String> stated = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    (rowsLine == null ? missing : stated).add(rowsLine == null ? "共N笔记录" : "共…笔记录 (line " + rowsLine + ")");
    for (int k = 0; k < labels.length; k++) {
      (tallies[k] == null ? missing : stated).add(tallies[k] == null ? labels[k] + " as N笔 X元"
          : labels[k] + " (line " + tallies[k].line() + ")");
    }
    if (!missing.isEmpty()) {
      throw new InvalidInputException(source, "states " + and(stated) + " but no line states " + and(missing)
          + ": the export states all " + (labels.length == 3 ? "four" : "five") + " (0笔 0.00元 included), so a "
          + "line was removed or edited, and the rows cannot be compared with what it states; export the statement again");
    }
    return rowsLine;
  }

  /** {@code a}, {@code a and b}, {@code a, b and c}. */
  private static String and(List<String> items) {
    int n = items.size();
    return n == 1 ? items.get(0) : String.join(", ", items.subList(0, n - 1)) + " and " + items.get(n - 1);
  }

  /** The refusal of a file whose preamble line {@code line} states a figure an earlier line states otherwise. */
  private static InvalidInputException statedTwice(String source, int line, String said) {
    return new InvalidInputException(source + ":" + line, said + ": the export states each figure above its rows "
        + "once, so one of the two lines was edited or added, and which the rows should add up to is not known; "
        + "export the statement again");
  }

  /**
   * The tally {@code line} (line {@code lineNumber}) states for {@code label}, or null when it states none; a sum that
   * is no amount (收入：8笔 954.001元) refuses the file naming the line: it had been read as no tally, which skipped
   * the whole comparison.
   */
  private static StatedTotals.@Nullable Tally tally(String source, String label, String line, int lineNumber) {
    Matcher m = STATED_TALLY.matcher(line);
    if (!m.find() || !m.group(1).equals(label)) {
      return null;
    }
    try {
      return new StatedTotals.Tally(lineNumber, label, Integer.parseInt(m.group(2)), amount(label, m.group(3)));
    } catch (IllegalArgumentException | InvalidInputException e) {
      throw new InvalidInputException(source + ":" + lineNumber, label + " " + quoted(m.group(3)) + " is not an "
          + "amount, so the rows cannot be compared with what the export states; export the statement again");
    }
  }

  /** The period a preamble states the export covers, its first and last day. */
  protected record Period(LocalDate from, LocalDate to) {}

  /**
   * The period the preamble (the lines before the header, line {@code i + 1} of the file at index {@code i}) states,
   * or null: by default Alipay's and WeChat's 起始时间 and 终止时间 (or 起始日期 and 终止日期), null unless both are
   * stated. A day that is not of the calendar, a 终止时间 before the 起始时间, or one of them stated again otherwise
   * refuses the file naming the line: each had left the period unstated without a word, and with it the check of the
   * rows against it ({@code OUTSIDE_STATED_PERIOD}), so a row moved to November passed once 终止时间 read 2026-11-31.
   * A format that states it otherwise reads it here; it throws {@link InvalidInputException} naming {@code source} and
   * the line to refuse the file.
   */
  protected @Nullable Period statedPeriod(String source, List<String> preamble) {
    StatedDay from = stated(source, preamble, STATED_FROM);
    StatedDay to = stated(source, preamble, STATED_TO);
    if (from == null || to == null) {
      return null;
    }
    if (from.day().isAfter(to.day())) {
      throw noPeriod(source, to.line(), to.label() + " '" + to.day() + "' is before " + from.label() + " '" + from.day()
          + "' (line " + from.line() + ")");
    }
    return new Period(from.day(), to.day());
  }

  private static final Pattern STATED_FROM = Pattern.compile("(起始(?:时间|日期))[：:]\\s*\\[?(\\d{4}-\\d{2}-\\d{2})");
  private static final Pattern STATED_TO = Pattern.compile("(终止(?:时间|日期))[：:]\\s*\\[?(\\d{4}-\\d{2}-\\d{2})");

  /** The day a preamble line states for a label, with the line (1-based) and the label as written. */
  private record StatedDay(LocalDate day, int line, String label) {}

  /**
   * The day the preamble states for {@code label} (Alipay's and WeChat's 起始时间：[2026-05-01 00:00:00] and
   * 终止时间：[…]), or null when no line states it: what the export covers, though its first and last rows may fall days
   * inside it. A day not of the calendar, or stated again as another day, refuses the file naming the line.
   */
  private static @Nullable StatedDay stated(String source, List<String> preamble, Pattern label) {
    StatedDay first = null;
    for (int i = 0; i < preamble.size(); i++) {
      Matcher m = label.matcher(preamble.get(i));
      if (!m.find()) {
        continue;
      }
      LocalDate day;
      try {
        day = io.github.fenqi.core.Dates.day(m.group(1), m.group(2));
        notBefore1990(m.group(1), m.group(2), day.atStartOfDay());
      } catch (InvalidInputException e) {
        throw noPeriod(source, i + 1, m.group(1) + " " + e.problems().get(0).reason());
      } catch (IllegalArgumentException e) {
        throw noPeriod(source, i + 1, e.getMessage());
      }
      if (first == null) {
        first = new StatedDay(day, i + 1, m.group(1));
      } else if (!day.equals(first.day())) {
        throw noPeriod(source, i + 1, m.group(1) + " '" + day + "' where line " + first.line() + " states '"
            + first.day() + "'");
      }
    }
    return first;
  }

  /** The refusal of a file whose preamble line {@code line} states no period, saying {@code why}. */
  private static InvalidInputException noPeriod(String source, int line, String why) {
    return new InvalidInputException(source + ":" + line, why + "; the period the export covers decides which months "
        + "count and which rows belong to it, so the file is not read with it unclear: export the statement again");
  }

  /**
   * The last line of the record that starts at line {@code first} with a quoted field left open, or -1 when the quote
   * is a stray one. RFC 4180 lets a quoted field hold line breaks, and a merchant's 商品说明 or a 备注 can; such a row
   * was rejected, and its second line with it. The following lines (at most {@link #MAX_RECORD_LINES}) continue the
   * field while none of them is a trailer or a row that reads on its own; the line whose quote closes the field must follow
   * it with a comma or the line's end, and the record must fit the header. So a stray quote never takes the rows after
   * it along: its line alone is rejected.
   */
  private static int closingLine(String text, int[] lines, int first, int count, Columns columns, RowReader reader,
      int headerLine) {
    for (int k = first + 1; k < count && k <= first + MAX_RECORD_LINES; k++) {
      int from = lines[2 * k];
      int to = lines[2 * k + 1];
      if (isTrailer(text, from, to) || readsAsRow(text, from, to, columns, reader, headerLine)) {
        return -1;
      }
      List<String> fields;
      try {
        fields = CsvLine.split(joined(text, lines, first, k));
      } catch (IllegalArgumentException stillOpen) {
        continue;
      }
      return closesQuote(text, from, to) && columns.misfit(fields, headerLine) == null ? k : -1;
    }
    return -1;
  }

  /** Whether the line {@code text[from..to)} is a row that reads by itself (then it is not part of another). */
  private static boolean readsAsRow(String text, int from, int to, Columns columns, RowReader reader, int headerLine) {
    try {
      List<String> fields = CsvLine.split(text, from, to);
      if (columns.misfit(fields, headerLine) != null) {
        return false;
      }
      reader.row(fields, "", headerLine + 1, 1);
      return true;
    } catch (IllegalArgumentException | DateTimeException | FenqiException e) {
      return false;
    }
  }

  /** Whether the first lone quote of {@code text[from..to)} (not one of a doubled pair) ends a field. */
  private static boolean closesQuote(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == '"') {
        if (i + 1 < to && text.charAt(i + 1) == '"') {
          i++;
          continue;
        }
        return i + 1 == to || text.charAt(i + 1) == ',';
      }
    }
    return false;
  }

  /** Lines {@code first..last} as one record, each line break inside its quoted field read as a space. */
  private static String joined(String text, int[] lines, int first, int last) {
    StringBuilder record = new StringBuilder(text.substring(lines[2 * first], lines[2 * first + 1]));
    for (int k = first + 1; k <= last; k++) {
      record.append(' ').append(text, lines[2 * k], lines[2 * k + 1]);
    }
    return record.toString();
  }

  private static boolean allEmpty(List<String> fields) {
    for (String f : fields) {
      if (!f.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /** The lines' bounds: line i is {@code text[b[2i]..b[2i+1])}, split at LF, CR or CRLF. */
  static int[] lines(String text) {
    int[] bounds = new int[64];
    int size = 0;
    int start = 0;
    int n = text.length();
    int nextLf = text.indexOf('\n'); // the next of each break at or after start (String.indexOf is vectorised)
    int nextCr = text.indexOf('\r');
    while (true) {
      if (nextLf >= 0 && nextLf < start) {
        nextLf = text.indexOf('\n', start);
      }
      if (nextCr >= 0 && nextCr < start) {
        nextCr = text.indexOf('\r', start);
      }
      int end = nextLf < 0 ? nextCr : nextCr < 0 ? nextLf : Math.min(nextLf, nextCr);
      if (size + 2 > bounds.length) {
        bounds = Arrays.copyOf(bounds, bounds.length * 2);
      }
      bounds[size++] = start;
      bounds[size++] = end < 0 ? n : end;
      if (end < 0) {
        return Arrays.copyOf(bounds, size);
      }
      start = end + 1;
      if (text.charAt(end) == '\r' && start < n && text.charAt(start) == '\n') {
        start++;
      }
    }
  }

  private int findHeader(String text, int[] lines) {
    for (int i = 0; i < Math.min(lines.length / 2, HEADER_SEARCH_LINES); i++) {
      try {
        if (isHeader(CsvLine.split(text, lines[2 * i], lines[2 * i + 1]))) {
          return i;
        }
      } catch (IllegalArgumentException e) {
        // a preamble line with a stray quote is not the header
      }
    }
    return -1;
  }

  /**
   * The direction of a 收/支 field: 收入, 支出, or neutral (Alipay 不计收支, WeChat {@code /} or 中性交易, or empty).
   */
  protected static Direction direction(String way) {
    return switch (way) {
      case "收入" -> Direction.CREDIT;
      case "支出" -> Direction.DEBIT;
      case "不计收支", "中性交易", "/", "" -> Direction.NEUTRAL;
      default -> throw hanBesides(way, "收入支出不计中性交易")
          ? holdsText("收/支", way, "收入, 支出, 不计收支 or /")
          : new IllegalArgumentException("收/支 " + quoted(way) + " is not 收入, 支出, 不计收支 or /");
    };
  }

  /**
   * Whether {@code field} holds a Han character other than those of {@code words}: a field whose own words are few
   * (收/支's 收入 and 支出, a currency's 元 or 币) and that holds another may hold what a row shifted by a column put
   * there, a description or a counterparty naming a person (转账-张三), and is described, not quoted ({@link
   * #holdsText}); its own characters mistyped ({@code 支入}) are still quoted.
   */
  protected static boolean hanBesides(String field, String words) {
    for (int i = 0; i < field.length(); ) {
      int c = field.codePointAt(i);
      i += Character.charCount(c);
      if (cjk(c) && words.indexOf(c) < 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * A field as a rejection quotes it: {@link Problem#excerpt} (at most 40 characters, line separators and other invisible
   * characters escaped), as {@link Money#parse} quotes an amount. A field had been quoted whole and raw: a date field of
   * 200 000 characters made a reason of that length, and a U+2028 or a right-to-left override in it went into the
   * report or log that lists the rejected rows as it stood.
   */
  protected static String quoted(String field) {
    return "'" + Problem.excerpt(field) + "'";
  }

  /**
   * The words an amount, date or time field may hold that name no one, left out before {@link #mayBeName} looks: the
   * unit 元, the date's 年月日 (and 号), the clock's 时分秒 and 点, and the zone and clock words (UTC, GMT, CST, AM, PM).
   */
  private static final Pattern NO_NAME_WORDS = Pattern.compile("[元年月日号时分秒点]|(?i:UTC|GMT|CST|AM|PM)");

  /**
   * Whether {@code field}, which should be an amount, a date or a time, may hold a person's name: a Han (or other CJK)
   * character, or two letters in a row, once {@link #NO_NAME_WORDS} are left out. A row shifted by one column puts the
   * counterparty's 张三 where its amount stands, and its rejection had quoted it in clear, as {@link Problem#excerpt}
   * masks identifiers but not names; such a field is described instead ({@link #holdsText}), while {@code 12,34} or
   * {@code 2026/13/01} is still quoted, which tells the user what to mend.
   */
  static boolean mayBeName(String field) {
    String rest = NO_NAME_WORDS.matcher(field).replaceAll(" ");
    boolean letter = false;
    for (int i = 0; i < rest.length(); ) {
      int c = rest.codePointAt(i);
      i += Character.charCount(c);
      if (cjk(c)) {
        return true;
      }
      boolean isLetter = Character.isLetter(c);
      if (isLetter && letter) {
        return true;
      }
      letter = isLetter;
    }
    return false;
  }

  /** Whether {@code c} is an ideograph or of a CJK script (Han, kana, hangul, bopomofo). */
  private static boolean cjk(int c) {
    if (Character.isIdeographic(c)) {
      return true;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(c);
    return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
        || script == Character.UnicodeScript.BOPOMOFO;
  }

  /**
   * The rejection of {@code column}'s {@code field} that is not {@code what} (an amount, a date and time) and {@link
   * #mayBeName may be a name}: what it holds, its length, never the text.
   */
  protected static IllegalArgumentException holdsText(String column, String field, String what) {
    return new IllegalArgumentException(column + " holds text of " + field.strip().codePointCount(0,
        field.strip().length()) + " characters, not " + what + " (not quoted: it may be a person's name, as in a row "
        + "shifted by a column)");
  }

  /** A long number as a spreadsheet shortens it: {@code 4.20002E+27}. */
  private static final Pattern SHORTENED = Pattern.compile("[0-9](\\.[0-9]+)?[eE]\\+?[0-9]+");

  /**
   * An order number (交易单号, 商户单号, 交易订单号, 商家订单号), or "" when it is absent, the placeholder {@code /}, or
   * shortened by a spreadsheet ({@code 4.20002E+27}: the export opened and saved again, its tab padding lost). Such a
   * number is shared by unrelated rows: three breakfasts of 7.00 under {@code 1.00004E+31} had been removed as two
   * duplicates of the first, and refunds matched to the wrong purchase by it; unknown, a row is told apart by its time,
   * amount and counterparty instead.
   */
  protected static String orderNumber(String field) {
    // a shortened number holds its exponent's e or E: any other order number skips the pattern, which every row's
    // two order numbers had been matched against (an eighth of an Alipay export's parsing)
    boolean exponent = field.indexOf('e') >= 0 || field.indexOf('E') >= 0;
    return exponent && SHORTENED.matcher(field).matches() ? "" : text(field);
  }

  /** The field, or "" for the exports' placeholder {@code /}. */
  protected static String text(String field) {
    return "/".equals(field) ? "" : field;
  }

  /**
   * Parses an amount such as {@code 17.52}, {@code ¥25.00}, {@code 25.00元} or {@code 1,234.00}; the error names the
   * column. Commas must group the yuan in threes: {@code 12,34} (a decimal comma, as a spreadsheet in a European locale
   * writes 12.34) had been read as 1234.00, a hundred times the amount, without a word. The unit after the amount
   * (元, as some banks write every amount) is read as the yuan sign before it is; such rows had all been rejected. A
   * minus after the amount ({@code 100.00-}, as some accounting systems write money out) is refused saying so: it had
   * been told only "not an amount". So is a {@code ?} (or U+FFFD) before the digits, the yuan sign a spreadsheet lost
   * saving a WeChat export in GBK, which has no ¥ ({@code ?42.49} in every row had been told only "not an amount").
   * A zero with a minus ({@code -0.00}) is refused as a negative amount is: a wallet row so written had been read as a
   * payment of 0.00 (a bank's signed column takes its sign off before reading the amount).
   */
  protected static Money amount(String column, String field) {
    long fast = plainFen(field);
    if (fast >= 0) {
      if (fast >= LEAST_DATE_TIME_FEN && isDateTimeDigits(withoutYuan(field))) {
        throw readsAsDateTime(column, field);
      }
      return Money.ofFen(fast);
    }
    if (mayBeName(field)) {
      throw holdsText(column, field, "an amount");
    }
    String t = withoutYuan(field);
    if (t.isEmpty()) {
      throw new IllegalArgumentException(column + (field.isBlank() ? " is empty" : " " + quoted(field)
          + " holds no amount"));
    }
    if (t.indexOf('元') >= 0 || t.indexOf('¥') >= 0 || t.indexOf('￥') >= 0) {
      throw new IllegalArgumentException(column + " " + quoted(field) + " is not an amount: one yuan sign before it "
          + "(¥12.00) or one 元 after it (12.00元) is read, no other");
    }
    if (t.length() > 1 && (t.charAt(0) == '?' || t.charAt(0) == '\uFFFD') && Character.isDigit(t.charAt(1))) {
      throw new IllegalArgumentException(column + " " + quoted(field) + " is not an amount: a '" + t.charAt(0)
          + "' stands where the yuan sign (¥) was, as a spreadsheet leaves it when it saves the file in an encoding "
          + "without ¥ (Excel's \"CSV\" in GBK); give the export as it was downloaded, or save it as \"CSV UTF-8\"");
    }
    if (t.length() > 1 && "-\u2212\uFF0D".indexOf(t.charAt(t.length() - 1)) >= 0) {
      throw new IllegalArgumentException(column + " " + quoted(field) + " has its minus after the amount, which no "
          + "export read here writes (a minus before it, -12.00, or parentheses, (12.00), are read): write it as "
          + "-" + t.substring(0, t.length() - 1).strip() + " if it is money out");
    }
    if (t.indexOf(',') >= 0) {
      if (!GROUPED.matcher(t).matches()) {
        throw new IllegalArgumentException(column + " " + quoted(field) + " has commas that do not group thousands "
            + "(1,234.56); a decimal comma is not read: write the amount with a decimal point");
      }
      t = t.replace(",", "");
    } else if (isDateTimeDigits(t)) {
      throw readsAsDateTime(column, field);
    }
    Money m = Money.parse(column, t);
    if (m.isNegative()) {
      throw new IllegalArgumentException(column + " " + quoted(field) + " is negative");
    }
    if (m.isZero() && t.startsWith("-")) { // -0.00 is no negative amount, but its minus is as foreign as -1.00's
      throw new IllegalArgumentException(column + " " + quoted(field) + " has a minus, which an amount here is never "
          + "written with");
    }
    return m;
  }

  /** The fewest fen a 12-digit date and time read as yuan can be: 199001010000 yuan. */
  private static final long LEAST_DATE_TIME_FEN = 199_001_010_000_00L;

  /**
   * Whether {@code t} is a date and time written as 12 or 14 digits ({@code yyyyMMddHHmm}, {@code yyyyMMddHHmmss}) of
   * the years 1990 to 2099. Where the amount should stand, it is a row shifted by a column, or a time column mapped as
   * the amount: {@code 202605061234} had been read as 202 605 061 234.00 yuan, and only a balance, where the file had
   * one, flagged the row after it. No payment of a person reaches the 199 001 010 000 yuan the least such number is.
   */
  static boolean isDateTimeDigits(String t) {
    int n = t.length();
    if (n != 12 && n != COMPACT_DATE_TIME) {
      return false;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 4, 6);
    int day = digits(t, 6, 8);
    int hour = digits(t, 8, 10);
    int minute = digits(t, 10, 12);
    int second = n == 12 ? 0 : digits(t, 12, 14);
    return year >= 1990 && year <= 2099 && month >= 1 && month <= 12 && day >= 1
        && day <= YearMonth.of(year, month).lengthOfMonth() && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59
        && second >= 0 && second <= 59;
  }

  /** The refusal of an amount {@link #isDateTimeDigits} holds, its digits quoted as any long number is (masked). */
  private static IllegalArgumentException readsAsDateTime(String column, String field) {
    return new IllegalArgumentException(column + " " + quoted(field) + " is not an amount: its digits read as a date "
        + "and time (yyyyMMddHHmm or yyyyMMddHHmmss), as a row shifted by a column puts one there; check the row "
        + "against the export as it was downloaded");
  }

  /** {@code field} stripped, without one yuan sign before it (¥, ￥) and one 元 after it. */
  protected static String withoutYuan(String field) {
    String t = field.strip();
    if (!t.isEmpty() && (t.charAt(0) == '¥' || t.charAt(0) == '￥')) {
      t = t.substring(1).strip();
    }
    if (t.endsWith("元")) {
      t = t.substring(0, t.length() - 1).strip();
    }
    return t;
  }

  /** Fen of a plain amount ({@code 123}, {@code 17.5}, {@code 17.52}, optional ¥), or -1 when it is not that simple. */
  private static long plainFen(String s) {
    int i = 0;
    int n = s.length();
    if (n > 0 && (s.charAt(0) == '¥' || s.charAt(0) == '￥')) {
      i = 1;
    }
    long yuan = 0;
    int digits = 0;
    while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      yuan = yuan * 10 + (s.charAt(i++) - '0');
      if (++digits > 13) {
        return -1;
      }
    }
    if (digits == 0) {
      return -1;
    }
    long fen = 0;
    if (i < n) {
      if (s.charAt(i++) != '.' || i == n || n - i > 2) {
        return -1;
      }
      int decimals = n - i;
      for (; i < n; i++) {
        char c = s.charAt(i);
        if (c < '0' || c > '9') {
          return -1;
        }
        fen = fen * 10 + (c - '0');
      }
      if (decimals == 1) {
        fen *= 10;
      }
    }
    return yuan * 100 + fen;
  }

  /** {@code yyyy-MM-dd HH:mm:ss} read by position (the exports' own form), else null. */
  private static @Nullable LocalDateTime isoDateTime(String s) {
    return s.length() == 19 && s.charAt(10) == ' ' ? isoDateTime(s, 0, s, 11) : null;
  }

  /** {@code yyyy-MM-dd} at {@code d[dayAt..]} and {@code HH:mm:ss} at {@code t[timeAt..]}, read by position, else null. */
  private static @Nullable LocalDateTime isoDateTime(String d, int dayAt, String t, int timeAt) {
    if (d.charAt(dayAt + 4) != '-' || d.charAt(dayAt + 7) != '-' || t.charAt(timeAt + 2) != ':' || t.charAt(timeAt + 5) != ':') {
      return null;
    }
    int year = digits(d, dayAt, dayAt + 4);
    int month = digits(d, dayAt + 5, dayAt + 7);
    int day = digits(d, dayAt + 8, dayAt + 10);
    int hour = digits(t, timeAt, timeAt + 2);
    int minute = digits(t, timeAt + 3, timeAt + 5);
    int second = digits(t, timeAt + 6, timeAt + 8);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static int digits(String s, int from, int to) {
    int x = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      x = x * 10 + (c - '0');
    }
    return x;
  }

  /**
   * Parses {@code 2026-10-31 16:16:07} and the usual variants ({@link #DATE}, then optionally a space or T and a
   * {@link #TIME}), and the compact {@code 20261031161607} that payment systems write (UnionPay's yyyyMMddHHmmss): a
   * compact day and a compact time were each read, written together they had been refused, quoted masked as a card
   * number would be ({@code '202610****1607'}), which left the user nothing to read.
   */
  protected static LocalDateTime dateTime(String column, String field) {
    LocalDateTime fast = isoDateTime(field);
    if (fast != null) {
      return notBefore1990(column, field, fast);
    }
    if (mayBeName(field)) {
      throw holdsText(column, field, "a date and time");
    }
    String s = withoutZone(column, field, field.strip());
    int cut = 0;
    while (cut < s.length() && s.charAt(cut) != ' ' && s.charAt(cut) != 'T') {
      cut++;
    }
    if (cut == COMPACT_DATE_TIME && s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      cut = COMPACT_DATE; // 20261031 then 161607
    }
    Matcher d = DATE.matcher(s.substring(0, cut));
    Matcher t = TIME.matcher(s.substring(cut).replaceFirst("^[ T]+", ""));
    boolean timed = cut < s.length();
    if (!d.matches() || timed && !t.matches()) {
      throw new IllegalArgumentException(column + " " + quoted(field) + " is not a date and time"
          + (SPREADSHEET_DAY.matcher(s).matches() ? SPREADSHEET_SAVED : ""));
    }
    try {
      LocalDateTime day = LocalDate.of(Integer.parseInt(d.group(1)), number(d, 3, 5, 7), number(d, 4, 6, 8))
          .atStartOfDay();
      return notBefore1990(column, field, timed ? at(day, t) : day);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(column + " " + quoted(field) + " is not a valid date and time");
    }
  }

  /**
   * A day as a spreadsheet counts it, saved as a number: 32874 is 1990-01-01 and 73050 is 2099-12-31 in Excel's and
   * WPS's 1900 date system, with the time of day as its fraction ({@code 45321.5}). A column formatted as a number writes
   * its dates so; they had been refused as "not a date and time", with no word on why or what to do. They are not read:
   * a workbook made in the 1904 date system (Excel for Mac) counts the same day 1 462 lower, so the day is not certain.
   */
  private static final Pattern SPREADSHEET_DAY = Pattern.compile("(3[2-9]|[4-6]\\d|7[0-3])\\d{3}(\\.\\d{1,15})?");

  /** The length of a compact date and time ({@code 20261031161607}), and of its date. */
  private static final int COMPACT_DATE_TIME = 14;
  private static final int COMPACT_DATE = 8;

  /** A time of day as a spreadsheet writes it in a column formatted as a number: a fraction of a day. */
  private static final Pattern SPREADSHEET_TIME = Pattern.compile("0?\\.\\d{1,15}");

  /** Why a day or a time a spreadsheet wrote as a number is refused, and what the user can do. */
  private static final String SPREADSHEET_SAVED = ": it looks like a spreadsheet's number for a date or time, as a "
      + "column formatted as a number saves one; if the file was saved from a spreadsheet, give the export as it was "
      + "downloaded, or format the column as a date and time before saving";

  /** The first day a statement row or stated period may have: no bank or payment-app export holds an older one. */
  static final LocalDate FIRST_DAY = LocalDate.of(1990, 1, 1);

  /**
   * {@code time}, read from {@code field}, unless it is before {@link #FIRST_DAY}: online banking and its exports began
   * in the late 1990s (Alipay's in 2004, WeChat Pay's in 2013), so an older date is a mistyped year or a field that is
   * no date. A bank row dated 0001-01-01 had been read, and its statement covered some 24 000 months of zero income
   * and spending, which took seconds to sum and which the forensics passed.
   */
  private static LocalDateTime notBefore1990(String column, String field, LocalDateTime time) {
    if (time.toLocalDate().isBefore(FIRST_DAY)) {
      throw new IllegalArgumentException(column + " " + quoted(field) + " is before 1990, older than any statement "
          + "export: the year is mistyped, or the column holds no date");
    }
    return time;
  }

  /**
   * A time followed by its zone: an offset ({@code +08:00}, {@code +0800}, {@code +08}, {@code -05:00}), a zone's
   * letters ({@code Z}, {@code UTC}, {@code CST}), or letters and an offset ({@code GMT+8}, {@code UTC+08:00}).
   */
  private static final Pattern ZONED = Pattern.compile(
      "(.*?\\d:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?)\\s*([A-Za-z]{1,5})?(?:([+-])(\\d{1,2})(?::?(\\d{2}))?)?");

  /**
   * {@code s} (the stripped {@code field}) without the zone its time ends in when that zone is Beijing time, UTC+08:00
   * ({@code +08:00}, {@code +0800}, {@code GMT+8}), which is what the exports write and a row's time is read as; else
   * {@code s} when it names no zone. Any other zone is refused naming it, not converted: the day a conversion gave a
   * row would decide its month without a word, and a zone the shipped exports never write says the file was made or
   * edited elsewhere. Such a time had been rejected as "not a date and time", which did not say what was wrong.
   */
  private static String withoutZone(String column, String field, String s) {
    Matcher z = ZONED.matcher(s);
    if (!z.matches() || z.group(2) == null && z.group(3) == null) {
      return s;
    }
    String letters = z.group(2) == null ? "" : z.group(2).toUpperCase(java.util.Locale.ROOT);
    if (letters.equals("AM") || letters.equals("PM")) {
      return s; // a 12-hour clock, not a zone: rejected as no date and time
    }
    int minutes = z.group(3) == null ? 0 : ("-".equals(z.group(3)) ? -1 : 1)
        * (Integer.parseInt(z.group(4)) * 60 + (z.group(5) == null ? 0 : Integer.parseInt(z.group(5))));
    boolean offsetOnly = letters.isEmpty() || letters.equals("UTC") || letters.equals("GMT");
    if (offsetOnly && minutes == 8 * 60) {
      return z.group(1);
    }
    String zone = s.substring(z.end(1)).strip();
    throw new IllegalArgumentException(column + " " + quoted(field) + " ends in the zone " + quoted(zone)
        + ", which is not read: times are read as Beijing time (UTC+08:00), as the exports write them, and a time in "
        + "another zone is not converted, since the day it gives a row decides its month"
        + (letters.equals("CST") ? " ('CST' names China Standard Time and US Central Standard Time alike)" : "")
        + "; export the statement again in Beijing time, or write its times without a zone or with +08:00");
  }

  /** The first of the groups that matched: each form of a date or time holds its parts in groups of its own. */
  private static int number(Matcher m, int... groups) {
    for (int g : groups) {
      if (m.group(g) != null) {
        return Integer.parseInt(m.group(g));
      }
    }
    return 0;
  }

  private static LocalDateTime at(LocalDateTime day, Matcher time) {
    String fraction = time.group(4) == null ? "" : time.group(4);
    int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
    return day.withHour(number(time, 1, 5)).withMinute(number(time, 2, 6)).withSecond(number(time, 3, 7))
        .withNano(nanos);
  }

  /**
   * The time column's own date and time, when it holds the row's date too ({@code 2026-05-01 20:15:03} beside
   * {@code 2026-05-01}, as some banks write it): every row of such a file had been rejected as "not a time". A time
   * column whose date is another day than the date column's is rejected naming both.
   */
  private static LocalDateTime dateInTime(String dateColumn, String date, LocalDateTime day, String timeColumn, String time) {
    LocalDateTime stated;
    try {
      stated = dateTime(timeColumn, time);
    } catch (IllegalArgumentException e) {
      String stripped = time.strip();
      throw new IllegalArgumentException(timeColumn + " " + quoted(time) + " is not a time"
          + (SPREADSHEET_TIME.matcher(stripped).matches() || SPREADSHEET_DAY.matcher(stripped).matches()
          ? SPREADSHEET_SAVED : ""));
    }
    if (!stated.toLocalDate().equals(day.toLocalDate())) {
      throw new IllegalArgumentException(timeColumn + " " + quoted(time) + " is another day than " + dateColumn + " "
          + quoted(date));
    }
    return stated;
  }

  /** Combines a date column and an optional separate time column (a time, or the same date with a time). */
  protected static LocalDateTime dateTime(String dateColumn, String date, String timeColumn, String time) {
    if (date.length() == 10 && time.length() == 8) {
      LocalDateTime fast = isoDateTime(date, 0, time, 0);
      if (fast != null) {
        return notBefore1990(dateColumn, date, fast);
      }
    }
    LocalDateTime day = dateTime(dateColumn, date);
    if (time.isBlank()) {
      return day;
    }
    if (mayBeName(time)) {
      throw holdsText(timeColumn, time, "a time");
    }
    Matcher m = TIME.matcher(withoutZone(timeColumn, time, time.strip()));
    if (!m.matches()) {
      return dateInTime(dateColumn, date, day, timeColumn, time);
    }
    try {
      return at(day, m);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(timeColumn + " " + quoted(time) + " is not a valid time");
    }
  }
}
