package io.github.fenqi.core.security;

import io.github.fenqi.core.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.SecretKey;

/**
 * Keys from a PKCS#12 keystore file: every {@code SecretKeyEntry} is a key, its alias is the key id. The
 * store password (also used for the entries) comes from an environment variable, so neither the keys nor the
 * password sit next to the data. Create the store with {@code keytool -genseckey -keyalg AES -keysize 256
 * -storetype PKCS12 -alias k2026a ...} or {@link java.security.KeyStore}.
 *
 * <p>The file is read once, at construction. Thread-safety: immutable.
 */
public final class Pkcs12KeyProvider extends RingKeyProvider {

  private Pkcs12KeyProvider(KeyRing ring) {
    super(ring);
  }

  /** Opens {@code keystore} with the password in the process environment variable {@code passwordVariable}. */
  public static Pkcs12KeyProvider open(Path keystore, String passwordVariable, String activeKeyId) {
    return open(keystore, passwordVariable, activeKeyId, System.getenv());
  }

  /**
   * Opens {@code keystore} with the password in {@code environment.get(passwordVariable)}.
   *
   * @throws InvalidInputException naming the file or variable: missing file, unset variable, wrong password,
   *     no AES-256 entries, or an active key id that is not in the store
   */
  public static Pkcs12KeyProvider open(Path keystore, String passwordVariable, String activeKeyId,
      Map<String, String> environment) {
    String password = environment.get(passwordVariable);
    if (password == null) {
      throw new InvalidInputException(passwordVariable, "environment variable is not set (expected the password "
          + "of keystore " + keystore + ")");
    }
    char[] pw = password.toCharArray();
    KeyStore store;
    try (InputStream in = Files.newInputStream(keystore)) {
      store = KeyStore.getInstance("PKCS12");
      store.load(in, pw);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(keystore.toString(), "no such keystore file");
    } catch (IOException | GeneralSecurityException e) {
      throw new InvalidInputException(keystore.toString(), "cannot open the PKCS#12 keystore (wrong password in "
          + passwordVariable + " or not a PKCS#12 file)");
    }
    Map<String, SecretKey> keys = new TreeMap<>();
    String alias = null;
    try {
      for (String each : Collections.list(store.aliases())) {
        alias = each;
        if (store.entryInstanceOf(alias, KeyStore.SecretKeyEntry.class)) {
          KeyStore.Entry entry = store.getEntry(alias, new KeyStore.PasswordProtection(pw));
          String location = keystore + ": alias " + alias;
          keys.put(KeyRing.requireKeyId(location, alias),
              KeyRing.requireAes256(location, ((KeyStore.SecretKeyEntry) entry).getSecretKey()));
        }
      }
    } catch (GeneralSecurityException e) {
      throw new InvalidInputException(keystore + ": alias " + alias, "cannot read the key entry with the password in "
          + passwordVariable + " (each entry must have the store's password): " + e.getMessage());
    }
    if (keys.isEmpty()) {
      throw new InvalidInputException(keystore.toString(), "holds no secret-key entries");
    }
    String active = KeyRing.requireKeyId("activeKeyId", activeKeyId);
    if (!keys.containsKey(active)) {
      throw new InvalidInputException(keystore.toString(), "active key id '" + active
          + "' is not among the available key ids " + keys.keySet() + " (the aliases of its secret-key entries)");
    }
    return new Pkcs12KeyProvider(new KeyRing(active, keys));
  }
}
