package io.github.fenqi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * fenqi run as a process of its own, as a shell starts it (its standard output a real pipe or file, its arguments
 * decoded by the JVM from the locale), on the test's class path; with the exit code and standard error once ended.
 */
record CliProcess(int exit, String err) {
  /** The command line of {@code java -cp <test class path> io.github.fenqi.cli.FenqiCli} without arguments. */
  static List<String> java() {
    return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), FenqiCli.class.getName());
  }

  /** {@code fenqi ARGS}, not yet started. */
  static ProcessBuilder fenqi(String... args) {
    List<String> command = new ArrayList<>(java());
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }

  /**
   * Standard output of {@code fenqi ARGS} with {@code COLUMNS} set to {@code columns} (unset if null), which must exit
   * 0 with nothing on standard error.
   */
  static String outputWithColumns(@Nullable String columns, String... args) throws Exception {
    ProcessBuilder pb = fenqi(args);
    pb.environment().remove("COLUMNS");
    if (columns != null) {
      pb.environment().put("COLUMNS", columns);
    }
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    CliProcess ended = end(p);
    assertEquals(0, ended.exit(), ended.err());
    assertEquals("", ended.err());
    return out;
  }

  /** Waits for {@code p} to end, reading its standard error. */
  static CliProcess end(Process p) throws Exception {
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(2, TimeUnit.MINUTES), "fenqi did not end");
    return new CliProcess(p.exitValue(), err);
  }
}
