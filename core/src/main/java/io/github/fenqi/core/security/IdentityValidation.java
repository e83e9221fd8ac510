package io.github.fenqi.core.security;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.NegotiationEngine;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.TextFields;
import io.github.fenqi.core.borrower.Borrower;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks personal identifiers before fenqi accepts them: the 18-character mainland resident ID number (GB 11643
 * check digit, a province-level region code in its first two digits, a real birth date between 1900-01-01 and today),
 * bank card numbers (12–19 digits, Luhn) and
 * mainland mobile numbers ({@code 1[3-9]} and 9 more digits). Every problem names the field; rejected values
 * appear only masked, and a value holding an invisible or control character not at all (the character is named).
 *
 * <p>Thread-safety: immutable and thread-safe.
 */
public final class IdentityValidation {
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK_CHARS = "10X98765432";
  private static final Pattern ID_SHAPE = Pattern.compile("\\d{17}[0-9Xx]");
  private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
  private static final Pattern CARD = Pattern.compile("\\d{12,19}");
  /**
   * The first two digits of an ID number: a province-level code of GB/T 2260 where resident IDs are issued (11–15,
   * 21–23, 31–37, 41–46, 50–54, 61–65), or 81, 82, 83, which the residence permits of Hong Kong, Macao and Taiwan
   * residents (港澳台居民居住证) carry in place of a region (810000, 820000, 830000). Taiwan's GB/T 2260 code, 71, is
   * not among them: no resident ID or permit is issued under it (a Taiwan resident's permit starts 83). Without this
   * check {@code 001234199001011234}, whose check digit is right, was taken for an ID number.
   */
  static final String PROVINCES = "11-15, 21-23, 31-37, 41-46, 50-54, 61-65, or 81-83 for the residence permits of "
      + "Hong Kong, Macao and Taiwan residents";
  private static final Pattern PROVINCE = Pattern.compile("1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|8[1-3]");

  private final Clock clock;
  private final Masking masking;

  private IdentityValidation(Clock clock, Masking masking) {
    this.clock = clock;
    this.masking = masking;
  }

  /**
   * Validation against today's date in China ({@link NegotiationEngine#CASE_ZONE}): a resident ID's
   * birth date is a date in China, whatever the server's zone.
   */
  public static IdentityValidation system() {
    return new IdentityValidation(Clock.system(NegotiationEngine.CASE_ZONE), Masking.defaults());
  }

  /** Validation against {@code clock}'s date (tests, or a case's application date). */
  public static IdentityValidation withClock(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    return new IdentityValidation(clock, Masking.defaults());
  }

  /** A problem with {@code value} as an ID number in field {@code field}, or empty when it is valid. */
  public Optional<Problem> checkIdNumber(String field, String value) {
    String v = value.strip();
    if (!ID_SHAPE.matcher(v).matches()) {
      return unseen(field, v).or(() -> problem(field, "'" + masking.idNumber(v) + "' is not an 18-character ID number "
          + "(17 digits and a digit or X)" + hint(v)));
    }
    char expected = checkDigit(v);
    if (Character.toUpperCase(v.charAt(17)) != expected) {
      return problem(field, "'" + masking.idNumber(v) + "' has a wrong check digit (GB 11643)");
    }
    if (!PROVINCE.matcher(v.substring(0, 2)).matches()) {
      return problem(field, "'" + masking.idNumber(v) + "' starts with " + v.substring(0, 2) + ", which is no "
          + "province-level region code (GB/T 2260: " + PROVINCES + ")");
    }
    LocalDate birth;
    try {
      birth = LocalDate.of(Integer.parseInt(v.substring(6, 10)), Integer.parseInt(v.substring(10, 12)),
          Integer.parseInt(v.substring(12, 14)));
    } catch (DateTimeException e) {
      return problem(field, "'" + masking.idNumber(v) + "' has no valid birth date in characters 7-14");
    }
    if (birth.getYear() < 1900 || birth.isAfter(LocalDate.now(clock))) {
      return problem(field, "'" + masking.idNumber(v) + "' has an implausible birth year " + birth.getYear()
          + " (expected 1900 to today)");
    }
    return Optional.empty();
  }

  /** A problem with {@code value} as a bank card number (spaces and dashes allowed), or empty when it is valid. */
  public Optional<Problem> checkBankCard(String field, String value) {
    StringBuilder kept = new StringBuilder(value.length());
    value.codePoints().filter(c -> !isVisibleSeparator(c)).forEach(kept::appendCodePoint);
    String digits = kept.toString();
    if (!CARD.matcher(digits).matches()) {
      return unseen(field, digits).or(() -> problem(field, "'" + maskedAsRead(digits) + "' is not a card number of "
          + "12 to 19 digits" + hint(digits)));
    }
    if (!luhn(digits)) {
      return problem(field, "'" + maskedAsRead(digits) + "' fails the Luhn check (mistyped digit?)");
    }
    return Optional.empty();
  }

  /**
   * A value refused as a card number, masked as the identifier it reads as: an ID number's shape (18 characters, or
   * 15 digits that read as a first-generation one) as an ID number, fewer than 12 characters (a mobile or a landline
   * typed into a card field) as a mobile, first 3 and last 4, anything else as a card. Masked as a card, first 6 and
   * last 4, a mobile had shown ten of its eleven digits, {@code '138001*8000'}, and an ID number its whole region code,
   * {@code '110105********1234'}.
   */
  private String maskedAsRead(String digits) {
    String ascii = Masking.asciiDigits(digits);
    if (ID_SHAPE.matcher(ascii).matches() || isFirstGenerationId(ascii)) {
      return masking.idNumber(digits);
    }
    return ascii.length() < 12 ? masking.mobile(digits) : masking.bankCard(digits);
  }

  /** A problem with {@code value} as a mainland mobile number, or empty when it is valid. */
  public Optional<Problem> checkMobile(String field, String value) {
    String stripped = value.strip();
    String v = stripped.startsWith("+86") ? stripped.substring(3).strip() : stripped;
    if (!MOBILE.matcher(v).matches()) {
      return unseen(field, v).or(() -> problem(field, "'" + masking.mobile(v) + "' is not a mainland mobile number (11 "
          + "digits, 1[3-9]...)" + hint(v)));
    }
    return Optional.empty();
  }

  /**
   * Every problem with a borrower's identifiers (those present), fields prefixed by {@code path}
   * (e.g. {@code "borrower"} gives {@code borrower.idNumber}).
   */
  public List<Problem> check(String path, Borrower borrower) {
    List<Problem> problems = new ArrayList<>();
    String prefix = path.isEmpty() ? "" : path + ".";
    if (borrower.idNumber() != null) {
      checkIdNumber(prefix + "idNumber", borrower.idNumber()).ifPresent(problems::add);
    }
    if (borrower.mobile() != null) {
      checkMobile(prefix + "mobile", borrower.mobile()).ifPresent(problems::add);
    }
    return problems;
  }

  /** Throws {@link InvalidInputException} with every problem of {@link #check}; for the engine's door. */
  public void requireValid(String path, Borrower borrower) {
    List<Problem> problems = check(path, borrower);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  /**
   * The first invisible or control character of {@code v} ({@link TextFields}), named by code and position; empty when
   * there is none. A rejected value is echoed masked, and masking keeps its ends: an ID number ending in a right-to-left
   * override and "30" was answered with the override inside the message, which reversed what followed it on screen.
   */
  private static Optional<Problem> unseen(String field, String v) {
    return v.isBlank() ? Optional.empty() : TextFields.check(field, v, Integer.MAX_VALUE);
  }

  /**
   * Why a value that looks right is refused, when the reason is how it is written: full-width digits (an input
   * method's), or spaces and dashes where the identifier is stored as written (a bank card's are allowed).
   */
  private static String hint(String v) {
    if (v.chars().anyMatch(c -> c >= '０' && c <= '９')) {
      return "; write the digits 0-9 (these are full-width)";
    }
    if (v.codePoints().anyMatch(IdentityValidation::isVisibleSeparator)) {
      return "; write it without spaces or dashes";
    }
    return "";
  }

  /** A space or a dash, as {@link BlindIndex} removes them; invisible characters are refused ({@link #unseen}). */
  private static boolean isVisibleSeparator(int c) {
    return BlindIndex.isSeparator(c) && Character.getType(c) != Character.FORMAT;
  }

  /**
   * Whether {@code digits} read as a first-generation (15-digit) resident ID number: a province-level code as
   * {@link #checkIdNumber} takes it, then four more region digits, a real birth date {@code YYMMDD} of the 1900s and
   * three sequence digits. No longer accepted as a borrower's ID ({@link #checkIdNumber} wants the 18-character
   * one), but still found in old records and notes, where {@link Masking#redact} masks it as an ID number.
   */
  static boolean isFirstGenerationId(CharSequence digits) {
    if (digits.length() != 15 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
        || !PROVINCE.matcher(digits.subSequence(0, 2)).matches()) {
      return false;
    }
    String s = digits.toString();
    try {
      LocalDate.of(1900 + Integer.parseInt(s.substring(6, 8)), Integer.parseInt(s.substring(8, 10)),
          Integer.parseInt(s.substring(10, 12)));
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  /**
   * Whether {@code chars} read as an 18-character ID number whatever its check character: 17 digits and a digit or X,
   * a province-level code as {@link #checkIdNumber} takes it and a real birth date {@code YYYYMMDD} of 1900–2099.
   * {@link Masking#redact} masks such a run as an ID number even when its first digits read as a mobile's.
   */
  static boolean readsAsIdNumber(CharSequence chars) {
    if (!ID_SHAPE.matcher(chars).matches() || !PROVINCE.matcher(chars.subSequence(0, 2)).matches()) {
      return false;
    }
    String s = chars.toString();
    int year = Integer.parseInt(s.substring(6, 10));
    try {
      LocalDate.of(year, Integer.parseInt(s.substring(10, 12)), Integer.parseInt(s.substring(12, 14)));
      return year >= 1900 && year <= 2099;
    } catch (DateTimeException e) {
      return false;
    }
  }

  /** The GB 11643 check character of the first 17 digits. */
  static char checkDigit(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK_CHARS.charAt(sum % 11);
  }

  /** Luhn (mod 10) over a digit string. */
  static boolean luhn(String digits) {
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }

  private static Optional<Problem> problem(String field, String reason) {
    return Optional.of(Problem.of(field, reason));
  }
}
