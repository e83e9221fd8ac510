package io.github.fenqi.core.statement.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decodes a statement file by looking at its bytes rather than trusting a declared charset: a byte-order mark
 * wins; otherwise the text is UTF-8 if it decodes strictly as UTF-8 (GBK text practically never does), else
 * GB18030, the superset of GBK that Alipay exports use. Bytes that end inside a character (a download cut short) are
 * decoded without that character and marked {@link Decoded#cut()}, rather than taken for the other encoding or refused.
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
public final class TextDecoding {
  private TextDecoding() {}

  /**
   * Decoded text and the name of the encoding found ({@code UTF-8-BOM}, {@code UTF-8}, {@code UTF-16}, {@code GBK}).
   *
   * <p>Thread-safety: immutable.
   *
   * @param cut whether the bytes end inside a character — the file was cut short (an interrupted download); that
   *     character is left out of {@code text}. Such a UTF-8 file had been taken for GBK and refused as "not a
   *     statement", and such a GBK file as "neither UTF-8 nor GBK text", for want of its last byte or two.
   */
  public record Decoded(String text, String encoding, boolean cut) {}

  /**
   * What a file that is not text is, by its first bytes, with what to do instead — the exports people are most
   * likely to hand over in place of a CSV: an empty file, an Excel workbook (WeChat Pay and many banks offer one), a legacy Excel
   * file, a PDF statement — or text in an encoding that is not read, UTF-32 or UTF-16 without its byte-order mark,
   * or Big5 ({@link #unreadEncoding}). Null when the bytes are none of them.
   */
  public static @Nullable String notTextKind(byte[] bytes) {
    if (bytes.length == 0) { // had been "no header line found (give the format explicitly ...)": no format helps
      return "an empty file (0 bytes): the export or its download did not finish, or another file was chosen";
    }
    if (startsWith(bytes, 0x50, 0x4B, 0x03, 0x04)) {
      return "an Excel workbook (.xlsx) or another zip archive, not CSV text: open it and save it as CSV (UTF-8), "
          + "or download the CSV export";
    }
    if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
      return "a legacy Excel file (.xls), not CSV text: open it and save it as CSV (UTF-8)";
    }
    if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) {
      return "a PDF, not CSV text: a PDF statement has no columns to read; download the CSV export";
    }
    String unread = unreadEncoding(bytes);
    if (unread != null) {
      return unread + " text, which is not read: open it and save it as CSV (UTF-8)";
    }
    return null;
  }

  /**
   * The encoding of text that is not read and that would otherwise be taken for GBK or for no text, or null: UTF-32 or
   * UTF-16 without its byte-order mark ({@link #wideEncoding}), or Big5 ({@link #big5}).
   */
  static @Nullable String unreadEncoding(byte[] bytes) {
    String wide = wideEncoding(bytes);
    return wide != null ? wide : big5(bytes);
  }

  /** Big5, where the runtime has it (a runtime linked without jdk.charsets has not): else no file is told Big5. */
  private static final @Nullable Charset BIG5 = Charset.isSupported("Big5") ? Charset.forName("Big5") : null;

  /**
   * Column names a statement's header writes in traditional characters (交易時間, 金額, 對方戶名, 賬戶餘額), and two that
   * read the same in either script (交易日期, 摘要): what a header saved as Big5 holds when decoded as Big5.
   */
  private static final List<String> TRADITIONAL_COLUMNS = List.of("交易時間", "交易日期", "交易類型", "金額", "對方",
      "餘額", "摘要", "收/支", "備註", "當前狀態", "交易單號", "商戶單號", "幣種", "賬戶", "帳戶", "賬單", "帳單");

  /**
   * "Big5 (traditional Chinese)" when the first lines of {@code bytes} (at most {@link #WIDE_SAMPLE} bytes, cut at a
   * line break) are not UTF-8, decode strictly as Big5 and then hold at least two of {@link #TRADITIONAL_COLUMNS}, else
   * null. Big5 bytes decode without an error as GBK, into other characters, so such an export (saved on a Hong Kong or
   * Taiwan Windows) had been refused as having no header line, which did not say what was wrong. GBK or UTF-8 text
   * decoded as Big5 gives other characters, practically never two column names, so a GBK export is not taken for Big5;
   * Big5 text whose first lines hold no such names (a header of English column names) is not told.
   */
  static @Nullable String big5(byte[] bytes) {
    int n = bytes.length;
    if (n > WIDE_SAMPLE) {
      n = WIDE_SAMPLE;
      while (n > 0 && bytes[n - 1] != '\n') {
        n--;
      }
    }
    if (BIG5 == null || n == 0 || isAscii(bytes, n) || isUtf8(bytes, n)) {
      return null;
    }
    String text = strict(java.util.Arrays.copyOf(bytes, n), BIG5);
    if (text == null) {
      return null;
    }
    int found = 0;
    for (String column : TRADITIONAL_COLUMNS) {
      found += text.contains(column) ? 1 : 0;
    }
    return found >= 2 ? "Big5 (traditional Chinese)" : null;
  }

  /** How many bytes {@link #wideEncoding} looks at: enough for some hundred characters. */
  private static final int WIDE_SAMPLE = 4096;

  /**
   * The encoding of text in UTF-32 (with or without its byte-order mark) or in UTF-16 without one, named with how it
   * was told, or null. Such text holds a NUL byte in most of its characters (every character of ASCII, its digits and
   * commas), at places its encoding fixes: UTF-16LE at odd offsets, UTF-16BE at even ones, UTF-32LE in the last two
   * bytes of four, UTF-32BE in the first two. CSV text in UTF-8 or GBK holds none, so a few stray NULs say nothing.
   * Such a file had been decoded as GBK and refused as having no header line, which did not say what was wrong.
   */
  static @Nullable String wideEncoding(byte[] bytes) {
    if (startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) {
      return "UTF-32LE";
    }
    if (startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF)) {
      return "UTF-32BE";
    }
    if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
      return null; // UTF-16 with its byte-order mark: read
    }
    int n = Math.min(bytes.length, WIDE_SAMPLE) & ~3;
    if (n < 8) {
      return null;
    }
    boolean[] nul = new boolean[4];
    for (int k = 0; k < 4; k++) {
      int zeros = 0;
      for (int i = k; i < n; i += 4) {
        zeros += bytes[i] == 0 ? 1 : 0;
      }
      nul[k] = zeros * 2 > n / 4; // most bytes at this offset are NUL
    }
    if (nul[2] && nul[3] && !nul[0]) {
      return "UTF-32LE";
    }
    if (nul[0] && nul[1] && !nul[3]) {
      return "UTF-32BE";
    }
    if (nul[1] && nul[3] && !nul[0] && !nul[2]) {
      return "UTF-16LE (no byte-order mark)";
    }
    return nul[0] && nul[2] && !nul[1] && !nul[3] ? "UTF-16BE (no byte-order mark)" : null;
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** Decodes {@code bytes}; a workbook, a PDF or bytes in neither UTF-8 nor GBK are an IllegalArgumentException. */
  public static Decoded decode(byte[] bytes) {
    String kind = notTextKind(bytes);
    if (kind != null) {
      throw new IllegalArgumentException(kind);
    }
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      int whole = Math.max(3, completeUtf8(bytes));
      return new Decoded(new String(bytes, 3, whole - 3, StandardCharsets.UTF_8), "UTF-8-BOM", whole < bytes.length);
    }
    if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE
        || (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF)) {
      return new Decoded(new String(bytes, StandardCharsets.UTF_16), "UTF-16", false);
    }
    String utf8 = utf8(bytes, CHECKED_FIRST);
    if (utf8 != null) {
      return new Decoded(utf8, "UTF-8", false);
    }
    int whole = completeUtf8(bytes);
    if (whole < bytes.length && isUtf8(bytes, whole) && !isAscii(bytes, whole)) { // GBK text is practically never UTF-8
      return new Decoded(new String(bytes, 0, whole, StandardCharsets.UTF_8), "UTF-8", true);
    }
    String gbk = TwoByteGb18030.decode(bytes);
    if (gbk == null) {
      gbk = strict(bytes, TwoByteGb18030.CHARSET);
    }
    if (gbk != null) {
      return new Decoded(gbk, "GBK", false);
    }
    int gbkWhole = completeGb18030(bytes);
    String cut = gbkWhole < bytes.length ? strict(java.util.Arrays.copyOf(bytes, gbkWhole), TwoByteGb18030.CHARSET) : null;
    if (cut != null) {
      return new Decoded(cut, "GBK", true);
    }
    throw new IllegalArgumentException("the file is neither UTF-8 nor GBK text");
  }

  /**
   * The length of {@code b} without a last UTF-8 sequence that its end cuts short (a lead byte followed by fewer
   * continuation bytes than it announces); {@code b.length} when there is none.
   */
  static int completeUtf8(byte[] b) {
    int n = b.length;
    for (int back = 1; back <= 3 && back <= n; back++) {
      int c = b[n - back] & 0xff;
      if (c >= 0x80 && c <= 0xBF) {
        continue; // a continuation byte: its lead is further back
      }
      int needs = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
      return needs > back ? n - back : n;
    }
    return n;
  }

  /**
   * The length of {@code b} without a last GB18030 sequence that its end cuts short: a lone lead byte, or the first
   * two or three bytes of a four-byte sequence (lead, digit, lead); {@code b.length} when it does not end so.
   */
  static int completeGb18030(byte[] b) {
    int n = b.length;
    if (n >= 3 && isGbLead(b[n - 3]) && isDigit(b[n - 2]) && isGbLead(b[n - 1])) {
      return n - 3;
    }
    if (n >= 2 && isGbLead(b[n - 2]) && isDigit(b[n - 1])) {
      return n - 2;
    }
    return n >= 1 && isGbLead(b[n - 1]) ? n - 1 : n;
  }

  private static boolean isGbLead(byte b) {
    int c = b & 0xff;
    return c >= 0x81 && c <= 0xFE;
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  private static boolean isAscii(byte[] b, int n) {
    for (int i = 0; i < n; i++) {
      if (b[i] < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code b} is well-formed UTF-8 (Unicode table 3-7: no overlong forms, no surrogates, nothing above
   * U+10FFFF), what a strict UTF-8 decoder accepts; checked in place, so valid text is then decoded once.
   */
  static boolean isUtf8(byte[] b) {
    return isUtf8(b, b.length);
  }

  /** {@link #isUtf8(byte[])} of the first {@code n} bytes. */
  static boolean isUtf8(byte[] b, int n) {
    return utf8Prefix(b, 0, n) == n;
  }

  /** How many bytes {@link #utf8} checks before decoding: enough for a GBK file's first Chinese character. */
  static final int CHECKED_FIRST = 4096;

  /**
   * {@code bytes} decoded as UTF-8 when they are well-formed UTF-8 ({@link #isUtf8}), else null, decoded and checked
   * in one pass where it can: checking every byte first and then decoding them had read a UTF-8 file twice (~4 % of
   * parsing a bank statement). The decoder puts U+FFFD for every sequence that is not UTF-8, and for nothing else,
   * so decoded text without it was well-formed; text with it is checked byte by byte, as it may hold U+FFFD itself.
   * The first {@code checkedFirst} bytes are checked before decoding, so a GBK file, whose first Chinese character
   * is no UTF-8, is not decoded in vain.
   */
  static @Nullable String utf8(byte[] bytes, int checkedFirst) {
    int first = Math.min(bytes.length, checkedFirst);
    // a sequence that is not UTF-8 and ends before the first bytes' end is not, whatever follows it
    if (utf8Prefix(bytes, 0, first) + 3 < first) {
      return null;
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    return text.indexOf('\uFFFD') < 0 || isUtf8(bytes, bytes.length) ? text : null;
  }

  /**
   * Where text that is UTF-8 from its start stops being UTF-8: the text of the whole lines before the line holding the
   * first byte that is not, and that line's number (from 1).
   *
   * <p>Thread-safety: immutable.
   *
   * @param before the lines before it, with their line breaks (a byte-order mark left out)
   * @param line the number of the line that is not UTF-8
   */
  public record Utf8Break(String before, int line) {}

  /**
   * The {@link Utf8Break} of {@code bytes}, or null when they are UTF-8 throughout, not UTF-8 on their first line, or
   * ASCII before the line that is not (nothing there says UTF-8 rather than GBK).
   */
  public static @Nullable Utf8Break utf8Break(byte[] bytes) {
    int start = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
    int bad = utf8Prefix(bytes, start, bytes.length);
    if (bad == bytes.length) {
      return null;
    }
    int lineStart = bad;
    while (lineStart > start && bytes[lineStart - 1] != '\n' && bytes[lineStart - 1] != '\r') {
      lineStart--;
    }
    if (lineStart == start || start == 0 && isAscii(bytes, lineStart)) { // a byte-order mark says UTF-8 by itself
      return null;
    }
    int line = 1;
    for (int i = start; i < lineStart; i++) {
      if (bytes[i] == '\n' || bytes[i] == '\r' && (i + 1 >= lineStart || bytes[i + 1] != '\n')) {
        line++;
      }
    }
    return new Utf8Break(new String(bytes, start, lineStart - start, StandardCharsets.UTF_8), line);
  }

  /** The offset in {@code b} of the first sequence from {@code from} that is not UTF-8; {@code n} when none is. */
  private static int utf8Prefix(byte[] b, int from, int n) {
    int i = from;
    while (i < n) {
      int c = b[i] & 0xff;
      if (c < 0x80) {
        i++;
        continue;
      }
      int more;
      int lo = 0x80;
      int hi = 0xBF;
      if (c >= 0xC2 && c <= 0xDF) {
        more = 1;
      } else if (c >= 0xE0 && c <= 0xEF) {
        more = 2;
        lo = c == 0xE0 ? 0xA0 : 0x80;
        hi = c == 0xED ? 0x9F : 0xBF;
      } else if (c >= 0xF0 && c <= 0xF4) {
        more = 3;
        lo = c == 0xF0 ? 0x90 : 0x80;
        hi = c == 0xF4 ? 0x8F : 0xBF;
      } else {
        return i;
      }
      if (i + more >= n) {
        return i;
      }
      int second = b[i + 1] & 0xff;
      if (second < lo || second > hi) {
        return i;
      }
      for (int k = 2; k <= more; k++) {
        int next = b[i + k] & 0xff;
        if (next < 0x80 || next > 0xBF) {
          return i;
        }
      }
      i += more + 1;
    }
    return n;
  }

  private static @Nullable String strict(byte[] bytes, Charset charset) {
    try {
      CharBuffer chars = charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return chars.toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
