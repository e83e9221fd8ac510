package io.github.fenqi.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fenqi.core.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class BlindIndexTest {
  private static byte[] key() {
    byte[] k = new byte[32];
    new SecureRandom().nextBytes(k);
    return k;
  }

  private final BlindIndex index = BlindIndex.of(key());

  @Test
  void equalValuesAfterNormalisationShareAnIndex() {
    assertEquals(index.index("idNumber", "11010519491231002X"), index.index("idNumber", " 11010519491231002x "));
    assertEquals(index.index("idNumber", "11010519491231002X"), index.index("idNumber", "１１０１０５１９４９１２３１００２Ｘ"));
    assertEquals(index.index("mobile", "138-0000-1234"), index.index("mobile", "13800001234"));
  }

  @Test
  void dashesAndInvisibleCharactersOfAPastedNumberAreSeparatorsToo() {
    String mobile = index.index("mobile", "13800001234");
    assertEquals(mobile, index.index("mobile", "138\u20130000\u20131234"), "en dashes");
    assertEquals(mobile, index.index("mobile", "138\u2014\u20140000\u2212" + "1234"), "em dashes, minus sign");
    assertEquals(mobile, index.index("mobile", "\ufeff138\u200b0000\u200d1234\u00ad"), "BOM, zero-width, soft hyphen");
    assertEquals(index.index("idNumber", "11010519491231002X"),
        index.index("idNumber", "\u202a110105\u00a019491231\u3000002x\u202c"), "direction marks, no-break spaces");
    assertEquals("AB12", BlindIndex.normalise("a\u2013b\u200b1\u22122"));
  }

  /**
   * The index is the documented construction, computed here with the JDK's HMAC: lower-case hex of
   * HMAC-SHA-256(key, len(field) as 4 bytes big-endian || field || normalised value), in UTF-8; {@code index(field,
   * value)} normalises as {@link BlindIndex#normalise(String)} does, the kinds as {@link BlindIndex#normalise(
   * BlindIndex.Kind, String)}. An index another program (a batch job, a migration) computes by that description finds
   * the row; the field's length keeps {@code ("ab", "C")} and {@code ("a", "BC")} apart.
   */
  @Test
  void theIndexIsTheDocumentedHmacOfTheFieldsLengthTheFieldAndTheNormalisedValue() throws Exception {
    byte[] k = key();
    BlindIndex keyed = BlindIndex.of(k);
    String[][] cases = {{"idNumber", "11010519491231002x"}, {"mobile", "+86 138-0000-1234"}, {"姓名", "张三"},
        {"ab", "c"}, {"a", "bc"}};
    for (String[] c : cases) {
      assertEquals(hmac(k, c[0], BlindIndex.normalise(c[1])), keyed.index(c[0], c[1]), c[0] + "/" + c[1]);
      for (BlindIndex.Kind kind : BlindIndex.Kind.values()) {
        assertEquals(hmac(k, c[0], BlindIndex.normalise(kind, c[1])), keyed.index(c[0], kind, c[1]), kind.name());
      }
    }
    assertEquals(hmac(k, "mobile", "13800001234"), keyed.index("mobile", BlindIndex.Kind.PHONE, "+86 138-0000-1234"));
    assertNotEquals(keyed.index("ab", "c"), keyed.index("a", "bc"));
  }

  private static String hmac(byte[] key, String field, String normalised) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    byte[] f = field.getBytes(StandardCharsets.UTF_8);
    mac.update(ByteBuffer.allocate(4).putInt(f.length).array());
    mac.update(f);
    return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void differentValuesFieldsOrKeysGiveDifferentIndexes() {
    String a = index.index("idNumber", "11010519491231002X");
    assertNotEquals(a, index.index("idNumber", "110105194912310029"));
    assertNotEquals(a, index.index("bankCard", "11010519491231002X"));
    assertNotEquals(a, BlindIndex.of(key()).index("idNumber", "11010519491231002X"));
    assertEquals(64, a.length());
  }

  /** The written forms of one mobile the brief of the last review listed, and the forms that must stay apart. */
  @Test
  void aPhoneIndexesAlikeWithChinasCountryCodeAndOtherKindsAsBefore() {
    String mobile = index.index("mobile", "13812345678");
    for (String written : new String[] {"+86 13812345678", "+86-138-1234-5678", "0086 13812345678", "8613812345678",
        "(+86) 138 1234 5678", "+86.138.1234.5678"}) {
      assertEquals(mobile, index.index("mobile", BlindIndex.Kind.PHONE, written), written);
    }
    assertEquals("01012345678", BlindIndex.normalise(BlindIndex.Kind.PHONE, "(010) 1234-5678"), "a landline");
    assertEquals("+14155551234", BlindIndex.normalise(BlindIndex.Kind.PHONE, "+1 (415) 555-1234"), "not China's");
    assertEquals("8612345678901", BlindIndex.normalise(BlindIndex.Kind.PHONE, "86 12345678901"), "no mobile after 86");
    assertEquals("+8613812345678", BlindIndex.normalise(BlindIndex.Kind.OTHER, "+86 13812345678"), "field-agnostic");
    assertEquals(index.index("idNumber", "11010519491231002X"),
        index.index("idNumber", BlindIndex.Kind.ID_NUMBER, "110105 19491231 002x"));
    assertEquals(index.index("bankCard", "6222021234567890"),
        index.index("bankCard", BlindIndex.Kind.BANK_CARD, "6222 0212 3456 7890"));
  }

  /**
   * Only a {@code PHONE} drops China's country code: a card, an ID number or another identifier keeps every digit it
   * has, so a 13-digit card that starts 86 and then reads as a mobile does not index as the card 13812345678.
   */
  @Test
  void onlyAPhoneLosesACountryCode() {
    for (BlindIndex.Kind kind : new BlindIndex.Kind[] {BlindIndex.Kind.BANK_CARD, BlindIndex.Kind.ID_NUMBER,
        BlindIndex.Kind.OTHER}) {
      assertEquals("8613812345678", BlindIndex.normalise(kind, "86 1381 2345 678"), kind.name());
    }
    assertEquals(index.index("bankCard", "8613812345678"),
        index.index("bankCard", BlindIndex.Kind.BANK_CARD, "86 1381 2345 678"));
    assertNotEquals(index.index("bankCard", "13812345678"),
        index.index("bankCard", BlindIndex.Kind.BANK_CARD, "86 1381 2345 678"));
  }

  /** A field name with half a surrogate pair had the index domain of the name with '?' in its place. */
  @Test
  void aFieldWithHalfASurrogatePairIsRefusedNotHashedAsAQuestionMark() {
    BlindIndex index = BlindIndex.of(new byte[32]);
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> index.index("mobile\uD800", "13800001234"));
    assertEquals("field", e.problems().get(0).location());
  }

  /** Every value with half a surrogate pair had the index of the value with '?' in its place: one row for all. */
  @Test
  void aValueWithHalfASurrogatePairIsRefused() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> index.index("name", "张\uD800"));
    assertEquals("name", e.problems().get(0).location());
    assertThrows(InvalidInputException.class, () -> index.index("name", "张\uDC00"));
    assertNotEquals(index.index("name", "张?"), index.index("name", "张\uD83D\uDE00"));
  }

  /**
   * Each public method names its null argument, as FieldCipher does: a null field or value had been Java's own
   * exception from inside the hashing, and a null kind had been taken as OTHER and indexed.
   */
  @Test
  void aNullArgumentIsNamed() {
    assertNullNamed("key", () -> BlindIndex.of(null));
    assertNullNamed("field", () -> index.index(null, "13800001234"));
    assertNullNamed("value", () -> index.index("mobile", null));
    assertNullNamed("field", () -> index.index(null, BlindIndex.Kind.PHONE, "13800001234"));
    assertNullNamed("kind", () -> index.index("mobile", null, "13800001234"));
    assertNullNamed("value", () -> index.index("mobile", BlindIndex.Kind.PHONE, null));
    assertNullNamed("kind", () -> BlindIndex.normalise(null, "13800001234"));
    assertNullNamed("value", () -> BlindIndex.normalise(BlindIndex.Kind.OTHER, null));
    assertNullNamed("value", () -> BlindIndex.normalise(null));
  }

  private static void assertNullNamed(String argument, Executable call) {
    assertEquals(argument, assertThrows(NullPointerException.class, call).getMessage());
  }

  @Test
  void rejectsShortKey() {
    assertThrows(InvalidInputException.class, () -> BlindIndex.of(new byte[16]));
  }

  /** The key is 32 bytes exactly: a longer one (a key pasted with a byte too many) is refused too, saying its length. */
  @Test
  void rejectsAKeyOfAnyLengthButThirtyTwoBytes() {
    for (int length : new int[] {0, 31, 33, 64}) {
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> BlindIndex.of(new byte[length]));
      assertEquals("blindIndexKey: must be 32 bytes, found " + length, e.getMessage());
    }
  }
}
