package io.github.fenqi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.fenqi.core.json.FenqiJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {
  private static final String POLICIES = "../../samples/policies";
  private static final String FEASIBLE = "../../samples/cases/shanghai-three-debts-feasible.json";
  private static final String SAMPLE = "../../samples/cases/shanghai-three-debts.json";

  @Test
  void feasibleCaseGivesThreeProposalsInTheContractJson() throws Exception {
    CliRun run = CliRun.of("plan", FEASIBLE, "--policies", POLICIES);
    assertEquals(0, run.exit(), run.err());
    JsonNode json = FenqiJson.newMapper().readTree(run.out());
    assertTrue(json.get("feasible").asBoolean());
    assertEquals("5040.00", json.get("maxAffordableInstallment").asText());
    assertEquals(0, json.get("ineligible").size());
    assertEquals(3, json.get("proposals").size());
    JsonNode plan = json.get("proposals").get(0).get("plans").get(0);
    assertTrue(plan.get("schedule").get("installments").size() >= 12);
    assertFalse(run.out().contains("110105198506150030"), "no ID number in the output");
  }

  @Test
  void sampleCaseTextSaysNoFeasibleProposalAndWhy() {
    CliRun run = CliRun.of("plan", SAMPLE, "--policies", POLICIES, "--format", "text");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("NO FEASIBLE PROPOSAL (MONTHLY_BUDGET)"), run.out());
    assertTrue(run.out().contains("recommendation: Seek a debt restructuring"), run.out());
  }

  @Test
  void feasibleCaseTextIsATable() {
    CliRun run = CliRun.of("plan", FEASIBLE, "--policies", POLICIES, "--format", "text");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("AGGRESSIVE"));
    assertTrue(run.out().contains("CONSERVATIVE"));
    assertTrue(run.out().contains("BALANCED"));
  }

  @Test
  void auditLogOptionAppendsTheRunAndAuditVerifyAcceptsIt(@TempDir Path dir) throws Exception {
    List<String> lines = planAudited(dir.resolve("audit.jsonl"));
    assertEquals(4, lines.size(), "data access and three proposals");
    assertTrue(lines.get(0).contains("DATA_ACCESS"));
  }

  @Test
  void rulesWithAuditLogRecordWhichRuleFilesWereLive(@TempDir Path dir) throws Exception {
    List<String> reloads = planAudited(dir.resolve("audit.jsonl"), "--rules", "../../samples/rules").stream()
        .filter(l -> l.contains("RULE_RELOAD")).toList();
    assertEquals(2, reloads.size(), reloads.toString());
    assertTrue(reloads.get(0).contains("_shared.yml") && reloads.get(0).contains("ADDED"), reloads.get(0));
    assertTrue(reloads.get(1).contains("demo-online-lender.yml"), reloads.get(1));
  }

  /**
   * Runs {@code plan FEASIBLE --policies POLICIES --audit-log log} plus {@code extra} with a fresh random key,
   * checks it succeeds and that {@code audit verify} accepts the log; returns the log's lines.
   */
  private static List<String> planAudited(Path log, String... extra) throws Exception {
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    String b64 = java.util.Base64.getEncoder().encodeToString(key);
    java.util.function.Function<String, String> env = name -> name.equals("MY_KEY") ? b64 : null;
    java.io.StringWriter err = new java.io.StringWriter();
    picocli.CommandLine cl = new picocli.CommandLine(new PlanCommand(env));
    cl.setOut(new java.io.PrintWriter(new java.io.StringWriter()));
    cl.setErr(new java.io.PrintWriter(err));
    List<String> args = new java.util.ArrayList<>(List.of(FEASIBLE, "--policies", POLICIES, "--audit-log",
        log.toString(), "--key-env", "MY_KEY"));
    args.addAll(List.of(extra));
    assertEquals(0, cl.execute(args.toArray(String[]::new)), err.toString());
    picocli.CommandLine verify = new picocli.CommandLine(new AuditCommand(env));
    java.io.StringWriter vout = new java.io.StringWriter();
    verify.setOut(new java.io.PrintWriter(vout));
    assertEquals(0, verify.execute("verify", log.toString(), "--key-env", "MY_KEY"), vout.toString());
    return Files.readAllLines(log);
  }

  @Test
  void optaPlannerSolverGivesThreeProposalsToo() throws Exception {
    CliRun run = CliRun.of("plan", FEASIBLE, "--policies", POLICIES, "--solver", "optaplanner", "--time-limit", "1s");
    assertEquals(0, run.exit(), run.err());
    JsonNode json = FenqiJson.newMapper().readTree(run.out());
    // how many strategies local search completes in 1 s depends on the machine; each one it returns is a valid,
    // unproven plan (quality against the exact solver is measured in the module's deterministic tests)
    assertTrue(json.get("proposals").size() >= 1, run.out());
    for (JsonNode p : json.get("proposals")) {
      assertFalse(p.get("provenOptimal").asBoolean());
    }
  }

  @Test
  void unknownSolverAndBadTimeLimitAreOneLine() {
    assertEquals("fenqi: --solver: 'magic' is not a solver; use exact or optaplanner",
        CliRun.of("plan", FEASIBLE, "--policies", POLICIES, "--solver", "magic").err().strip());
    assertEquals("fenqi: --time-limit: 'soon' is not a duration such as 1s or 500ms",
        CliRun.of("plan", FEASIBLE, "--policies", POLICIES, "--solver", "optaplanner", "--time-limit", "soon").err().strip());
  }

  /** A malformed option is an error even where the run would not use it, and is found before the case is planned. */
  @Test
  void aBadTimeLimitOrFormatIsRejectedWhateverTheSolver() {
    CliRun limit = CliRun.of("plan", FEASIBLE, "--policies", POLICIES, "--time-limit", "-1s");
    assertEquals(1, limit.exit());
    assertEquals("fenqi: --time-limit: '-1s' is not a duration such as 1s or 500ms", limit.err().strip());
    assertEquals("fenqi: --time-limit: '10h' is not a whole number of seconds or milliseconds, such as 1s or 500ms",
        CliRun.of("plan", FEASIBLE, "--policies", POLICIES, "--time-limit", "10h").err().strip());
    assertEquals("fenqi: --time-limit: '0.5s' is not a whole number of seconds or milliseconds, such as 1s or 500ms",
        CliRun.of("plan", FEASIBLE, "--policies", POLICIES, "--time-limit", "0.5s").err().strip());
    assertEquals("fenqi: --time-limit: '0ms' must be more than zero (OptaPlanner's time per strategy, such as 1s or "
        + "500ms)", CliRun.of("plan", FEASIBLE, "--policies", POLICIES, "--time-limit", "0ms").err().strip());
    assertEquals("", limit.out());
    CliRun html = CliRun.of("plan", FEASIBLE, "--policies", POLICIES, "--format", "html");
    assertEquals(1, html.exit());
    assertEquals("fenqi: --format: html is not supported by plan; use json or text", html.err().strip());
    assertEquals("", html.out());
  }

  @Test
  void everyProblemOfACaseIsALineOfItsOwn(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("case.json");
    Files.writeString(bad, Files.readString(Path.of(SAMPLE)).replace("\"48000.00\"", "\"-1.00\"")
        .replace("\"ol-1\"", "\"cc-1\""));
    CliRun run = CliRun.of("plan", bad.toString(), "--policies", POLICIES);
    assertEquals(1, run.exit());
    List<String> lines = run.err().strip().lines().toList();
    assertEquals("fenqi: 2 problems:", lines.get(0), run.err());
    assertEquals(3, lines.size(), run.err());
    assertEquals("  " + bad + ": debts[0].principal: '-1.00' is negative", lines.get(1));
    assertEquals("  " + bad + ": debts[2].id: 'cc-1' appears more than once", lines.get(2));
  }

  @Test
  void badCaseFileIsOneLineNamingFileAndField(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("case.json");
    Files.writeString(bad, Files.readString(Path.of(SAMPLE)).replace("\"48000.00\"", "\"48000.001\""));
    CliRun run = CliRun.of("plan", bad.toString(), "--policies", POLICIES);
    assertEquals(1, run.exit());
    assertEquals("fenqi: " + bad + ": debts[0].principal: '48000.001' has 3 decimals; money has at most 2", run.err().strip());
  }

  @org.junit.jupiter.api.Test
  void textFormatPrintsEveryScriptAfterTheProposalsInTheChosenLanguage() {
    CliRun zh = CliRun.of("plan", FEASIBLE, "--policies", POLICIES, "--format", "text");
    assertEquals(0, zh.exit(), zh.err());
    assertEquals(9, zh.out().split("==== script: ", -1).length - 1, "three proposals × three lenders");
    assertTrue(zh.out().contains("三、还款方案") && zh.out().contains("四、协商依据"), zh.out());
    CliRun en = CliRun.of("plan", FEASIBLE, "--policies", POLICIES, "--format", "text", "--lang", "en");
    assertEquals(0, en.exit(), en.err());
    assertTrue(en.out().contains("3. Proposal") && en.out().contains("4. Basis for the request"), en.out());
    CliRun fr = CliRun.of("plan", FEASIBLE, "--policies", POLICIES, "--lang", "fr");
    assertEquals(1, fr.exit());
    assertTrue(fr.err().contains("--lang"), fr.err());
  }

  @Test
  void textFormatReportsWhatWasRemovedFromTheHardshipNote(@TempDir Path dir) throws Exception {
    String json = Files.readString(Path.of(SAMPLE));
    Path withNote = dir.resolve("case.json");
    Files.writeString(withNote, json.replaceFirst("\\{", "{\"hardshipNote\": \"我失业了。再催我就去曝 光。\","));
    CliRun run = CliRun.of("plan", withNote.toString(), "--policies", POLICIES, "--format", "text");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("hardship note: the sentence with '曝 光' (complaint) is kept out of the scripts"), run.out());
  }
}
