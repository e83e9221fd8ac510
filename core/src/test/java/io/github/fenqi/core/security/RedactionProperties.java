package io.github.fenqi.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
      note.append(w.text());
      expected.append(w.masked());
      previous = w;
    }
    note.append("。");
    expected.append("。");
    assertEquals(withoutSeparators(expected.toString()), withoutSeparators(masking.redact(note.toString())),
        note.toString());
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
    String shown = Masking.halfWidthDigits(redacted).replaceAll("[^0-9*]", "");
    assertTrue(shown.contains(masking.mobile(mobile)) && !shown.contains(mobile), text + " -> " + redacted);
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
