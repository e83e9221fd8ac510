package io.github.fenqi.cli;

/**
 * How a command prints its result.
 *
 * <p>Thread-safety: immutable (an enum).
 */
public enum OutputFormat {
  /** Indented JSON with fenqi's contract (camelCase, money as decimal strings). */
  json,
  /** A human-readable table or report. */
  text,
  /** A standalone HTML page (where the command supports it). */
  html;

  /**
   * json or text, for the commands without an HTML page ({@code schedule --format}, {@code statement ingest
   * --format-out}), case as the user likes in ASCII letters ({@code jſon}, with a long s, is none): picocli's own
   * conversion had answered {@code --format xml} with "expected one of [json, text, html]" and then refused the html it
   * offered.
   *
   * <p>Thread-safety: stateless.
   */
  static final class JsonOrText implements picocli.CommandLine.ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      OutputFormat f = io.github.fenqi.core.AsciiCase.named(new OutputFormat[] {json, text}, value);
      if (f != null) {
        return f;
      }
      throw new picocli.CommandLine.TypeConversionException(
          io.github.fenqi.core.AsciiCase.equalsIgnoreCase(html.name(), value)
          ? "'" + value + "' is not offered by this command (only plan writes a page); use json or text"
          : "expected json or text but was '" + value + "'");
    }
  }

  /** A rate as percentage points with two decimals, half up ({@code 0.060003} is {@code 6.00}), as every report shows it. */
  static String percent(java.math.BigDecimal rate) {
    return rate.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
  }
}
