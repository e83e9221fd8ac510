package io.github.fenqi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyCommandTest {
  private static final Path SAMPLES = Path.of("../../samples/policies");

  @Test
  void samplePoliciesAreAllOk() {
    CliRun run = CliRun.of("policy", "validate", SAMPLES.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals(3, run.out().lines().filter(l -> l.startsWith("OK  ")).count(), run.out());
  }

  @Test
  void anInvalidFileIsReportedWithPathAndReasonAndExitOne(@TempDir Path dir) throws Exception {
    CliRun run = validateGoodAnd(dir, good -> good.replace("\"minRatio\": \"0\"", "\"minRatio\": \"1.2\""));
    assertEquals(1, run.exit());
    assertTrue(run.out().contains("OK  " + dir.resolve("a.json")), run.out());
    assertTrue(run.out().contains(dir.resolve("b.json") + ": $.downPayment.minRatio: '1.2' is outside 0..1"), run.out());
    assertEquals("fenqi: 1 of 2 policy files are invalid", run.err().strip());
  }

  /** A platform name heads every script sent to the lender: a line break or escape in it is refused, as in an id. */
  @Test
  void aPlatformNameWithAControlCharacterIsRefused(@TempDir Path dir) throws Exception {
    CliRun run = validateGoodAnd(dir, good -> good.replace("\"platformName\": \"示例银行信用卡中心\"",
        "\"platformName\": \"示例银行\\r信用卡中心\"").replace("2026-03-01", "2026-03-02"));
    assertEquals(1, run.exit(), run.out());
    assertTrue(run.out().contains(dir.resolve("b.json") + ": $.platformName: contains an invisible or control character "
        + "(U+000D at position 5)"), run.out());
  }

  /** What only the files together show: a platform's second version from the same day. */
  @Test
  void twoVersionsFromTheSameDayAreReported(@TempDir Path dir) throws Exception {
    CliRun run = validateGoodAnd(dir, good -> good.replace("\"version\": \"2026-03-01\"", "\"version\": \"2026-03-01b\""));
    assertEquals(1, run.exit(), run.out());
    assertTrue(run.out().contains("OK  " + dir.resolve("a.json")), run.out());
    assertTrue(run.out().contains(dir.resolve("b.json") + ": version '2026-03-01b' takes effect on 2026-03-01, the same "
        + "day as version '2026-03-01'"), run.out());
    assertFalse(run.out().contains("ignored"), run.out()); // validate refuses the directory; it ignores nothing
    assertEquals("fenqi: 1 of 2 policy files are invalid", run.err().strip());
  }

  /**
   * A copy of a policy file is refused in a refusal's words: validate had printed "with the same terms; ignored", the
   * lenient repository's words, above its exit code 1.
   */
  @Test
  void aCopyOfAPolicyFileIsRefusedNotCalledIgnored(@TempDir Path dir) throws Exception {
    CliRun run = validateGoodAnd(dir, good -> good);
    assertEquals(1, run.exit(), run.out());
    assertTrue(run.out().contains(dir.resolve("b.json") + ": duplicates platform 'demo-credit-card' version "
        + "'2026-03-01' of file a.json, with the same terms: remove one of them"), run.out());
    assertEquals("fenqi: 1 of 2 policy files are invalid", run.err().strip());
  }

  /**
   * A policy file named {@code b.JSON} is not read by the directory repository (a load problem): validate had listed
   * {@code *.json} exactly and printed nothing for it, exiting 0 over a directory whose lender had no policy.
   */
  @Test
  void aFileNamedWithAnUpperCaseExtensionIsReported(@TempDir Path dir) throws Exception {
    validateGoodAnd(dir, good -> good.replace("2026-03-01", "2026-03-02"));
    Path upper = Files.move(dir.resolve("b.json"), dir.resolve("b.JSON"));
    CliRun run = CliRun.of("policy", "validate", dir.toString());
    assertEquals(1, run.exit(), run.out());
    assertTrue(run.out().contains("OK  " + dir.resolve("a.json")), run.out());
    assertTrue(run.out().contains(upper + ": is not read: a policy file's name ends in .json, in lower case; rename it "
        + "to b.json"), run.out());
    assertEquals("fenqi: 1 of 2 policy files are invalid", run.err().strip());
  }

  /** {@code policy validate} of a directory holding the sample credit-card policy as a.json and {@code b} of it as b.json. */
  private static CliRun validateGoodAnd(Path dir, java.util.function.UnaryOperator<String> b) throws Exception {
    String good = Files.readString(SAMPLES.resolve("demo-credit-card.json"));
    Files.writeString(dir.resolve("a.json"), good);
    Files.writeString(dir.resolve("b.json"), b.apply(good));
    return CliRun.of("policy", "validate", dir.toString());
  }

  /**
   * A *.json name that is no file — a link to a policy moved away, a directory, a FIFO — is named by validate, which
   * waited for ever on the FIFO, and stops plan, which passed over all three in silence and planned without them.
   */
  @Test
  void namesThatAreNoFileAreNamedAndStopThePlan(@TempDir Path dir) throws Exception {
    Files.copy(SAMPLES.resolve("demo-credit-card.json"), dir.resolve("demo-credit-card.json"));
    Files.copy(SAMPLES.resolve("demo-consumer-finance.json"), dir.resolve("demo-consumer-finance.json"));
    Files.createSymbolicLink(dir.resolve("demo-online-lender.json"), dir.resolve("archive/demo-online-lender.json"));
    Files.createDirectory(dir.resolve("old.json"));
    io.github.fenqi.core.testkit.Fifos.make(dir.resolve("pipe.json"));
    String link = dir.resolve("demo-online-lender.json") + ": is a link to " + dir.resolve("archive/demo-online-lender.json")
        + ", which does not exist";
    String directory = dir.resolve("old.json") + ": is a directory, not a policy file";
    String fifo = dir.resolve("pipe.json") + ": is a pipe (FIFO), not a policy file";
    CliRun validate = assertTimeoutPreemptively(java.time.Duration.ofMinutes(1),
        () -> CliRun.of("policy", "validate", dir.toString()));
    assertEquals(1, validate.exit(), validate.err());
    assertEquals(java.util.List.of("OK  " + dir.resolve("demo-consumer-finance.json")
        + "  demo-consumer-finance 2026-01-15", "OK  " + dir.resolve("demo-credit-card.json") + "  demo-credit-card "
        + "2026-03-01", link, directory, fifo), validate.out().lines().toList());
    assertEquals("fenqi: 3 of 5 policy files are invalid", validate.err().strip());
    CliRun plan = CliRun.of("plan", "../../samples/cases/shanghai-three-debts-feasible.json", "--policies",
        dir.toString());
    assertEquals(1, plan.exit(), plan.err());
    assertEquals("", plan.out());
    assertEquals("fenqi: 3 problems:\n  " + link + "\n  " + directory + "\n  " + fifo, plan.err().strip());
  }

  /**
   * A *.json name that is no file stops the plan with the other files' problems too, as validate names them all: a
   * directory named old.json had been the plan's one problem, and a broken policy beside it was told only once it went.
   */
  @Test
  void aNameThatIsNoFileStopsThePlanWithTheOtherFilesProblems(@TempDir Path dir) throws Exception {
    Files.copy(SAMPLES.resolve("demo-credit-card.json"), dir.resolve("demo-credit-card.json"));
    Files.createDirectory(dir.resolve("old.json"));
    Files.writeString(dir.resolve("z.json"), "");
    CliRun plan = CliRun.of("plan", "../../samples/cases/shanghai-three-debts-feasible.json", "--policies",
        dir.toString());
    assertEquals(1, plan.exit(), plan.err());
    assertEquals("", plan.out());
    assertEquals("fenqi: 2 problems:\n  " + dir.resolve("old.json") + ": is a directory, not a policy file\n  "
        + dir.resolve("z.json") + ": $: is empty (0 bytes, no JSON value); a policy is one JSON object",
        plan.err().strip());
  }

  @Test
  void aMissingDirectoryIsOneLine() {
    CliRun run = CliRun.of("policy", "validate", "/no/such/dir");
    assertEquals(1, run.exit());
    assertEquals("fenqi: /no/such/dir: no such directory", run.err().strip());
  }

  /**
   * A policies directory with no policy file (mistyped, not yet filled) stops the plan as it stops policy validate:
   * the plan had gone on and reported every debt "no policy … in effect; known platforms: []", one line each.
   */
  @Test
  void aPoliciesDirectoryWithNoPolicyFileIsRefusedByPlanAsByValidate(@TempDir Path dir) throws Exception {
    Path empty = Files.createDirectory(dir.resolve("policies"));
    Files.writeString(empty.resolve("README.md"), "policies go here");
    CliRun plan = CliRun.of("plan", "../../samples/cases/shanghai-three-debts-feasible.json", "--policies",
        empty.toString());
    assertEquals(FenqiCli.REJECTED, plan.exit(), plan.err());
    assertEquals("", plan.out());
    assertEquals("fenqi: --policies: " + empty + " holds no *.json policy files", plan.err().strip());
    CliRun validate = CliRun.of("policy", "validate", empty.toString());
    assertEquals(FenqiCli.REJECTED, validate.exit(), validate.err());
    assertEquals("fenqi: " + empty + ": holds no *.json policy files", validate.err().strip());
  }

  /**
   * A directory that is missing, a file, or a link to nothing is named as what it is, by every command that takes
   * one: a mistyped '--policies sample/policies' was "is not a directory of policy files", as if a file stood there.
   */
  @Test
  void aDirectoryArgumentThatIsNoDirectoryIsNamedAsWhatItIs(@TempDir Path dir) throws Exception {
    String feasible = "../../samples/cases/shanghai-three-debts-feasible.json";
    Path missing = dir.resolve("sample-policies");
    Path link = Files.createSymbolicLink(dir.resolve("link"), dir.resolve("gone"));
    Path file = Path.of(feasible);
    assertEquals("fenqi: --policies: " + missing + ": no such directory",
        CliRun.of("plan", feasible, "--policies", missing.toString()).err().strip());
    assertEquals("fenqi: --policies: " + file + ": is a file, not a directory of policy files",
        CliRun.of("plan", feasible, "--policies", file.toString()).err().strip());
    assertEquals("fenqi: --rules: " + link + ": is a link to " + dir.resolve("gone") + ", which does not exist",
        CliRun.of("plan", feasible, "--policies", "../../samples/policies", "--rules", link.toString()).err().strip());
    assertEquals("fenqi: " + missing + ": no such directory", CliRun.of("rules", "check", missing.toString()).err().strip());
    CliRun fileGiven = CliRun.of("policy", "validate", file.toString());
    assertEquals(1, fileGiven.exit());
    assertEquals("fenqi: " + file + ": is a file, not a directory of policy files", fileGiven.err().strip());
  }
  /**
   * A link that leads back to itself through other links (a loop: a -> b -> a) is named as a loop, not as "a link to
   * b, which does not exist" beside b, a link that is there; given for a directory, or named like a policy file in
   * one (where it was "cannot be read: Too many levels of symbolic links or unable to access attributes of symbolic
   * link", Java's words).
   */
  @Test
  void aLoopOfLinksIsNamedAsALoop(@TempDir Path dir) throws Exception {
    String feasible = "../../samples/cases/shanghai-three-debts-feasible.json";
    Path a = Files.createSymbolicLink(dir.resolve("a"), dir.resolve("b"));
    Files.createSymbolicLink(dir.resolve("b"), a);
    String loop = a + ": is a link to " + dir.resolve("b") + ", which leads back to it: a loop of links, leading to "
        + "no file";
    assertEquals("fenqi: --policies: " + loop, CliRun.of("plan", feasible, "--policies", a.toString()).err().strip());
    assertEquals("fenqi: --rules: " + loop, CliRun.of("plan", feasible, "--policies", "../../samples/policies",
        "--rules", a.toString()).err().strip());
    assertEquals("fenqi: " + loop, CliRun.of("policy", "validate", a.toString()).err().strip());
    assertEquals("fenqi: " + loop, CliRun.of("rules", "check", a.toString()).err().strip());
    Path policies = Files.createDirectory(dir.resolve("policies"));
    Files.copy(SAMPLES.resolve("demo-credit-card.json"), policies.resolve("demo-credit-card.json"));
    Path named = Files.createSymbolicLink(policies.resolve("x.json"), a);
    String namedLoop = named + ": is a link to " + a + ", which leads into a loop of links, leading to no file";
    CliRun validate = CliRun.of("policy", "validate", policies.toString());
    assertEquals(FenqiCli.REJECTED, validate.exit(), validate.err());
    assertEquals(namedLoop, validate.out().lines().reduce((x, y) -> y).orElseThrow());
    assertEquals("fenqi: " + namedLoop, CliRun.of("plan", feasible, "--policies", policies.toString()).err().strip());
  }
}
