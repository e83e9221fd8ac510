package io.github.fenqi.core.security;

import static io.github.fenqi.core.testkit.RandomIdentifiers.digits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * An identifier whose digit groups are set apart by a character the eye skips or reads as a space or a dash is still
 * masked: a tab (a spreadsheet's cells pasted into a note), a line break (a number wrapped, or typed on two lines), an
 * invisible format character (a soft hyphen, a bidirectional mark, a word joiner: the number shows whole on screen)
 * or any Unicode dash. {@code 138\t1234\t5678}, {@code 138\u00AD1234\u00AD5678} (shown as 13812345678) and
 * {@code 138\u2E3A1234\u2E3A5678} went out in clear, and {@code 6222 0212 3456\n7890 123} showed 14 of its 19 digits.
 */
class HostileSeparatorsProperties {
  private static final String[] SEPARATORS = {"\t", "\n", "\r\n", " \n", "\u2028", "\u2029", "\u000B", "\u0085",
      "\u00AD", "\u061C", "\u180E", "\u200E", "\u200F", "\u202A", "\u202C", "\u202E", "\u2061", "\u2063", "\u2066",
      "\u2069", "\u1680", "\u058A", "\u2E3A", "\u2E3B", "\u2E40", "\u301C", "\uFE31", "\uFE32", "\uFE58", "\t-\t"};
  private static final String[] BEFORE = {"", "电话", "手机：", "tel ", "卡号\t", "，", "备注：\n", "“", "(", "【"};
  private static final String[] AFTER = {"", "。", "，", "号", " ok", "）", "】", "\n谢谢", "\t共2000元"};

  private enum Kind { MOBILE, ID_NUMBER, CARD }

  @Property(tries = 3000)
  void noIdentifierSurvivesRedactionWithAnyInvisibleOrDashSeparator(@ForAll long seed) {
    Random random = new Random(seed);
    Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
    String identifier = switch (kind) {
      case MOBILE -> "1" + (3 + random.nextInt(7)) + digits(random, 9);
      case ID_NUMBER -> "110105" + (1950 + random.nextInt(60)) + "0" + (1 + random.nextInt(9))
          + (10 + random.nextInt(18)) + digits(random, 3) + (random.nextBoolean() ? "X" : digits(random, 1));
      case CARD -> "62" + digits(random, 14 + random.nextInt(4));
    };
    int head = kind == Kind.CARD ? 6 : 3;
    String separator = SEPARATORS[random.nextInt(SEPARATORS.length)];
    List<String> groups = new ArrayList<>();
    int[] usual = switch (kind) {
      case MOBILE -> new int[] {3, 4, 4};
      case ID_NUMBER -> new int[] {6, 8, 4};
      case CARD -> new int[] {4, 4, 4, 4, 4};
    };
    boolean usualWidths = random.nextBoolean();
    for (int at = 0, k = 0; at < identifier.length(); k++) {
      int width = Math.min(identifier.length() - at, usualWidths ? usual[k] : 1 + random.nextInt(8));
      groups.add(identifier.substring(at, at + width));
      at += width;
    }
    String before = BEFORE[random.nextInt(BEFORE.length)];
    String after = AFTER[random.nextInt(AFTER.length)];
    String text = before + String.join(separator, groups) + after;
    String redacted = Masking.defaults().redact(text);
    String shownText = escaped(text) + " -> " + escaped(redacted);
    assertTrue(redacted.startsWith(before) && redacted.endsWith(after), shownText);
    String shown = redacted.substring(before.length(), redacted.length() - after.length()).replaceAll("[^0-9Xx*]", "");
    assertEquals(identifier.length(), shown.length(), shownText);
    for (int k = 0; k < shown.length(); k++) {
      boolean visible = k < head || k >= identifier.length() - 4;
      char c = shown.charAt(k);
      assertTrue(c == '*' || visible && c == identifier.charAt(k), shownText + ": character " + k);
    }
  }

  /** Masking stays idempotent with these separators: a redacted note redacted again says the same. */
  @Property(tries = 2000)
  void redactingANoteWithSuchSeparatorsTwiceChangesNothing(@ForAll long seed) {
    Random random = new Random(seed);
    StringBuilder note = new StringBuilder("备注：");
    for (int k = 1 + random.nextInt(6); k > 0; k--) {
      note.append(digits(random, 1 + random.nextInt(12))).append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
    }
    Masking masking = Masking.defaults();
    String once = masking.redact(note.toString());
    assertEquals(once, masking.redact(once), escaped(note.toString()));
  }


  /** {@code s} with every character outside printable ASCII and CJK written as its code, for a readable failure. */
  private static String escaped(String s) {
    StringBuilder out = new StringBuilder();
    s.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7F || c >= 0x4E00 && c <= 0x9FFF || c >= 0xFF01 && c <= 0xFF5E
        || c == '：' || c == '，' || c == '。' || c == '“' || c == '（' || c == '）' || c == '【' || c == '】'
        ? String.valueOf((char) c) : String.format("\\u%04X", c)));
    return out.toString();
  }
}
