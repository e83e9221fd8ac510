package io.github.fenqi.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.DecryptionException;
import io.github.fenqi.core.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class FieldCipherTest {
  private final InMemoryKeyProvider keys = InMemoryKeyProvider.generate("k1");
  private final FieldCipher cipher = FieldCipher.create(keys);

  @Test
  void roundTripsAndNamesTheActiveKey() {
    String ct = cipher.encrypt("case-7", "idNumber", "11010519491231002X");
    assertTrue(ct.startsWith("v1:k1:"), ct);
    assertEquals("11010519491231002X", cipher.decrypt("case-7", "idNumber", ct));
    assertEquals("k1", FieldCipher.keyIdOf(ct));
  }

  /**
   * Half of a surrogate pair (a name cut inside an emoji, a JSON escape of U+D800) has no UTF-8 form: it was
   * encrypted as {@code ?}, and 张, U+D800, 三 decrypted to {@code 张?三}. It is refused naming the field, never shown.
   */
  /**
   * A ciphertext is bound to its record and field, and no two (record, field) pairs share one associated data: a
   * record id or field name with half a surrogate pair was written into it as {@code ?}, so the ciphertext of record
   * {@code r\uD800} decrypted as record {@code r?}'s. Such an id or name is refused naming it, as a value is.
   */
  @Test
  void aRecordIdOrFieldWithHalfASurrogatePairIsRefusedNotBoundAsAQuestionMark() {
    InvalidInputException record = assertThrows(InvalidInputException.class,
        () -> cipher.encrypt("r\uD800", "name", "张三"));
    assertEquals("recordId", record.problems().get(0).location());
    InvalidInputException field = assertThrows(InvalidInputException.class,
        () -> cipher.encrypt("r1", "name\uDC00", "张三"));
    assertEquals("field", field.problems().get(0).location());
    String underQuestionMark = cipher.encrypt("r?", "name", "张三");
    assertThrows(InvalidInputException.class, () -> cipher.decrypt("r\uD800", "name", underQuestionMark));
  }

  @Test
  void aValueWithHalfASurrogatePairIsRefusedNotStoredAsAQuestionMark() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> cipher.encrypt("case-7", "name", "张\uD800三"));
    assertEquals("name", e.problems().get(0).location());
    assertTrue(e.getMessage().contains("case-7") && !e.getMessage().contains("张"), e.getMessage());
    assertThrows(InvalidInputException.class, () -> cipher.encrypt("case-7", "name", "\uDE00"));
    String emoji = "张\uD83D\uDE00三";
    assertEquals(emoji, cipher.decrypt("case-7", "name", cipher.encrypt("case-7", "name", emoji)));
  }

  @Test
  void sameValueEncryptsDifferentlyEachTime() {
    assertNotEquals(cipher.encrypt("r", "f", "13800001234"), cipher.encrypt("r", "f", "13800001234"));
  }

  @Test
  void rejectsCiphertextMovedToAnotherRecord() {
    String ct = cipher.encrypt("case-7", "idNumber", "secret");
    DecryptionException e = assertThrows(DecryptionException.class, () -> cipher.decrypt("case-8", "idNumber", ct));
    assertTrue(e.getMessage().contains("authentication failed"), e.getMessage());
  }

  @Test
  void rejectsCiphertextMovedToAnotherField() {
    String ct = cipher.encrypt("case-7", "idNumber", "secret");
    assertThrows(DecryptionException.class, () -> cipher.decrypt("case-7", "mobile", ct));
  }

  @Test
  void recordAndFieldBoundariesAreUnambiguous() {
    String ct = cipher.encrypt("a:b", "c", "secret");
    assertThrows(DecryptionException.class, () -> cipher.decrypt("a", "b:c", ct));
  }

  @Test
  void rejectsWrongKeyWithSameId() {
    String ct = cipher.encrypt("r", "f", "secret");
    FieldCipher other = FieldCipher.create(InMemoryKeyProvider.generate("k1"));
    DecryptionException e = assertThrows(DecryptionException.class, () -> other.decrypt("r", "f", ct));
    // the record, the field and the key tried are named: whoever reads the log knows which key to look at
    assertEquals("record r field f: authentication failed under key 'k1' (ciphertext altered or truncated, wrong key, "
        + "or it belongs to another record or field)", e.getMessage());
  }

  @Test
  void rejectsUnknownKeyIdNamingIt() {
    String ct = cipher.encrypt("r", "f", "secret");
    FieldCipher other = FieldCipher.create(InMemoryKeyProvider.generate("k9"));
    DecryptionException e = assertThrows(DecryptionException.class, () -> other.decrypt("r", "f", ct));
    assertTrue(e.getMessage().contains("unknown key id 'k1'"), e.getMessage());
    assertTrue(e.getMessage().contains("(this provider holds [k9])"), "the ids it could read: " + e.getMessage());
  }

  /**
   * An empty value is a value: its ciphertext is the nonce and the tag alone, the shortest body there is, and it reads
   * back as the empty string. One byte less is truncated.
   */
  @Test
  void anEmptyValueRoundTripsAsNonceAndTagAlone() {
    String ct = cipher.encrypt("r", "f", "");
    assertEquals(12 + 16, Base64.getUrlDecoder().decode(ct.substring("v1:k1:".length())).length, ct);
    assertEquals("", cipher.decrypt("r", "f", ct));
  }

  @Test
  void rejectsTruncatedCiphertext() {
    String ct = cipher.encrypt("r", "f", "secret");
    for (int cut = 1; cut < ct.length(); cut++) {
      String truncated = ct.substring(0, cut);
      assertThrows(DecryptionException.class, () -> cipher.decrypt("r", "f", truncated), truncated);
    }
  }

  @Test
  void rejectsMalformedTextWithClearMessages() {
    assertTrue(assertThrows(DecryptionException.class, () -> cipher.decrypt("r", "f", "plain text"))
        .getMessage().contains("not a fenqi ciphertext"));
    assertTrue(assertThrows(DecryptionException.class, () -> cipher.decrypt("r", "f", "v9:k1:AAAA"))
        .getMessage().contains("not a ciphertext of a known version (version 'v9'"));
    assertTrue(assertThrows(DecryptionException.class, () -> cipher.decrypt("r", "f", "v1:k1:***"))
        .getMessage().contains("not base64url"));
  }

  /**
   * A column that still holds unencrypted text with a colon in it (an address, a note) had up to 40 characters of it
   * quoted as an "unsupported ciphertext version" or a "malformed key id" — plaintext PII in a message that is logged.
   */
  @Test
  void unencryptedTextIsNamedByRecordAndFieldButNeverQuoted() {
    for (String plain : new String[] {"北京市朝阳区:建国路88号", "张三:13812345678:110105199003071234",
        "v1:张三 住址:北京", "v1:ZHANG SAN:abc", "note: call back after 6pm", "v张三:住址:北京",
        "vip张三:13812345678:x"}) { // starting with v, as a version tag does, yet no v and digits
      DecryptionException e = assertThrows(DecryptionException.class, () -> cipher.decrypt("case-7", "address", plain));
      String message = e.getMessage();
      assertTrue(message.contains("record case-7 field address"), message);
      for (String part : plain.split("[: ]")) {
        boolean quoted = part.length() > 1 && !part.equals(FieldCipher.VERSION) && message.contains(part);
        assertFalse(quoted, part + " is quoted in: " + message);
      }
    }
    assertTrue(assertThrows(DecryptionException.class, () -> cipher.decrypt("case-7", "address", "北京:朝阳:建国路"))
        .getMessage().contains("not a ciphertext of a known version"));
    assertTrue(assertThrows(DecryptionException.class, () -> cipher.decrypt("r", "f", "v12:k1:AAAA"))
        .getMessage().contains("version 'v12'"), "a version tag is still quoted");
  }

  @Test
  void rejectsAKeyIdEditedInTheHeader() {
    InMemoryKeyProvider two = InMemoryKeyProvider.generate("k1", "k2");
    FieldCipher c = FieldCipher.create(two);
    String ct = c.encrypt("r", "f", "secret");
    String relabelled = ct.replaceFirst("^v1:k1:", "v1:k2:");
    assertThrows(DecryptionException.class, () -> c.decrypt("r", "f", relabelled));
  }

  @Test
  void rotationKeepsOldDataReadableAndReencryptMovesItToTheActiveKey() {
    String old = cipher.encrypt("r", "idNumber", "11010519491231002X");
    InMemoryKeyProvider rotated = keys.rotatedTo(InMemoryKeyProvider.generate("k2"));
    FieldCipher after = FieldCipher.create(rotated);
    assertEquals("11010519491231002X", after.decrypt("r", "idNumber", old));
    assertTrue(after.needsReencryption(old));
    String moved = after.reencrypt("r", "idNumber", old);
    assertEquals("k2", FieldCipher.keyIdOf(moved));
    assertFalse(after.needsReencryption(moved));
    assertEquals("11010519491231002X", after.decrypt("r", "idNumber", moved));
    assertEquals(moved, after.reencrypt("r", "idNumber", moved));
    assertTrue(after.encrypt("r", "f", "x").startsWith("v1:k2:"));
  }

  /**
   * Rotating to a provider that reuses an id for another key is refused: the new key replaced the old one, and every
   * ciphertext under it then failed to decrypt. The same key under the same id is no conflict.
   */
  @Test
  void rotationToAnotherKeyUnderAnIdAlreadyHeldIsRefused() {
    String old = cipher.encrypt("r", "idNumber", "11010519491231002X");
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> keys.rotatedTo(InMemoryKeyProvider.generate("k1")));
    assertEquals("keyIds", e.problems().get(0).location());
    assertTrue(e.getMessage().contains("key id 'k1' names another key"), e.getMessage());
    InMemoryKeyProvider again = keys.rotatedTo(keys.rotatedTo(InMemoryKeyProvider.generate("k2")).withActive("k1"));
    assertEquals(java.util.Set.of("k1", "k2"), again.keyIds());
    assertEquals("11010519491231002X", FieldCipher.create(again).decrypt("r", "idNumber", old));
  }

  /**
   * A null record or field is named as the other arguments are, before the text or the key provider is looked at:
   * decrypting malformed text for a null field threw a bare NullPointerException from inside the error message
   * ("Cannot invoke String.length() because s is null"), and encrypt reported the provider's fault first.
   */
  @Test
  void aNullRecordOrFieldIsNamedBeforeAnythingElse() {
    assertEquals("field", assertThrows(NullPointerException.class,
        () -> cipher.decrypt("case-7", null, "not a ciphertext")).getMessage());
    assertEquals("recordId", assertThrows(NullPointerException.class,
        () -> cipher.decrypt(null, "idNumber", "v1:k1:AAAA")).getMessage());
    assertEquals("field", assertThrows(NullPointerException.class,
        () -> FieldCipher.create(provider("KMS:1", new javax.crypto.spec.SecretKeySpec(new byte[32], "AES")))
            .encrypt("r", null, "x")).getMessage());
    assertEquals("recordId", assertThrows(NullPointerException.class,
        () -> cipher.encrypt(null, "name", "\u5f20\uD800")).getMessage());
    assertTrue(assertThrows(DecryptionException.class, () -> cipher.decrypt("case-7", "idNumber", null)).getMessage()
        .endsWith("ciphertext is missing"), "a missing ciphertext is still a decryption failure");
  }

  /** An embedder's provider (a KMS) holding one key under one id. */
  private static KeyProvider provider(String keyId, javax.crypto.SecretKey key) {
    return new KeyProvider() {
      @Override
      public String activeKeyId() {
        return keyId;
      }

      @Override
      public java.util.Optional<javax.crypto.SecretKey> key(String id) {
        return id.equals(keyId) ? java.util.Optional.of(key) : java.util.Optional.empty();
      }

      @Override
      public java.util.Set<String> keyIds() {
        return java.util.Set.of(keyId);
      }
    };
  }

  /**
   * What an embedder's own provider hands over is checked before anything is written under it: an active id outside
   * the key-id format gave ciphertexts that decrypt refused as malformed (lost data), a 128-bit AES key encrypted
   * silently as AES-128, and a key of another length or algorithm was reported as "AES-GCM is unavailable in this
   * JRE".
   */
  @Test
  void encryptRefusesWhatItCouldNotReadBackOrThatIsNotAes256() {
    javax.crypto.spec.SecretKeySpec aes256 = new javax.crypto.spec.SecretKeySpec(new byte[32], "AES");
    InvalidInputException id = assertThrows(InvalidInputException.class,
        () -> FieldCipher.create(provider("KMS:1", aes256)).encrypt("r", "f", "x"));
    assertEquals("activeKeyId: the key provider's active key id 'KMS:1' does not match [a-z0-9][a-z0-9._-]{0,63}: a "
        + "ciphertext naming it could not be decrypted", id.getMessage());
    assertEquals("activeKeyId: key 'kms1' must be a 256-bit AES key, found AES of 128 bits",
        assertThrows(InvalidInputException.class, () -> FieldCipher.create(provider("kms1",
            new javax.crypto.spec.SecretKeySpec(new byte[16], "AES"))).encrypt("r", "f", "x")).getMessage());
    assertEquals("activeKeyId: key 'kms1' must be a 256-bit AES key, found HmacSHA256 of 256 bits",
        assertThrows(InvalidInputException.class, () -> FieldCipher.create(provider("kms1",
            new javax.crypto.spec.SecretKeySpec(new byte[32], "HmacSHA256"))).encrypt("r", "f", "x")).getMessage());
    for (int bytes : new int[] {33, 48, 64}) { // longer than AES-256: told so, not the JCE's "Invalid AES key length"
      assertEquals("activeKeyId: key 'kms1' must be a 256-bit AES key, found AES of " + bytes * 8 + " bits",
          assertThrows(InvalidInputException.class, () -> FieldCipher.create(provider("kms1",
              new javax.crypto.spec.SecretKeySpec(new byte[bytes], "AES"))).encrypt("r", "f", "x")).getMessage());
    }
    javax.crypto.SecretKey opaque = new javax.crypto.SecretKey() { // an HSM's: bytes not revealed, not usable here
      @Override
      public String getAlgorithm() {
        return "AES";
      }

      @Override
      public String getFormat() {
        return "RAW";
      }

      @Override
      public byte[] getEncoded() {
        return null;
      }
    };
    String hsm = assertThrows(InvalidInputException.class,
        () -> FieldCipher.create(provider("hsm1", opaque)).encrypt("r", "f", "x")).getMessage();
    assertTrue(hsm.startsWith("activeKeyId: key 'hsm1' cannot be used for AES-GCM: "), hsm);
    FieldCipher kms = FieldCipher.create(provider("kms1", aes256));
    assertEquals("x", kms.decrypt("r", "f", kms.encrypt("r", "f", "x")));
  }

  /**
   * An embedder's provider whose active id is none it holds (a KMS alias renamed, a rotation half done) is refused when
   * encrypting, naming that id and never the other keys' material; what it holds still decrypts.
   */
  @Test
  void aProviderWithoutAKeyForItsOwnActiveIdIsRefusedNamingTheId() {
    javax.crypto.spec.SecretKeySpec aes256 = new javax.crypto.spec.SecretKeySpec(new byte[32], "AES");
    String underK1 = FieldCipher.create(provider("k1", aes256)).encrypt("r", "f", "x");
    KeyProvider halfRotated = new KeyProvider() {
      @Override
      public String activeKeyId() {
        return "k2";
      }

      @Override
      public java.util.Optional<javax.crypto.SecretKey> key(String id) {
        return provider("k1", aes256).key(id);
      }

      @Override
      public java.util.Set<String> keyIds() {
        return java.util.Set.of("k1");
      }
    };
    FieldCipher cipher = FieldCipher.create(halfRotated);
    assertEquals("activeKeyId: the key provider has no key for its own active id 'k2'",
        assertThrows(InvalidInputException.class, () -> cipher.encrypt("r", "f", "x")).getMessage());
    assertEquals("x", cipher.decrypt("r", "f", underK1));
  }

  @Test
  void reencryptRefusesCiphertextOfAnotherRecord() {
    String old = cipher.encrypt("r1", "f", "secret");
    FieldCipher after = FieldCipher.create(keys.rotatedTo(InMemoryKeyProvider.generate("k2")));
    assertThrows(DecryptionException.class, () -> after.reencrypt("r2", "f", old));
  }

  @Test
  void bodyHoldsNonceCiphertextAndTag() {
    String ct = cipher.encrypt("r", "f", "abc");
    byte[] body = Base64.getUrlDecoder().decode(ct.substring("v1:k1:".length()));
    assertEquals(12 + 3 + 16, body.length);
  }

  @Test
  void toStringShowsNoKeyMaterial() {
    assertEquals("FieldCipher[AES-256-GCM v1, keys=InMemoryKeyProvider[active=k1, keyIds=[k1]]]", cipher.toString());
  }

  /**
   * The documented format, written and read with the JDK's AES-GCM alone: {@code v1:<keyId>:<base64url without padding
   * of nonce(12) || ciphertext || tag(16)>}, bound by the associated data "fenqi-field", "v1", the key id, the record
   * id and the field name in UTF-8, each after its length as 4 bytes big-endian. Another program (a migration, a reader
   * in another language) reads what encrypt wrote and writes what decrypt reads by that description alone; and decrypt
   * refuses sealed bytes that are no UTF-8 text, never a garbage plaintext.
   */
  @Test
  void theFormatAndItsAssociatedDataAreAsDocumented() throws Exception {
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    FieldCipher documented = FieldCipher.create(InMemoryKeyProvider.of("k1", Map.of("k1", raw)));
    SecretKeySpec aes = new SecretKeySpec(raw, "AES");
    byte[] aad = documentedAssociatedData("k1", "case-7", "姓名");

    String written = documented.encrypt("case-7", "姓名", "张三");
    assertTrue(written.startsWith("v1:k1:"), written);
    byte[] body = Base64.getUrlDecoder().decode(written.substring("v1:k1:".length()));
    Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
    gcm.init(Cipher.DECRYPT_MODE, aes, new GCMParameterSpec(128, body, 0, 12));
    gcm.updateAAD(aad);
    assertEquals("张三", new String(gcm.doFinal(body, 12, body.length - 12), StandardCharsets.UTF_8));

    assertEquals("13800001234", documented.decrypt("case-7", "姓名",
        sealedByHand(aes, aad, "13800001234".getBytes(StandardCharsets.UTF_8))));
    String notUtf8 = sealedByHand(aes, aad, new byte[] {'a', (byte) 0xC3, '(', (byte) 0xFF});
    assertEquals("record case-7 field 姓名: decrypted bytes are not UTF-8", assertThrows(DecryptionException.class,
        () -> documented.decrypt("case-7", "姓名", notUtf8)).getMessage());
  }

  private static byte[] documentedAssociatedData(String keyId, String recordId, String field) {
    ByteBuffer aad = ByteBuffer.allocate(1024);
    for (String part : new String[] {"fenqi-field", "v1", keyId, recordId, field}) {
      byte[] utf8 = part.getBytes(StandardCharsets.UTF_8);
      aad.putInt(utf8.length).put(utf8);
    }
    byte[] out = new byte[aad.position()];
    aad.flip().get(out);
    return out;
  }

  private static String sealedByHand(SecretKeySpec aes, byte[] aad, byte[] plain) throws Exception {
    byte[] nonce = new byte[12];
    new SecureRandom().nextBytes(nonce);
    Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
    gcm.init(Cipher.ENCRYPT_MODE, aes, new GCMParameterSpec(128, nonce));
    gcm.updateAAD(aad);
    byte[] sealed = gcm.doFinal(plain);
    byte[] body = ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array();
    return "v1:k1:" + Base64.getUrlEncoder().withoutPadding().encodeToString(body);
  }

  /**
   * Re-encryption checks that the ciphertext decrypts before anything else, even one already under the active key
   * (which it returns unchanged only then): one altered, or of another record, is refused, not passed on as sound.
   */
  @Test
  void reencryptChecksACiphertextAlreadyUnderTheActiveKey() {
    String ct = cipher.encrypt("r1", "idNumber", "11010519491231002X");
    assertEquals(ct, cipher.reencrypt("r1", "idNumber", ct));
    assertTrue(assertThrows(DecryptionException.class, () -> cipher.reencrypt("r2", "idNumber", ct)).getMessage()
        .contains("record r2 field idNumber: authentication failed under key 'k1'"));
    char last = ct.charAt(ct.length() - 1);
    String altered = ct.substring(0, ct.length() - 1) + (last == 'A' ? 'Q' : 'A');
    assertThrows(DecryptionException.class, () -> cipher.reencrypt("r1", "idNumber", altered));
  }

  /** The version is authenticated: a ciphertext relabelled as another version is refused, naming the version. */
  @Test
  void aCiphertextRelabelledAsAnotherVersionIsRefused() {
    String ct = cipher.encrypt("r", "f", "secret");
    for (String version : new String[] {"v2", "v10", "v"}) {
      String relabelled = version + ct.substring(2);
      String message = assertThrows(DecryptionException.class, () -> cipher.decrypt("r", "f", relabelled))
          .getMessage();
      assertTrue(message.startsWith("record r field f: not a ciphertext of a known version ("), message);
      assertTrue(message.endsWith("; this release reads v1)"), message);
    }
  }

  /**
   * A record and a field are named in a failure as core quotes a value ({@code Problem.excerpt}): masked, escaped and
   * cut by code point. A record id that is an ID number had been named in clear, one with a line break had begun a
   * forged line of its own in a log, and one cut at its 40th UTF-16 unit had kept half an emoji.
   */
  @Test
  void aRecordAndAFieldAreNamedMaskedEscapedAndCut() {
    String ct = cipher.encrypt("r", "f", "secret");
    String relabelled = "v2" + ct.substring(2);
    String byId = assertThrows(DecryptionException.class,
        () -> cipher.decrypt("110105198506150030", "f\nINFO ok", relabelled)).getMessage();
    assertTrue(byId.startsWith("record 110***********0030 field f\\nINFO ok: not a ciphertext of a known version"),
        byId);
    String emoji = "r".repeat(36) + "\uD83D\uDE00".repeat(5);
    String cut = assertThrows(DecryptionException.class, () -> cipher.decrypt(emoji, "f", relabelled)).getMessage();
    assertTrue(cut.startsWith("record " + "r".repeat(36) + "\uD83D\uDE00... field f: "), cut);
  }
}
