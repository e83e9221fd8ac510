package io.github.fenqi.core.security;

import io.github.fenqi.core.InputFiles;
import io.github.fenqi.core.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
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
   * @throws InvalidInputException naming the file or variable: missing or unreadable file (a directory, say), unset
   *     variable, wrong password, a file that is no PKCS#12 keystore, no AES-256 entries, or an active key id that is
   *     not in the store
   */
  public static Pkcs12KeyProvider open(Path keystore, String passwordVariable, String activeKeyId,
      Map<String, String> environment) {
    Objects.requireNonNull(keystore, "keystore");
    Objects.requireNonNull(passwordVariable, "passwordVariable");
    Objects.requireNonNull(activeKeyId, "activeKeyId");
    Objects.requireNonNull(environment, "environment");
    String password = environment.get(passwordVariable);
    if (password == null) {
      throw Base64Key.unsetVariable("passwordVariable", passwordVariable, "the password of keystore " + keystore);
    }
    char[] pw = password.toCharArray();
    byte[] bytes;
    try { // read apart from parsing: a directory or an unreadable file was told to check the password
      bytes = InputFiles.readBounded(keystore, InputFiles.DEFAULT_MAX_BYTES);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(keystore.toString(), "no such keystore file");
    } catch (IOException e) {
      throw new InvalidInputException(keystore.toString(), "cannot read the keystore file: " + InputFiles.reason(e));
    }
    KeyStore store;
    try {
      store = KeyStore.getInstance("PKCS12");
      store.load(new ByteArrayInputStream(bytes), pw);
    } catch (IOException e) {
      // a wrong password and an altered byte both fail the store's integrity check; anything else does not parse
      throw new InvalidInputException(keystore.toString(), e.getCause() instanceof UnrecoverableKeyException
          ? "cannot open the PKCS#12 keystore: wrong password in " + passwordVariable + " (or the file was altered: "
              + "its integrity check failed)"
          : "is not a PKCS#12 keystore (its " + bytes.length + " bytes do not parse as one)");
    } catch (GeneralSecurityException e) {
      throw new InvalidInputException(keystore.toString(), "cannot open the PKCS#12 keystore: " + e.getMessage());
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
