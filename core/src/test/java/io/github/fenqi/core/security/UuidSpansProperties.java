package io.github.fenqi.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@link Masking#redact} finds a text's UUIDs once; it had scanned the whole text for them again for each run of
 * digits, so a note of 2 000 mobiles took seconds. What is masked must not change: the redaction is held to one that
 * asks the straightforward per-run scan below, on text made of UUIDs, digit groups, hexadecimal letters and
 * separators, where runs and UUIDs meet and overlap often.
 */
class UuidSpansProperties {
  private static final Pattern UUID = Pattern.compile("(?<![0-9A-Za-z-])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}"
      + "-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![0-9A-Za-z-])");
  private static final String[] PIECES = {" ", "-", "，", "x", "X", "ab", "@qq.com", "\uFF11", "\u3000", "id "};

  /** The reference: whether some UUID of the whole text holds the run, the text scanned anew for each run. */
  private static boolean scannedWithinUuid(String text, int from, int to) {
    Matcher uuid = UUID.matcher(text);
    while (uuid.find()) {
      if (uuid.start() <= from && to <= uuid.end()) {
        return true;
      }
    }
    return false;
  }

  @Property(tries = 3000)
  void redactionWithUuidsFoundOnceIsTheRedactionWithAScanPerRun(@ForAll long seed) {
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder();
    int pieces = 1 + random.nextInt(12);
    for (int p = 0; p < pieces; p++) {
      switch (random.nextInt(4)) {
        case 0 -> text.append(uuid(random));
        case 1 -> text.append(digits(random, 1 + random.nextInt(19)));
        case 2 -> text.append(digits(random, 4)).append('-').append(digits(random, 4));
        default -> text.append(PIECES[random.nextInt(PIECES.length)]);
      }
    }
    Masking masking = Masking.defaults();
    String note = text.toString();
    assertEquals(masking.redact(note, digits -> (from, to) -> scannedWithinUuid(digits, from, to)),
        masking.redact(note), note);
  }

  private static String uuid(Random random) {
    int[] lengths = {8, 4, 4, 4, 12};
    StringBuilder uuid = new StringBuilder();
    for (int g = 0; g < lengths.length; g++) {
      if (g > 0) {
        uuid.append('-');
      }
      boolean digitsOnly = random.nextInt(3) > 0;
      for (int i = 0; i < lengths[g]; i++) {
        uuid.append(digitsOnly ? (char) ('0' + random.nextInt(10)) : "0123456789abcdefABCDEF".charAt(random.nextInt(22)));
      }
    }
    return uuid.toString();
  }

  private static String digits(Random random, int count) {
    StringBuilder digits = new StringBuilder();
    for (int i = 0; i < count; i++) {
      digits.append((char) ('0' + random.nextInt(10)));
    }
    return digits.toString();
  }
}
