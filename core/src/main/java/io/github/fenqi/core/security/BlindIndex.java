package io.github.fenqi.core.security;

import io.github.fenqi.core.InvalidInputException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
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
 * <p>Each public method checks its arguments first and names a null one in its {@link NullPointerException}, as
 * {@link FieldCipher} does: a null field, value or key had been Java's own exception from inside the hashing, naming
 * nothing, and a null {@link Kind} had been taken silently as {@link Kind#OTHER}.
 *
 * <p>Thread-safety: immutable and thread-safe (a new {@link Mac} per call).
 */
public final class BlindIndex {
  private final SecretKeySpec key;

  private BlindIndex(byte[] key) {
    this.key = new SecretKeySpec(key, "HmacSHA256");
  }

  /**
   * An index under a 32-byte key (copied).
   *
   * @throws NullPointerException naming {@code key} when it is null
   */
  public static BlindIndex of(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length != KeyRing.KEY_BYTES) {
      throw new InvalidInputException("blindIndexKey", "must be 32 bytes, found " + key.length);
    }
    return new BlindIndex(key.clone());
  }

  /**
   * What a field holds, which decides the forms of one identifier that index alike (see the class comment).
   *
   * <p>Thread-safety: immutable (an enum).
   */
  public enum Kind {
    /** A mobile or other phone number: {@code +86}, {@code 0086} or {@code 86} before a mainland mobile dropped. */
    PHONE,
    /** A resident ID number: separators removed, the check character upper case ({@code x} → {@code X}). */
    ID_NUMBER,
    /** A bank card number: separators (the spaces of {@code 6222 0212 3456 7890}) removed. */
    BANK_CARD,
    /** Any other identifier: the field-agnostic normalisation of {@link #normalise(String)}. */
    OTHER
  }

  /** A mainland mobile: 1, then 3 to 9, then nine digits. */
  private static final Pattern MAINLAND_MOBILE = Pattern.compile("1[3-9]\\d{9}");

  /**
   * The normalised form of {@code value} as a {@code kind} that is hashed (see the class comment).
   *
   * @throws NullPointerException naming {@code kind} or {@code value} when it is null
   */
  public static String normalise(Kind kind, String value) {
    Objects.requireNonNull(kind, "kind");
    String common = normalise(value);
    if (kind != Kind.PHONE) {
      return common;
    }
    String phone = common.replaceAll("[().]", "");
    for (String countryCode : new String[] {"+86", "0086", "86"}) {
      if (phone.startsWith(countryCode)
          && MAINLAND_MOBILE.matcher(phone).region(countryCode.length(), phone.length()).matches()) {
        return phone.substring(countryCode.length());
      }
    }
    return phone;
  }

  /**
   * The normalised form that is hashed (exposed so callers can see why two inputs match).
   *
   * @throws NullPointerException naming {@code value} when it is null
   */
  public static String normalise(String value) {
    Objects.requireNonNull(value, "value");
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

  /**
   * Lower-case hex of HMAC-SHA-256(key, len(field) || field || normalise(value)); 64 characters.
   *
   * @throws NullPointerException naming {@code field} or {@code value} when it is null
   */
  public String index(String field, String value) {
    return index(field, Kind.OTHER, value);
  }

  /**
   * Lower-case hex of HMAC-SHA-256(key, len(field) || field || normalise(kind, value)); 64 characters. The kind
   * changes only the normalisation: an already normalised value has the same index under every kind.
   *
   * @throws InvalidInputException naming {@code field} when {@code value} holds half of a UTF-16 surrogate pair:
   *     it has no UTF-8 form, and every such value had the index of the same value with {@code ?} in its place; at
   *     {@code field} when the field name holds one, which had indexed as the name with {@code ?} there
   * @throws NullPointerException naming {@code field}, {@code kind} or {@code value} when it is null
   */
  public String index(String field, Kind kind, String value) {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    byte[] f = FieldCipher.utf8Name("field", field, "the index of a value in it");
    byte[] v = FieldCipher.utf8(field, "to index", normalise(kind, value));
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
