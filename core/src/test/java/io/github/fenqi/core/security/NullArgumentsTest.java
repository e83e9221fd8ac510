package io.github.fenqi.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.security.audit.AuditAction;
import io.github.fenqi.core.security.audit.AuditCheckpoint;
import io.github.fenqi.core.security.audit.AuditEvent;
import io.github.fenqi.core.security.audit.AuditKey;
import io.github.fenqi.core.security.audit.FileAuditLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * A null argument to a public factory of the security and audit packages is refused naming the parameter, as
 * {@link BlindIndex#of} and {@link FieldCipher#create} refuse theirs ({@code Objects.requireNonNull(x, "x")}, the
 * packages' way): {@code AuditKey.of(null)} threw a NullPointerException with no message, from deep inside.
 */
class NullArgumentsTest {
  private static final AuditKey KEY = AuditKey.of(new byte[32]);
  private static final String BASE64_KEY = java.util.Base64.getEncoder().encodeToString(new byte[32]);

  @TempDir
  Path dir;

  /** The call is refused, the error naming {@code parameter}: a NullPointerException or an invalid-input problem. */
  private static void refusedNaming(String parameter, Executable call) {
    RuntimeException thrown = assertThrows(RuntimeException.class, call, parameter);
    if (thrown instanceof NullPointerException) {
      assertEquals(parameter, thrown.getMessage(), "the parameter named");
    } else {
      assertTrue(thrown instanceof InvalidInputException && thrown.getMessage().contains(parameter),
          parameter + ": " + thrown);
    }
  }

  @Test
  void auditKeyFactoriesNameTheirNullParameter() {
    refusedNaming("key", () -> AuditKey.of(null));
    refusedNaming("location", () -> AuditKey.fromBase64(null, BASE64_KEY));
    refusedNaming("base64", () -> AuditKey.fromBase64("where", null));
    refusedNaming("variable", () -> AuditKey.fromEnvironment(null, v -> BASE64_KEY));
    refusedNaming("environment", () -> AuditKey.fromEnvironment("V", null));
  }

  @Test
  void checkpointFactoriesNameTheirNullParameter() {
    String head = "0".repeat(64);
    refusedNaming("headHash", () -> AuditCheckpoint.sign(1, null, KEY));
    refusedNaming("key", () -> AuditCheckpoint.sign(1, head, null));
    refusedNaming("source", () -> AuditCheckpoint.parse(null, AuditCheckpoint.sign(1, head, KEY).toText()));
    refusedNaming("text", () -> AuditCheckpoint.parse("checkpoint.txt", null));
  }

  @Test
  void auditEventFactoriesNameTheirNullParameter() {
    refusedNaming("actor", () -> AuditEvent.of(null, AuditAction.DATA_ACCESS, "s"));
    refusedNaming("action", () -> AuditEvent.of("a", null, "s"));
    refusedNaming("subject", () -> AuditEvent.of("a", AuditAction.DATA_ACCESS, null));
    refusedNaming("details", () -> AuditEvent.of("a", AuditAction.DATA_ACCESS, "s", null));
  }

  @Test
  void fileAuditLogFactoriesNameTheirNullParameter() {
    Path file = dir.resolve("audit.log");
    refusedNaming("file", () -> FileAuditLog.open(null, KEY));
    refusedNaming("key", () -> FileAuditLog.open(file, null));
    refusedNaming("waitForWriter", () -> FileAuditLog.open(file, KEY, (Duration) null));
    refusedNaming("clock", () -> FileAuditLog.open(file, KEY, (Clock) null, List.of()));
    refusedNaming("sinks", () -> FileAuditLog.open(file, KEY, Clock.systemUTC(), null));
    refusedNaming("file", () -> FileAuditLog.verify(null, KEY, Optional.empty()));
    refusedNaming("key", () -> FileAuditLog.verify(file, null, Optional.empty()));
    refusedNaming("checkpoint", () -> FileAuditLog.verify(file, KEY, null));
    refusedNaming("file", () -> FileAuditLog.checkpoint(null, KEY));
    refusedNaming("key", () -> FileAuditLog.checkpoint(file, null));
    refusedNaming("file", () -> FileAuditLog.read(null, KEY, e -> { }));
    refusedNaming("key", () -> FileAuditLog.read(file, null, e -> { }));
    refusedNaming("onEntry", () -> FileAuditLog.read(file, KEY, null));
  }

  @Test
  void keyProviderFactoriesNameTheirNullParameter() {
    Map<String, String> environment = Map.of("K1", BASE64_KEY, "PW", "secret");
    refusedNaming("environment", () -> EnvironmentKeyProvider.of(null, "k1", Map.of("k1", "K1")));
    refusedNaming("activeKeyId", () -> EnvironmentKeyProvider.of(environment, null, Map.of("k1", "K1")));
    refusedNaming("variableByKeyId", () -> EnvironmentKeyProvider.of(environment, "k1", null));
    refusedNaming("keyId", () -> EnvironmentKeyProvider.fromSystemEnvironment(null, "K1"));
    refusedNaming("variable", () -> EnvironmentKeyProvider.fromSystemEnvironment("k1", null));
    refusedNaming("activeKeyId", () -> InMemoryKeyProvider.of(null, Map.of("k1", new byte[32])));
    refusedNaming("rawKeys", () -> InMemoryKeyProvider.of("k1", null));
    refusedNaming("activeKeyId", () -> InMemoryKeyProvider.generate(null));
    refusedNaming("otherKeyIds", () -> InMemoryKeyProvider.generate("k1", (String[]) null));
    refusedNaming("keyId", () -> InMemoryKeyProvider.generate("k1").withActive(null));
    refusedNaming("other", () -> InMemoryKeyProvider.generate("k1").rotatedTo(null));
    refusedNaming("keystore", () -> Pkcs12KeyProvider.open(null, "PW", "k1", environment));
    refusedNaming("passwordVariable", () -> Pkcs12KeyProvider.open(dir.resolve("k.p12"), null, "k1", environment));
    refusedNaming("activeKeyId", () -> Pkcs12KeyProvider.open(dir.resolve("k.p12"), "PW", null, environment));
    refusedNaming("environment", () -> Pkcs12KeyProvider.open(dir.resolve("k.p12"), "PW", "k1", null));
  }

  @Test
  void otherSecurityFactoriesNameTheirNullParameter() {
    refusedNaming("key", () -> BlindIndex.of(null));
    refusedNaming("keys", () -> FieldCipher.create(null));
    refusedNaming("clock", () -> IdentityValidation.withClock(null));
    refusedNaming("location", () -> Base64Key.decode(null, BASE64_KEY, "key"));
    refusedNaming("text", () -> Base64Key.decode("where", null, "key"));
    refusedNaming("what", () -> Base64Key.decode("where", BASE64_KEY, null));
    refusedNaming("parameter", () -> Base64Key.unsetVariable(null, "K1", "a key"));
    refusedNaming("variable", () -> Base64Key.unsetVariable("variable", null, "a key"));
    refusedNaming("expected", () -> Base64Key.unsetVariable("variable", "K1", null));
    refusedNaming("surnames", () -> Masking.builder().compoundSurnames(null));
  }
}
