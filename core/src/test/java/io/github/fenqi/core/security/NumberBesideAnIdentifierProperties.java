package io.github.fenqi.core.security;

import static io.github.fenqi.core.testkit.RandomIdentifiers.digits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * A card or an ID number written the usual ways (in fours, 6-8-4) with a number beside it (an amount, a count, a day),
 * set apart as the groups are or otherwise, shows none of the characters its own mask hides. A run of more digits than
 * an identifier has is split into the identifiers written within it, and where two readings covered as many digits
 * the later one was taken: {@code 6222 0212 3456 7890 2000元} came out {@code 6222 021234******2000元}, a card
 * {@code 0212 3456 7890 2000} that showed the card's {@code 1234}.
 */
class NumberBesideAnIdentifierProperties {
  private static final String[] SEPARATORS = {" ", "-", "\u3000", " - "};
  private static final String[] APART = {" ", "\u3000", "-", "\t"};
  private final Masking masking = Masking.defaults();

  @Property(tries = 3000)
  void anIdentifierBesideANumberShowsNoneOfItsHiddenCharacters(@ForAll long seed) {
    Random random = new Random(seed);
    boolean card = random.nextBoolean();
    String identifier = card ? (2 + random.nextInt(5)) + digits(random, 15 + random.nextInt(4))
        : "110105" + (1950 + random.nextInt(60)) + "0" + (1 + random.nextInt(9)) + (10 + random.nextInt(18))
        + digits(random, 3) + (random.nextBoolean() ? "X" : digits(random, 1));
    int head = card && identifier.length() != 18 ? 6 : 3;
    List<String> groups = new ArrayList<>();
    for (int at = 0, k = 0; at < identifier.length(); k++) {
      int width = Math.min(card ? 4 : new int[] {6, 8, 4}[k], identifier.length() - at);
      groups.add(identifier.substring(at, at + width));
      at += width;
    }
    String number = String.valueOf(1 + random.nextInt(random.nextBoolean() ? 9 : 999_999));
    String separator = SEPARATORS[random.nextInt(SEPARATORS.length)];
    String apart = random.nextBoolean() ? separator : APART[random.nextInt(APART.length)];
    boolean numberFirst = random.nextBoolean();
    String written = String.join(separator, groups);
    // a mobile's three digits before a card's first two groups, set apart the same way, are a mobile written 3-4-4
    // (169 6991 3336 0029 4865): that reading is taken first, and the card's middle beyond it shows, as the module
    // README says; left out here
    Assume.that(!(card && numberFirst && apart.equals(separator) && number.matches("1[3-9][0-9]")));
    assertOwnMaskHides(identifier, head, written, number, apart, numberFirst);
  }

  private void assertOwnMaskHides(String identifier, int head, String written, String number, String apart,
      boolean numberFirst) {
    String text = "卡号" + (numberFirst ? number + apart + written : written + apart + number) + "元，谢谢。";
    String redacted = masking.redact(text);
    assertEquals(redacted, masking.redact(redacted), text + " redacted again");
    String shown = redacted.replaceAll("[^0-9Xx*]", "");
    assertEquals(number.length() + identifier.length(), shown.length(), text + " -> " + redacted);
    String own = shown.substring(numberFirst ? number.length() : 0).substring(0, identifier.length());
    for (int k = head; k < identifier.length() - 4; k++) {
      assertTrue(own.charAt(k) == '*', text + " -> " + redacted + ": character " + k + " of " + identifier);
    }
  }
}
