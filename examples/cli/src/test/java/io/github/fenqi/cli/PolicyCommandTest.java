package io.github.fenqi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    assertEquals("fenqi: 1 of 2 policy files are invalid", run.err().strip());
  }

  /** {@code policy validate} of a directory holding the sample credit-card policy as a.json and {@code b} of it as b.json. */
  private static CliRun validateGoodAnd(Path dir, java.util.function.UnaryOperator<String> b) throws Exception {
    String good = Files.readString(SAMPLES.resolve("demo-credit-card.json"));
    Files.writeString(dir.resolve("a.json"), good);
    Files.writeString(dir.resolve("b.json"), b.apply(good));
    return CliRun.of("policy", "validate", dir.toString());
  }

  @Test
  void aMissingDirectoryIsOneLine() {
    CliRun run = CliRun.of("policy", "validate", "/no/such/dir");
    assertEquals(1, run.exit());
    assertEquals("fenqi: /no/such/dir: is not a directory", run.err().strip());
  }
}
