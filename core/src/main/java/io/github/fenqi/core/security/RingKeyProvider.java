package io.github.fenqi.core.security;

import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;

/** Shared body of the built-in providers: a fixed {@link KeyRing}. Immutable. */
abstract class RingKeyProvider implements KeyProvider {
  final KeyRing ring;

  RingKeyProvider(KeyRing ring) {
    this.ring = ring;
  }

  @Override
  public final String activeKeyId() {
    return ring.activeKeyId();
  }

  @Override
  public final Optional<SecretKey> key(String keyId) {
    return ring.key(keyId);
  }

  @Override
  public final Set<String> keyIds() {
    return ring.keyIds();
  }

  /** Never prints key material. */
  @Override
  public final String toString() {
    return getClass().getSimpleName() + "[active=" + ring.activeKeyId() + ", keyIds=" + ring.keyIds() + "]";
  }
}
