package io.github.fenqi.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Identifiers written the ways people write them, side by side in a note: each comes out masked as itself, whatever
 * separates its digit groups and whatever separates it from the next. Before, two identifiers a space apart made
 * one run of digits that was no identifier and both were left whole; a mobile after a card in groups of four lost
 * its first group to the card and showed the other eight digits.
 */
class RedactionProperties {
  private static final String[] SEPARATORS = {" ", "\u3000", "-", "\u2013", " - ", "\uFF0D", "\u200B", "\u00A0"};
  private static final String[] BETWEEN = {" ", "\u3000", "-", "，", "和", "; "};
  private final Masking masking = Masking.defaults();

  private enum Kind { MOBILE, ID_NUMBER, CARD_16, CARD_19 }

  /** An identifier as written, masked, and the separator between its groups ("" when written in one piece). */
  private record Written(String text, String masked, String separator) {}

  @Property(tries = 3000)
  void everyIdentifierInANoteIsMaskedAsItself(@ForAll @IntRange(min = 1, max = 4) int count,
      @ForAll long seed) {
    Random random = new Random(seed);
    StringBuilder note = new StringBuilder("联系我：");
    StringBuilder expected = new StringBuilder("联系我：");
    Written previous = null;
    List<Integer> starts = new ArrayList<>(); // where each identifier's digits start among the note's
    for (int k = 0; k < count; k++) {
      Written w = write(Kind.values()[random.nextInt(Kind.values().length)], random);
      if (previous != null) {
        // What sets two identifiers apart differs from how either is grouped: with one separator for everything,
        // 6294 3212 6699 1802 118 6257 1285 7609 0272 is as much a card of 16, a mobile and more as two cards.
        String between;
        do {
          between = BETWEEN[random.nextInt(BETWEEN.length)];
        } while (between.equals(previous.separator()) || between.equals(w.separator()));
        note.append(between);
        expected.append(between);
      }
      starts.add(note.toString().replaceAll("[^0-9]", "").length());
      note.append(w.text());
      expected.append(w.masked());
      previous = w;
    }
    note.append("。");
    expected.append("。");
    String want = withoutSeparators(expected.toString());
    String got = withoutSeparators(masking.redact(note.toString()));
    if (!mobileShapedAtAGroupStart(note.toString(), starts)) {
      assertEquals(want, got, note.toString());
      return;
    }
    // eleven digits starting as a mobile where a group starts, across two identifiers (1658　6234760449856041996,
    // an ID number's end and a card), are a mobile written within the run: its middle is hidden too
    assertEquals(want.length(), got.length(), note + " -> " + got);
    for (int k = 0; k < want.length(); k++) {
      assertTrue(got.charAt(k) == want.charAt(k) || got.charAt(k) == '*', note + " -> " + got + ": character " + k);
    }
  }

  /** Whether 11 digits starting as a mobile start where a group of digits starts, at no identifier's start. */
  private static boolean mobileShapedAtAGroupStart(String note, List<Integer> identifierStarts) {
    String digits = note.replaceAll("[^0-9]", "");
    for (int k = 0, d = 0; k < note.length(); k++) {
      if (Character.isDigit(note.charAt(k))) {
        boolean groupStart = k == 0 || !Character.isDigit(note.charAt(k - 1));
        if (groupStart && !identifierStarts.contains(d) && d + 11 <= digits.length() && digits.charAt(d) == '1'
            && digits.charAt(d + 1) >= '3') {
          return true;
        }
        d++;
      }
    }
    return false;
  }

  private Written write(Kind kind, Random random) {
    String digits = switch (kind) {
      case MOBILE -> "1" + (3 + random.nextInt(7)) + digits(random, 9);
      case ID_NUMBER -> (1 + random.nextInt(6)) + digits(random, 16) + (random.nextInt(4) == 0 ? "X" : random.nextInt(10));
      case CARD_16 -> "62" + digits(random, 14);
      case CARD_19 -> "62" + digits(random, 17);
    };
    String masked = switch (kind) {
      case MOBILE -> masking.mobile(digits);
      case ID_NUMBER -> masking.idNumber(digits);
      case CARD_16, CARD_19 -> masking.bankCard(digits);
    };
    if (random.nextBoolean()) {
      return new Written(digits, masked, "");
    }
    int[] widths = switch (kind) {
      case MOBILE -> new int[] {3, 4, 4};
      case ID_NUMBER -> new int[] {6, 8, 4};
      case CARD_16 -> new int[] {4, 4, 4, 4};
      case CARD_19 -> new int[] {4, 4, 4, 4, 3};
    };
    String separator = SEPARATORS[random.nextInt(SEPARATORS.length)];
    List<String> groups = new ArrayList<>();
    int at = 0;
    for (int w : widths) {
      groups.add(digits.substring(at, at + w));
      at += w;
    }
    return new Written(String.join(separator, groups), masked, separator);
  }

  private static String digits(Random random, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(random.nextInt(10));
    }
    return b.toString();
  }

  /**
   * A UUID — a submission id in an audit subject — comes out as it went in, however many of its groups are digits,
   * while a card or mobile beside it is still masked. About one random UUID in a hundred has middle groups of digits
   * only (ff74d650-0791-4011-9487-…), which had been masked as a 12-digit card: the REST service's audit entries
   * then no longer named their submission. Groups of digits are drawn far more often here than at random.
   */
  @Property(tries = 3000)
  void aUuidIsNoIdentifierAndWhatFollowsItIsStillMasked(@ForAll long seed) {
    Random random = new Random(seed);
    int[] lengths = {8, 4, 4, 4, 12};
    StringBuilder uuid = new StringBuilder();
    for (int g = 0; g < lengths.length; g++) {
      boolean digitsOnly = random.nextInt(3) > 0;
      for (int i = 0; i < lengths[g]; i++) {
        uuid.append(digitsOnly ? (char) ('0' + random.nextInt(10)) : "0123456789abcdefABCDEF".charAt(random.nextInt(22)));
      }
      if (g < lengths.length - 1) {
        uuid.append('-');
      }
    }
    String id = uuid.toString();
    assertEquals("submission/" + id, masking.redact("submission/" + id));
    String card = "6222021234567890123";
    String note = "id " + id + "，卡号 " + card;
    String redacted = masking.redact(note);
    assertTrue(redacted.startsWith("id " + id + "，卡号 "), redacted);
    assertEquals(masking.bankCard(card), redacted.substring(("id " + id + "，卡号 ").length()), redacted);
  }

  /** A run that starts in a UUID's last group and goes on past its end is masked: an id is no way to slip a card by. */
  @Property(tries = 200)
  void digitsRunningOnPastAUuidAreMasked(@ForAll @IntRange(min = 0, max = 999_999) int tail) {
    String id = "ff74d650-0791-4011-9487-" + String.format("%012d", tail);
    String redacted = masking.redact(id + " 6222 0212 3456 7890");
    assertTrue(!redacted.contains("3456 7890") && !redacted.contains("34567890"), redacted);
  }

  private static final String[] COUNTRY_CODES = {"", "", "+86", "86", "0086", "＋86", "(+86)", "（+86）", "+86 ", "86-",
      "+86-", "0086 ", "+86\u3000", "+86.", "86 "};
  private static final String[] MOBILE_SEPARATORS = {"", " ", "-", ".", "/", "·", "\u3000", "\uFF0D", "\u00A0",
      "\u2013", " - ", "．", "／", "\u200B"};
  private static final String[] BEFORE = {"", "电话", "手机：", "tel ", "Tel:", "，", "金额12,345.67元，", "日期2026-11-30 ",
      "“", "(", "【", "ok "};
  private static final String[] AFTER = {"", "。", "，", "号", " ok", "）", "】", "”", " 2026-11-30", "，金额12,345.67元",
      " 谢谢"};

  /**
   * No mobile survives redaction, written in one piece, 3-4-4 or with its first three digits in brackets, with any
   * separator, after China's country code or not, in full width or not, among words, amounts and dates: its middle
   * four digits are hidden, as {@link Masking#mobile} hides them. Before, {@code 86(138)1234-5678},
   * {@code +86.138.1234.5678} and {@code (151)9822 - 9528} went out in clear.
   */
  @Property(tries = 5000)
  void noMobileSurvivesRedactionInAnySurroundingText(@ForAll long seed) {
    Random random = new Random(seed);
    String mobile = "1" + (3 + random.nextInt(7)) + digits(random, 9);
    String separator = MOBILE_SEPARATORS[random.nextInt(MOBILE_SEPARATORS.length)];
    String written = switch (random.nextInt(3)) {
      case 0 -> mobile;
      case 1 -> mobile.substring(0, 3) + separator + mobile.substring(3, 7) + separator + mobile.substring(7);
      default -> (random.nextBoolean() ? "(" : "（") + mobile.substring(0, 3) + (random.nextBoolean() ? ")" : "）")
          + mobile.substring(3, 7) + separator + mobile.substring(7);
    };
    String text = BEFORE[random.nextInt(BEFORE.length)] + COUNTRY_CODES[random.nextInt(COUNTRY_CODES.length)] + written
        + AFTER[random.nextInt(AFTER.length)];
    if (random.nextInt(3) == 0) {
      text = fullWidthDigits(text);
    }
    String redacted = masking.redact(text);
    String shown = Masking.asciiDigits(redacted).replaceAll("[^0-9*]", "");
    assertTrue(shown.contains(masking.mobile(mobile)) && !shown.contains(mobile), text + " -> " + redacted);
  }

  /**
   * China's country code written apart from a mobile keeps what sets it apart, whatever the mobile's grouping and the
   * text around it: {@code +86 138 1234 5678} had come out {@code +86138****5678}, the code run into the number.
   */
  @Property(tries = 2000)
  void aCountryCodeWrittenApartStaysApart(@ForAll long seed) {
    Random random = new Random(seed);
    String mobile = "1" + (3 + random.nextInt(7)) + digits(random, 9);
    String code = new String[] {"+86", "86", "0086", "＋86"}[random.nextInt(4)];
    String apart = new String[] {" ", "-", "\u3000", " - ", "\u00A0"}[random.nextInt(5)];
    String separator = new String[] {"", " ", "-"}[random.nextInt(3)];
    String written = mobile.substring(0, 3) + separator + mobile.substring(3, 7) + separator + mobile.substring(7);
    String before = new String[] {"", "电话", "手机：", "tel ", "，", "(", "【"}[random.nextInt(7)];
    String after = new String[] {"", "。", "，", " ok", "）", "】", " 谢谢"}[random.nextInt(7)];
    String redacted = masking.redact(before + code + apart + written + after);
    assertEquals(before + code + apart + masking.mobile(mobile) + after, redacted);
  }

  private static final String[] RUN_SEPARATORS = {" ", "-", " - ", "\u3000", "\u00A0", "\uFF0D", "\u200B", "\u2013"};

  /**
   * A mobile written anywhere in a run of digit groups — after groups of any widths, cut into pieces anywhere (one
   * separator between them), with groups after it — shows none of the four middle digits its own mask hides,
   * where they were written: {@code 12 1 3812345678} had been one card that showed the mobile's fourth digit, and
   * {@code 4444 4444 4444 1381 2345678} a card and seven digits left as they were.
   */
  @Property(tries = 5000)
  void aMobileAnywhereInARunNeverShowsItsHiddenDigits(@ForAll long seed) {
    Random random = new Random(seed);
    String mobile = "1" + (3 + random.nextInt(7)) + digits(random, 9);
    List<String> groups = new ArrayList<>();
    for (int k = random.nextInt(5); k > 0; k--) {
      groups.add(digits(random, 1 + random.nextInt(8)));
    }
    int before = String.join("", groups).length();
    int first = groups.size();
    for (int at = 0; at < mobile.length(); ) {
      int width = 1 + random.nextInt(mobile.length() - at);
      groups.add(mobile.substring(at, at + width));
      at += width;
    }
    int last = groups.size() - 1;
    for (int k = random.nextInt(5); k > 0; k--) {
      groups.add(digits(random, 1 + random.nextInt(8)));
    }
    String within = RUN_SEPARATORS[random.nextInt(RUN_SEPARATORS.length)]; // one mobile is written one way
    StringBuilder run = new StringBuilder(groups.get(0));
    for (int k = 1; k < groups.size(); k++) {
      run.append(k > first && k <= last ? within : RUN_SEPARATORS[random.nextInt(RUN_SEPARATORS.length)])
          .append(groups.get(k));
    }
    String text = "备注：" + run + "。";
    String redacted = masking.redact(text);
    String shown = redacted.replaceAll("[^0-9*]", "");
    assertEquals(String.join("", groups).length(), shown.length(), text + " -> " + redacted);
    assertEquals("****", shown.substring(before + 3, before + 7), text + " -> " + redacted);
  }

  private static final String[] GROUP_SEPARATORS =
      {" ", "-", ".", "/", " - ", "\u3000", "．", "／", "\uFF0D", "·", "・"};

  /**
   * No card survives redaction: 16 to 19 digits, Luhn-valid or not, in groups of any widths with a space, a dash, a
   * dot or a slash between them (one of them throughout), among words, amounts and dates: every digit but the first
   * six and the last four is hidden (an 18-digit one is masked as an ID number, which shows fewer). Before,
   * {@code 6222.0212.3456.7890} and {@code 6222/0212/3456/7890} went out in clear, and so did
   * {@code 6222·0212·3456·7890} with middle dots (as an input method types a dot between numbers) until they were taken
   * as a mobile's are. Not drawn: a card with one dot, as a number with one dot is a decimal and kept as written.
   */
  @Property(tries = 5000)
  void noCardSurvivesRedactionHoweverGrouped(@ForAll long seed) {
    Random random = new Random(seed);
    int length = 16 + random.nextInt(4);
    String card = (2 + random.nextInt(5)) + digits(random, length - 1);
    if (random.nextBoolean()) {
      card = card.substring(0, length - 1) + luhnCheckDigit(card.substring(0, length - 1));
    }
    assertOnlyEndsShown(card, 6, 4, random);
  }

  /**
   * No ID number survives redaction: 18 characters (a province, a region, a birth date, a sequence, a check
   * character right or wrong, perhaps an X), grouped and set among words as a card is in
   * {@link #noCardSurvivesRedactionHoweverGrouped}: every character but the first three and the last four is hidden.
   * Before, {@code 110105/19900307/123X} and {@code 1101.0519.9003.0712.3X} went out in clear.
   */
  @Property(tries = 5000)
  void noIdNumberSurvivesRedactionHoweverGrouped(@ForAll long seed) {
    Random random = new Random(seed);
    String[] provinces = {"11", "13", "14", "15", "23", "37", "44", "50", "65", "81"};
    LocalDate born = LocalDate.of(1900, 1, 1).plusDays(random.nextInt(200 * 365));
    String first17 = provinces[random.nextInt(provinces.length)] + digits(random, 4)
        + born.format(DateTimeFormatter.BASIC_ISO_DATE) + digits(random, 3);
    String id = first17 + (random.nextBoolean() ? IdentityValidation.checkDigit(first17)
        : random.nextInt(4) == 0 ? 'X' : (char) ('0' + random.nextInt(10)));
    assertOnlyEndsShown(id, 3, 4, random);
  }

  /** {@code identifier} written in random groups amid random words comes out showing at most its ends. */
  private void assertOnlyEndsShown(String identifier, int head, int tail, Random random) {
    String separator = GROUP_SEPARATORS[random.nextInt(GROUP_SEPARATORS.length)];
    List<String> groups;
    do {
      groups = new ArrayList<>();
      for (int at = 0; at < identifier.length(); ) {
        int width = 1 + random.nextInt(Math.min(8, identifier.length() - at));
        groups.add(identifier.substring(at, at + width));
        at += width;
      }
    } while (groups.size() == 2 && (separator.equals(".") || separator.equals("．")));
    String before = BEFORE[random.nextInt(BEFORE.length)];
    String after = AFTER[random.nextInt(AFTER.length)];
    String text = before + String.join(separator, groups) + after;
    String redacted = masking.redact(text);
    assertTrue(redacted.startsWith(before) && redacted.endsWith(after), text + " -> " + redacted);
    String shown = redacted.substring(before.length(), redacted.length() - after.length()).replaceAll("[^0-9Xx*]", "");
    assertEquals(identifier.length(), shown.length(), text + " -> " + redacted);
    for (int k = 0; k < shown.length(); k++) {
      boolean visible = k < head || k >= identifier.length() - tail;
      char c = shown.charAt(k);
      assertTrue(c == '*' || visible && c == identifier.charAt(k), text + " -> " + redacted + ": character " + k);
    }
  }

  private static int luhnCheckDigit(String payload) {
    int sum = 0;
    for (int i = payload.length() - 1, doubled = 1; i >= 0; i--, doubled ^= 1) {
      int d = (payload.charAt(i) - '0') * (doubled + 1);
      sum += d > 9 ? d - 9 : d;
    }
    return (10 - sum % 10) % 10;
  }

  private static String fullWidthDigits(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      out.append(c >= '0' && c <= '9' ? (char) ('\uFF10' + (c - '0')) : c);
    }
    return out.toString();
  }

  private static String withoutSeparators(String s) {
    return s.replaceAll("[ \u3000\\-\u2013\uFF0D\u200B\u00A0]", "");
  }
}
