package io.github.fenqi.cli;

import io.github.fenqi.core.schedule.AnnualizedRate;
import io.github.fenqi.core.schedule.Schedule;

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

  /**
   * A schedule's annualised rate as percentage points with two decimals, as every report shows it: the exact rate's
   * figure, half up ({@link AnnualizedRate#of(Schedule, int)} to four decimals). Its six-decimal figure rounded again
   * had shown 0.108950 — a rate of 10.8949…% — as 10.90.
   */
  static String percent(Schedule schedule) {
    return AnnualizedRate.of(schedule, 4).movePointRight(2).toPlainString();
  }
}
