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
