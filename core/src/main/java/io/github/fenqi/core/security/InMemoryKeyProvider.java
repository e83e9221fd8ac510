package io.github.fenqi.core.security;

import io.github.fenqi.core.InvalidInputException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.SecretKey;

/**
 * Keys held in memory, for tests and for embedders that fetch keys from their own KMS at start-up.
 *
 * <p>Thread-safety: immutable.
 */
public final class InMemoryKeyProvider extends RingKeyProvider {

  private InMemoryKeyProvider(KeyRing ring) {
    super(ring);
  }

  /** The given raw 32-byte keys by id; {@code activeKeyId} must be one of them. The arrays are copied. */
  public static InMemoryKeyProvider of(String activeKeyId, Map<String, byte[]> rawKeys) {
    Objects.requireNonNull(activeKeyId, "activeKeyId");
    Objects.requireNonNull(rawKeys, "rawKeys");
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    rawKeys.forEach((id, bytes) -> keys.put(KeyRing.requireKeyId("keyIds", id),
        KeyRing.aesKey("keys." + id, bytes.clone())));
    return new InMemoryKeyProvider(new KeyRing(KeyRing.requireKeyId("activeKeyId", activeKeyId), keys));
  }

  /** Fresh random keys (from {@link SecureRandom}) for each id; the first id is active. */
  public static InMemoryKeyProvider generate(String activeKeyId, String... otherKeyIds) {
    Objects.requireNonNull(activeKeyId, "activeKeyId");
    Objects.requireNonNull(otherKeyIds, "otherKeyIds");
    SecureRandom random = new SecureRandom();
    Map<String, byte[]> raw = new LinkedHashMap<>();
    for (String id : concat(activeKeyId, otherKeyIds)) {
      byte[] key = new byte[KeyRing.KEY_BYTES];
      random.nextBytes(key);
      raw.put(id, key);
    }
    return of(activeKeyId, raw);
  }

  /**
   * The same keys with another id active (a rotation step).
   *
   * @throws InvalidInputException (location {@code activeKeyId}) when this provider holds no key of that id
   * @throws NullPointerException naming {@code keyId} when it is null
   */
  public InMemoryKeyProvider withActive(String keyId) {
    Objects.requireNonNull(keyId, "keyId"); // TreeMap.containsKey(null) had thrown one naming nothing
    return new InMemoryKeyProvider(new KeyRing(keyId, ring.keys()));
  }

  /**
   * These keys plus {@code other}'s, with {@code other}'s active id active (rotation: new key added).
   *
   * @throws InvalidInputException naming the key id when both hold a key of that id and the keys differ: a new key
   *     needs a new id. (The other's key replaced this one's, and every ciphertext under the old key no longer
   *     decrypted: {@code generate("k1").rotatedTo(generate("k1"))}.)
   * @throws NullPointerException naming {@code other} when it is null
   */
  public InMemoryKeyProvider rotatedTo(InMemoryKeyProvider other) {
    Objects.requireNonNull(other, "other");
    Map<String, SecretKey> keys = new LinkedHashMap<>(ring.keys());
    other.ring.keys().forEach((id, key) -> {
      SecretKey held = keys.putIfAbsent(id, key);
      if (held != null && !MessageDigest.isEqual(held.getEncoded(), key.getEncoded())) {
        throw new InvalidInputException("keyIds", "key id '" + id + "' names another key in the rotated-to "
            + "provider; the ciphertexts under the key held now would no longer decrypt (a new key needs a new id)");
      }
    });
    return new InMemoryKeyProvider(new KeyRing(other.activeKeyId(), keys));
  }

  private static String[] concat(String first, String[] rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }
}
