package io.github.fenqi.cli;

import io.github.fenqi.core.TextFields;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes what the CLI prints with terminal control characters shown as escapes (backslash, u, four hex digits: ESC
 * becomes the six characters <code>&#92;u001B</code>) instead of sent: a statement, case or policy file is untrusted
 * input, and a value echoed in a report or an error (a counterparty, a rejected amount) could carry escape sequences
 * that recolour, move or clear the user's terminal, or bidirectional controls that reorder what follows — every
 * {@link TextFields#isInvisible} character but line breaks and tabs. JSON output is unaffected (Jackson already
 * escapes controls).
 *
 * <p>Thread-safety: as the wrapped writer (a {@code PrintWriter} locks around it).
 */
final class TerminalSafeWriter extends FilterWriter {
  TerminalSafeWriter(Writer out) {
    super(out);
  }

  /** Whether {@code c} is shown escaped rather than written: an invisible character other than a line break or tab. */
  static boolean unsafe(char c) {
    return c != '\n' && c != '\t' && c != '\r' && TextFields.isInvisible(c);
  }

  @Override
  public void write(int c) throws IOException {
    if (unsafe((char) c)) {
      out.write(String.format(java.util.Locale.ROOT, "\\u%04X", c));
    } else {
      out.write(c);
    }
  }

  @Override
  public void write(char[] buffer, int offset, int length) throws IOException {
    int start = offset;
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      if (unsafe(buffer[i])) {
        out.write(buffer, start, i - start);
        write(buffer[i]);
        start = i + 1;
      }
    }
    out.write(buffer, start, end - start);
  }

  @Override
  public void write(String text, int offset, int length) throws IOException {
    write(text.toCharArray(), offset, length);
  }
}
