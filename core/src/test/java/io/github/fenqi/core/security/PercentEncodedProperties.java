package io.github.fenqi.core.security;

import static io.github.fenqi.core.testkit.RandomIdentifiers.digits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * An identifier right after a percent-encoded character, as a URL or a form body in a log line writes it
 * ({@code phone%3D13812345678}, {@code tel%3A%2B8613812345678}, {@code id%3D11010519900307123X}), is masked: the
 * escape's last hex digit, a letter or a digit, had been taken for part of a word or of the number, and these went
 * out in clear, and so did {@code q%226236551122297826954}, the escape's {@code 22} run into the card.
 */
class PercentEncodedProperties {
  private static final String[] ESCAPES = {"%3D", "%3d", "%3A", "%2B", "%2C", "%3B", "%7C", "%2F", "%22", "%27", "%20",
      "%28"};
  private static final String[] AFTER = {"", "%26x%3D1", "&x=1", "%22", " HTTP/1.1", "%2C"};
  private final Masking masking = Masking.defaults();

  @Property(tries = 2000)
  void anIdentifierAfterAPercentEscapeIsMasked(@ForAll long seed) {
    Random random = new Random(seed);
    int kind = random.nextInt(3);
    String identifier = identifier(kind, random);
    String escape = ESCAPES[random.nextInt(ESCAPES.length)];
    String before = "GET /api?" + (random.nextBoolean() ? "q=phone" : "body=id") + escape
        + (kind == 0 && random.nextBoolean() ? "%2B86" : ""); // China's country code, before a mobile
    String text = before + identifier + AFTER[random.nextInt(AFTER.length)];
    String redacted = masking.redact(text);
    // after the part before it: a country code's 86 and a mobile's 192 showed 6192, which may be its hidden middle;
    // and outside the masked form, whose visible ends may repeat it (187 5977 5977 is shown 187****5977)
    String after = redacted.substring(before.length()).replace(masking.redact(identifier), "#");
    assertTrue(redacted.startsWith(before) && !after.contains(identifier.substring(3, identifier.length() - 4)),
        text + " -> " + redacted);
  }

  @Example
  void aMobileWhoseMiddleIsItsTailIsMaskedAndSoPasses() {
    anIdentifierAfterAPercentEscapeIsMasked(49889); // draws the mobile 18759775977
  }

  /**
   * The last bytes of a character that is not ASCII, percent-encoded as a URL or a form body writes it: 号, 码, 卡 and
   * ： in UTF-8, 号 in GBK, upper and lower case. Their last hex digit, a letter or a digit, ends a byte of 80–FF.
   */
  private static final String[] ENCODED_CHARACTERS = {"%E5%8F%B7", "%E7%A0%81", "%E5%8D%A1", "%EF%BC%9A", "%BA%C5",
      "%e5%8f%b7", "%E6%9C%BA%E5%8F%B7"};
  /** How the identifier's groups are set apart: not at all, a dash, a dot, an encoded space, or a mobile's brackets. */
  private static final String[] GROUPINGS = {"", "-", ".", "%20", "()"};

  /**
   * An identifier right after a percent-encoded character that is not ASCII ({@code q=%E5%8F%B713812345678}, 号 and a
   * mobile) is masked as it is without it, written in one piece, with dashes, dots or encoded spaces between its groups,
   * or a mobile with its first three digits in brackets: the escape's hex digits had been taken for the number's, and
   * {@code %E7%A0%81110105199003071234} (码 and an ID number, read as 20 digits) went out in clear, as did the dotted,
   * bracketed and encoded forms, and {@code %E5%8F%B713812345678} showed five of the mobile's digits.
   */
  @Property(tries = 2000)
  void anIdentifierAfterAnEncodedCharacterIsMaskedAsWithoutIt(@ForAll long seed) {
    Random random = new Random(seed);
    int kind = random.nextInt(3);
    String identifier = identifier(kind, random);
    String grouping = GROUPINGS[random.nextInt(kind == 0 ? GROUPINGS.length : GROUPINGS.length - 1)];
    int[] widths = kind == 0 ? new int[] {3, 4, 4} : kind == 1 ? new int[] {6, 8, 4} : new int[] {4, 4, 4, 4, 4};
    StringBuilder written = new StringBuilder();
    for (int at = 0, k = 0; at < identifier.length(); at += widths[k++]) {
      String group = identifier.substring(at, Math.min(identifier.length(), at + widths[k]));
      written.append(grouping.equals("()") ? k == 0 ? "(" + group + ")" : group : (at > 0 ? grouping : "") + group);
    }
    String before = "GET /api?q=" + ENCODED_CHARACTERS[random.nextInt(ENCODED_CHARACTERS.length)];
    String after = AFTER[random.nextInt(AFTER.length)];
    String text = before + written + after;
    String redacted = masking.redact(text);
    assertTrue(redacted.startsWith(before) && redacted.endsWith(after), text + " -> " + redacted);
    String shown = redacted.substring(before.length(), redacted.length() - after.length()).replace("%20", "")
        .replaceAll("[^0-9Xx*]", "");
    assertEquals(masking.redact(identifier), shown, text + " -> " + redacted);
  }

  @Example
  void anIdentifierAfterAnEncodedCharacterEndingInADigitIsMasked() {
    assertEquals("q=%E7%A0%81110***********1234", masking.redact("q=%E7%A0%81110105199003071234"));
    assertEquals("q=%E5%8F%B7138****5678", masking.redact("q=%E5%8F%B713812345678"));
    assertEquals("q=%E5%8D%A1622202*********0123", masking.redact("q=%E5%8D%A16222021234567890123"));
    assertEquals("q=%E5%8F%B7138****5678", masking.redact("q=%E5%8F%B7138.1234.5678"));
    assertEquals("phone%3D138****5678", masking.redact("phone%3D138.1234.5678"));
    assertEquals("q=%BA%C5138%20****%205678", masking.redact("q=%BA%C5138%201234%205678"));
  }

  @Example
  void aPercentSignAloneIsAPercentagesNotAnEscape() {
    // 50%9558… is no escape %95 and a number: that card's own mask is shown, not 588012*******0123
    assertEquals("利率50%955880*********0123", masking.redact("利率50%9558801234567890123"));
    assertEquals("100%86138****5678", masking.redact("100%8613812345678"));
  }

  /** A mobile (kind 0), an ID number perhaps ending in X (1) or a card (2). */
  private static String identifier(int kind, Random random) {
    return switch (kind) {
      case 0 -> "1" + (3 + random.nextInt(7)) + digits(random, 9);
      case 1 -> "110105" + (1950 + random.nextInt(60)) + "0" + (1 + random.nextInt(9)) + (10 + random.nextInt(18))
          + digits(random, 3) + (random.nextBoolean() ? "X" : digits(random, 1));
      default -> "62" + digits(random, 14 + random.nextInt(4));
    };
  }

  /** A space, a dash, a tab, a no-break space and an ideographic space, percent-encoded as a URL writes them. */
  private static final String[] ENCODED_SEPARATORS = {"%20", "%2D", "%2d", "%09", "%C2%A0", "%E3%80%80"};

  /**
   * An identifier written in its usual groups with an encoded space or dash between them, in a query or a form body,
   * is masked as one written with the space or dash: {@code %2B86%20138%201234%205678} went out in clear. The escapes
   * stay as written, and the note redacted again says the same.
   */
  @Property(tries = 2000)
  void anIdentifierWithEncodedSpacesBetweenItsGroupsIsMasked(@ForAll long seed) {
    Random random = new Random(seed);
    int kind = random.nextInt(3);
    String identifier = identifier(kind, random);
    int[] widths = kind == 0 ? new int[] {3, 4, 4} : kind == 1 ? new int[] {6, 8, 4} : new int[] {4, 4, 4, 4, 4};
    String escape = ENCODED_SEPARATORS[random.nextInt(ENCODED_SEPARATORS.length)];
    StringBuilder written = new StringBuilder(kind == 0 && random.nextBoolean() ? "%2B86" + escape : "");
    for (int at = 0, k = 0; at < identifier.length(); at += widths[k++]) {
      written.append(at > 0 ? escape : "").append(identifier, at, Math.min(identifier.length(), at + widths[k]));
    }
    String before = "POST /api " + (random.nextBoolean() ? "phone=" : "q=note%3A");
    String after = AFTER[random.nextInt(AFTER.length)];
    String text = before + written + after;
    String redacted = masking.redact(text);
    assertEquals(redacted, masking.redact(redacted), text + " redacted again");
    assertTrue(redacted.startsWith(before) && redacted.endsWith(after), text + " -> " + redacted);
    String shown = redacted.substring(before.length(), redacted.length() - after.length()).replace(escape, "")
        .replace("%2B86", "");
    assertEquals(identifier.length(), shown.length(), text + " -> " + redacted);
    int head = kind == 2 && identifier.length() != 18 ? 6 : 3; // an 18-digit card is masked as an ID number
    for (int k = 0; k < shown.length(); k++) {
      boolean kept = k < head || k >= identifier.length() - 4;
      assertTrue(shown.charAt(k) == (kept ? identifier.charAt(k) : '*'), text + " -> " + redacted + ": character " + k);
    }
  }
}
