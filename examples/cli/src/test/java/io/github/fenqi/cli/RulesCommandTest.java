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
        + "daysSince] (line 4)"), run.out().lines().toList());
    assertEquals("fenqi: 1 of 2 rule files have problems (1 invalid)", run.err().strip());
    assertFalse(Files.exists(canary));
  }

  private static final String RULE = """
      name: "fine"
      description: "a valid rule"
      priority: 1
      condition: "overdueDays > 1"
      actions: ["eligible()"]
      """;

  /**
   * A link to a rule file that is gone, a directory named like a rule file, and a file of no rules (empty, or only
   * comments) are named, and the check exits 1: the links and the directory were passed over in silence, and the
   * empty file reported "OK  demo-credit-card.yml  0 rules", exit 0.
   */
  @Test
  void checkNamesDanglingLinksDirectoriesAndFilesWithoutRules(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("_shared.yml"), RULE);
    Files.writeString(dir.resolve("demo-credit-card.yml"), "");
    Files.writeString(dir.resolve("demo-consumer-finance.yml"), "# rules to come\n");
    Files.createSymbolicLink(dir.resolve("demo-online-lender.yml"), dir.resolve("moved-away.yml"));
    Files.createDirectory(dir.resolve("old.json"));
    CliRun run = CliRun.of("rules", "check", dir.toString());
    assertEquals(FenqiCli.REJECTED, run.exit(), run.err());
    assertEquals(List.of("OK  _shared.yml  1 rule",
        "demo-consumer-finance.yml: holds no rules (it is empty, or only comments); delete it, or add its rules",
        "demo-credit-card.yml: holds no rules (it is empty, or only comments); delete it, or add its rules",
        "demo-online-lender.yml: is a link to " + dir.resolve("moved-away.yml") + ", which does not exist",
        "old.json: is a directory, not a rule file"), run.out().lines().toList());
    assertEquals("fenqi: 4 of 5 rule files have problems (2 invalid, 2 with no rules)", run.err().strip());
    // only a link to nothing: named, not "holds no rule files"
    Path only = Files.createDirectory(dir.resolve("only"));
    Files.createSymbolicLink(only.resolve("_shared.yml"), only.resolve("gone.yml"));
    CliRun dangling = CliRun.of("rules", "check", only.toString());
    assertEquals(FenqiCli.REJECTED, dangling.exit());
    assertEquals("_shared.yml: is a link to " + only.resolve("gone.yml") + ", which does not exist",
        dangling.out().strip());
  }

  /** plan --rules refuses a rule-file name that is no file as rules check does: the platform's rules were missing. */
  @Test
  void planRefusesARuleLinkToNothing(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("_shared.yml"), RULE);
    Files.createSymbolicLink(dir.resolve("demo-online-lender.yml"), dir.resolve("moved-away.yml"));
    CliRun run = CliRun.of("plan", FEASIBLE, "--policies", POLICIES, "--rules", dir.toString());
    assertEquals(FenqiCli.REJECTED, run.exit(), run.err());
    assertEquals("", run.out());
    assertEquals("fenqi: demo-online-lender.yml: is a link to " + dir.resolve("moved-away.yml") + ", which does not "
        + "exist", run.err().strip());
  }

  /**
   * A rules directory that yields no rule — no rule file at all (a mistyped or not yet filled directory), or only files
   * of no rules — is refused by plan as by rules check: plan ran with no rules and exit 0, saying nothing.
   */
  @Test
  void planAndCheckRefuseARulesDirectoryThatYieldsNoRule(@TempDir Path dir) throws Exception {
    Path none = Files.createDirectory(dir.resolve("none"));
    Files.writeString(none.resolve("README.txt"), "rules go here\n");
    assertPlanRefuses(none, none + " holds no *.yml or *.json rule files");
    CliRun check = CliRun.of("rules", "check", none.toString());
    assertEquals(FenqiCli.REJECTED, check.exit(), check.err());
    assertEquals("fenqi: " + none + ": holds no *.yml or *.json rule files", check.err().strip());

    Path empty = Files.createDirectory(dir.resolve("empty"));
    Files.writeString(empty.resolve("_shared.yml"), "# rules to come\n");
    Files.writeString(empty.resolve("demo-online-lender.json"), "[]");
    assertPlanRefuses(empty, empty + " holds no rules: _shared.yml, demo-online-lender.json are empty, or only "
        + "comments");
    assertEquals(FenqiCli.REJECTED, CliRun.of("rules", "check", empty.toString()).exit());
  }

  /** plan with {@code --rules rulesDir} prints nothing and exits 1 saying {@code why} and how to plan without rules. */
  private static void assertPlanRefuses(Path rulesDir, String why) {
    CliRun plan = CliRun.of("plan", FEASIBLE, "--policies", POLICIES, "--rules", rulesDir.toString());
    assertEquals(FenqiCli.REJECTED, plan.exit(), plan.err());
    assertEquals("", plan.out());
    assertEquals("fenqi: --rules: " + why + "; leave --rules out to plan on the policies' eligibility blocks alone",
        plan.err().strip());
  }

  /**
   * One file of no rules, alone, is a directory that yields no rule: refused by plan as two such files are, where it
   * would otherwise plan with no rules. An empty file named for no platform is one warning, that it holds no rules,
   * beside files with rules: not also that its rules (none) apply to no debt.
   */
  @Test
  void aLoneFileOfNoRulesIsRefusedAndAnEmptyFileOfNoPlatformIsOneWarning(@TempDir Path dir) throws Exception {
    Path alone = Files.createDirectory(dir.resolve("alone"));
    Files.writeString(alone.resolve("_shared.yml"), "# rules to come\n");
    assertPlanRefuses(alone, alone + " holds no rules: _shared.yml is empty, or only comments");
    Path typo = Files.createDirectory(dir.resolve("typo"));
    Files.writeString(typo.resolve("_shared.yml"), RULE);
    Files.writeString(typo.resolve("Demo-Online-Lender.yml"), "");
    assertPlanWarnsOfNoRules(typo, "Demo-Online-Lender.yml");
  }

  /** A file of no rules beside files with rules: plan runs on the others and says so on stderr (check exits 1). */
  @Test
  void planWarnsOfARuleFileWithoutRules(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("_shared.yml"), RULE);
    Files.writeString(dir.resolve("demo-online-lender.yml"), "");
    assertPlanWarnsOfNoRules(dir, "demo-online-lender.yml");
  }

  /** plan with {@code --rules rulesDir} plans, and its one line on stderr warns that {@code file} holds no rules. */
  private static void assertPlanWarnsOfNoRules(Path rulesDir, String file) {
    CliRun run = CliRun.of("plan", FEASIBLE, "--policies", POLICIES, "--rules", rulesDir.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals("fenqi: warning: " + file + ": holds no rules (it is empty, or only comments); delete it, or add its "
        + "rules", run.err().strip());
    assertFalse(run.out().isEmpty());
  }

  /**
   * A platform file whose name matches no policy's platform ({@code Demo-Online-Lender.yml}, a typo of
   * {@code demo-online-lender}) passed rules check and was loaded, and its rules applied to no debt, in silence.
   */
  @Test
  void planWarnsOfAPlatformFileOfNoPolicysPlatform(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("Demo-Online-Lender.yml"), RULE);
    Files.writeString(dir.resolve("demo-credit-card.yml"), RULE);
    CliRun run = CliRun.of("plan", FEASIBLE, "--policies", POLICIES, "--rules", dir.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals("fenqi: warning: Demo-Online-Lender.yml: no policy in --policies is of platform 'Demo-Online-Lender', "
        + "so its rules apply to no debt (platforms: [demo-consumer-finance, demo-credit-card, demo-online-lender]); a "
        + "platform file is named <platformId>.yml, as the policy's platformId is spelled", run.err().strip());
  }

  /**
   * A rule file named only its extension ({@code .yml}) names no platform: {@code rules check} had said
   * "OK  .yml  1 rule" and exit 0, though its rules apply to no debt. It is a problem line now, exit 1, and a warning
   * of plan.
   */
  @Test
  void checkRefusesAndPlanWarnsOfARuleFileNamingNoPlatform(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("_shared.yml"), RULE);
    Files.writeString(dir.resolve(".yml"), RULE);
    String why = ".yml: names no platform, so its rules apply to no debt; a platform file is named <platformId>.yml, "
        + "as the policy's platformId is spelled, and a file of rules for every platform _shared*.yml";
    CliRun check = CliRun.of("rules", "check", dir.toString());
    assertEquals(FenqiCli.REJECTED, check.exit(), check.out());
    assertEquals(List.of(why, "OK  _shared.yml  1 rule"), check.out().lines().toList());
    assertEquals("fenqi: 1 of 2 rule files have problems (1 applying to no debt)", check.err().strip());
    CliRun plan = CliRun.of("plan", FEASIBLE, "--policies", POLICIES, "--rules", dir.toString());
    assertEquals(0, plan.exit(), plan.err());
    assertEquals("fenqi: warning: " + why, plan.err().strip());
  }

  /**
   * With {@code --policies}, {@code rules check} names a platform file of a platform no policy is of, as plan warns of
   * it: the checker had passed {@code Demo-Online-Lender.yml}, a typo whose rules apply to no debt.
   */
  @Test
  void checkWithPoliciesRefusesAPlatformFileOfNoPolicysPlatform(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("Demo-Online-Lender.yml"), RULE);
    Files.writeString(dir.resolve("demo-credit-card.yml"), RULE);
    CliRun alone = CliRun.of("rules", "check", dir.toString());
    assertEquals(0, alone.exit(), alone.err());
    CliRun check = CliRun.of("rules", "check", dir.toString(), "--policies", POLICIES);
    assertEquals(FenqiCli.REJECTED, check.exit(), check.out());
    assertEquals(List.of("Demo-Online-Lender.yml: no policy in --policies is of platform 'Demo-Online-Lender', so its "
        + "rules apply to no debt (platforms: [demo-consumer-finance, demo-credit-card, demo-online-lender]); a "
        + "platform file is named <platformId>.yml, as the policy's platformId is spelled",
        "OK  demo-credit-card.yml  1 rule"), check.out().lines().toList());
    assertEquals("fenqi: 1 of 2 rule files have problems (1 applying to no debt)", check.err().strip());
    Files.delete(dir.resolve("Demo-Online-Lender.yml"));
    CliRun fixed = CliRun.of("rules", "check", dir.toString(), "--policies", POLICIES);
    assertEquals(0, fixed.exit(), fixed.err());
    assertEquals(List.of("OK  demo-credit-card.yml  1 rule"), fixed.out().lines().toList());
  }

  /** A {@code --policies} directory that does not read is refused naming the option, before any line of the report. */
  @Test
  void checkRefusesPoliciesThatDoNotReadNamingTheOption(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("demo-credit-card.yml"), RULE);
    Path missing = dir.resolve("no-such-dir");
    CliRun run = CliRun.of("rules", "check", dir.toString(), "--policies", missing.toString());
    assertEquals(FenqiCli.REJECTED, run.exit(), run.err());
    assertEquals("", run.out());
    assertTrue(run.err().startsWith("fenqi: --policies: " + missing), run.err());
    Path empty = Files.createDirectory(dir.resolve("empty"));
    CliRun none = CliRun.of("rules", "check", dir.toString(), "--policies", empty.toString());
    assertEquals(FenqiCli.REJECTED, none.exit(), none.err());
    assertEquals("fenqi: --policies: " + empty + " holds no *.json policy files", none.err().strip());
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
        + "allowed (compare with ==) (line 4)", run.err().strip());
  }
}
