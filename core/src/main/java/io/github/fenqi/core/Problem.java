package io.github.fenqi.core;

import io.github.fenqi.core.security.Masking;
import java.util.Objects;

/**
 * One thing wrong with an input: where it is ({@code debts[2].principal}, {@code policy.json: $.waivers.interest},
 * {@code alipay.csv:17}) and why it was rejected.
 *
 * <p>Thread-safety: immutable.
 *
 * @param location a field path, file and JSON path, or file and line; empty only for a problem of the input as a
 *     whole (an empty body, say), which {@link #toString()} then shows as its reason alone
 * @param reason what was wrong and what was expected; never blank: a problem that says nothing is refused
 */
public record Problem(String location, String reason) implements java.io.Serializable {
  /**
   * A problem at {@code location} for {@code reason}.
   *
   * @throws NullPointerException if {@code location} or {@code reason} is null
   * @throws IllegalArgumentException if {@code reason} is empty or only white space ({@link String#isBlank()})
   */
  public Problem {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(reason, "reason");
    if (reason.isBlank()) {
      throw new IllegalArgumentException("reason must not be blank");
    }
  }

  /**
   * The problem at {@code location}: {@code reason} as the constructor takes it.
   *
   * @throws IllegalArgumentException if {@code reason} is empty or only white space
   */
  public static Problem of(String location, String reason) {
    return new Problem(location, reason);
  }

  /**
   * {@code value} as a reason may quote it: up to 40 characters, longer ones cut to 37 and "...": enough to recognise
   * a value, not to echo a page back. Line breaks, tabs and the other invisible characters ({@link TextFields}) are
   * shown as escapes ({@code \n}, <code>&#92;u200B</code>): a value quoted raw began lines of its own in a report or a log —
   * a policy date "x\nOK  b.json ..." printed a forged "OK" line in {@code fenqi policy validate}. Characters are
   * counted as {@link TextFields} counts them, by code point: cut at the 37th UTF-16 unit, a value of emoji or rare
   * ideographs (😀, 𠀀: two units each) kept half of a character, shown as '?' by a report and as a bare
   * <code>&#92;uD83D</code> in JSON, and one of 21 such characters was cut though it is not longer than 40.
   * Identifiers in it are masked first ({@link Masking#redact}), whole before the cut: a reason goes to logs and HTTP
   * responses, and an ID number as a principal, a mobile as a date or a hardship had been quoted in clear
   * ({@code debts[0].principal: '110105198506150030' is out of range}).
   */
  public static String excerpt(String value) {
    return excerpt(value, 40);
  }

  /**
   * {@code value} quoted as {@link #excerpt(String)} quotes it, but up to {@code maxCodePoints} (longer ones cut to
   * three fewer and "..."): for a message of some length that may hold text from outside, such as the HTTP client's
   * {@code fixed content-length: 5, bytes received: 3}, which a cut at 40 left without its figure.
   *
   * @throws IllegalArgumentException when {@code maxCodePoints} is below 4, too few for a character and "..."
   */
  public static String excerpt(String value, int maxCodePoints) {
    if (maxCodePoints < 4) {
      throw new IllegalArgumentException("maxCodePoints: " + maxCodePoints + " is below 4");
    }
    String masked = Masking.defaults().redact(value);
    return escaped(masked.codePointCount(0, masked.length()) <= maxCodePoints ? masked
        : masked.substring(0, masked.offsetByCodePoints(0, maxCodePoints - 3)) + "...");
  }

  /**
   * {@code value} whole, with line breaks, tabs and the other invisible characters shown as escapes as
   * {@link #excerpt} shows them: for text from outside that a report prints as one line (a risk service's reason).
   */
  public static String escaped(String value) {
    StringBuilder shown = new StringBuilder(value.length());
    value.codePoints().forEach(c -> {
      switch (c) {
        case '\n' -> shown.append("\\n");
        case '\r' -> shown.append("\\r");
        case '\t' -> shown.append("\\t");
        default -> {
          if (TextFields.isInvisible(c) || TextFields.isLineBreak(c)) {
            shown.append(String.format(java.util.Locale.ROOT, "\\u%04X", c));
          } else {
            shown.appendCodePoint(c);
          }
        }
      }
    });
    return shown.toString();
  }

  /** {@code location: reason}, or just the reason when the location is empty. */
  @Override
  public String toString() {
    return location.isEmpty() ? reason : location + ": " + reason;
  }
}
