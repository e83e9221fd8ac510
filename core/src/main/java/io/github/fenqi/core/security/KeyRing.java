package io.github.fenqi.core.security;

import io.github.fenqi.core.InvalidInputException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** The validated key set behind every built-in {@link KeyProvider}. Immutable. */
record KeyRing(String activeKeyId, Map<String, SecretKey> keys) implements KeyProvider {
  static final Pattern KEY_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  static final int KEY_BYTES = 32;

  KeyRing {
    keys = Collections.unmodifiableMap(new TreeMap<>(Map.copyOf(keys))); // ids in order wherever they are listed
    if (!keys.containsKey(activeKeyId)) {
      throw new InvalidInputException("activeKeyId", "'" + activeKeyId + "' is not among the available key ids "
          + keys.keySet());
    }
  }

  static String requireKeyId(String location, String keyId) {
    if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
      throw new InvalidInputException(location, "key id '" + keyId
          + "' must match [a-z0-9][a-z0-9._-]{0,63} (lower case, no ':')");
    }
    return keyId;
  }

  /** An AES key from exactly 32 bytes; {@code location} names where the bytes came from. */
  static SecretKey aesKey(String location, byte[] bytes) {
    if (bytes.length != KEY_BYTES) {
      throw new InvalidInputException(location, "an AES-256 key must be 32 bytes, found " + bytes.length);
    }
    return new SecretKeySpec(bytes, "AES");
  }

  static SecretKey requireAes256(String location, SecretKey key) {
    byte[] encoded = key.getEncoded();
    if (!"AES".equalsIgnoreCase(key.getAlgorithm()) || encoded == null || encoded.length != KEY_BYTES) {
      throw new InvalidInputException(location, "must be a 256-bit AES key, found " + key.getAlgorithm()
          + (encoded == null ? "" : " of " + encoded.length * 8 + " bits"));
    }
    return new SecretKeySpec(encoded, "AES");
  }

  @Override
  public Optional<SecretKey> key(String keyId) {
    return Optional.ofNullable(keys.get(keyId));
  }

  @Override
  public Set<String> keyIds() {
    return keys.keySet();
  }
}
