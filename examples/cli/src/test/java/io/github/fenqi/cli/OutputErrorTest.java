package io.github.fenqi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import org.junit.jupiter.api.Test;

/** Output that cannot be written ({@code > /dev/full}, a closed pipe) is a failure, not a silent exit 0. */
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
}
