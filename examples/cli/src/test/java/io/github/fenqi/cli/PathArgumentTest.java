package io.github.fenqi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A file argument that is no file name at all (a NUL, an empty name; under LANG=C, a Chinese name arrives as U+FFFD)
 * is refused in one line saying what to do, not with picocli's message naming java.nio.file.InvalidPathException
 * (nor, for a later file of a list, as an "Unmatched argument").
 */
class PathArgumentTest {
  private static final String BAD = "案例\u0000.json";

  static List<List<String>> commandLines(String name) {
    return List.of(
        List.of("plan", name, "--policies", "../../samples/policies"),
        List.of("plan", "../../samples/cases/shanghai-three-debts-feasible.json", "--policies", name),
        List.of("statement", "ingest", name),
        List.of("statement", "ingest", "../../samples/statements/bank_A.csv", name), // was "Unmatched argument"
        List.of("plan", "../../samples/cases/shanghai-three-debts-feasible.json", "--policies", "../../samples/policies",
            "--statement", name),
        List.of("policy", "validate", name),
        List.of("policy", "extract", name),
        List.of("rules", "check", name),
        List.of("audit", "verify", name));
  }

  /**
   * A NUL is no file name anywhere; an empty name (an unset shell variable) is the working directory to Java, and
   * {@code statement ingest ""} answered "cannot be read: Is a directory", naming nothing.
   */
  static Stream<Arguments> unusableNames() {
    return Stream.of(Arguments.of(BAD, "is not a usable file name (nul character not allowed)"),
            Arguments.of("", "'' is not a file name (it is empty)"))
        .flatMap(a -> commandLines((String) a.get()[0]).stream().map(args -> Arguments.of(args, a.get()[1])));
  }

  @ParameterizedTest
  @MethodSource("unusableNames")
  void anUnusableFileNameIsOneLineWithoutJavaNames(List<String> args, String expected) {
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(FenqiCli.REJECTED, run.exit(), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().contains(expected), run.err());
    assertFalse(run.err().contains("java."), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
  }

  /**
   * Under a UTF-8 locale a file whose name is in another encoding (GBK from a Windows share, say) arrives as U+FFFD:
   * it was "no such file" beside the file itself.
   */
  @Test
  void aNameThatIsNotInTheLocalesEncodingSaysSoNotNoSuchFile(@TempDir Path dir) throws Exception {
    List<String> command = new ArrayList<>(List.of("sh", "-c",
        "f=$(printf 'b\\377.csv'); cp \"$BANK\" \"$f\"; exec \"$@\" statement ingest \"$BANK\" \"$f\"", "sh"));
    command.addAll(CliProcess.java());
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().put("LC_ALL", "C.UTF-8");
    pb.environment().put("BANK", Path.of("../../samples/statements/bank_A.csv").toAbsolutePath().toString());
    CliProcess run = CliProcess.end(pb.start());
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "the file with a non-UTF-8 name was not made");
    }
    assertEquals(FenqiCli.REJECTED, run.exit(), run.err());
    assertTrue(run.err().contains("is not a usable file name (it holds bytes that are not UTF-8); file names are read "
        + "as UTF-8: rename a file whose name is in another encoding"), run.err());
  }

  /**
   * A file whose name starts with '-' is taken for an option; alone it was reported "Missing required parameter:
   * 'FILE'" as if no file had been given (picocli reports what is missing before what it could not place), and
   * '-x' given to schedule was not named at all. The argument is named first, with how to pass such a file.
   */
  @Test
  void anArgumentTakenForAnOptionIsNamedWithHowToPassAFileSoNamed() {
    CliRun alone = CliRun.of("statement", "ingest", "-bank.csv");
    assertEquals(FenqiCli.REJECTED, alone.exit());
    assertEquals("fenqi: Unknown option: '-bank.csv' (a file whose name starts with '-': write ./-bank.csv, or put -- "
        + "before it); Missing required parameter: 'FILE' (see 'fenqi statement ingest --help')", alone.err().strip());
    CliRun second = CliRun.of("statement", "ingest", "../../samples/statements/bank_A.csv", "-bank.csv");
    assertEquals("fenqi: Unknown option: '-bank.csv' (a file whose name starts with '-': write ./-bank.csv, or put -- "
        + "before it) (see 'fenqi statement ingest --help')", second.err().strip());
    CliRun schedule = CliRun.of("schedule", "-x");
    assertTrue(schedule.err().startsWith("fenqi: Unknown option: '-x'; Missing required options:"), schedule.err());
  }
}
