package io.github.fenqi.core.statement.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import org.jspecify.annotations.Nullable;

/**
 * GB18030 text made of ASCII and two-byte characters (what Alipay exports hold) decoded through a table built once
 * from the JDK's own strict GB18030 decoder, one table lookup per character. Anything else (a four-byte sequence,
 * a byte the table does not map) answers null, and the caller decodes the whole text with the JDK decoder: the
 * result is always the JDK's.
 *
 * <p>Thread-safety: stateless; the table is built once, safely published by class initialisation.
 */
final class TwoByteGb18030 {
  static final Charset CHARSET = Charset.forName("GB18030");
  private static final int LEADS = 0xFE - 0x81 + 1;
  /** (lead - 0x81) × 256 + trail → the character, 0 where the pair is not a strictly decodable BMP character. */
  private static final char[] TABLE = table();

  private TwoByteGb18030() {}

  private static char[] table() {
    char[] table = new char[LEADS * 256];
    CharsetDecoder decoder = CHARSET.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    byte[] pair = new byte[2];
    for (int lead = 0x81; lead <= 0xFE; lead++) {
      for (int trail = 0x40; trail <= 0xFE; trail++) {
        pair[0] = (byte) lead;
        pair[1] = (byte) trail;
        try {
          CharBuffer c = decoder.reset().decode(ByteBuffer.wrap(pair));
          if (c.remaining() == 1 && c.get(0) != 0) {
            table[(lead - 0x81) * 256 + trail] = c.get(0);
          }
        } catch (CharacterCodingException e) {
          // not a character: left 0, the whole text goes to the JDK decoder
        }
      }
    }
    return table;
  }

  /** The text, or null when it holds anything but ASCII and table-mapped two-byte characters. */
  static @Nullable String decode(byte[] bytes) {
    char[] out = new char[bytes.length];
    int n = 0;
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      if (b < 0x80) {
        out[n++] = (char) b;
        continue;
      }
      if (b < 0x81 || b > 0xFE || i + 1 == bytes.length) {
        return null;
      }
      char c = TABLE[(b - 0x81) * 256 + (bytes[++i] & 0xff)];
      if (c == 0) {
        return null;
      }
      out[n++] = c;
    }
    return new String(out, 0, n);
  }
}
