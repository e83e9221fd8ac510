package io.github.fenqi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
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
    CliRun run = runWith(path, "--help");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().startsWith("Usage: " + String.join(" ", List.of("fenqi", String.join(" ", path))).strip()),
        run.out());
  }

  /**
   * {@code fenqi --help} says what {@code policy} does: both of its subcommands. It said "Validate lender policy
   * files.", and a user looking for the policy-text extractor the READMEs name did not find it there.
   */
  @Test
  void thePolicyGroupIsDescribedByBothOfItsCommands() {
    String help = runWith(List.of(), "--help").out().replaceAll("\\s+", " ");
    String policy = help.substring(help.indexOf(" policy "), help.indexOf(" plan "));
    assertTrue(policy.contains("alidate") && policy.contains("xtract"), policy);
  }

  /** The version is the build's, from the classes as from the shaded jar (whose manifest names none). */
  @Test
  void versionNamesTheProjectVersion() {
    CliRun run = CliRun.of("--version");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().strip().matches("fenqi \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), run.out());
  }

  /**
   * Every command takes -V and names the same version, as the README says — policy extract too, whose --version is a
   * draft's label (its -V was an unknown option).
   */
  @ParameterizedTest
  @MethodSource("commands")
  void everyVersionOptionNamesTheVersion(List<String> path) {
    CliRun run = runWith(path, "-V");
    assertEquals(0, run.exit(), run.err());
    assertEquals(CliRun.of("--version").out(), run.out());
  }

  /**
   * Every command whose help lists exit codes says that output that could not be written exits 1, as it does for
   * every command (the README's table): plan, statement ingest and rules check left it out of their own lists.
   */
  @ParameterizedTest
  @MethodSource("commands")
  void everyExitCodeListSaysUnwrittenOutputExitsOne(List<String> path) {
    String help = runWith(path, "--help").out();
    int codes = help.indexOf("Exit codes");
    if (codes < 0) {
      return; // a command without its own list (a group of subcommands)
    }
    String one = help.substring(help.indexOf("\n  1 ", codes), help.indexOf("\n  2 ", codes)).replaceAll("\\s+", " ");
    assertTrue(one.contains("standard output that could not be written"), String.join(" ", path) + ": " + one);
  }

  /**
   * The README names the commands whose {@code --help} ends with a list of exit codes, for a reader looking for the
   * codes at the terminal: it left out {@code rules check}, whose help has its own list.
   */
  @ParameterizedTest
  @MethodSource("commands")
  void theReadmeNamesEveryHelpWithExitCodes(List<String> path) throws java.io.IOException {
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
    String line = readme.lines().filter(l -> l.startsWith("Exit codes (also at the end of")).findFirst().orElseThrow();
    String named = "`" + (path.isEmpty() ? "fenqi" : String.join(" ", path)) + " --help`";
    boolean lists = runWith(path, "--help").out().contains("Exit codes");
    assertEquals(lists, line.contains(named), line + " / " + named);
  }

  /**
   * Every help keeps within 120 terminal columns, a Chinese character counted as two, as the READMEs keep within them:
   * picocli wraps at 80 by default, but a description with a long word (a path, an option list) runs past it.
   */
  @ParameterizedTest
  @MethodSource("commands")
  void everyHelpKeepsWithin120Columns(List<String> path) {
    String help = runWith(path, "--help").out();
    List<String> wide = help.lines().filter(l -> TextColumns.width(l) > 120).toList();
    assertEquals(List.of(), wide, help);
  }

  /**
   * A help's exit codes are listed in ascending order, as the README's table lists them: {@code plan --help} listed
   * 0, 1, 3, 2, 141.
   */
  @ParameterizedTest
  @MethodSource("commands")
  void everyExitCodeListIsInAscendingOrder(List<String> path) {
    String help = runWith(path, "--help").out();
    List<Integer> codes = exitCodes(help);
    if (codes.isEmpty()) {
      return; // a help without exit codes (the command's are those of fenqi --help)
    }
    assertTrue(codes.size() >= 3, help);
    assertEquals(codes.stream().sorted().toList(), codes, help);
  }

  /**
   * Every help's list of exit codes has the codes of the README's table the command can end with: 0, 1, 2 and 141 (a
   * reader of a pipe that stopped, whatever the command), and 3 in plan's alone.
   */
  @ParameterizedTest
  @MethodSource("commands")
  void everyExitCodeListHasTheReadmesCodes(List<String> path) {
    String help = runWith(path, "--help").out();
    List<Integer> codes = exitCodes(help);
    if (!codes.isEmpty()) {
      assertEquals(path.equals(List.of("plan")) ? List.of(0, 1, 2, 3, 141) : List.of(0, 1, 2, 141), codes, help);
    }
  }

  /** The codes a help lists after its "Exit codes" heading, in its order; none when it has no such list. */
  private static List<Integer> exitCodes(String help) {
    int at = help.indexOf("Exit codes");
    return at < 0 ? List.of() : help.substring(at).lines().filter(l -> l.matches("  \\d+ .*"))
        .map(l -> Integer.parseInt(l.strip().split(" ")[0])).toList();
  }

  /**
   * A mistyped command name is named as one, with the commands there are and the nearest: it was "Unmatched arguments
   * from index 0: 'plna', 'case.json'", which did not say that 'plna' was taken for a command.
   */
  @Test
  void aMistypedCommandIsNamedWithTheCommandsThereAre() {
    CliRun top = CliRun.of("plna", "case.json", "--policies", "policies");
    assertEquals(FenqiCli.REJECTED, top.exit(), top.err());
    assertEquals("", top.out());
    assertEquals("fenqi: 'plna' is not a command of 'fenqi' (did you mean 'plan'?); its commands: schedule, policy, "
        + "plan, audit, statement, rules (see 'fenqi --help')", top.err().strip());
    assertEquals("fenqi: 'valdate' is not a command of 'fenqi policy' (did you mean 'validate'?); its commands: "
        + "validate, extract (see 'fenqi policy --help')", CliRun.of("policy", "valdate", "dir").err().strip());
    assertEquals("fenqi: 'frob' is not a command of 'fenqi audit'; its commands: checkpoint, verify (see 'fenqi "
        + "audit --help')", CliRun.of("audit", "frob").err().strip());
  }

  private static CliRun runWith(List<String> path, String option) {
    List<String> args = new ArrayList<>(path);
    args.add(option);
    return CliRun.of(args.toArray(String[]::new));
  }
}
