package io.github.fenqi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every command answers {@code --help}, which every error message of the CLI points to. */
class HelpTest {

  /** The command path of every command and subcommand, {@code fenqi} left out. */
  static List<List<String>> commands() {
    List<List<String>> out = new ArrayList<>();
    collect(FenqiCli.commandLine(), new ArrayList<>(), out);
    return out;
  }

  private static void collect(CommandLine cl, List<String> path, List<List<String>> out) {
    out.add(List.copyOf(path));
    cl.getSubcommands().forEach((name, sub) -> {
      List<String> next = new ArrayList<>(path);
      next.add(name);
      collect(sub, next, out);
    });
  }

  @ParameterizedTest
  @MethodSource("commands")
  void everyCommandAnswersHelp(List<String> path) {
    List<String> args = new ArrayList<>(path);
    args.add("--help");
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().startsWith("Usage: " + String.join(" ", List.of("fenqi", String.join(" ", path))).strip()),
        run.out());
  }
}
