package io.github.fenqi.core.security;

import io.github.fenqi.core.DecryptionException;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts single PII fields (ID number, bank card, mobile, name) for storage: AES-256-GCM with a fresh
 * random 96-bit nonce per encryption and a 128-bit tag. The ciphertext is bound to its record and field by
 * GCM associated data, so a ciphertext copied to another record or another field does not decrypt.
 *
 * <p>Format ({@code v1}): {@code v1:<keyId>:<base64url without padding of nonce(12) || ciphertext || tag(16)>}.
 * The associated data is the UTF-8 of {@code "fenqi-field"}, {@code "v1"}, the key id, the record id and the
 * field name, each preceded by its length as a 4-byte big-endian integer (so no two (record, field) pairs share
 * one encoding). Version and key id are therefore authenticated too.
 *
 * <p>Decryption failures of any kind (malformed text, unknown version or key id, wrong key, any altered or
 * truncated byte or character of the text — base64url is read strictly, without padding or bits past the last
 * byte — wrong record or field) throw {@link DecryptionException}; never a partial or garbage plaintext. Messages
 * name the record and field and never contain plaintext or key material: of the text, only a version tag
 * ({@code v<digits>}) and a well-formed key id are quoted, so a column that still holds unencrypted text is not
 * echoed into a log.
 *
 * <p>Thread-safety: thread-safe (a new {@link Cipher} per call; {@link SecureRandom} is thread-safe).
 */
public final class FieldCipher {
  /** The current format version prefix. */
  public static final String VERSION = "v1";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int TAG_BYTES = TAG_BITS / 8;
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  /** What a version of this format looks like ({@code v1}, a future {@code v2}): the only prefix a message quotes. */
  private static final Pattern VERSION_TAG = Pattern.compile("v[0-9]{1,4}");

  private final KeyProvider keys;
  private final SecureRandom random;

  private FieldCipher(KeyProvider keys, SecureRandom random) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.random = random;
  }

  /** A cipher writing under {@code keys.activeKeyId()} and reading any key id {@code keys} holds. */
  public static FieldCipher create(KeyProvider keys) {
    return new FieldCipher(keys, new SecureRandom());
  }

  /** The key provider this cipher uses. */
  public KeyProvider keys() {
    return keys;
  }

  /**
   * Encrypts {@code plaintext} as field {@code field} of record {@code recordId} under the active key.
   * Two encryptions of the same value differ (fresh nonce).
   *
   * @throws InvalidInputException (location {@code activeKeyId}) when the provider's active id does not match the
   *     key-id format, it holds no key for it, or that key is not a 256-bit AES key usable here; (location
   *     {@code field}) when {@code plaintext} holds half of a UTF-16 surrogate pair, which has no UTF-8 form;
   *     (location {@code recordId} or {@code field}) when the record id or field name does, which bound the
   *     ciphertext to the name with {@code ?} in its place, another record's or field's
   * @throws NullPointerException naming {@code recordId}, {@code field} or {@code plaintext} when it is null
   */
  public String encrypt(String recordId, String field, String plaintext) {
    requireRecordAndField(recordId, field);
    Objects.requireNonNull(plaintext, "plaintext");
    String keyId = keys.activeKeyId();
    if (keyId == null || !KeyRing.KEY_ID.matcher(keyId).matches()) { // decrypt could never read the ciphertext back
      throw new InvalidInputException("activeKeyId", "the key provider's active key id '"
          + Problem.excerpt(String.valueOf(keyId)) + "' does not match [a-z0-9][a-z0-9._-]{0,63}: a ciphertext naming "
          + "it could not be decrypted");
    }
    SecretKey key = aes256(keyId, keys.key(keyId).orElseThrow(() -> new InvalidInputException("activeKeyId",
        "the key provider has no key for its own active id '" + keyId + "'")));
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData(keyId, recordId, field));
      byte[] sealed = cipher.doFinal(utf8(field, "of record " + Problem.excerpt(recordId), plaintext));
      byte[] out = new byte[NONCE_BYTES + sealed.length];
      System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
      System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
      return VERSION + ":" + keyId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    } catch (InvalidKeyException e) {
      throw new InvalidInputException("activeKeyId", "key '" + keyId + "' cannot be used for AES-GCM: "
          + e.getMessage());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable in this JRE", e);
    }
  }

  /**
   * {@code key} when it is a 256-bit AES key, or one whose bytes the provider does not reveal (an HSM's) of algorithm
   * AES. A custom provider's 128-bit key encrypted silently as AES-128, and one of another length or algorithm failed
   * as "AES-GCM is unavailable in this JRE". Decryption does not check: data already written stays readable.
   */
  private static SecretKey aes256(String keyId, SecretKey key) {
    byte[] encoded = key.getEncoded();
    if (!"AES".equalsIgnoreCase(key.getAlgorithm()) || encoded != null && encoded.length != KeyRing.KEY_BYTES) {
      throw new InvalidInputException("activeKeyId", "key '" + keyId + "' must be a 256-bit AES key, found "
          + key.getAlgorithm() + (encoded == null ? "" : " of " + encoded.length * 8 + " bits"));
    }
    return key;
  }

  /**
   * Decrypts a ciphertext made by {@link #encrypt} for the same record and field.
   *
   * @throws DecryptionException when the text is malformed, its key id is unknown, or it was altered,
   *     truncated, encrypted under another key, or belongs to another record or field (a null ciphertext is missing)
   * @throws InvalidInputException naming {@code recordId} or {@code field} when it holds half of a UTF-16 surrogate
   *     pair, as {@link #encrypt} refuses it: no ciphertext is bound to it
   * @throws NullPointerException naming {@code recordId} or {@code field} when it is null
   */
  public String decrypt(String recordId, String field, String ciphertext) {
    requireRecordAndField(recordId, field);
    Parsed parsed = parse(ciphertext, recordId, field);
    SecretKey key = keys.key(parsed.keyId).orElseThrow(() -> new DecryptionException(where(recordId, field)
        + ": unknown key id '" + parsed.keyId + "' (this provider holds " + keys.keyIds() + ")"));
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, parsed.bytes, 0, NONCE_BYTES));
      cipher.updateAAD(associatedData(parsed.keyId, recordId, field));
      byte[] plain = cipher.doFinal(parsed.bytes, NONCE_BYTES, parsed.bytes.length - NONCE_BYTES);
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(plain)).toString();
    } catch (AEADBadTagException e) {
      throw new DecryptionException(where(recordId, field) + ": authentication failed under key '" + parsed.keyId
          + "' (ciphertext altered or truncated, wrong key, or it belongs to another record or field)");
    } catch (CharacterCodingException e) {
      throw new DecryptionException(where(recordId, field) + ": decrypted bytes are not UTF-8");
    } catch (GeneralSecurityException e) {
      throw new DecryptionException(where(recordId, field) + ": cannot decrypt: " + e.getMessage(), e);
    }
  }

  /**
   * Moves a ciphertext to the active key: decrypts it (under whichever held key it names) and encrypts it
   * again under {@link KeyProvider#activeKeyId()}. A ciphertext already under the active key is returned
   * unchanged (after checking it decrypts).
   */
  public String reencrypt(String recordId, String field, String ciphertext) {
    String plain = decrypt(recordId, field, ciphertext);
    if (keyIdOf(ciphertext).equals(keys.activeKeyId())) {
      return ciphertext;
    }
    return encrypt(recordId, field, plain);
  }

  /** The key id new ciphertexts are written under (the provider's active key). */
  public String activeKeyId() {
    return keys.activeKeyId();
  }

  /** Whether {@code ciphertext} is under a key other than the active one (a candidate for {@link #reencrypt}). */
  public boolean needsReencryption(String ciphertext) {
    return !keyIdOf(ciphertext).equals(keys.activeKeyId());
  }

  /**
   * The key id a ciphertext names (not authenticated until it is decrypted).
   *
   * @throws DecryptionException when the text is not in a known format
   */
  public static String keyIdOf(String ciphertext) {
    return parse(ciphertext, "?", "?").keyId;
  }

  private static Parsed parse(String ciphertext, String recordId, String field) {
    if (ciphertext == null) {
      throw new DecryptionException(where(recordId, field) + ": ciphertext is missing");
    }
    int first = ciphertext.indexOf(':');
    int second = first < 0 ? -1 : ciphertext.indexOf(':', first + 1);
    if (second < 0) {
      throw new DecryptionException(where(recordId, field) + ": not a fenqi ciphertext (expected "
          + "v1:<keyId>:<base64url>)");
    }
    // Nothing but a version tag or a key id is quoted: a column that still holds unencrypted text with a colon in it
    // (北京市:朝阳区) had its first 40 characters put into the message, which is logged
    String version = ciphertext.substring(0, first);
    if (!VERSION.equals(version)) {
      throw new DecryptionException(where(recordId, field) + ": not a ciphertext of a known version ("
          + (VERSION_TAG.matcher(version).matches() ? "version '" + version + "'"
              : "its text before the first ':' is no version tag such as " + VERSION + "; unencrypted text?")
          + "; this release reads " + VERSION + ")");
    }
    String keyId = ciphertext.substring(first + 1, second);
    if (!KeyRing.KEY_ID.matcher(keyId).matches()) {
      throw new DecryptionException(where(recordId, field) + ": malformed key id (its text between the first two "
          + "':' does not match [a-z0-9][a-z0-9._-]{0,63}; it is not shown, as it may be unencrypted text)");
    }
    byte[] bytes;
    String body = ciphertext.substring(second + 1);
    try {
      bytes = Base64.getUrlDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new DecryptionException(where(recordId, field) + ": ciphertext body is not base64url");
    }
    // the decoder ignores bits past the last byte and accepts padding: only encrypt's own spelling is the ciphertext
    if (!Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(body)) {
      throw new DecryptionException(where(recordId, field) + ": ciphertext body is not canonical base64url "
          + "(padding, or bits set past its last byte: the text was altered)");
    }
    if (bytes.length < NONCE_BYTES + TAG_BYTES) {
      throw new DecryptionException(where(recordId, field) + ": ciphertext truncated (" + bytes.length
          + " bytes, at least " + (NONCE_BYTES + TAG_BYTES) + " expected)");
    }
    return new Parsed(keyId, bytes);
  }

  /**
   * {@code value} in UTF-8, or an {@link InvalidInputException} naming {@code field} when it holds an unpaired UTF-16
   * surrogate, which no UTF-8 encodes: {@link String#getBytes} wrote {@code ?} in its place, so 张, U+D800, 三 was
   * encrypted as, and decrypted to, {@code 张?三}, and {@link BlindIndex} gave it the index of 张, U+DC00, 三.
   * {@code which} says whose value it is (never the value itself).
   */
  static byte[] utf8(String field, String which, String value) {
    return utf8(value, () -> new InvalidInputException(field, "the value " + which + " holds half of a UTF-16 "
        + "surrogate pair, which is no character and has no UTF-8 form: it would be stored as '?'"));
  }

  /**
   * {@code name} in UTF-8, or an {@link InvalidInputException} at {@code location} when it holds an unpaired UTF-16
   * surrogate: {@link String#getBytes} wrote {@code ?} in its place, so a record id or field name holding one was
   * the same, once bound or hashed, as the one with {@code ?} there (the name is not shown). {@code use} says what
   * it would have been taken for.
   */
  static byte[] utf8Name(String location, String name, String use) {
    return utf8(name, () -> new InvalidInputException(location, "holds half of a UTF-16 surrogate pair, which is no "
        + "character and has no UTF-8 form: " + use + " would be that of the same text with '?' in its place"));
  }

  private static byte[] utf8(String value, Supplier<InvalidInputException> unpaired) {
    try {
      ByteBuffer bytes = StandardCharsets.UTF_8.newEncoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .encode(CharBuffer.wrap(value));
      byte[] out = new byte[bytes.remaining()];
      bytes.get(out);
      return out;
    } catch (CharacterCodingException e) {
      throw unpaired.get();
    }
  }

  /**
   * The record and field a ciphertext is bound to are the caller's arguments, checked before anything else: a null
   * field met first in a malformed text's message, a bare NullPointerException from inside it that named nothing, and
   * {@link #encrypt} reported a key provider's fault before the caller's own.
   */
  private static void requireRecordAndField(String recordId, String field) {
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(field, "field");
  }

  static byte[] associatedData(String keyId, String recordId, String field) {
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(field, "field");
    byte[][] parts = {"fenqi-field".getBytes(StandardCharsets.UTF_8), VERSION.getBytes(StandardCharsets.UTF_8),
        keyId.getBytes(StandardCharsets.UTF_8), utf8Name("recordId", recordId, "the record a ciphertext is bound to"),
        utf8Name("field", field, "the field a ciphertext is bound to")};
    int size = 0;
    for (byte[] p : parts) {
      size += 4 + p.length;
    }
    ByteBuffer buffer = ByteBuffer.allocate(size);
    for (byte[] p : parts) {
      buffer.putInt(p.length).put(p);
    }
    return buffer.array();
  }

  private static String where(String recordId, String field) {
    // quoted as a value is: a record id that is an ID number had been named in clear, and one with a line break raw
    return "record " + Problem.excerpt(recordId) + " field " + Problem.excerpt(field);
  }

  private record Parsed(String keyId, byte[] bytes) {}

  @Override
  public String toString() {
    return "FieldCipher[AES-256-GCM " + VERSION + ", keys=" + keys + "]";
  }
}
