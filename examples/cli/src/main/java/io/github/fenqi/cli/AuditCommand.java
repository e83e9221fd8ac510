package io.github.fenqi.cli;

import io.github.fenqi.core.AuditIntegrityException;
import io.github.fenqi.core.InputFiles;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.security.audit.AuditCheckpoint;
import io.github.fenqi.core.security.audit.AuditKey;
import io.github.fenqi.core.security.audit.AuditVerification;
import io.github.fenqi.core.security.audit.FileAuditLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fenqi audit verify LOG [--key-env NAME] [--checkpoint FILE]}: checks an audit log's hash chain and HMACs
 * (and, given a checkpoint, that its tail was not cut off). Exit 0 with the entry count, or 1 naming the first
 * bad entry. {@code fenqi audit checkpoint LOG [--key-env NAME]} verifies the log and prints its signed checkpoint,
 * to be kept somewhere else: a hash chain alone cannot show that entries were cut off its tail. It takes the writer's
 * lock ({@link FileAuditLog#checkpoint(Path, AuditKey)}), and is refused while a writer in another process holds the
 * log, whose newest lines may not yet be on disk: a checkpoint of them could name entries a crash takes back.
 *
 * <p>Thread-safety: one instance per command line; not shared.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Audit log tools.")
public final class AuditCommand implements Runnable {
  @Spec CommandSpec spec;

  private final Function<String, @Nullable String> environment;

  /** Reads the HMAC key from the process environment. */
  public AuditCommand() {
    this(System::getenv);
  }

  /** Reads the HMAC key through {@code environment} (tests cannot set environment variables). */
  AuditCommand(Function<String, @Nullable String> environment) {
    this.environment = environment;
  }

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: verify or checkpoint");
  }

  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Verify an audit log: exit 0 with the entry count, or 1 naming the first bad entry.")
  int verify(
      @Parameters(paramLabel = "LOG", description = "the audit log (JSON lines)") Path log,
      @Option(names = "--key-env", paramLabel = "NAME", defaultValue = AuditKey.DEFAULT_VARIABLE,
          description = "environment variable holding the base64 of the 32-byte HMAC key (default: ${DEFAULT-VALUE})")
          String keyEnv,
      @Option(names = "--checkpoint", paramLabel = "FILE",
          description = "a checkpoint exported earlier; detects truncation of the tail ('-': standard input)")
          @Nullable Path checkpointFile) {
    StandardInput.refuse(log, AN_AUDIT_LOG, "LOG");
    AuditKey key = key(keyEnv, environment);
    Optional<AuditCheckpoint> checkpoint = Optional.empty();
    if (checkpointFile != null) {
      // the log as its own checkpoint was "holds 4 lines …: give … its last line (tail -n 1)", no checkpoint either
      if (!StandardInput.is(checkpointFile) && FileKind.sameFile(log, checkpointFile)) {
        throw new InvalidInputException("--checkpoint", checkpointFile + " is the audit log "
            + log + " itself; give the file that 'fenqi audit checkpoint' printed");
      }
      // InputFiles: a missing file is "no such file", and a wrong path (a device) cannot fill the heap
      String text = new String(StandardInput.read(checkpointFile, 64 * 1024), StandardCharsets.UTF_8);
      // a checkpoint kept in a ticket or saved by Notepad starts with a byte order mark: the kept line was "not a
      // checkpoint", though a line ending in CRLF was taken and the case file, statements and texts take the mark
      AuditCheckpoint kept = AuditCheckpoint.parse(StandardInput.source(checkpointFile),
          text.startsWith("\uFEFF") ? text.substring(1) : text);
      // the file's fault, not the log's: it was "<log>: checkpoint at sequence N is not authentic under this audit key"
      if (!kept.isAuthenticUnder(key)) {
        throw new InvalidInputException(StandardInput.source(checkpointFile), "checkpoint at "
            + "sequence " + kept.sequence() + " is not authentic under the audit key in " + keyEnv + ": the file was "
            + "edited, or the checkpoint was made under another audit key");
      }
      checkpoint = Optional.of(kept);
    }
    AuditVerification v = verified(log, key, checkpoint, "");
    if (v == null) {
      return FenqiCli.REJECTED;
    }
    spec.commandLine().getOut().println(log + ": OK, " + v.entries() + " entries verified"
        + checkpoint.map(c -> " (checkpoint at " + c.sequence() + " matches)").orElse("")
        + ", head " + v.headHash());
    spec.commandLine().getOut().flush();
    if (v.entries() == 0 && checkpoint.isEmpty()) {
      // no entry is wrong, so the log verifies; but a log cut to nothing reads so too, and no run of fenqi leaves an
      // empty log (a log is made by its first entry): the plain "OK, 0 entries" had vouched for it
      spec.commandLine().getErr().println("fenqi: note: " + log + " holds no entry, as a log cut to nothing would: "
          + "verify it with --checkpoint (a checkpoint kept from 'fenqi audit checkpoint') to tell");
      spec.commandLine().getErr().flush();
    }
    return FenqiCli.OK;
  }

  @Command(name = "checkpoint", mixinStandardHelpOptions = true,
      description = {"Verify an audit log and print its signed checkpoint (one line) for safekeeping elsewhere: "
          + "'audit verify --checkpoint' then detects entries cut off the tail.",
          "Refused while a writer in another process holds the log (its newest lines may not be on disk yet): "
              + "take the service's own checkpoint, or run it once the writer is done."})
  int checkpoint(
      @Parameters(paramLabel = "LOG", description = "the audit log (JSON lines)") Path log,
      @Option(names = "--key-env", paramLabel = "NAME", defaultValue = AuditKey.DEFAULT_VARIABLE,
          description = "environment variable holding the base64 of the 32-byte HMAC key (default: ${DEFAULT-VALUE})")
          String keyEnv) {
    StandardInput.refuse(log, AN_AUDIT_LOG, "LOG");
    AuditKey key = key(keyEnv, environment);
    AuditCheckpoint made; // never vouch for a bad log, nor for lines a writer beside has not yet forced to disk
    try {
      made = FileAuditLog.checkpoint(logFile(log), key);
    } catch (AuditIntegrityException e) {
      return rejected(e, "; no checkpoint written");
    }
    spec.commandLine().getOut().println(made.toText());
    spec.commandLine().getOut().flush();
    return FenqiCli.OK;
  }

  /** What standard input cannot stand for in {@code audit verify} and {@code checkpoint}: the log is a file. */
  private static final String AN_AUDIT_LOG = "an audit log";

  /**
   * The audit key from the environment variable named by {@code --key-env}. A value that is no variable name is
   * refused without quoting it: '--key-env "$(cat key.b64)"' — the key itself, whose base64 ends in '=' — was "not
   * set", and the message printed the secret key to the terminal and to whatever logs standard error; an empty name
   * named nothing ("fenqi: environment variable is not set").
   */
  static AuditKey key(String keyEnv, Function<String, @Nullable String> environment) {
    if (!keyEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new InvalidInputException("--key-env", (keyEnv.isEmpty() ? "is empty" : "is not an "
          + "environment variable name (letters, digits and '_'; not shown, in case it is the key)")
          + ": give the name of the variable that holds the key, such as " + AuditKey.DEFAULT_VARIABLE);
    }
    return AuditKey.fromEnvironment(keyEnv, environment);
  }

  /**
   * Why {@code file} cannot be an audit log — it exists but is no regular file (a directory, {@code /dev/null}, a
   * FIFO), or it is a link to nothing — or empty when it can ({@code file} a regular file, or absent). An audit log is
   * appended to, forced to disk and read back: {@code plan --audit-log /dev/null} failed after planning with "audit
   * write failed after entry 0 … Invalid argument", and {@code audit verify /dev/null} answered "OK, 0 entries
   * verified", vouching for a wrong path.
   */
  static Optional<String> notALogFile(Path file) {
    java.nio.file.attribute.BasicFileAttributes attributes;
    try {
      attributes = java.nio.file.Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
    } catch (java.nio.file.NoSuchFileException e) {
      if (java.nio.file.Files.isSymbolicLink(file)) {
        return Optional.of("is a link to " + InputFiles.linkTarget(file) + ", which does not exist");
      }
      return Optional.empty(); // a new log (its directory is checked when it is created)
    } catch (java.io.IOException | SecurityException e) {
      return Optional.empty(); // no permission and the like: named when the log is opened
    }
    if (attributes.isRegularFile()) {
      return Optional.empty();
    }
    return Optional.of("is " + InputFiles.kind(file, attributes) + ", not a regular file: an audit log is a file, appended to "
        + "and forced to disk");
  }

  /** The log's verification, or null after naming its first bad entry (and {@code consequence}) on standard error. */
  private @Nullable AuditVerification verified(Path log, AuditKey key, Optional<AuditCheckpoint> checkpoint,
      String consequence) {
    try {
      return FileAuditLog.verify(logFile(log), key, checkpoint);
    } catch (AuditIntegrityException e) {
      rejected(e, consequence);
      return null;
    }
  }

  /** {@code log}, refused when it cannot be an audit log ({@link #notALogFile}). */
  private static Path logFile(Path log) {
    Optional<String> notALog = notALogFile(log);
    if (notALog.isPresent()) {
      throw new InvalidInputException(log.toString(), notALog.get());
    }
    return log;
  }

  /** Names the bad entry of {@code e} (and {@code consequence}) on standard error. */
  private int rejected(AuditIntegrityException e, String consequence) {
    spec.commandLine().getErr().println("fenqi: " + e.getMessage() + consequence); // it names the file
    spec.commandLine().getErr().flush();
    return FenqiCli.REJECTED;
  }
}
