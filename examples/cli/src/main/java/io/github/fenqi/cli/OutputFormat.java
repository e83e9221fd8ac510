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

  /** A rate as percentage points with two decimals, half up ({@code 0.060003} is {@code 6.00}), as every report shows it. */
  static String percent(java.math.BigDecimal rate) {
    return rate.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
  }
}
