package io.github.fenqi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a file carries into a report or a message is shown to the terminal, not obeyed by it. */
class TerminalSafeWriterTest {

  /** {@code text} as it reaches a terminal through the CLI's writer. */
  private static String shown(String text) {
    StringWriter terminal = new StringWriter();
    PrintWriter out = new PrintWriter(new TerminalSafeWriter(terminal));
    out.print(text);
    out.flush();
    return terminal.toString();
  }

  /**
   * ESC and a bidirectional control become backslash, u and four upper-case hex digits wherever they stand in what is
   * written, its last character too; line breaks and tabs are written as they are.
   */
  @Test
  void controlsAreShownAsEscapesAndLineBreaksAndTabsKept() {
    assertEquals("a\\u001B[2J", shown("a\u001B[2J"));
    assertEquals("amount 1\\u001B", shown("amount 1\u001B"));
    assertEquals("\\u202Eb\\u202E", shown("\u202Eb\u202E"));
    assertEquals("x\ty\r\nz\n", shown("x\ty\r\nz\n"));
  }

  /**
   * A name echoed in an error on standard error is shown too, as a value in a report on standard output is (a value the
   * library quotes, such as a rejected amount, it escapes itself: a file name it does not).
   */
  @Test
  void aFileNameOnStandardErrorIsShownNotObeyed(@TempDir Path dir) {
    String name = dir.resolve("x\u001B[2J\u202E.csv").toString();
    CliRun r = CliRun.of("statement", "ingest", name);
    assertEquals(FenqiCli.REJECTED, r.exit(), r.err());
    assertEquals("fenqi: " + dir.resolve("x") + "\\u001B[2J\\u202E.csv: no such file", r.err().strip());
  }

  /** A file's name that heads its lines of a text report on standard output is shown, not obeyed. */
  @Test
  void aFileNameInATextReportIsShownNotObeyed(@TempDir Path dir) throws Exception {
    Path file = Files.copy(Path.of("../../samples/statements/bank_A.csv"), dir.resolve("bank\u001B[2J\u202E.csv"));
    CliRun r = CliRun.of("statement", "ingest", file.toString(), "--format-out", "text");
    assertEquals(FenqiCli.OK, r.exit(), r.err());
    assertTrue(r.out().startsWith(dir.resolve("bank") + "\\u001B[2J\\u202E.csv"), r.out());
    assertTrue(r.out().chars().noneMatch(c -> c == 0x1B || c == 0x202E), r.out());
  }
}
