package io.github.fenqi.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.DecryptionException;
import io.github.fenqi.core.InvalidInputException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import javax.crypto.KeyGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link FieldCipher} and the key providers refuse about keys: a ciphertext moved to another key id that holds
 * the same key (the key id is authenticated), a malformed key id (never quoted: it may be unencrypted text), raw keys
 * of other than 32 bytes and keystore keys of other than 256 bits.
 */
class FieldCipherKeysTest {
  @TempDir Path dir;

  /** The key id is part of the associated data: relabelled to another id holding the very same key, it fails. */
  @Test
  void aCiphertextRelabelledToAnotherKeyIdHoldingTheSameKeyDoesNotDecrypt() {
    byte[] key = new byte[32];
    java.util.Arrays.fill(key, (byte) 7);
    FieldCipher cipher = FieldCipher.create(InMemoryKeyProvider.of("k1", Map.of("k1", key, "k2", key)));
    String ct = cipher.encrypt("r1", "phone", "13800001234");
    assertTrue(ct.startsWith("v1:k1:"), ct);
    assertEquals("13800001234", cipher.decrypt("r1", "phone", ct));
    DecryptionException e = assertThrows(DecryptionException.class,
        () -> cipher.decrypt("r1", "phone", "v1:k2:" + ct.substring("v1:k1:".length())));
    assertTrue(e.getMessage().contains("authentication failed under key 'k2'"), e.getMessage());
  }

  /** A key id that is no key id is refused as malformed and not quoted, whatever follows it. */
  @Test
  void aMalformedKeyIdIsRefusedWithoutQuotingIt() {
    FieldCipher cipher = FieldCipher.create(InMemoryKeyProvider.generate("k1"));
    String body = cipher.encrypt("r1", "address", "x").substring("v1:k1:".length());
    DecryptionException e = assertThrows(DecryptionException.class,
        () -> cipher.decrypt("r1", "address", "v1:Chaoyang Road 8:" + body));
    assertTrue(e.getMessage().contains("malformed key id"), e.getMessage());
    assertFalse(e.getMessage().contains("Chaoyang"), e.getMessage());
  }

  /** Raw keys are exactly 32 bytes: 31 and 33 are refused naming the key. */
  @Test
  void rawKeysOfOtherThanThirtyTwoBytesAreRefused() {
    for (int length : new int[] {31, 33}) {
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> InMemoryKeyProvider.of("k1", Map.of("k1", new byte[length])));
      assertEquals("keys.k1", e.problems().get(0).location(), e.getMessage());
      assertTrue(e.getMessage().contains("must be 32 bytes, found " + length), e.getMessage());
    }
  }

  /**
   * Each id {@code generate} makes gets a key of its own: one random key shared by every id still encrypted and
   * decrypted, as the key id is authenticated, so nothing else showed that a rotation step to a generated id changed
   * no key.
   */
  @Test
  void generatedKeysDifferFromIdToId() {
    InMemoryKeyProvider keys = InMemoryKeyProvider.generate("k1", "k2", "k3");
    java.util.Set<String> distinct = new java.util.HashSet<>();
    for (String id : keys.keyIds()) {
      distinct.add(java.util.HexFormat.of().formatHex(keys.key(id).orElseThrow().getEncoded()));
    }
    assertEquals(3, distinct.size(), "three ids, three keys");
  }

  /**
   * {@code withActive} changes which key new ciphertexts are written under and nothing else: the ciphertexts under the
   * key active before still decrypt. An id the provider does not hold is refused naming the ids it holds.
   */
  @Test
  void withActiveWritesUnderTheNamedKeyAndStillReadsTheOthers() {
    InMemoryKeyProvider keys = InMemoryKeyProvider.generate("k2", "k1");
    String underK2 = FieldCipher.create(keys).encrypt("r1", "mobile", "13800001234");
    InMemoryKeyProvider back = keys.withActive("k1");
    assertEquals("k1", back.activeKeyId());
    FieldCipher cipher = FieldCipher.create(back);
    assertEquals("k1", FieldCipher.keyIdOf(cipher.encrypt("r1", "mobile", "13800001234")));
    assertEquals("13800001234", cipher.decrypt("r1", "mobile", underK2));
    assertTrue(cipher.needsReencryption(underK2));
    assertEquals("activeKeyId: 'k3' is not among the available key ids [k1, k2]",
        assertThrows(InvalidInputException.class, () -> keys.withActive("k3")).getMessage());
  }

  /** A keystore's AES key of 128 bits is refused when the keystore is opened, naming the alias. */
  @Test
  void aKeystoreKeyOfOneHundredTwentyEightBitsIsRefused() throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    KeyGenerator gen = KeyGenerator.getInstance("AES");
    gen.init(128);
    ks.setEntry("k1", new KeyStore.SecretKeyEntry(gen.generateKey()),
        new KeyStore.PasswordProtection("s3cret".toCharArray()));
    Path file = dir.resolve("keys.p12");
    try (OutputStream out = Files.newOutputStream(file)) {
      ks.store(out, "s3cret".toCharArray());
    }
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> Pkcs12KeyProvider.open(file, "PW", "k1", Map.of("PW", "s3cret")));
    assertTrue(e.getMessage().contains("k1") && e.getMessage().contains("must be a 256-bit AES key, found AES of 128 "
        + "bits"), e.getMessage());
  }
}
