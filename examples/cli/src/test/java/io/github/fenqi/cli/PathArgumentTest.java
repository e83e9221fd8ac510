package io.github.fenqi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A file argument that is no file name at all (a NUL; under LANG=C, a Chinese name arrives as U+FFFD) is refused in
 * one line saying what to do, not with picocli's message naming java.nio.file.InvalidPathException.
 */
class PathArgumentTest {
  private static final String BAD = "案例\u0000.json";

  static List<List<String>> commandLines() {
    return List.of(
        List.of("plan", BAD, "--policies", "../../samples/policies"),
        List.of("plan", "../../samples/cases/shanghai-three-debts-feasible.json", "--policies", BAD),
        List.of("statement", "ingest", BAD),
        List.of("plan", "../../samples/cases/shanghai-three-debts-feasible.json", "--policies", "../../samples/policies",
            "--statement", BAD),
        List.of("policy", "validate", BAD),
        List.of("policy", "extract", BAD),
        List.of("rules", "check", BAD),
        List.of("audit", "verify", BAD));
  }

  @ParameterizedTest
  @MethodSource("commandLines")
  void anUnusableFileNameIsOneLineWithoutJavaNames(List<String> args) {
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(FenqiCli.REJECTED, run.exit(), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().contains("is not a usable file name (nul character not allowed)"), run.err());
    assertFalse(run.err().contains("java."), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
  }
}
