package io.github.fenqi.core.statement.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one physical CSV line (RFC 4180 quoting, {@code ""} for a quote inside a quoted field). Statement exports
 * never put a line break inside a field, so a line is a record and line numbers stay exact; an unterminated quote
 * is an error for that row. Fields are trimmed of spaces and tabs (Alipay pads order numbers with a tab so that
 * spreadsheets keep them as text).
 */
public final class CsvLine {
  private CsvLine() {}

  /** The fields of {@code line}; throws {@link IllegalArgumentException} naming the defect. */
  public static List<String> split(String line) {
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
      } else if (c == '"' && field.toString().isBlank()) {
        field.setLength(0);
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString().strip());
        field.setLength(0);
      } else {
        field.append(c);
      }
      i++;
    }
    if (quoted) {
      throw new IllegalArgumentException("unterminated quoted field");
    }
    fields.add(field.toString().strip());
    return fields;
  }
}
