package io.github.fenqi.core.security;

import io.github.fenqi.core.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed, deterministic fingerprint of an identifier so that an encrypted column (ID number, bank card,
 * mobile) can still be searched by equality: store {@code index("idNumber", id)} next to the ciphertext and
 * look rows up by the index of the query value. HMAC-SHA-256 under a key that is NOT any {@link FieldCipher}
 * key; the field name is mixed in so equal values in different fields give unrelated indexes.
 *
 * <p>Normalisation before hashing: Unicode NFKC (full-width digits become ASCII); separators removed — whitespace
 * and space characters, every dash ({@code -}, the en and em dashes {@code –—}, {@code U+2212 −}, any Unicode dash
 * punctuation) and invisible format characters (zero-width space and joiners, byte-order mark, soft hyphen,
 * direction marks), which a number copied from a web page or a chat carries; upper case (so
 * {@code 11010519491231002x} and {@code 11010519491231002X} match). Earlier snapshots removed only whitespace and
 * {@code '-'}, so a lookup of {@code 138–0000–1234} missed the row of {@code 13800001234}; an index they stored for a
 * value holding another separator differs from the one computed now (recompute it from the ciphertext).
 *
 * <p>What it leaks: equality (two rows with the same value have the same index) and, to whoever holds the key,
 * a guessing oracle. Identifier spaces are small, so the key must be protected like an encryption key.
 *
 * <p>Thread-safety: immutable and thread-safe (a new {@link Mac} per call).
 */
public final class BlindIndex {
  private final SecretKeySpec key;

  private BlindIndex(byte[] key) {
    this.key = new SecretKeySpec(key, "HmacSHA256");
  }

  /** An index under a 32-byte key (copied). */
  public static BlindIndex of(byte[] key) {
    if (key.length != KeyRing.KEY_BYTES) {
      throw new InvalidInputException("blindIndexKey", "must be 32 bytes, found " + key.length);
    }
    return new BlindIndex(key.clone());
  }

  /** The normalised form that is hashed (exposed so callers can see why two inputs match). */
  public static String normalise(String value) {
    String nfkc = Normalizer.normalize(value, Normalizer.Form.NFKC);
    StringBuilder out = new StringBuilder(nfkc.length());
    nfkc.codePoints().filter(c -> !isSeparator(c)).forEach(out::appendCodePoint);
    return out.toString().toUpperCase(Locale.ROOT);
  }

  /** A space, a dash or an invisible format character: what a copied identifier carries between its digits. */
  static boolean isSeparator(int c) {
    int type = Character.getType(c);
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.DASH_PUNCTUATION
        || type == Character.FORMAT || c == '\u2212';
  }

  /** Lower-case hex of HMAC-SHA-256(key, len(field) || field || normalise(value)); 64 characters. */
  public String index(String field, String value) {
    byte[] f = field.getBytes(StandardCharsets.UTF_8);
    byte[] v = normalise(value).getBytes(StandardCharsets.UTF_8);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(ByteBuffer.allocate(4).putInt(f.length).array());
      mac.update(f);
      return HexFormat.of().formatHex(mac.doFinal(v));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable in this JRE", e);
    }
  }

  @Override
  public String toString() {
    return "BlindIndex[HMAC-SHA-256]";
  }
}
