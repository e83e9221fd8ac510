package io.github.fenqi.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fenqi.core.DecryptionException;
import java.util.Base64;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NotEmpty;
import net.jqwik.api.constraints.StringLength;

class FieldCipherProperties {
  private final FieldCipher cipher = FieldCipher.create(InMemoryKeyProvider.generate("k1"));

  @Property(tries = 300)
  void encryptThenDecryptIsIdentity(@ForAll String record, @ForAll @AlphaChars @NotEmpty String field,
      @ForAll String plaintext) {
    Assume.that(isWellFormedUtf16(plaintext) && isWellFormedUtf16(record));
    assertEquals(plaintext, cipher.decrypt(record, field, cipher.encrypt(record, field, plaintext)));
  }

  /**
   * Text beyond the Basic Multilingual Plane (emoji, the CJK extension B characters of some names: 𠀀, 𪚥) round-trips
   * whole: the generated strings above are mostly BMP characters, and every half of a pair among them is assumed away.
   */
  @Property(tries = 300)
  void textWithSupplementaryCharactersRoundTrips(@ForAll("withSupplementary") String plaintext) {
    assertEquals(plaintext, cipher.decrypt("case-1", "name", cipher.encrypt("case-1", "name", plaintext)));
  }

  /** Any value, the empty one too, is written under a fresh nonce: two encryptions of it never share a text. */
  @Property(tries = 200)
  void twoEncryptionsOfOneValueDiffer(@ForAll("withSupplementary") String plaintext) {
    String first = cipher.encrypt("case-1", "name", plaintext);
    String second = cipher.encrypt("case-1", "name", plaintext);
    assertNotEquals(first, second);
    assertNotEquals(first.substring(0, 22), second.substring(0, 22), "the nonce, the body's first 16 characters");
  }

  @Provide
  Arbitrary<String> withSupplementary() {
    Arbitrary<Integer> codePoint = Arbitraries.oneOf(Arbitraries.integers().between(0x20, 0x7E),
        Arbitraries.integers().between(0x4E00, 0x9FFF), Arbitraries.integers().between(0x1F300, 0x1FAFF),
        Arbitraries.integers().between(0x20000, 0x2A6DF));
    return codePoint.list().ofMaxSize(30).map(points -> points.stream()
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
  }

  @Property(tries = 300)
  void anyFlippedBitIsRejected(@ForAll @StringLength(max = 40) @AlphaChars String plaintext,
      @ForAll @IntRange(min = 0, max = 10_000) int position, @ForAll @IntRange(min = 0, max = 7) int bit) {
    String ct = cipher.encrypt("case-1", "idNumber", plaintext);
    String prefix = "v1:k1:";
    byte[] body = Base64.getUrlDecoder().decode(ct.substring(prefix.length()));
    body[position % body.length] ^= (byte) (1 << bit);
    String flipped = prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(body);
    assertThrows(DecryptionException.class, () -> cipher.decrypt("case-1", "idNumber", flipped));
  }

  /**
   * The stored text, not only its decoded bytes, is what may not change: the last base64url character carries 2 or 4
   * bits past the last byte and padding is optional, so 16 other spellings of one ciphertext decrypted to its
   * plaintext.
   */
  @Property(tries = 300)
  void anyChangedCharacterOrAddedPaddingIsRejected(@ForAll @StringLength(max = 40) @AlphaChars String plaintext,
      @ForAll @IntRange(min = 0, max = 10_000) int position, @ForAll @IntRange(min = 1, max = 63) int shift,
      @ForAll boolean pad) {
    String ct = cipher.encrypt("case-1", "idNumber", plaintext);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    int bodyStart = "v1:k1:".length();
    String changed;
    if (pad) {
      int missing = (4 - (ct.length() - bodyStart) % 4) % 4; // what a padded encoder would have added
      changed = ct + "=".repeat(missing == 0 ? 4 : missing);
    } else {
      int at = bodyStart + position % (ct.length() - bodyStart);
      char other = alphabet.charAt((alphabet.indexOf(ct.charAt(at)) + shift) % 64);
      changed = ct.substring(0, at) + other + ct.substring(at + 1);
    }
    assertThrows(DecryptionException.class, () -> cipher.decrypt("case-1", "idNumber", changed));
  }

  @Property(tries = 200)
  void swappedRecordOrFieldIsRejected(@ForAll @AlphaChars @NotEmpty String recordA,
      @ForAll @AlphaChars @NotEmpty String recordB, @ForAll boolean swapField, @ForAll String plaintext) {
    Assume.that(!recordA.equals(recordB) && isWellFormedUtf16(plaintext));
    String ct = cipher.encrypt(recordA, "mobile", plaintext);
    if (swapField) {
      assertThrows(DecryptionException.class, () -> cipher.decrypt(recordA, "idNumber", ct));
    } else {
      assertThrows(DecryptionException.class, () -> cipher.decrypt(recordB, "mobile", ct));
    }
  }

  private static boolean isWellFormedUtf16(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
