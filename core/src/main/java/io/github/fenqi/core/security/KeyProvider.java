package io.github.fenqi.core.security;

import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;

/**
 * Where {@link FieldCipher} gets its AES-256 keys. Keys live apart from the data they protect (a keystore
 * file, the environment, an HSM or KMS behind an embedder's own implementation); ciphertexts carry only the
 * key id. Several key ids may be available at once so old data keeps decrypting after a rotation; new data is
 * always written under {@link #activeKeyId()}.
 *
 * <p>Key ids match {@code [a-z0-9][a-z0-9._-]{0,63}} (lower case because PKCS#12 aliases are case-insensitive,
 * no {@code ':'} because the ciphertext format uses it as a separator).
 *
 * <p>Implementations must be thread-safe.
 */
public interface KeyProvider {

  /** The key id new ciphertexts are written under; {@link #key} returns a key for it. */
  String activeKeyId();

  /** The 256-bit AES key with this id, or empty when this provider does not hold it. */
  Optional<SecretKey> key(String keyId);

  /** Every key id this provider can decrypt with, the active one included. */
  Set<String> keyIds();
}
