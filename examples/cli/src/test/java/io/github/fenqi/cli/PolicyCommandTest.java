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
    String good = Files.readString(SAMPLES.resolve("demo-credit-card.json"));
    Files.writeString(dir.resolve("a.json"), good);
    Files.writeString(dir.resolve("b.json"), good.replace("\"minRatio\": \"0\"", "\"minRatio\": \"1.2\""));
    CliRun run = CliRun.of("policy", "validate", dir.toString());
    assertEquals(1, run.exit());
    assertTrue(run.out().contains("OK  " + dir.resolve("a.json")), run.out());
    assertTrue(run.out().contains(dir.resolve("b.json") + ": $.downPayment.minRatio: '1.2' is outside 0..1"), run.out());
    assertEquals("fenqi: 1 of 2 policy files are invalid", run.err().strip());
  }

  @Test
  void aMissingDirectoryIsOneLine() {
    CliRun run = CliRun.of("policy", "validate", "/no/such/dir");
    assertEquals(1, run.exit());
    assertEquals("fenqi: /no/such/dir: is not a directory", run.err().strip());
  }
}
