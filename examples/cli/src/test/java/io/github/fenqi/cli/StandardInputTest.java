package io.github.fenqi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.fenqi.core.json.FenqiJson;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -} for a file the command reads is standard input, the common convention ({@code cat case.json | fenqi plan -
 * ...}): {@code plan}, {@code plan --statement}, {@code statement ingest} and {@code policy extract} had all answered
 * "-: no such file". Where standard input cannot stand for the argument (a directory, an audit log) {@code -} is refused
 * saying so, and standard input is read once: given twice, the second would have read nothing.
 */
class StandardInputTest {
  private static final String POLICIES = "../../samples/policies";
  private static final String CASE = "../../samples/cases/shanghai-three-debts-feasible.json";
  private static final String BANK = "../../samples/statements/bank_A.csv";
  private static final String TEXT = "../../samples/policy-texts/01.txt";

  /** {@code fenqi ARGS} as a process with {@code stdin} as its standard input. */
  private record Run(int exit, String out, String err) {
    static Run of(File stdin, String... args) throws Exception {
      Process p = CliProcess.fenqi(args).redirectInput(stdin).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      CliProcess ended = CliProcess.end(p);
      return new Run(ended.exit(), out, ended.err());
    }
  }

  @Test
  void planReadsTheCaseFromStandardInput() throws Exception {
    Run piped = Run.of(new File(CASE), "plan", "-", "--policies", POLICIES);
    assertEquals(0, piped.exit(), piped.err());
    CliRun file = CliRun.of("plan", CASE, "--policies", POLICIES);
    assertEquals(FenqiJson.newMapper().readTree(file.out()), FenqiJson.newMapper().readTree(piped.out()));
  }

  @Test
  void aProblemOfACaseOnStandardInputNamesStandardInput(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, Files.readString(Path.of(CASE)).replace("\"asOf\" : \"2026-11-24\"", "\"asOf\" : \"x\"")
        .replace("\"asOf\": \"2026-11-24\"", "\"asOf\": \"x\""));
    Run run = Run.of(bad.toFile(), "plan", "-", "--policies", POLICIES);
    assertEquals(FenqiCli.REJECTED, run.exit(), run.err());
    assertTrue(run.err().startsWith("fenqi: standard input: "), run.err());
    Run empty = Run.of(Files.writeString(dir.resolve("empty"), "").toFile(), "plan", "-", "--policies", POLICIES);
    assertEquals(FenqiCli.REJECTED, empty.exit(), empty.err());
    assertTrue(empty.err().startsWith("fenqi: standard input"), empty.err());
  }

  @Test
  void statementIngestAndPlanStatementReadAStatementFromStandardInput() throws Exception {
    Run piped = Run.of(new File(BANK), "statement", "ingest", "-");
    assertEquals(0, piped.exit(), piped.err());
    JsonNode report = FenqiJson.newMapper().readTree(piped.out());
    JsonNode fromFile = FenqiJson.newMapper().readTree(CliRun.of("statement", "ingest", BANK).out());
    assertEquals("standard input", report.get("files").get(0).get("source").asText(), piped.out());
    assertEquals(fromFile.get("rows"), report.get("rows"));
    assertEquals(fromFile.get("months"), report.get("months"));
    Run plan = Run.of(new File(BANK), "plan", CASE, "--policies", POLICIES, "--statement", "-");
    CliRun planFile = CliRun.of("plan", CASE, "--policies", POLICIES, "--statement", BANK);
    assertEquals(planFile.exit(), plan.exit(), plan.err());
    assertEquals(planFile.out().replace(BANK, "standard input"), plan.out()); // the statement named as read
  }

  @Test
  void policyExtractReadsTheTextFromStandardInput() throws Exception {
    Run piped = Run.of(new File(TEXT), "policy", "extract", "-");
    assertEquals(0, piped.exit(), piped.err());
    assertEquals(CliRun.of("policy", "extract", TEXT).out(), piped.out());
  }

  @Test
  void standardInputGivenTwiceIsRefusedBeforeAnythingIsRead() throws Exception {
    for (List<String> args : List.of(List.of("statement", "ingest", "-", "-"),
        List.of("statement", "ingest", BANK, "-", "./-", "-"),
        List.of("plan", "-", "--policies", POLICIES, "--statement", "-"))) {
      Run run = Run.of(new File(BANK), args.toArray(String[]::new));
      assertEquals(FenqiCli.REJECTED, run.exit(), args + ": " + run.err());
      assertEquals("", run.out());
      assertTrue(run.err().contains("'-' (standard input) is given twice; it can be read once"), args + ": "
          + run.err());
    }
  }

  @Test
  void aDirectoryOrAnAuditLogGivenAsStandardInputIsRefusedSayingSo(@TempDir Path dir) throws Exception {
    File none = new File("/dev/null");
    String c = Path.of(CASE).toAbsolutePath().toString();
    String p0 = Path.of(POLICIES).toAbsolutePath().toString();
    for (List<String> args : List.of(List.of("rules", "check", "-"), List.of("policy", "validate", "-"),
        List.of("plan", c, "--policies", "-"), List.of("plan", c, "--policies", p0, "--rules", "-"),
        List.of("audit", "verify", "-"), List.of("plan", c, "--policies", p0, "--audit-log", "-"),
        List.of("audit", "checkpoint", "-"),
        List.of("statement", "ingest", Path.of(BANK).toAbsolutePath().toString(), "--lexicon", "-"),
        List.of("policy", "extract", Path.of(TEXT).toAbsolutePath().toString(), "--base", "-"))) {
      Process p = CliProcess.fenqi(args.toArray(String[]::new)).directory(dir.toFile()).redirectInput(none).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      CliProcess ended = CliProcess.end(p);
      Run run = new Run(ended.exit(), out, ended.err());
      assertEquals(FenqiCli.REJECTED, run.exit(), args + ": " + run.err());
      assertTrue(run.err().contains("'-' (standard input) cannot stand for "), args + ": " + run.err());
      assertEquals("", run.out());
      assertTrue(!run.err().contains("no such"), args + ": " + run.err());
      try (var made = Files.list(dir)) {
        assertEquals(0, made.count(), args + " made a file named '-'");
      }
    }
  }

  /**
   * Standard input is read up to the limit the file would have (at most so many bytes, as a file): exactly the limit is
   * read, one byte more is refused naming standard input and the limit.
   */
  @Test
  void standardInputOfTheLimitIsReadAndOneByteMoreRefused() {
    java.io.InputStream was = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream(new byte[10]));
      assertEquals(10, StandardInput.read(Path.of("-"), 10).length);
      System.setIn(new java.io.ByteArrayInputStream(new byte[11]));
      io.github.fenqi.core.InvalidInputException tooLarge = org.junit.jupiter.api.Assertions.assertThrows(
          io.github.fenqi.core.InvalidInputException.class, () -> StandardInput.read(Path.of("-"), 10));
      assertEquals("standard input: is larger than 10 bytes", tooLarge.problems().get(0).toString());
    } finally {
      System.setIn(was);
    }
  }

  /** Where '-' cannot stand for the argument, the refusal says how to name a file called '-', as the README does. */
  @Test
  void aRefusedDashSaysHowToNameAFileCalledDash() {
    io.github.fenqi.core.InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(
        io.github.fenqi.core.InvalidInputException.class,
        () -> StandardInput.refuse(Path.of("-"), "a lexicon file", "--lexicon"));
    assertEquals("--lexicon: '-' (standard input) cannot stand for a lexicon file; give its path (a file named '-' is "
        + "./-)", e.problems().get(0).toString());
  }
}
