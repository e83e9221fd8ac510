package io.github.fenqi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@code fenqi schedule --format text} run as a shell runs it keeps within the terminal's width ({@code COLUMNS},
 * else 100) as {@code plan} and {@code statement ingest} text does: its table and lines had been printed at their own
 * width whatever {@code COLUMNS} said (69 columns and more, 99 for the largest amounts).
 */
class ScheduleTextWidthTest {
  private static final String[] USUAL = {"schedule", "--amount", "12000", "--term", "12", "--method",
      "FEE_INSTALLMENT", "--monthly-fee-rate", "0.006", "--down-payment", "1000", "--format", "text"};
  private static final String[] LARGEST = {"schedule", "--amount", "1000000000000", "--term", "2", "--method",
      "EQUAL_INSTALLMENT", "--annual-rate", "0.2", "--format", "text"};

  /** {@link CliProcess#outputWithColumns}. */
  private static String fenqi(@Nullable String columns, String... args) throws Exception {
    return CliProcess.outputWithColumns(columns, args);
  }

  @Test
  void everyLineKeepsWithinColumnsAndANarrowTerminalGetsEachPeriodAsLabelledValues() throws Exception {
    for (String[] args : List.of(USUAL, LARGEST)) {
      for (String columns : new String[] {null, "40", "60", "80"}) {
        int width = columns == null ? 100 : Integer.parseInt(columns);
        String text = fenqi(columns, args);
        for (String line : text.lines().toList()) {
          assertTrue(TextColumns.width(line) <= width, width + " columns: " + line + "\n" + text);
        }
        assertTrue(text.contains("total payable "), text);
      }
    }
    // the usual table (69 columns) is kept where it fits; in 60 columns each period is its labelled values
    assertTrue(fenqi("80", USUAL).contains("period      payment    principal   interest        fee      remaining\n"));
    assertTrue(fenqi("69", USUAL).contains("period      payment    principal   interest        fee      remaining\n"),
        "a table exactly as wide as the terminal fits");
    String narrow = fenqi("60", USUAL);
    assertTrue(narrow.contains("\nperiod 1\n  payment 1072.00  principal 1000.00  interest 0.00\n"
        + "  fee 72.00  remaining 11000.00\n"), narrow);
    assertTrue(narrow.contains("\nperiod 12\n"), narrow);
    assertFalse(narrow.contains("period      payment"), narrow);
  }

  /** A COLUMNS that is no width is named on stderr, as for plan, and 100 is used. */
  @Test
  void aColumnsThatIsNoWidthIsNamedInAWarning() throws Exception {
    ProcessBuilder pb = CliProcess.fenqi(USUAL);
    pb.environment().put("COLUMNS", "wide");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    CliProcess ended = CliProcess.end(p);
    assertEquals(0, ended.exit(), ended.err());
    assertTrue(ended.err().startsWith("fenqi: warning: COLUMNS: 'wide' is not a width from 40 to 1000"), ended.err());
    assertTrue(out.contains("period      payment"), out);
  }
}
