package io.github.fenqi.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick start's refusals, as a user running it sees them: the program in a JVM of its own (it exits), under the
 * C locale of a container without {@code LANG}. Runs in the repository's root.
 */
class QuickStartErrorsTest {

  /** Standard error quotes the case in UTF-8, as standard output does: the Chinese was '?' under the C locale. */
  @Test
  void anErrorQuotingTheCaseIsUtf8WhateverTheLocale(@TempDir Path dir) throws Exception {
    String json = Files.readString(Path.of("samples/cases/shanghai-three-debts-feasible.json"));
    Path chinese = Files.writeString(dir.resolve("case.json"), json.replace("\"demo-credit-card\"", "\"信用卡平台\""));
    Run run = run("samples/policies", chinese.toString());
    assertEquals(1, run.exit(), run.err());
    assertTrue(run.err().startsWith("quickstart: debts[0].platformId: no policy for '信用卡平台'"), run.err());
  }

  /**
   * A policy directory of bad files: one problem a line, each once. They were one line of 30 problems joined by
   * {@code ;}, after the repository's WARN line for each file had listed them already.
   */
  @Test
  void manyProblemsAreOneALineAndSaidOnce() throws Exception {
    Run run = run("samples/cases"); // the cases' directory given for the policies': two files that are no policy
    assertEquals(1, run.exit(), run.err());
    List<String> lines = run.err().lines().toList();
    assertTrue(lines.get(0).matches("quickstart: \\d+ problems:"), run.err());
    assertEquals(Integer.parseInt(lines.get(0).replaceAll("\\D", "")), lines.size() - 1, run.err());
    lines.subList(1, lines.size()).forEach(l -> assertTrue(l.startsWith("  samples/cases/shanghai-three-debts"), l));
    assertFalse(run.err().contains("WARN"), run.err());
    assertEquals("", run.out());
  }

  /**
   * A Chinese file name under the C locale is no file name to Java: the quick start said so with a stack trace of
   * {@code InvalidPathException}; it now names the argument and the locale to run with.
   */
  @Test
  void aNameTheLocaleCannotHoldIsOneLineSayingWhatToDo(@TempDir Path dir) throws Exception {
    Run run = run("samples/policies", dir.resolve("上海 案例.json").toString());
    assertEquals(1, run.exit(), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().startsWith("quickstart: '" + dir), run.err());
    assertTrue(run.err().contains("is not a usable file name") && run.err().contains("LC_ALL=C.UTF-8"), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
  }

  /** {@code --help} had been read as a policy directory's name: "samples/--help: is not a directory". */
  @Test
  void helpPrintsTheUsage() throws Exception {
    for (String help : List.of("--help", "-h")) {
      Run run = run(help);
      assertEquals(0, run.exit(), run.err());
      assertTrue(run.out().startsWith("Usage: java -jar fenqi-quickstart.jar [POLICY_DIR [CASE.json ...]]"), run.out());
      assertTrue(run.out().contains("samples/policies"), run.out());
      assertEquals("", run.err());
    }
  }

  /** Another option is refused by name, not looked for as a directory. */
  @Test
  void anUnknownOptionIsNamed() throws Exception {
    Run run = run("--policies", "samples/policies");
    assertEquals(1, run.exit(), run.err());
    assertEquals("quickstart: unknown option '--policies'; usage: java -jar fenqi-quickstart.jar [POLICY_DIR "
        + "[CASE.json ...]]", run.err().strip());
    assertEquals("", run.out());
  }

  /**
   * Run without arguments anywhere but the repository's root, the default directory is not there: the quick start said
   * only "samples/policies: is not a directory of policy files", as if the samples were broken.
   */
  /**
   * Given only a policy directory outside the repository's root, the default sample cases are not there: it said only
   * "samples/cases/shanghai-three-debts.json: no such file", without the hint the run without arguments gives.
   */
  @Test
  void aPolicyDirectoryAloneOutsideTheRepositoryRootSaysToGiveACase(@TempDir Path dir) throws Exception {
    Run run = runIn(dir, Path.of("samples/policies").toAbsolutePath().toString());
    assertEquals(1, run.exit(), run.err());
    assertEquals("quickstart: no samples/cases/shanghai-three-debts.json in " + dir.toAbsolutePath() + ": give CASE.json "
        + "after POLICY_DIR, or run it from the repository's root", run.err().strip());
    assertEquals("", run.out());
  }

  @Test
  void theDefaultsOutsideTheRepositoryRootSayWhereToRun(@TempDir Path dir) throws Exception {
    Run run = runIn(dir);
    assertEquals(1, run.exit(), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().startsWith("quickstart: no samples/policies in " + dir.toAbsolutePath()), run.err());
    assertTrue(run.err().contains("run it from the repository's root, or give POLICY_DIR [CASE.json ...]"),
        run.err());
    assertEquals("", run.out());
  }

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) throws Exception {
    return runIn(null, args);
  }

  private static Run runIn(Path directory, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"), QuickStart.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    if (directory != null) {
      builder.directory(directory.toFile());
    }
    builder.environment().remove("LANG");
    builder.environment().put("LC_ALL", "C");
    File err = File.createTempFile("quickstart", ".err");
    err.deleteOnExit();
    Process p = builder.redirectError(err).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = p.waitFor();
    String errText = Files.readString(err.toPath(), StandardCharsets.UTF_8);
    Files.delete(err.toPath());
    return new Run(exit, out, errText);
  }
}
