package io.github.fenqi.core.security.audit;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;

/**
 * SHA-256 and HMAC-SHA-256 instances for one thread. {@link MessageDigest} and {@link Mac} are not thread-safe;
 * each writer or verifier owns its own {@code Hashing}.
 */
final class Hashing {
  private final MessageDigest sha256;
  private final Mac hmac;

  Hashing(AuditKey key) {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
      hmac = Mac.getInstance("HmacSHA256");
      hmac.init(key.spec());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 / HmacSHA256 unavailable in this JRE", e);
    }
  }

  String sha256Hex(byte[] data) {
    return HexFormat.of().formatHex(sha256.digest(data));
  }

  String hmacHex(byte[] data) {
    return HexFormat.of().formatHex(hmac.doFinal(data));
  }

  static String hmacHex(AuditKey key, byte[] data) {
    return new Hashing(key).hmacHex(data);
  }
}
