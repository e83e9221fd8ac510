package io.github.fenqi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An audit log is a regular file, appended to and forced to disk: {@code --audit-log} and {@code audit verify|checkpoint}
 * given something else (a device, a directory, a link to nothing) refuse it in one line naming the option or file and
 * what it is. Run as processes, with the key in the environment as a user sets it.
 */
class AuditLogPathTest {
  private static final String POLICIES = "../../samples/policies";
  private static final String FEASIBLE = "../../samples/cases/shanghai-three-debts-feasible.json";

  private static CliProcess fenqi(String... args) throws Exception {
    ProcessBuilder pb = CliProcess.fenqi(args).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("FENQI_AUDIT_KEY", Base64.getEncoder().encodeToString(new byte[32]));
    return CliProcess.end(pb.start());
  }

  /** '--audit-log /dev/null' (for "no log") failed after planning with "audit write failed … Invalid argument". */
  @Test
  void planRefusesAnAuditLogThatIsNoRegularFileBeforePlanning(@TempDir Path dir) throws Exception {
    Path dangling = Files.createSymbolicLink(dir.resolve("audit.jsonl"), dir.resolve("missing.jsonl"));
    List<String> errors = new ArrayList<>();
    for (String log : List.of("/dev/null", dir.toString(), dangling.toString())) {
      CliProcess run = fenqi("plan", FEASIBLE, "--policies", POLICIES, "--audit-log", log);
      assertEquals(FenqiCli.REJECTED, run.exit(), run.err());
      assertEquals(1, run.err().lines().count(), run.err());
      errors.add(run.err().strip());
    }
    String why = ", not a regular file: an audit log is a file, appended to and forced to disk; leave --audit-log out "
        + "to keep no audit log";
    assertEquals(List.of(
        "fenqi: --audit-log: /dev/null is a character device" + why,
        "fenqi: --audit-log: " + dir + " is a directory" + why,
        "fenqi: --audit-log: " + dangling + " is a link to " + dir.resolve("missing.jsonl") + ", which does not exist "
            + "(an audit log is not created through a link: create the file, or give its own path); leave --audit-log "
            + "out to keep no audit log"), errors);
    assertEquals(List.of(dangling), List.of(Files.list(dir).toArray()), "nothing was created");
  }

  /** 'audit verify /dev/null' answered "OK, 0 entries verified" and 'audit checkpoint /dev/null' signed it. */
  @Test
  void verifyAndCheckpointRefuseADeviceInsteadOfVouchingForIt(@TempDir Path dir) throws Exception {
    Path dangling = Files.createSymbolicLink(dir.resolve("audit.jsonl"), dir.resolve("moved.jsonl"));
    CliProcess link = fenqi("audit", "verify", dangling.toString());
    assertEquals(FenqiCli.REJECTED, link.exit(), link.err());
    assertEquals("fenqi: " + dangling + ": is a link to " + dir.resolve("moved.jsonl") + ", which does not exist",
        link.err().strip());
    for (String command : List.of("verify", "checkpoint")) {
      CliProcess run = fenqi("audit", command, "/dev/null");
      assertEquals(FenqiCli.REJECTED, run.exit(), run.err());
      assertEquals("fenqi: /dev/null: is a character device, not a regular file: an audit log is a file, appended to "
          + "and forced to disk", run.err().strip());
    }
  }

  /**
   * The case file or a statement given as the audit log too (a slip of the shell's history) is refused naming the
   * file it is: it was "entry 1 (line 1) is not valid JSON; nothing was planned (check the log with 'fenqi audit
   * verify')", as if the audit log had been damaged.
   */
  @Test
  void planRefusesAnAuditLogThatIsTheCaseOrAStatement(@TempDir Path dir) throws Exception {
    Path copy = Files.copy(Path.of(FEASIBLE), dir.resolve("case.json"));
    Path statement = Files.copy(Path.of("../../samples/statements/bank_A.csv"), dir.resolve("bank.csv"));
    String otherName = dir + "/./case.json";
    CliProcess asCase = fenqi("plan", copy.toString(), "--policies", POLICIES, "--audit-log", otherName);
    assertEquals(FenqiCli.REJECTED, asCase.exit(), asCase.err());
    assertEquals("fenqi: --audit-log: " + otherName + " is the case file " + copy + "; give the audit log a file of its "
        + "own", asCase.err().strip());
    CliProcess asStatement = fenqi("plan", FEASIBLE, "--policies", POLICIES, "--statement", statement.toString(),
        "--audit-log", statement.toString());
    assertEquals(FenqiCli.REJECTED, asStatement.exit(), asStatement.err());
    assertEquals("fenqi: --audit-log: " + statement + " is the statement " + statement + "; give the audit log a file "
        + "of its own", asStatement.err().strip());
  }

  /**
   * The log given as its own checkpoint is refused saying so: it was "holds 4 lines, where a checkpoint file holds one
   * checkpoint …: give … its last line (tail -n 1)", and the last line of a log is no checkpoint either.
   */
  @Test
  void verifyRefusesTheLogAsItsOwnCheckpoint(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("audit.jsonl");
    assertEquals(0, fenqi("plan", FEASIBLE, "--policies", POLICIES, "--audit-log", log.toString()).exit());
    String otherName = dir + "/./audit.jsonl";
    CliProcess run = fenqi("audit", "verify", log.toString(), "--checkpoint", otherName);
    assertEquals(FenqiCli.REJECTED, run.exit(), run.err());
    assertEquals("fenqi: --checkpoint: " + otherName + " is the audit log " + log + " itself; give the file that "
        + "'fenqi audit checkpoint' printed", run.err().strip());
  }

  /**
   * A run refused for its input — a statement that is not there, a case the engine refuses (an ID number's check
   * digit) — creates no audit log: the log is made by the run's first entry. Each had left an empty log file behind
   * (a mistyped --audit-log path among them), as the log was created before anything was read.
   */
  @Test
  void aRefusedRunCreatesNoAuditLog(@TempDir Path dir) throws Exception {
    Path badId = dir.resolve("bad-id.json");
    Files.writeString(badId, Files.readString(Path.of(FEASIBLE)).replace("110105198506150030", "110105198506150031"));
    Path log = dir.resolve("audit.jsonl");
    CliProcess missing = fenqi("plan", FEASIBLE, "--policies", POLICIES, "--statement", dir + "/none.csv",
        "--audit-log", log.toString());
    assertEquals(FenqiCli.REJECTED, missing.exit(), missing.err());
    CliProcess refused = fenqi("plan", badId.toString(), "--policies", POLICIES, "--audit-log", log.toString());
    assertEquals(FenqiCli.REJECTED, refused.exit(), refused.err());
    assertEquals("fenqi: " + badId + ": borrower.idNumber: '110***********0031' has a wrong check digit (GB 11643)",
        refused.err().strip());
    assertEquals(List.of(badId), List.of(Files.list(dir).toArray()), "no audit log created");

    CliProcess planned = fenqi("plan", FEASIBLE, "--policies", POLICIES, "--audit-log", log.toString());
    assertEquals(FenqiCli.OK, planned.exit(), planned.err());
    assertEquals(4, Files.readAllLines(log).size(), "a run that plans creates the log: its data access, 3 proposals");
  }

  /**
   * A new log whose directory is missing, or is a file, is refused before planning, naming the directory: since the
   * log was made by the run's first entry, a mistyped directory was found only after the whole plan was computed, and
   * the run printed no plan anyway.
   */
  @Test
  void planRefusesANewAuditLogWhoseDirectoryIsMissingBeforePlanning(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("notes.txt"), "not a directory");
    Path inMissing = dir.resolve("missing").resolve("audit.jsonl");
    Path inFile = file.resolve("audit.jsonl");
    CliProcess missing = fenqi("plan", FEASIBLE, "--policies", POLICIES, "--audit-log", inMissing.toString());
    assertEquals(FenqiCli.REJECTED, missing.exit(), missing.err());
    assertEquals("fenqi: --audit-log: " + inMissing + " cannot be created: its directory " + dir.resolve("missing")
        + " does not exist; leave --audit-log out to keep no audit log", missing.err().strip());
    CliProcess underFile = fenqi("plan", FEASIBLE, "--policies", POLICIES, "--audit-log", inFile.toString());
    assertEquals(FenqiCli.REJECTED, underFile.exit(), underFile.err());
    assertEquals("fenqi: --audit-log: " + inFile + " cannot be created: " + file + " is not a directory; leave "
        + "--audit-log out to keep no audit log", underFile.err().strip());
    assertEquals(List.of(file), List.of(Files.list(dir).toArray()), "nothing was created");
  }

  /** So is a new log in a directory this user cannot write (not checkable as root, who writes anywhere). */
  @Test
  void planRefusesANewAuditLogInADirectoryItCannotWriteBeforePlanning(@TempDir Path dir) throws Exception {
    Path readOnly = Files.createDirectory(dir.resolve("read-only"));
    Files.setPosixFilePermissions(readOnly, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(readOnly), "this user writes anywhere (root)");
      Path log = readOnly.resolve("audit.jsonl");
      CliProcess run = fenqi("plan", FEASIBLE, "--policies", POLICIES, "--audit-log", log.toString());
      assertEquals(FenqiCli.REJECTED, run.exit(), run.err());
      assertEquals("fenqi: --audit-log: " + log + " cannot be created: its directory " + readOnly + " is not "
          + "writable; leave --audit-log out to keep no audit log", run.err().strip());
    } finally {
      Files.setPosixFilePermissions(readOnly, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }
}
