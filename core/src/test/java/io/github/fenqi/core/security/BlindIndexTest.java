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
