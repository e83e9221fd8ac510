package io.github.fenqi.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.borrower.Borrower;
import io.github.fenqi.core.money.Money;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class IdentityValidationTest {
  private final IdentityValidation v =
      IdentityValidation.withClock(Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC));

  @Test
  void acceptsTheStandardSampleIdNumberWithXCheckDigit() {
    assertTrue(v.checkIdNumber("idNumber", "11010519491231002X").isEmpty());
    assertTrue(v.checkIdNumber("idNumber", "11010519491231002x").isEmpty());
  }

  @Test
  void rejectsWrongCheckDigitNamingTheFieldAndMaskingTheValue() {
    Problem p = v.checkIdNumber("borrower.idNumber", "110105194912310021").orElseThrow();
    assertEquals("borrower.idNumber", p.location());
    assertTrue(p.reason().contains("wrong check digit"), p.reason());
    assertFalse(p.reason().contains("110105194912310021"), p.reason());
  }

  @Test
  void rejectsImpossibleOrImplausibleBirthDates() {
    assertTrue(v.checkIdNumber("id", withCheck("11010519490231001")).orElseThrow().reason().contains("birth date"));
    assertTrue(v.checkIdNumber("id", withCheck("11010518991231001")).orElseThrow().reason().contains("1899"));
    assertTrue(v.checkIdNumber("id", withCheck("11010520270101001")).orElseThrow().reason().contains("2027"));
    assertTrue(v.checkIdNumber("id", withCheck("11010520261125001")).isEmpty());
  }

  /**
   * Someone born today in China has a valid ID number on a server whose date is still yesterday (the check tells the
   * two zones apart while the machine is put behind China, before 19:00 in Beijing; after it, both agree).
   */
  @Test
  void todayIsChinasTodayWhateverTheServersZone() throws Exception {
    io.github.fenqi.core.testkit.ZoneAwayFromChina.run((china, behind) -> {
      String first17 = "110105" + china.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + "002";
      String id = first17 + IdentityValidation.checkDigit(first17);
      assertEquals(java.util.Optional.empty(), IdentityValidation.system().checkIdNumber("idNumber", id),
          "born " + china + " in China; the machine's date is " + java.time.LocalDate.now());
    });
  }

  /**
   * The first two digits name a province-level region (GB/T 2260) or, on a residence permit of a Hong Kong, Macao or
   * Taiwan resident, 81, 82 or 83. {@code 001234199001011235}, whose check digit and birth date are right, passed.
   */
  @Test
  void anIdNumberMustStartWithAProvinceLevelCode() {
    Problem p = v.checkIdNumber("borrower.idNumber", "001234199001011235").orElseThrow();
    assertEquals("borrower.idNumber", p.location());
    assertEquals("'001***********1235' starts with 00, which is no province-level region code (GB/T 2260: 11-15, "
        + "21-23, 31-37, 41-46, 50-54, 61-65, or 81-83 for the residence permits of Hong Kong, Macao and Taiwan "
        + "residents)", p.reason());
    List<String> accepted = new java.util.ArrayList<>();
    for (int code = 0; code < 100; code++) {
      if (v.checkIdNumber("id", withCheck(String.format("%02d0000199001011", code) + "23")).isEmpty()) {
        accepted.add(String.format("%02d", code));
      }
    }
    assertEquals(List.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
        "81", "82", "83"), accepted, "71 (Taiwan in GB/T 2260) is on no ID: a Taiwan resident's permit starts 83");
  }

  /**
   * The check character is ISO 7064 MOD 11-2, as GB 11643 defines it: with S the sum of each of the 17 digits times
   * 2 to the power of its distance from the check position, modulo 11, the check value is (12 − S) mod 11, written X
   * for 10. Computed here that way, not with the weights and the table of the class: every other character is refused.
   */
  @Property(tries = 300)
  void theCheckCharacterIsIso7064Mod11Dash2(@ForAll @IntRange(min = 1900, max = 2025) int year,
      @ForAll @IntRange(min = 1, max = 12) int month, @ForAll @IntRange(min = 1, max = 28) int day,
      @ForAll @NumericChars @StringLength(3) String serial) {
    String first17 = "440524" + String.format("%04d%02d%02d", year, month, day) + serial;
    int s = 0;
    for (int i = 0; i < 17; i++) {
      s = (s + (first17.charAt(i) - '0') * (1 << (17 - i))) % 11;
    }
    int check = (12 - s) % 11;
    char right = check == 10 ? 'X' : (char) ('0' + check);
    assertEquals(java.util.Optional.empty(), v.checkIdNumber("id", first17 + right));
    for (char other : "0123456789X".toCharArray()) {
      if (other != right) {
        assertEquals("'440***********" + first17.substring(14) + other + "' has a wrong check digit (GB 11643)",
            v.checkIdNumber("id", first17 + other).orElseThrow().reason());
      }
    }
  }

  /** The check character left off, or one character too many: the number's shape is refused, whatever its digits. */
  @Test
  void seventeenOrNineteenCharactersAreNoIdNumber() {
    for (String id : List.of("11010519491231002", "11010519491231002X1")) {
      Problem p = v.checkIdNumber("borrower.idNumber", id).orElseThrow();
      assertEquals("borrower.idNumber", p.location());
      assertTrue(p.reason().endsWith("' is not an 18-character ID number (17 digits and a digit or X)"), p.reason());
    }
  }

  /**
   * The birth date lies between 1900-01-01 and today, both included: someone born tomorrow has no ID number yet.
   * Each refusal names the field and shows the number masked, never in clear.
   */
  @Test
  void aBirthDateAfterTodayOrImpossibleIsRefusedWithTheNumberMasked() {
    String tomorrow = withCheck("11010520261126001");
    Problem p = v.checkIdNumber("borrower.idNumber", tomorrow).orElseThrow();
    assertEquals("borrower.idNumber", p.location());
    assertEquals("'110***********001" + tomorrow.charAt(17) + "' has an implausible birth year 2026 (expected 1900 "
        + "to today)", p.reason());
    assertEquals(java.util.Optional.empty(), v.checkIdNumber("id", withCheck("11010520261125001")), "today");
    assertEquals(java.util.Optional.empty(), v.checkIdNumber("id", withCheck("11010519000101001")), "1900-01-01");
    String february30 = withCheck("11010519900230001");
    assertEquals("'110***********001" + february30.charAt(17) + "' has no valid birth date in characters 7-14",
        v.checkIdNumber("id", february30).orElseThrow().reason());
    String before = withCheck("11010518991231001");
    assertEquals("'110***********001" + before.charAt(17) + "' has an implausible birth year 1899 (expected 1900 to "
        + "today)", v.checkIdNumber("id", before).orElseThrow().reason());
  }

  /**
   * What {@link Masking#redact} takes for an ID number in a note: an 18-character one of any check character with a
   * real birth date of 1900–2099, and a first-generation 15-digit one, whose YYMMDD is a date of the 1900s (1900 was
   * no leap year: 000229 is no date, 960229 is).
   */
  @Test
  void anIdNumberInANoteHasARealBirthDateOfItsCentury() {
    assertTrue(IdentityValidation.readsAsIdNumber("110105190001010010"));
    assertTrue(IdentityValidation.readsAsIdNumber("110105209912310011"));
    assertFalse(IdentityValidation.readsAsIdNumber("110105189912310010"));
    assertFalse(IdentityValidation.readsAsIdNumber("110105210001010010"));
    assertTrue(IdentityValidation.isFirstGenerationId("110105960229123"));
    assertFalse(IdentityValidation.isFirstGenerationId("110105000229123"));
    assertTrue(IdentityValidation.isFirstGenerationId("110105000228123"));
  }

  @Test
  void rejectsWrongShape() {
    assertTrue(v.checkIdNumber("id", "1101051949123100").orElseThrow().reason().contains("18-character"));
  }

  /**
   * A value holding an invisible or control character is named by that character's code and position, not echoed:
   * masking keeps a value's ends, and a right-to-left override among them reversed the message on screen.
   */
  @Test
  void anInvisibleCharacterIsNamedNotEchoed() {
    Problem id = v.checkIdNumber("borrower.idNumber", "1101051985061500\u202E30").orElseThrow();
    assertEquals("contains an invisible or control character (U+202E at position 17); it must be one line of visible "
        + "text", id.reason());
    Problem mobile = v.checkMobile("borrower.mobile", "139\n12345678").orElseThrow();
    assertTrue(mobile.reason().contains("U+000A at position 4"), mobile.reason());
    Problem card = v.checkBankCard("card", "4111111111111111\u200F").orElseThrow();
    assertTrue(card.reason().contains("U+200F at position 17"), card.reason());
    for (Problem p : List.of(id, mobile, card)) {
      assertTrue(p.reason().codePoints().noneMatch(c -> io.github.fenqi.core.TextFields.isInvisible(c)), p.reason());
    }
  }

  @Test
  void checksBankCardsWithLuhn() {
    assertTrue(v.checkBankCard("card", "4111 1111 1111 1111").isEmpty());
    assertTrue(v.checkBankCard("card", "4111\u00a01111\u20131111\u30001111").isEmpty(),
        "no-break, ideographic space, en dash");
    assertTrue(v.checkBankCard("card", "4111111111111112").orElseThrow().reason().contains("Luhn"));
    assertTrue(v.checkBankCard("card", "41111111111").orElseThrow().reason().contains("12 to 19 digits"));
  }

  /**
   * A mobile, a landline or an ID number typed into a card field is refused showing no more than its own mask: masked
   * as a card, first 6 and last 4, a mobile had shown ten of its eleven digits, {@code '138001*8000'}, and an ID number
   * its whole region code, {@code '110105********1234'}.
   */
  @Test
  void anotherIdentifierRefusedAsACardShowsNoMoreThanItsOwnMask() {
    assertEquals("card: '138****5678' is not a card number of 12 to 19 digits",
        v.checkBankCard("card", "138 1234 5678").orElseThrow().toString());
    assertEquals("card: '010****5678' is not a card number of 12 to 19 digits",
        v.checkBankCard("card", "010-1234-5678").orElseThrow().toString());
    assertEquals("card: '110***********1234' fails the Luhn check (mistyped digit?)",
        v.checkBankCard("card", "110105199003071234").orElseThrow().toString());
    assertEquals("card: '110***********123X' is not a card number of 12 to 19 digits",
        v.checkBankCard("card", "11010519900307123X").orElseThrow().toString());
    assertEquals("card: '110********7123' fails the Luhn check (mistyped digit?)",
        v.checkBankCard("card", "110105900307123").orElseThrow().toString());
    assertEquals("card: '１３８****５６７８' is not a card number of 12 to 19 digits; write the digits 0-9 (these are "
        + "full-width)", v.checkBankCard("card", "１３８１２３４５６７８").orElseThrow().toString());
    assertEquals("card: '622202******7890' fails the Luhn check (mistyped digit?)",
        v.checkBankCard("card", "6222 0212 3456 7890").orElseThrow().toString(), "a card is masked as one");
  }

  /** A card number has 12 to 19 digits: one of 11 or 20 is refused though its Luhn check holds. */
  @Test
  void aCardNumberHasTwelveToNineteenDigits() {
    String digits = "6222021234567890123";
    for (int length = 11; length <= 20; length++) {
      String card = withLuhn((digits + digits).substring(0, length - 1));
      java.util.Optional<Problem> p = v.checkBankCard("card", card);
      if (length < 12 || length > 19) {
        assertTrue(p.orElseThrow().reason().endsWith("' is not a card number of 12 to 19 digits"), p.toString());
      } else {
        assertEquals(java.util.Optional.empty(), p, card);
      }
    }
  }

  /** The Luhn check digit of {@code payload}: from the right, every other digit doubled, starting with the last. */
  private static String withLuhn(String payload) {
    int sum = 0;
    for (int i = 0; i < payload.length(); i++) {
      int d = payload.charAt(payload.length() - 1 - i) - '0';
      sum += i % 2 == 0 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
    }
    return payload + (10 - sum % 10) % 10;
  }

  @Test
  void checksMainlandMobiles() {
    assertTrue(v.checkMobile("mobile", "13800001234").isEmpty());
    assertTrue(v.checkMobile("mobile", "+86 19912345678").isEmpty());
    assertTrue(v.checkMobile("mobile", "12800001234").isPresent());
    assertTrue(v.checkMobile("mobile", "1380000123").isPresent());
  }

  /** A right number written the wrong way is refused with how to write it, not only with what it is not. */
  @Test
  void aNumberWrittenWithSpacesOrFullWidthDigitsIsToldHowToWriteIt() {
    assertEquals("mobile: '138****5678' is not a mainland mobile number (11 digits, 1[3-9]...); write it without "
        + "spaces or dashes", v.checkMobile("mobile", "138 1234 5678").orElseThrow().toString());
    assertTrue(v.checkMobile("mobile", "138-1234-5678").orElseThrow().reason().endsWith("without spaces or dashes"));
    assertTrue(v.checkMobile("mobile", "138\u20131234\u20135678").orElseThrow().reason()
        .endsWith("without spaces or dashes"), "en dashes");
    assertTrue(v.checkMobile("mobile", "１３８１２３４５６７８").orElseThrow().reason().endsWith("(these are full-width)"));
    assertTrue(v.checkIdNumber("id", "110105 19491231 002X").orElseThrow().reason().endsWith("without spaces or dashes"));
    assertTrue(v.checkBankCard("card", "６２２２０２１２３４５６７８９０１２８").orElseThrow().reason().endsWith("(these are full-width)"));
    assertTrue(v.checkMobile("mobile", "12800001234").orElseThrow().reason().endsWith("1[3-9]...)"), "no hint when none applies");
  }

  @Test
  void requireValidReportsEveryBadIdentifierOfABorrower() {
    Borrower b = new Borrower("张三", "110105194912310021", "12345", "310000", 1, null, null, Money.of("0.00"),
        List.of(), false);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> v.requireValid("borrower", b));
    assertEquals(List.of("borrower.idNumber", "borrower.mobile"),
        e.problems().stream().map(Problem::location).toList());
    assertEquals(List.of("idNumber", "mobile"), v.check("", b).stream().map(Problem::location).toList(),
        "no path, no prefix");
  }

  @Property(tries = 200)
  void computedCheckDigitAlwaysValidates(@ForAll @IntRange(min = 1900, max = 2025) int year,
      @ForAll @IntRange(min = 1, max = 12) int month, @ForAll @IntRange(min = 1, max = 28) int day,
      @ForAll @NumericChars @StringLength(3) String serial) {
    String first17 = "330106" + String.format("%04d%02d%02d", year, month, day) + serial;
    assertTrue(v.checkIdNumber("id", withCheck(first17)).isEmpty());
  }

  @Property(tries = 200)
  void anySingleDigitChangeIsCaughtByTheCheckDigit(@ForAll @IntRange(min = 0, max = 16) int position,
      @ForAll @IntRange(min = 1, max = 9) int delta) {
    String good = "11010519491231002X";
    char changed = (char) ('0' + (good.charAt(position) - '0' + delta) % 10);
    String bad = good.substring(0, position) + changed + good.substring(position + 1);
    assertTrue(v.checkIdNumber("id", bad).isPresent());
  }

  private static String withCheck(String first17) {
    return first17 + IdentityValidation.checkDigit(first17);
  }
}
