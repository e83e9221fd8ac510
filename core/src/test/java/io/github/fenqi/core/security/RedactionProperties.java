package io.github.fenqi.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

  private static String withoutSeparators(String s) {
    return s.replaceAll("[ \u3000\\-\u2013\uFF0D\u200B\u00A0]", "");
  }
}
