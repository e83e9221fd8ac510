package io.github.fenqi.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fenqi.core.InvalidInputException;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

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

  @Test
  void differentValuesFieldsOrKeysGiveDifferentIndexes() {
    String a = index.index("idNumber", "11010519491231002X");
    assertNotEquals(a, index.index("idNumber", "110105194912310029"));
    assertNotEquals(a, index.index("bankCard", "11010519491231002X"));
    assertNotEquals(a, BlindIndex.of(key()).index("idNumber", "11010519491231002X"));
    assertEquals(64, a.length());
  }

  @Test
  void rejectsShortKey() {
    assertThrows(InvalidInputException.class, () -> BlindIndex.of(new byte[16]));
  }
}
