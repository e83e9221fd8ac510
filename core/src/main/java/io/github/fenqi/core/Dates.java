package io.github.fenqi.core;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the dates and months a user writes in a case, a policy file or a rule: exactly {@code YYYY-MM-DD} and
 * {@code YYYY-MM}, four ASCII digits of year, never a sign. {@link LocalDate#parse} takes ISO-8601's expanded years, so
 * {@code "+12026-01-01"} (a slip of the keyboard) was a policy in force from the year 12026, and {@code "-0001-01-01"}
 * one in force since before the calendar began, both without a word; that form is no date a lender or borrower writes.
 * A value that is not one says why, in words of the calendar rather than of {@code java.time}.
 *
 * <p>Thread-safety: stateless.
 */
public final class Dates {
  /** {@code YYYY-MM-DD}: four digits of year with no sign, a day that exists. */
  private static final DateTimeFormatter DAY = new DateTimeFormatterBuilder()
      .appendValue(ChronoField.YEAR, 4).appendLiteral('-')
      .appendValue(ChronoField.MONTH_OF_YEAR, 2).appendLiteral('-')
      .appendValue(ChronoField.DAY_OF_MONTH, 2)
      .toFormatter(Locale.ROOT).withChronology(IsoChronology.INSTANCE).withResolverStyle(ResolverStyle.STRICT);

  /** {@code YYYY-MM}: four digits of year with no sign, a month from 01 to 12. */
  private static final DateTimeFormatter MONTH = new DateTimeFormatterBuilder()
      .appendValue(ChronoField.YEAR, 4).appendLiteral('-')
      .appendValue(ChronoField.MONTH_OF_YEAR, 2)
      .toFormatter(Locale.ROOT).withChronology(IsoChronology.INSTANCE).withResolverStyle(ResolverStyle.STRICT);

  /**
   * {@code YYYY-MM-DDTHH:MM:SS}, an optional fraction of up to nine digits, then {@code Z}: an instant in UTC as
   * {@link Instant#toString()} writes one of the years 0000 to 9999. No leap second, no hour 24, no offset.
   */
  private static final DateTimeFormatter INSTANT = new DateTimeFormatterBuilder()
      .append(DAY).appendLiteral('T')
      .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
      .appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendLiteral(':')
      .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
      .appendLiteral('Z')
      .toFormatter(Locale.ROOT).withChronology(IsoChronology.INSTANCE).withResolverStyle(ResolverStyle.STRICT);

  /** What {@link #INSTANT} refuses, in its words. */
  private static final String INSTANT_FORM = "instant YYYY-MM-DDTHH:MM:SSZ (ISO-8601, UTC)";

  /** The digits and dashes of a day, any year: to say what is wrong with a value of that shape. */
  private static final Pattern DAY_SHAPE = Pattern.compile("([+-]?)(\\p{Nd}+)-(\\p{Nd}{1,2})-(\\p{Nd}{1,2})");
  private static final Pattern MONTH_SHAPE = Pattern.compile("([+-]?)(\\p{Nd}+)-(\\p{Nd}{1,2})");

  private Dates() {}

  /**
   * {@code text} as a day written {@code YYYY-MM-DD}; otherwise an {@link InvalidInputException} naming {@code field}
   * and saying what is wrong ({@code '2026-02-30' is not a valid date YYYY-MM-DD: February 2026 has days 01 to 28}).
   */
  public static LocalDate day(String field, String text) {
    try {
      return LocalDate.parse(text, DAY);
    } catch (DateTimeException e) {
      throw new InvalidInputException(field, reason(text, "date YYYY-MM-DD", DAY_SHAPE));
    }
  }

  /**
   * {@code text} as a month written {@code YYYY-MM}; otherwise an {@link InvalidInputException} naming
   * {@code field}.
   */
  public static YearMonth month(String field, String text) {
    try {
      return YearMonth.parse(text, MONTH);
    } catch (DateTimeException e) {
      throw new InvalidInputException(field, reason(text, "month YYYY-MM", MONTH_SHAPE));
    }
  }

  /**
   * {@code text} as an instant written ISO-8601 in UTC with four digits of year, {@code 2026-12-04T06:00:00Z} (a
   * fraction of a second allowed, {@code 2026-12-04T06:00:00.123Z}); otherwise an {@link InvalidInputException} naming
   * {@code field}. {@link Instant#parse} took an expanded year ({@code +12026-…}, {@code -0001-…}), an offset
   * ({@code …+08:00}, read as another instant), a lower-case {@code t} or {@code z}, a leap second (read as the second
   * before) and the hour 24 (read as the next day's midnight), so a time read back was not the one written.
   */
  public static Instant instant(String field, String text) {
    try {
      return LocalDateTime.parse(text, INSTANT).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      throw new InvalidInputException(field, instantReason(text));
    }
  }

  /** An offset from UTC at the end of an instant, {@code +08:00} or {@code -0500}. */
  private static final Pattern OFFSET = Pattern.compile("T[0-9:.]+[+-][0-9:]+$");

  /** Why {@code text} is not an {@link #INSTANT}: a year that is not four digits, an offset, or only that. */
  private static String instantReason(String text) {
    String refused = "'" + Problem.excerpt(text) + "' is not a valid " + INSTANT_FORM;
    int t = text.indexOf('T');
    Matcher day = DAY_SHAPE.matcher(t < 0 ? "" : text.substring(0, t));
    if (day.matches() && text.chars().allMatch(c -> c < 0x80)
        && (!day.group(1).isEmpty() || day.group(2).length() != 4)) {
      return refused + ": the year is four digits without a sign";
    }
    return OFFSET.matcher(text).find() ? refused + ": write it in UTC, ending in Z" : refused;
  }

  /**
   * The problem with {@code time} as field {@code field} of a record fenqi writes, or empty: an instant before the
   * year 0000 or after 9999 has no form {@link #instant} reads back ({@link Instant#toString()} writes
   * {@code +12026-…}).
   */
  public static Optional<Problem> outOfRange(String field, @Nullable Instant time) {
    return time == null || !time.isBefore(FIRST_INSTANT) && time.isBefore(AFTER_LAST_INSTANT) ? Optional.empty()
        : Optional.of(Problem.of(field, time + " is outside the years 0000 to 9999, which an "
            + INSTANT_FORM + " can write"));
  }

  private static final Instant FIRST_INSTANT = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant AFTER_LAST_INSTANT = Instant.parse("+10000-01-01T00:00:00Z");

  /**
   * The problem with {@code date} as field {@code field} of a record fenqi writes as JSON, or empty: a date beyond the
   * years 0000 to 9999, built in code ({@code LocalDate.MAX} for "no end"), has no {@code YYYY-MM-DD} form, so what
   * was written of it could not be read back.
   */
  public static Optional<Problem> outOfRange(String field, @Nullable LocalDate date) {
    return date == null || date.getYear() >= 0 && date.getYear() <= 9999 ? Optional.empty()
        : Optional.of(Problem.of(field,
            date + " is outside the years 0000 to 9999, which a date YYYY-MM-DD can write"));
  }

  /** Why {@code text} is not a {@code expected}: the part at fault when it has the shape of one, else only that. */
  private static String reason(String text, String expected, Pattern shape) {
    String refused = "'" + Problem.excerpt(text) + "' is not a valid " + expected;
    if (!text.equals(text.strip())) {
      return refused + ": it has spaces around it";
    }
    Matcher m = shape.matcher(text);
    if (!m.matches()) {
      return refused;
    }
    if (!text.chars().allMatch(c -> c < 0x80)) {
      return refused + ": write its digits as ASCII 0-9, not full-width or other digits";
    }
    if (!m.group(1).isEmpty() || m.group(2).length() != 4) {
      return refused + ": the year is four digits without a sign";
    }
    int month = Integer.parseInt(m.group(3));
    if (month < 1 || month > 12) {
      return refused + ": there is no month " + month;
    }
    boolean hasDay = m.groupCount() == 4;
    if (m.group(3).length() != 2 || hasDay && m.group(4).length() != 2) {
      return refused + (hasDay ? ": the month and the day take two digits each" : ": the month takes two digits");
    }
    YearMonth yearMonth = YearMonth.of(Integer.parseInt(m.group(2)), month);
    return refused + ": " + yearMonth.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
        + yearMonth.getYear() + " has days 01 to " + yearMonth.lengthOfMonth();
  }
}
