package io.github.fenqi.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.security.audit.AuditKey;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyProviderTest {
  @TempDir Path dir;

  private Path keystore(String password, String... aliases) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    KeyGenerator gen = KeyGenerator.getInstance("AES");
    gen.init(256);
    for (String alias : aliases) {
      SecretKey key = gen.generateKey();
      ks.setEntry(alias, new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(password.toCharArray()));
    }
    Path file = dir.resolve("keys.p12");
    try (OutputStream out = Files.newOutputStream(file)) {
      ks.store(out, password.toCharArray());
    }
    return file;
  }

  @Test
  void pkcs12ProviderReadsSecretKeysByAliasAndEncryptsUnderTheActiveOne() throws Exception {
    Path file = keystore("s3cret", "k2025", "k2026");
    Pkcs12KeyProvider keys = Pkcs12KeyProvider.open(file, "FENQI_KEYSTORE_PASSWORD", "k2026",
        Map.of("FENQI_KEYSTORE_PASSWORD", "s3cret"));
    assertEquals(Set.of("k2025", "k2026"), keys.keyIds());
    FieldCipher cipher = FieldCipher.create(keys);
    String ct = cipher.encrypt("r", "f", "13800001234");
    assertTrue(ct.startsWith("v1:k2026:"));
    Pkcs12KeyProvider reopened = Pkcs12KeyProvider.open(file, "PW", "k2025", Map.of("PW", "s3cret"));
    assertEquals("13800001234", FieldCipher.create(reopened).decrypt("r", "f", ct));
  }

  @Test
  void pkcs12ProviderRejectsWrongPasswordNamingTheFile() throws Exception {
    Path file = keystore("s3cret", "k1");
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> Pkcs12KeyProvider.open(file, "PW", "k1", Map.of("PW", "wrong")));
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("wrong password"), e.getMessage());
  }

  /**
   * Only a file that fails the store's integrity check is answered with the password: a directory, an empty file and
   * a text file were all "wrong password in PW or not a PKCS#12 file", sending the user after the password.
   */
  @Test
  void pkcs12ProviderTellsAFileItCannotReadOrParseFromAWrongPassword() throws Exception {
    Map<String, String> env = Map.of("PW", "s3cret");
    InvalidInputException directory = assertThrows(InvalidInputException.class,
        () -> Pkcs12KeyProvider.open(dir, "PW", "k1", env));
    assertEquals(dir + ": cannot read the keystore file: Is a directory", directory.getMessage());
    Path text = Files.writeString(dir.resolve("keys.txt"), "k1=AAAA\n");
    assertEquals(text + ": is not a PKCS#12 keystore (its 8 bytes do not parse as one)", assertThrows(
        InvalidInputException.class, () -> Pkcs12KeyProvider.open(text, "PW", "k1", env)).getMessage());
    Path empty = Files.write(dir.resolve("empty.p12"), new byte[0]);
    assertEquals(empty + ": is not a PKCS#12 keystore (its 0 bytes do not parse as one)", assertThrows(
        InvalidInputException.class, () -> Pkcs12KeyProvider.open(empty, "PW", "k1", env)).getMessage());
    Path file = keystore("s3cret", "k1");
    assertEquals(file + ": cannot open the PKCS#12 keystore: wrong password in PW (or the file was altered: its "
        + "integrity check failed)", assertThrows(InvalidInputException.class,
            () -> Pkcs12KeyProvider.open(file, "PW", "k1", Map.of("PW", "wrong"))).getMessage());
  }

  @Test
  void pkcs12ProviderRejectsUnsetPasswordVariableAndUnknownActiveId() throws Exception {
    Path file = keystore("s3cret", "k1");
    assertTrue(assertThrows(InvalidInputException.class, () -> Pkcs12KeyProvider.open(file, "PW", "k1", Map.of()))
        .getMessage().startsWith("PW: environment variable is not set"));
    assertTrue(assertThrows(InvalidInputException.class,
        () -> Pkcs12KeyProvider.open(file, "PW", "k7", Map.of("PW", "s3cret")))
        .getMessage().contains("'k7' is not among the available key ids [k1]"));
    assertTrue(assertThrows(InvalidInputException.class,
        () -> Pkcs12KeyProvider.open(dir.resolve("none.p12"), "PW", "k1", Map.of("PW", "x")))
        .getMessage().contains("no such keystore file"));
  }

  /**
   * The Javadoc promised the file is named for an active key id the store lacks; the message named only
   * "activeKeyId". An entry under another password than the store's was "cannot read a key entry: Get Key failed:
   * Given final block not properly padded", naming no alias.
   */
  /** An audit HMAC key of raw bytes is 32 bytes, neither one fewer nor one more, as one read from base64 is. */
  @Test
  void anAuditKeyOfOtherThanThirtyTwoRawBytesIsRefused() {
    for (int length : new int[] {0, 16, 31, 33, 64}) {
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> AuditKey.of(new byte[length]));
      assertEquals("auditKey: must be 32 bytes, found " + length, e.getMessage());
    }
  }

  /**
   * A keystore entry of algorithm AES but not 256 bits, shorter or longer, is refused naming its alias: FieldCipher
   * checks the active key only when it encrypts, and decrypts under any key the provider holds.
   */
  @Test
  void pkcs12EntriesOfAesButNot256BitsAreRefusedNamingTheAlias() throws Exception {
    for (int bytes : new int[] {16, 31, 33, 48}) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setEntry("k1", new KeyStore.SecretKeyEntry(new SecretKeySpec(new byte[bytes], "AES")),
          new KeyStore.PasswordProtection("s3cret".toCharArray()));
      Path file = dir.resolve("keys-" + bytes + ".p12");
      try (OutputStream out = Files.newOutputStream(file)) {
        ks.store(out, "s3cret".toCharArray());
      }
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> Pkcs12KeyProvider.open(file, "PW", "k1", Map.of("PW", "s3cret")));
      assertEquals(file + ": alias k1: must be a 256-bit AES key, found AES of " + bytes * 8 + " bits",
          e.getMessage());
    }
  }

  @Test
  void pkcs12ProblemsNameTheKeystoreAndTheAlias() throws Exception {
    Path file = keystore("s3cret", "k1");
    InvalidInputException missing = assertThrows(InvalidInputException.class,
        () -> Pkcs12KeyProvider.open(file, "PW", "k2027", Map.of("PW", "s3cret")));
    assertEquals(file + ": active key id 'k2027' is not among the available key ids [k1] (the aliases of its "
        + "secret-key entries)", missing.getMessage());

    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    KeyGenerator gen = KeyGenerator.getInstance("AES");
    gen.init(256);
    ks.setEntry("k1", new KeyStore.SecretKeyEntry(gen.generateKey()),
        new KeyStore.PasswordProtection("s3cret".toCharArray()));
    ks.setEntry("k2", new KeyStore.SecretKeyEntry(gen.generateKey()),
        new KeyStore.PasswordProtection("another".toCharArray()));
    try (OutputStream out = Files.newOutputStream(file)) {
      ks.store(out, "s3cret".toCharArray());
    }
    InvalidInputException entry = assertThrows(InvalidInputException.class,
        () -> Pkcs12KeyProvider.open(file, "PW", "k1", Map.of("PW", "s3cret")));
    assertTrue(entry.getMessage().startsWith(file + ": alias k2: cannot read the key entry with the password in PW"),
        entry.getMessage());
  }

  @Test
  void environmentProviderReadsBase64KeysAndSupportsRotation() {
    byte[] k1 = new byte[32];
    byte[] k2 = new byte[32];
    new SecureRandom().nextBytes(k1);
    new SecureRandom().nextBytes(k2);
    Map<String, String> env = Map.of("FENQI_KEY_1", Base64.getEncoder().encodeToString(k1),
        "FENQI_KEY_2", Base64.getEncoder().encodeToString(k2));
    EnvironmentKeyProvider old = EnvironmentKeyProvider.of(env, "k1", Map.of("k1", "FENQI_KEY_1"));
    EnvironmentKeyProvider both = EnvironmentKeyProvider.of(env, "k2",
        Map.of("k1", "FENQI_KEY_1", "k2", "FENQI_KEY_2"));
    String ct = FieldCipher.create(old).encrypt("r", "f", "x");
    FieldCipher rotated = FieldCipher.create(both);
    assertEquals("x", rotated.decrypt("r", "f", ct));
    assertTrue(rotated.reencrypt("r", "f", ct).startsWith("v1:k2:"));
  }

  @Test
  void environmentProviderNamesTheBadVariable() {
    assertTrue(assertThrows(InvalidInputException.class,
        () -> EnvironmentKeyProvider.of(Map.of(), "k1", Map.of("k1", "FENQI_KEY"))).getMessage()
        .startsWith("FENQI_KEY: environment variable is not set"));
    assertTrue(assertThrows(InvalidInputException.class,
        () -> EnvironmentKeyProvider.of(Map.of("FENQI_KEY", " "), "k1", Map.of("k1", "FENQI_KEY"))).getMessage()
        .startsWith("FENQI_KEY: environment variable is empty (expected the base64 of a 32-byte key for key id 'k1')"));
    assertTrue(assertThrows(InvalidInputException.class,
        () -> EnvironmentKeyProvider.of(Map.of("FENQI_KEY", "%%%"), "k1", Map.of("k1", "FENQI_KEY"))).getMessage()
        .startsWith("FENQI_KEY: is not valid base64"));
    assertTrue(assertThrows(InvalidInputException.class, () -> EnvironmentKeyProvider.of(
        Map.of("FENQI_KEY", Base64.getEncoder().encodeToString(new byte[16])), "k1", Map.of("k1", "FENQI_KEY")))
        .getMessage().startsWith("FENQI_KEY: holds 24 characters, the base64 of 16 bytes (expected the base64 of a "
            + "32-byte key for key id 'k1')"));
  }

  /**
   * A key given as 64 hex characters ({@code openssl rand -hex 32}) is valid base64 of 48 bytes: it was refused as
   * "found 48 bytes", with no word that base64 was expected or that the text looks like hex. Never shown.
   */
  @Test
  void aKeyGivenInHexIsToldSoWithoutBeingShown() {
    String hex = "9F86D081884C7D659A2FEAA0C55AD015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    String message = assertThrows(InvalidInputException.class,
        () -> EnvironmentKeyProvider.of(Map.of("FENQI_KEY", hex + "\n"), "k1", Map.of("k1", "FENQI_KEY"))).getMessage();
    assertTrue(message.startsWith("FENQI_KEY: holds 64 characters, the base64 of 48 bytes (expected the base64 of a "
        + "32-byte key for key id 'k1'); it looks like the hex of a 32-byte key"), message);
    assertFalse(message.contains(hex.substring(0, 8)) || message.contains(hex.substring(56)), message);
    String odd = assertThrows(InvalidInputException.class, // 65 hex characters are no base64 at all, nor a hex key
        () -> EnvironmentKeyProvider.of(Map.of("K", hex + "0"), "k1", Map.of("k1", "K"))).getMessage();
    assertEquals("K: is not valid base64 (expected the base64 of a 32-byte key for key id 'k1')", odd);
    String audit = assertThrows(InvalidInputException.class,
        () -> AuditKey.fromEnvironment("FENQI_AUDIT_KEY", Map.of("FENQI_AUDIT_KEY", hex)::get)).getMessage();
    assertTrue(audit.startsWith("FENQI_AUDIT_KEY: holds 64 characters, the base64 of 48 bytes (expected the base64 "
        + "of a 32-byte audit HMAC key); it looks like the hex of a 32-byte key"), audit);
    assertFalse(audit.contains(hex.substring(0, 8)), audit);
  }

  /**
   * A key or a password passed where its variable's name belongs ({@code fromSystemEnvironment("k1",
   * System.getenv("FENQI_KEY"))}) had been named as the variable, {@code "c9Ua…6g=: environment variable is not set"},
   * putting the key into a message that is logged. A name that is no environment variable's (letters, digits and
   * {@code _}) or is itself the base64 of a 32-byte key is not shown; the parameter is named in its place.
   */
  @Test
  void aKeyOrPasswordGivenInPlaceOfItsVariablesNameIsNeverShown() throws Exception {
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    String key = Base64.getEncoder().encodeToString(raw);
    String urlSafe = "Ab_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw).substring(3)
        .replace('-', '_'); // the name's shape, letters, digits and '_', yet the base64 of 32 bytes
    for (String given : new String[] {key, urlSafe}) {
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> EnvironmentKeyProvider.of(Map.of(), "k1", Map.of("k1", given)));
      assertEquals("variableByKeyId: names an environment variable that is not set and is not shown: it is no "
          + "variable's name (letters, digits and '_') or it is the base64 of a 32-byte key; was the value given in "
          + "place of the variable's name? (expected the base64 of a 32-byte key for key id 'k1')", e.getMessage());
    }
    assertEquals("variableByKeyId", assertThrows(InvalidInputException.class,
        () -> EnvironmentKeyProvider.fromSystemEnvironment("k1", key)).problems().get(0).location());
    Path file = keystore("pa$$ word!", "k1");
    String password = assertThrows(InvalidInputException.class,
        () -> Pkcs12KeyProvider.open(file, "pa$$ word!", "k1", Map.of())).getMessage();
    assertTrue(password.startsWith("passwordVariable: names an environment variable that is not set and is not "
        + "shown"), password);
    assertTrue(password.endsWith("(expected the password of keystore " + file + ")"), password);
    assertFalse(password.contains("pa$$"), password);
    String audit = assertThrows(InvalidInputException.class,
        () -> AuditKey.fromEnvironment(key, Map.<String, String>of()::get)).getMessage();
    assertTrue(audit.startsWith("variable: names an environment variable that is not set and is not shown"), audit);
    assertFalse(audit.contains(key.substring(0, 8)), audit);
  }

  /** The process environment is read under the variable's name: one not set is named, as {@code of} names it. */
  @Test
  void fromSystemEnvironmentReadsTheNamedVariable() {
    String unset = "FENQI_M105_NEVER_SET_" + Long.toHexString(new SecureRandom().nextLong()).toUpperCase();
    assertEquals(null, System.getenv(unset));
    assertEquals(unset + ": environment variable is not set (expected the base64 of a 32-byte key for key id 'k1')",
        assertThrows(InvalidInputException.class, () -> EnvironmentKeyProvider.fromSystemEnvironment("k1", unset))
            .getMessage());
  }

  /**
   * A key in the URL-safe alphabet ({@code secrets.token_urlsafe(32)}, {@code base64 | tr '+/' '-_'}), wrapped onto two
   * lines or left in the quotes of an env file was "not valid base64" with nothing to say why — and a URL-safe key
   * holding neither {@code -} nor {@code _} was read, so the same tool's key worked one time in four. Each is told
   * what is wrong with it, never shown.
   */
  @Test
  void aKeyInTheUrlSafeAlphabetOnTwoLinesOrInQuotesIsToldWhy() {
    byte[] raw = new byte[32];
    String key;
    do {
      new SecureRandom().nextBytes(raw);
      key = Base64.getEncoder().encodeToString(raw);
    } while (!key.contains("+") && !key.contains("/"));
    String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    Map<String, String> told = Map.of(
        urlSafe, "; it is in the URL-safe alphabet: write '+' for '-' and '/' for '_'",
        key.substring(0, 30) + "\n" + key.substring(30), "; it holds white space: write it on one line",
        key.substring(0, 30) + " " + key.substring(30), "; it holds white space: write it on one line",
        "\"" + key + "\"", "; it is in quotes: give it without them",
        "'" + key + "'", "; it is in quotes: give it without them",
        "\"" + key, "; it is in quotes: give it without them", // an env file's closing quote left off
        "not a key at all", ""); // white space alone is no reason: no line holds a key
    told.forEach((value, why) -> {
      String message = assertThrows(InvalidInputException.class,
          () -> EnvironmentKeyProvider.of(Map.of("K", value), "k1", Map.of("k1", "K"))).getMessage();
      assertEquals("K: is not valid base64 (expected the base64 of a 32-byte key for key id 'k1')" + why, message);
    });
    assertTrue(assertThrows(InvalidInputException.class, () -> AuditKey.fromBase64("FENQI_AUDIT_KEY", urlSafe))
        .getMessage().endsWith("; it is in the URL-safe alphabet: write '+' for '-' and '/' for '_'"));
  }

  /**
   * Only 64 hex characters are the hex of a 32-byte key: a colour ({@code c0ffee}), a commit id of 8 or 40 characters
   * or a 32-character hash given by mistake had been told "it looks like hex — convert it with 'xxd -r -p | base64'",
   * which makes no key of them either.
   */
  @ParameterizedTest
  @ValueSource(strings = {"c0ffee", "DEADBEEF", "632dff65", "632dff6530a1b2c3d4e5f60718293a4b5c6d7e8f",
      "d41d8cd98f00b204e9800998ecf8427e", "9F86D081884C7D659A2FEAA0C55AD015a3bf4f1b2b0b822cd15d6c15b0f00a"})
  void onlyTheHexOfA32ByteKeyIsCalledHex(String value) {
    String message = assertThrows(InvalidInputException.class,
        () -> EnvironmentKeyProvider.of(Map.of("K", value), "k1", Map.of("k1", "K"))).getMessage();
    assertTrue(message.startsWith("K: "), message);
    assertTrue(message.endsWith("(expected the base64 of a 32-byte key for key id 'k1')"), message);
    assertFalse(message.contains("hex"), message);
    assertFalse(message.contains(value), message);
  }

  @Test
  void rejectsKeyIdsThatWouldBreakTheFormat() {
    assertThrows(InvalidInputException.class, () -> InMemoryKeyProvider.generate("K:1"));
    assertThrows(InvalidInputException.class, () -> InMemoryKeyProvider.generate("Upper"));
  }

  /**
   * A ':' is what ends the key id in {@code v1:<keyId>:<body>}: an id holding one, lower case otherwise, is refused
   * where a provider is made, as an active id or any. The test above refused {@code K:1} for its upper case alone, so
   * a key-id pattern that let ':' through went unnoticed.
   */
  @Test
  void aKeyIdWithAColonIsRefusedWhateverElseItHolds() {
    assertEquals("activeKeyId", assertThrows(InvalidInputException.class,
        () -> InMemoryKeyProvider.of("k:1", Map.of())).problems().get(0).location());
    assertEquals("keyIds", assertThrows(InvalidInputException.class,
        () -> InMemoryKeyProvider.generate("k1", "k:2")).problems().get(0).location());
  }

  /**
   * A key id is [a-z0-9][a-z0-9._-]{0,63}: a lower-case letter or digit, then up to 63 more of those, dots, underscores
   * and dashes. One of 65 characters, or one that starts with punctuation, is refused by name, as an active id or any.
   */
  @Test
  void aKeyIdIsALetterOrDigitAndUpToSixtyThreeMore() {
    String longest = "k" + "2026.q4_a-".repeat(6) + "123";
    assertEquals(64, longest.length());
    assertEquals(longest, FieldCipher.keyIdOf(FieldCipher.create(InMemoryKeyProvider.generate(longest))
        .encrypt("r", "f", "x")));
    for (String id : new String[] {longest + "4", ".k1", "-k1", "_k1"}) {
      assertEquals("activeKeyId: key id '" + id + "' must match [a-z0-9][a-z0-9._-]{0,63} (lower case, no ':')",
          assertThrows(InvalidInputException.class, () -> InMemoryKeyProvider.of(id, Map.of())).getMessage());
      assertEquals("keyIds", assertThrows(InvalidInputException.class,
          () -> InMemoryKeyProvider.generate("k1", id)).problems().get(0).location());
    }
  }

  /** The active key id is one of the provider's: another is refused when the provider is made, naming the ids held. */
  @Test
  void anActiveKeyIdThatIsNoneOfTheKeysIsRefused() {
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    assertEquals("activeKeyId: 'k2' is not among the available key ids [k1]", assertThrows(InvalidInputException.class,
        () -> InMemoryKeyProvider.of("k2", Map.of("k1", raw))).getMessage());
    assertEquals("activeKeyId: 'k2' is not among the available key ids [k1]", assertThrows(InvalidInputException.class,
        () -> EnvironmentKeyProvider.of(Map.of("KEY", java.util.Base64.getEncoder().encodeToString(raw)), "k2",
            Map.of("k1", "KEY"))).getMessage());
  }

  /**
   * A keystore made with {@code keytool}, as the class comment says to make one: its AES-256 entries are the keys, a
   * key pair kept in the same store (a TLS identity) is no key and is passed over, an HMAC key or an alias that is no
   * key id is refused naming the alias. The key pair had been read as a key only because it was looked at as one.
   */
  @Test
  void aKeystoreMadeWithKeytoolIsReadByItsSecretKeyEntries() throws Exception {
    Path file = dir.resolve("keytool.p12");
    keytool(file, "-genseckey", "-keyalg", "AES", "-keysize", "256", "-alias", "k2026a");
    keytool(file, "-genkeypair", "-keyalg", "EC", "-dname", "CN=fenqi", "-alias", "tls");
    Map<String, String> env = Map.of("PW", "s3cret");
    Pkcs12KeyProvider keys = Pkcs12KeyProvider.open(file, "PW", "k2026a", env);
    assertEquals(Set.of("k2026a"), keys.keyIds());
    FieldCipher cipher = FieldCipher.create(keys);
    assertEquals("x", cipher.decrypt("r", "f", cipher.encrypt("r", "f", "x")));

    keytool(file, "-genseckey", "-keyalg", "HmacSHA256", "-keysize", "256", "-alias", "audit");
    assertEquals(file + ": alias audit: must be a 256-bit AES key, found HmacSHA256 of 256 bits", assertThrows(
        InvalidInputException.class, () -> Pkcs12KeyProvider.open(file, "PW", "k2026a", env)).getMessage());
    Path spaced = dir.resolve("spaced.p12");
    keytool(spaced, "-genseckey", "-keyalg", "AES", "-keysize", "256", "-alias", "key 2026");
    assertEquals(spaced + ": alias key 2026: key id 'key 2026' must match [a-z0-9][a-z0-9._-]{0,63} (lower case, no "
        + "':')", assertThrows(InvalidInputException.class,
            () -> Pkcs12KeyProvider.open(spaced, "PW", "k2026a", env)).getMessage());
  }

  /** Runs the JDK's keytool on {@code store} (PKCS#12, password s3cret) and waits for it to succeed. */
  private static void keytool(Path store, String... arguments) throws Exception {
    java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
        Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-noprompt", "-storetype", "PKCS12",
        "-keystore", store.toString(), "-storepass", "s3cret"));
    command.addAll(java.util.List.of(arguments));
    Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, keytool.waitFor(), output);
  }

  /** A keystore without a secret-key entry (a store of certificates, or an empty one) is refused naming the file. */
  @Test
  void aKeystoreWithoutSecretKeysIsRefusedNamingIt() throws Exception {
    Path file = keystore("s3cret");
    assertEquals(file + ": holds no secret-key entries", assertThrows(InvalidInputException.class,
        () -> Pkcs12KeyProvider.open(file, "PW", "k1", Map.of("PW", "s3cret"))).getMessage());
  }
}
