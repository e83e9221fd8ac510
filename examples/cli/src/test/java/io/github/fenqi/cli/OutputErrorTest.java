package io.github.fenqi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

  private static final String[] SCHEDULE = {"schedule", "--amount", "12000", "--term", "360", "--method",
      "EQUAL_INSTALLMENT", "--annual-rate", "0.06", "--format", "text"};

  /** {@code fenqi ARGS} in a process of its own, as a shell starts it, on this test's class path. */
  private static ProcessBuilder fenqi(String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), FenqiCli.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }

  private record Ended(int exit, String err) {}

  private static Ended end(Process p) throws Exception {
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(2, TimeUnit.MINUTES), "fenqi did not end");
    return new Ended(p.exitValue(), err);
  }

  @Test
  void aReaderThatStopsReadingEndsTheRunQuietlyWithTheStatusOfABrokenPipe() throws Exception {
    Process p = fenqi(SCHEDULE).start();
    p.getInputStream().close(); // the pipe's only reader is gone before fenqi writes: 'fenqi ... | head -n 0'
    Ended e = end(p);
    assertEquals("", e.err());
    assertEquals(FenqiCli.BROKEN_PIPE, e.exit());
  }

  @Test
  void aFullDiskIsStillAnErrorOutsideAPipe() throws Exception {
    Ended e = end(fenqi(SCHEDULE).redirectOutput(new File("/dev/full")).start());
    assertEquals(FenqiCli.REJECTED, e.exit(), e.err());
    assertTrue(e.err().startsWith("fenqi: standard output could not be written (closed, or the disk is full)"), e.err());
  }
}
