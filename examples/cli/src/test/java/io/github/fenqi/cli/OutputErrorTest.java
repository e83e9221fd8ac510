package io.github.fenqi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import org.junit.jupiter.api.Test;

/**
 * Output that cannot be written ({@code > /dev/full}, a closed output) is a failure, not a silent exit 0; a pipe whose
 * reader stopped ({@code | head}) ends the run quietly with status 141, as it ends a Unix tool.
 */
class OutputErrorTest {

  /** A standard output on a full disk: every write fails, as {@code /dev/full} does. */
  private static final class FullDisk extends Writer {
    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
      throw new IOException("No space left on device");
    }

    @Override
    public void flush() throws IOException {
      throw new IOException("No space left on device");
    }

    @Override
    public void close() {}
  }

  @Test
  void aScheduleThatCannotBeWrittenExitsNonZeroWithOneLine() {
    StringWriter err = new StringWriter();
    int code = FenqiCli.run(new String[] {"schedule", "--amount", "12000", "--term", "12", "--method",
        "FEE_INSTALLMENT", "--monthly-fee-rate", "0.006"}, new PrintWriter(new FullDisk()), new PrintWriter(err));
    assertEquals(FenqiCli.REJECTED, code, err.toString());
    assertEquals(1, err.toString().lines().count(), err.toString());
    assertTrue(err.toString().startsWith("fenqi: standard output could not be written"), err.toString());
  }

  @Test
  void aRejectionKeepsItsReasonWhenOutputFailsToo() {
    StringWriter err = new StringWriter();
    int code = FenqiCli.run(new String[] {"schedule", "--amount", "-1", "--term", "12", "--method",
        "FEE_INSTALLMENT"}, new PrintWriter(new FullDisk()), new PrintWriter(err));
    assertEquals(FenqiCli.REJECTED, code, err.toString());
    assertTrue(err.toString().startsWith("fenqi: --amount: "), err.toString());
  }

  /** A rejection on a pipe whose reader stopped is still a rejection (1, with its reason), not a quiet 141. */
  @Test
  void aRejectionOnABrokenPipeIsStillARejection() {
    StringWriter err = new StringWriter();
    int code = FenqiCli.run(new String[] {"schedule", "--amount", "-1", "--term", "12", "--method",
        "FEE_INSTALLMENT"}, new PrintWriter(new FullDisk()), new PrintWriter(err), () -> true);
    assertEquals(FenqiCli.REJECTED, code, err.toString());
    assertTrue(err.toString().startsWith("fenqi: --amount: "), err.toString());
  }

  private static final String[] SCHEDULE = {"schedule", "--amount", "12000", "--term", "360", "--method",
      "EQUAL_INSTALLMENT", "--annual-rate", "0.06", "--format", "text"};

  @Test
  void aReaderThatStopsReadingEndsTheRunQuietlyWithTheStatusOfABrokenPipe() throws Exception {
    Process p = CliProcess.fenqi(SCHEDULE).start();
    p.getInputStream().close(); // the pipe's only reader is gone before fenqi writes: 'fenqi ... | head -n 0'
    CliProcess e = CliProcess.end(p);
    assertEquals("", e.err());
    assertEquals(FenqiCli.BROKEN_PIPE, e.exit());
  }

  @Test
  void aFullDiskIsStillAnErrorOutsideAPipe() throws Exception {
    CliProcess e = CliProcess.end(CliProcess.fenqi(SCHEDULE).redirectOutput(new File("/dev/full")).start());
    assertEquals(FenqiCli.REJECTED, e.exit(), e.err());
    assertTrue(e.err().startsWith("fenqi: standard output could not be written (closed, or the disk is full)"), e.err());
  }
}
