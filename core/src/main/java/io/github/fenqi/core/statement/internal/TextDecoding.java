package io.github.fenqi.core.statement.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Decodes a statement file by looking at its bytes rather than trusting a declared charset: a byte-order mark
 * wins; otherwise the text is UTF-8 if it decodes strictly as UTF-8 (GBK text practically never does), else
 * GB18030, the superset of GBK that Alipay exports use.
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
public final class TextDecoding {
  private TextDecoding() {}

  /** Decoded text and the name of the encoding found ({@code UTF-8-BOM}, {@code UTF-8}, {@code UTF-16}, {@code GBK}). */
  public record Decoded(String text, String encoding) {}

  /**
   * What a file that is not text is, by its first bytes, with what to do instead — the exports people are most
   * likely to hand over in place of a CSV: an Excel workbook (WeChat Pay and many banks offer one), a legacy Excel
   * file, a PDF statement. Null when the bytes do not start like one of them.
   */
  public static @Nullable String notTextKind(byte[] bytes) {
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
    return null;
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
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
      return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), "UTF-8-BOM");
    }
    if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE
        || (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF)) {
      return new Decoded(new String(bytes, StandardCharsets.UTF_16), "UTF-16");
    }
    if (isUtf8(bytes)) {
      return new Decoded(new String(bytes, StandardCharsets.UTF_8), "UTF-8");
    }
    String gbk = TwoByteGb18030.decode(bytes);
    if (gbk == null) {
      gbk = strict(bytes, TwoByteGb18030.CHARSET);
    }
    if (gbk != null) {
      return new Decoded(gbk, "GBK");
    }
    throw new IllegalArgumentException("the file is neither UTF-8 nor GBK text");
  }

  /**
   * Whether {@code b} is well-formed UTF-8 (Unicode table 3-7: no overlong forms, no surrogates, nothing above
   * U+10FFFF), what a strict UTF-8 decoder accepts; checked in place, so valid text is then decoded once.
   */
  static boolean isUtf8(byte[] b) {
    int i = 0;
    int n = b.length;
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
        return false;
      }
      if (i + more >= n) {
        return false;
      }
      int second = b[i + 1] & 0xff;
      if (second < lo || second > hi) {
        return false;
      }
      for (int k = 2; k <= more; k++) {
        int next = b[i + k] & 0xff;
        if (next < 0x80 || next > 0xBF) {
          return false;
        }
      }
      i += more + 1;
    }
    return true;
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
