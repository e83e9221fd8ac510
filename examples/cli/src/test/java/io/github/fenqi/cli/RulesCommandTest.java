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

class RulesCommandTest {
  private static final String EXAMPLE_RULES = "../../rules-easy/src/test/resources/rules/example";
  private static final String POLICIES = "../../samples/policies";
  private static final String FEASIBLE = "../../samples/cases/shanghai-three-debts-feasible.json";

  @Test
  void checkPrintsOneOkLinePerValidFile() {
    CliRun run = CliRun.of("rules", "check", EXAMPLE_RULES);
    assertEquals(0, run.exit(), run.err());
    assertEquals(List.of("OK  _shared.yml  3 rules", "OK  demo-online-lender.yml  1 rule"), run.out().lines().toList());
  }

  @Test
  void checkNamesFileRuleAndOffendingTokenAndExecutesNothing(@TempDir Path dir) throws Exception {
    Path canary = dir.resolve("canary");
    Files.writeString(dir.resolve("demo-credit-card.yml"), """
        name: "sneaky"
        description: "creates a file"
        priority: 1
        condition: "overdueDays > 1 && new java.io.File('%s').createNewFile()"
        actions: ["eligible()"]
        """.formatted(canary));
    Files.writeString(dir.resolve("_shared.yml"), """
        name: "fine"
        description: "a valid rule"
        priority: 1
        condition: "overdueDays > 1"
        actions: ["eligible()"]
        """);
    CliRun run = CliRun.of("rules", "check", dir.toString());
    assertEquals(1, run.exit());
    assertEquals(List.of("OK  _shared.yml  1 rule", "demo-credit-card.yml: rule 'sneaky': condition: offending token "
        + "'new' at column 20: not a fact, property or function; allowed names: facts [debt, borrower, policy, asOf], "
        + "[hasHardshipProof, overdueDays, platformId, productType, totalOwed], functions [min, max, abs, hasHardship, "
        + "daysSince]"), run.out().lines().toList());
    assertEquals("fenqi: 1 of 2 rule files are invalid", run.err().strip());
    assertFalse(Files.exists(canary));
  }

  @Test
  void planWithRulesAppliesThemToEligibility(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("_shared.yml"), """
        name: "hold-online-loan"
        description: "hold ol-1 for manual review"
        priority: 1
        condition: "debt.id == 'ol-1'"
        actions: ['ineligible("MANUAL_REVIEW", "held for manual review")']
        """);
    CliRun without = CliRun.of("plan", FEASIBLE, "--policies", POLICIES);
    assertEquals(0, without.exit(), without.err());
    assertEquals(0, FenqiJson.newMapper().readTree(without.out()).get("ineligible").size());

    CliRun run = CliRun.of("plan", FEASIBLE, "--policies", POLICIES, "--rules", dir.toString());
    assertEquals(0, run.exit(), run.err());
    JsonNode ineligible = FenqiJson.newMapper().readTree(run.out()).get("ineligible");
    assertEquals(1, ineligible.size());
    assertEquals("ol-1", ineligible.get(0).get("debtId").asText());
    assertTrue(ineligible.get(0).toString().contains("held for manual review"), ineligible.toString());
  }

  @Test
  void planWithInvalidRulesIsOneLineNamingTheToken(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("_shared.yml"), """
        name: "assign"
        description: "assigns"
        priority: 1
        condition: "debt.overdueDays = 0"
        actions: ["eligible()"]
        """);
    CliRun run = CliRun.of("plan", FEASIBLE, "--policies", POLICIES, "--rules", dir.toString());
    assertEquals(1, run.exit());
    assertEquals("fenqi: _shared.yml: rule 'assign': condition: offending token '=' at column 18: assignments are not "
        + "allowed (compare with ==)", run.err().strip());
  }
}
