package io.github.fenqi.core.testkit;

import java.util.Random;

/**
 * A borrower's numbers drawn at random, for the tests that put them where they do not belong and check that they do
 * not come back in clear: a mobile (1, 3–9, nine more digits), an ID number of Beijing (a birth date of 1950–2009) or a
 * card of 16–19 digits.
 */
public final class RandomIdentifiers {
  private RandomIdentifiers() {}

  /** A mobile, an ID number or a card, one of the three at random. */
  public static String any(Random random) {
    return switch (random.nextInt(3)) {
      case 0 -> "1" + (3 + random.nextInt(7)) + digits(random, 9);
      case 1 -> "110105" + (1950 + random.nextInt(60)) + "0" + (1 + random.nextInt(9))
          + (10 + random.nextInt(18)) + digits(random, 4);
      default -> "62" + digits(random, 14 + random.nextInt(4));
    };
  }

  /** {@code n} random decimal digits. */
  public static String digits(Random random, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(random.nextInt(10));
    }
    return b.toString();
  }
}
