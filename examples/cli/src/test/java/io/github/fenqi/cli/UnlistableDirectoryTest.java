package io.github.fenqi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * A directory argument that cannot be listed (no read permission) is refused saying why in words, by every command
 * that takes one: it was "cannot be listed: DIR", the directory's name again where the reason belongs (Java's
 * AccessDeniedException carries only the path), and rules check named no reason at all.
 */
class UnlistableDirectoryTest {
  private static final String CASE = "../../samples/cases/shanghai-three-debts-feasible.json";

  @Test
  void aDirectoryThatCannotBeListedIsRefusedSayingPermissionDenied(@TempDir Path dir) throws Throwable {
    Path closed = policiesIn(dir);
    String why = closed + ": cannot be listed: permission denied";
    whilePermitted(closed, "-wx------", () -> {
      assertEquals(List.of(1, "fenqi: " + why), run("policy", "validate", closed.toString()));
      assertEquals(List.of(1, "fenqi: " + why), run("rules", "check", closed.toString()));
      assertEquals(List.of(1, "fenqi: --policies: " + why), run("plan", CASE, "--policies", closed.toString()));
      assertEquals(List.of(1, "fenqi: --rules: " + why), run("plan", CASE, "--policies", "../../samples/policies",
          "--rules", closed.toString()));
    });
  }

  /**
   * A directory inside one that cannot be searched (no execute permission) is there but cannot be reached: it was
   * "no such directory", beside a file of it, which was "cannot be read: permission denied".
   */
  @Test
  void aDirectoryThatCannotBeReachedIsNotCalledMissing(@TempDir Path dir) throws Throwable {
    Path locked = Files.createDirectory(dir.resolve("locked"));
    Path policies = policiesIn(locked);
    String why = policies + ": cannot be read: permission denied";
    whilePermitted(locked, "rw-------", () -> {
      assertEquals(List.of(1, "fenqi: " + why), run("policy", "validate", policies.toString()));
      assertEquals(List.of(1, "fenqi: " + why), run("rules", "check", policies.toString()));
      assertEquals(List.of(1, "fenqi: --policies: " + why), run("plan", CASE, "--policies", policies.toString()));
    });
  }

  /** A directory {@code policies} of one policy file in {@code parent}. */
  private static Path policiesIn(Path parent) throws Exception {
    Path policies = Files.createDirectory(parent.resolve("policies"));
    Files.copy(Path.of("../../samples/policies/demo-credit-card.json"), policies.resolve("demo-credit-card.json"));
    return policies;
  }

  /** Runs {@code check} while {@code dir} has {@code permissions}, then gives its owner every permission back. */
  private static void whilePermitted(Path dir, String permissions, Executable check) throws Throwable {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(permissions));
    try {
      check.execute();
    } finally {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }
  }

  /**
   * The exit code and standard error of {@code fenqi ARGS} as a process of its own, without the superuser's power to
   * read what its permissions deny (when the tests run as root, in a container), so that a permission is obeyed.
   */
  private static List<Object> run(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    if ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0) {
      command.addAll(List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search"));
    }
    command.addAll(CliProcess.java());
    command.addAll(List.of(args));
    CliProcess ended = CliProcess.end(new ProcessBuilder(command).start());
    return List.of(ended.exit(), ended.err().strip());
  }
}
