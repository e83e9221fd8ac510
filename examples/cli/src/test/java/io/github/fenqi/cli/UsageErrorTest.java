package io.github.fenqi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Usage as the help and the converters document it, in process: an unknown option is named as an option (not as a
 * mistyped command), --format takes json or text in any case and refuses html where only plan writes a page, and a
 * whole number may have blanks around it.
 */
class UsageErrorTest {
  @Test
  void anUnknownOptionIsNamedAsAnOption() {
    CliRun run = CliRun.of("--bogus");
    assertEquals(FenqiCli.REJECTED, run.exit());
    assertEquals("fenqi: Unknown option: '--bogus' (see 'fenqi --help')", run.err().strip());
  }

  @Test
  void formatIsTakenInAnyCaseAndATermWithBlanksAroundIt() {
    CliRun run = CliRun.of("schedule", "--amount", "12000", "--term", " 12 ", "--method", "FEE_INSTALLMENT",
        "--monthly-fee-rate", "0.006", "--format", "TEXT");
    assertEquals(FenqiCli.OK, run.exit(), run.err());
    assertTrue(run.out().contains("total payable 12864.00"), run.out());
  }

  @Test
  void htmlIsRefusedByACommandWithoutAPage() {
    CliRun run = CliRun.of("schedule", "--amount", "12000", "--term", "12", "--method", "FEE_INSTALLMENT",
        "--format", "html");
    assertEquals(FenqiCli.REJECTED, run.exit());
    assertTrue(run.err().contains("'html' is not offered by this command (only plan writes a page); use json or text"),
        run.err());
  }
}
