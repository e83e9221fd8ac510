package io.github.fenqi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.security.audit.AuditAction;
import io.github.fenqi.core.security.audit.AuditEvent;
import io.github.fenqi.core.security.audit.AuditKey;
import io.github.fenqi.core.security.audit.FileAuditLog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AuditCommandTest {
  @TempDir Path dir;
  private final String keyText = newKeyText();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private static String newKeyText() {
    byte[] k = new byte[32];
    new SecureRandom().nextBytes(k);
    return Base64.getEncoder().encodeToString(k);
  }

  private Path log(int entries) {
    Path file = dir.resolve("audit.log");
    try (FileAuditLog log = FileAuditLog.open(file, AuditKey.fromBase64("test", keyText))) {
      for (int i = 1; i <= entries; i++) {
        log.append(AuditEvent.of("cli-test", AuditAction.PROPOSAL_GENERATED, "case-" + i));
      }
      try {
        Files.writeString(dir.resolve("checkpoint.txt"), log.checkpoint().toText());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return file;
  }

  private int run(Map<String, String> env, String... args) {
    CommandLine cl = new CommandLine(new AuditCommand(env::get));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void verifyPrintsTheEntryCountAndExitsZero() {
    Path file = log(7);
    assertEquals(0, run(Map.of("FENQI_AUDIT_KEY", keyText), "verify", file.toString()));
    assertTrue(out.toString().contains("OK, 7 entries verified"), out.toString());
  }

  /**
   * An empty log verifies, as no entry is wrong, but a log cut to nothing reads so too: without a checkpoint the
   * verdict says so on standard error, and against a checkpoint of later entries the cut is caught. It had been a plain
   * "OK, 0 entries verified".
   */
  @Test
  void anEmptyLogVerifiesSayingACutLogReadsSoToo() throws Exception {
    Path file = log(3);
    Files.write(file, new byte[0]);
    assertEquals(0, run(Map.of("FENQI_AUDIT_KEY", keyText), "verify", file.toString()));
    assertTrue(out.toString().startsWith(file + ": OK, 0 entries verified"), out.toString());
    assertEquals("fenqi: note: " + file + " holds no entry, as a log cut to nothing would: verify it with --checkpoint "
        + "(a checkpoint kept from 'fenqi audit checkpoint') to tell" + System.lineSeparator(), err.toString());
    err.getBuffer().setLength(0);
    assertEquals(1, run(Map.of("FENQI_AUDIT_KEY", keyText), "verify", file.toString(), "--checkpoint",
        dir.resolve("checkpoint.txt").toString()));
    assertTrue(err.toString().contains("entries 1..3 were truncated"), err.toString());
    err.getBuffer().setLength(0);
    assertEquals(0, run(Map.of("FENQI_AUDIT_KEY", keyText), "verify", log(1).toString()));
    assertEquals("", err.toString());
  }

  @Test
  void verifyReadsTheKeyFromTheNamedVariable() {
    Path file = log(2);
    assertEquals(0, run(Map.of("MY_KEY", keyText), "verify", file.toString(), "--key-env", "MY_KEY",
        "--checkpoint", dir.resolve("checkpoint.txt").toString()));
    assertTrue(out.toString().contains("checkpoint at 2 matches"), out.toString());
  }

  @Test
  void verifyNamesTheFirstBadEntryAndExitsOne() throws Exception {
    Path file = log(5);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    lines.set(2, lines.get(2).replace("case-3", "case-8"));
    Files.write(file, lines, StandardCharsets.UTF_8);
    assertEquals(1, run(Map.of("FENQI_AUDIT_KEY", keyText), "verify", file.toString()));
    assertTrue(err.toString().contains("entry 3 (line 3)"), err.toString());
    assertEquals("", out.toString());
  }

  @Test
  void verifyDetectsTruncationAgainstACheckpoint() throws Exception {
    Path file = log(5);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Files.write(file, lines.subList(0, 3), StandardCharsets.UTF_8);
    assertEquals(1, run(Map.of("FENQI_AUDIT_KEY", keyText), "verify", file.toString(), "--checkpoint",
        dir.resolve("checkpoint.txt").toString()));
    assertTrue(err.toString().contains("entries 4..5 were truncated"), err.toString());
  }

  /**
   * The checkpoint a user keeps elsewhere comes from the CLI too (it had to be made in Java), and it is the one the
   * writer itself would sign; it catches entries cut off the tail afterwards. A log that does not verify gets none.
   */
  @Test
  void checkpointPrintsTheWritersCheckpointAndThenCatchesATruncatedTail() throws Exception {
    Path file = log(5);
    Map<String, String> env = Map.of("FENQI_AUDIT_KEY", keyText);
    assertEquals(0, run(env, "checkpoint", file.toString()));
    String printed = out.toString().strip();
    assertEquals(Files.readString(dir.resolve("checkpoint.txt")).strip(), printed);
    Path kept = dir.resolve("kept.txt");
    Files.writeString(kept, printed + "\n");
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Files.write(file, lines.subList(0, 4), StandardCharsets.UTF_8);
    assertEquals(1, run(env, "verify", file.toString(), "--checkpoint", kept.toString()));
    assertTrue(err.toString().contains("entry 5 was truncated"), err.toString());

    lines.set(1, lines.get(1).replace("case-2", "case-9"));
    Files.write(file, lines, StandardCharsets.UTF_8);
    out.getBuffer().setLength(0);
    assertEquals(1, run(env, "checkpoint", file.toString()));
    assertEquals("", out.toString());
    assertTrue(err.toString().contains("entry 2 (line 2)") && err.toString().endsWith("; no checkpoint written"
        + System.lineSeparator()), err.toString());
  }

  /**
   * A writer forces its lines to disk only after it wrote them: a checkpoint read from another process beside it could
   * sign lines a crash then takes back, and a checkpoint naming entries the log never kept reads later as a log cut
   * short. So the checkpoint takes the lock the writer holds, and is refused, saying so, while another process writes;
   * it is made once the writer is done, and in the writer's own process it is the writer's checkpoint, of its durable
   * entries.
   */
  @Test
  void aCheckpointIsRefusedWhileAWriterInAnotherProcessHoldsTheLog() throws Exception {
    Path file = dir.resolve("live.log");
    AuditKey key = AuditKey.fromBase64("test", keyText);
    String made;
    try (FileAuditLog writer = FileAuditLog.open(file, key)) {
      writer.append(AuditEvent.of("cli-test", AuditAction.PROPOSAL_GENERATED, "case-1"));
      ProcessBuilder beside = CliProcess.fenqi("audit", "checkpoint", file.toString());
      beside.environment().put("FENQI_AUDIT_KEY", keyText);
      Process p = beside.start();
      String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      CliProcess refused = CliProcess.end(p);
      assertEquals(FenqiCli.REJECTED, refused.exit(), printed + refused.err());
      assertEquals("", printed);
      assertTrue(refused.err().contains(file + ": the audit log is open by a writer"), refused.err());

      assertEquals(0, run(Map.of("FENQI_AUDIT_KEY", keyText), "checkpoint", file.toString()), err.toString());
      assertEquals(writer.checkpoint().toText(), out.toString().strip(), "in the writer's process: its checkpoint");
      made = writer.checkpoint().toText();
    }
    ProcessBuilder after = CliProcess.fenqi("audit", "checkpoint", file.toString());
    after.environment().put("FENQI_AUDIT_KEY", keyText);
    Process p = after.start();
    String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    CliProcess done = CliProcess.end(p);
    assertEquals(FenqiCli.OK, done.exit(), done.err());
    assertEquals(made, printed);
  }

  /**
   * A checkpoint kept elsewhere comes back as an editor saved it: with a byte order mark (Notepad, a ticket's
   * attachment) and CRLF. Both are the same checkpoint; the mark alone made it "not a checkpoint".
   */
  @Test
  void aCheckpointSavedWithAByteOrderMarkAndCrlfIsTheSameCheckpoint() throws Exception {
    Path file = log(3);
    Path saved = dir.resolve("saved.txt");
    Files.writeString(saved, "\uFEFF" + Files.readString(dir.resolve("checkpoint.txt")).strip() + "\r\n");
    assertEquals(0, run(Map.of("FENQI_AUDIT_KEY", keyText), "verify", file.toString(), "--checkpoint",
        saved.toString()), err.toString());
    assertTrue(out.toString().contains("checkpoint at 3 matches"), out.toString());

    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Files.write(file, lines.subList(0, 2), StandardCharsets.UTF_8);
    assertEquals(1, run(Map.of("FENQI_AUDIT_KEY", keyText), "verify", file.toString(), "--checkpoint",
        saved.toString()));
    assertTrue(err.toString().contains("entry 3 was truncated"), err.toString());
  }

  /**
   * The log given as its own checkpoint, under another spelling of its path, is named as the log itself: it was
   * refused as a file of several lines to take the last of, which is no checkpoint either.
   */
  @Test
  void theLogGivenAsItsOwnCheckpointIsNamedAsTheLog() {
    Path file = log(3);
    Path same = dir.resolve(".").resolve("audit.log");
    assertEquals(1, run(Map.of("FENQI_AUDIT_KEY", keyText), "verify", file.toString(), "--checkpoint",
        same.toString()));
    assertTrue(err.toString().contains("--checkpoint: " + same + " is the audit log " + file + " itself; give the "
        + "file that 'fenqi audit checkpoint' printed"), err.toString());
    assertEquals("", out.toString());
  }

  /**
   * A kept checkpoint that is not authentic under the key — its file edited, or made under another audit key — is
   * named as the fault of that file, whichever log is verified: it was told as the log's ({@code fenqi: audit.log:
   * checkpoint at sequence 2 is not authentic under this audit key}), sending the reader to an untouched log.
   */
  @Test
  void aCheckpointNotAuthenticUnderTheKeyIsNamedAsTheCheckpointFilesFault() throws Exception {
    Path file = log(3);
    Path edited = dir.resolve("edited.txt");
    Files.writeString(edited, Files.readString(dir.resolve("checkpoint.txt")).replace(" 3 ", " 2 "));
    assertEquals(1, run(Map.of("FENQI_AUDIT_KEY", keyText), "verify", file.toString(), "--checkpoint",
        edited.toString()));
    assertTrue(err.toString().contains(edited + ": checkpoint at sequence 2 is not authentic under the audit key in "
        + "FENQI_AUDIT_KEY: the file was edited, or the checkpoint was made under another audit key"), err.toString());
    assertFalse(err.toString().contains(file + ":"), err.toString());
    assertEquals("", out.toString());
  }

  @Test
  void aMissingCheckpointFileIsNamed() {
    Path file = log(1);
    Path missing = dir.resolve("no-such-checkpoint.txt");
    assertEquals(1, run(Map.of("FENQI_AUDIT_KEY", keyText), "verify", file.toString(), "--checkpoint",
        missing.toString()));
    assertTrue(err.toString().contains(missing + ": no such file"), err.toString());
  }

  @Test
  void missingKeyIsARejectedInputWithOneLineThroughTheCli() {
    Path file = log(1);
    StringWriter cliOut = new StringWriter();
    StringWriter cliErr = new StringWriter();
    int code = FenqiCli.run(new String[] {"audit", "verify", file.toString(), "--key-env",
        "FENQI_TEST_VARIABLE_THAT_IS_NOT_SET_7F3A"}, new PrintWriter(cliOut), new PrintWriter(cliErr));
    assertEquals(FenqiCli.REJECTED, code);
    assertEquals("fenqi: FENQI_TEST_VARIABLE_THAT_IS_NOT_SET_7F3A: environment variable is not set (expected the "
        + "base64 of a 32-byte audit HMAC key)", cliErr.toString().strip());
  }

  @Test
  void wrongKeyFailsAtTheFirstEntry() {
    Path file = log(3);
    assertEquals(1, run(Map.of("FENQI_AUDIT_KEY", newKeyText()), "verify", file.toString()));
    assertTrue(err.toString().contains("entry 1 (line 1) HMAC does not verify"), err.toString());
  }

  /**
   * A --key-env that is no variable name — the key itself, given in place of its variable's name — is refused
   * without printing it: the message quoted the name, and so wrote the secret key to standard error.
   */
  @Test
  void aKeyGivenInPlaceOfItsVariableNameIsRefusedWithoutShowingIt() {
    Path file = log(1);
    String expected = "fenqi: --key-env: is not an environment variable name (letters, digits and '_'; not shown, in "
        + "case it is the key): give the name of the variable that holds the key, such as FENQI_AUDIT_KEY";
    for (String[] args : List.of(new String[] {"audit", "verify", file.toString(), "--key-env", keyText},
        new String[] {"audit", "checkpoint", file.toString(), "--key-env", keyText},
        new String[] {"plan", "../../samples/cases/shanghai-three-debts-feasible.json", "--policies",
            "../../samples/policies", "--audit-log", dir.resolve("new.log").toString(), "--key-env", keyText})) {
      CliRun run = CliRun.of(args);
      assertEquals(FenqiCli.REJECTED, run.exit(), run.err());
      assertEquals(expected, run.err().strip(), args[1]);
      assertEquals("", run.out());
    }
    assertEquals("fenqi: --key-env: is empty: give the name of the variable that holds the key, such as "
        + "FENQI_AUDIT_KEY", CliRun.of("audit", "verify", file.toString(), "--key-env", "").err().strip());
  }

  /** A variable set to nothing is "empty", not "not set": the reader looks for an empty value, not a missing export. */
  @Test
  void anEmptyKeyVariableIsSaidToBeEmpty() {
    Path file = log(1);
    CommandLine cl = new CommandLine(new AuditCommand(Map.of("FENQI_AUDIT_KEY", "")::get));
    Exception[] thrown = new Exception[1];
    cl.setExecutionExceptionHandler((ex, c, p) -> {
      thrown[0] = ex;
      return FenqiCli.REJECTED;
    });
    assertEquals(FenqiCli.REJECTED, cl.execute("verify", file.toString()));
    assertEquals("FENQI_AUDIT_KEY: environment variable is empty (expected the base64 of a 32-byte audit HMAC key)",
        thrown[0].getMessage());
  }
}
