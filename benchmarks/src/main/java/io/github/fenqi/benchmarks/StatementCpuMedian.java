package io.github.fenqi.benchmarks;

import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * The median statement ingestion speed in thousands of rows per CPU second of the reading thread, on
 * {@link StatementBenchmark}'s generated statements ({@value StatementBenchmark#ROWS} rows, the same holder): the
 * figure to compare two builds by, each in its own JVM, alternately, as {@link ExtractionCpuMedian} is for extraction.
 *
 * <p>Why besides the JMH benchmark: JMH measures wall time, which on this shared 2-vCPU host follows the neighbours'
 * load; a thread's CPU time varies far less within one JVM. Across JVMs of one build it does not (the code compiles one
 * way or another), so compare builds by the median over three or more JVMs of each, alternated. It is no substitute
 * for JMH's figure against the design's target, which counts what a caller waits.
 *
 * <p>Run: {@code java -cp BUILD.jar io.github.fenqi.benchmarks.StatementCpuMedian parse|bank|alipay [warm rounds]
 * [timed rounds]} ({@code parse}: {@link StatementBenchmark#parseBank}, {@code bank}:
 * {@link StatementBenchmark#pipelineBank}, {@code alipay}: {@link StatementBenchmark#pipelineAlipayGbk}; default 4
 * and 7 rounds; a round reads the statement 10 times). Prints every timed round and their median.
 *
 * <p>Thread-safety: a command-line program; not for use from other code.
 */
public final class StatementCpuMedian {
  private static final int READS_PER_ROUND = 10;

  private StatementCpuMedian() {}

  public static void main(String[] args) {
    StatementBenchmark benchmark = new StatementBenchmark();
    // each reading answers the rows it kept, which the program adds up and prints
    IntSupplier read = args.length < 1 || args.length > 3 ? null : switch (args[0]) {
      case "parse" -> () -> benchmark.parseBank().transactions().size();
      case "bank" -> () -> benchmark.pipelineBank().rowsKept();
      case "alipay" -> () -> benchmark.pipelineAlipayGbk().rowsKept();
      default -> null;
    };
    if (read == null) {
      System.err.println("usage: StatementCpuMedian parse|bank|alipay [warm rounds (default 4)] [timed rounds (default 7)]");
      System.exit(2);
    }
    int warm = args.length > 1 ? SolverJarComparison.positive(args[1], "warm rounds") : 4;
    int timed = args.length > 2 ? SolverJarComparison.positive(args[2], "timed rounds") : 7;
    ThreadMXBean threads = ExtractionCpuMedian.threadCpuClock();
    benchmark.setUp(); // checks that the generated statements parse without a rejected row
    double[] kRowsPerCpuSecond = new double[timed];
    long rows = 0; // read, so that no reading can be left out as unused
    for (int round = 0; round < warm + timed; round++) {
      long start = threads.getCurrentThreadCpuTime();
      for (int r = 0; r < READS_PER_ROUND; r++) {
        rows += read.getAsInt();
      }
      if (round >= warm) {
        double seconds = (threads.getCurrentThreadCpuTime() - start) / 1e9;
        kRowsPerCpuSecond[round - warm] = StatementBenchmark.ROWS * (double) READS_PER_ROUND / seconds / 1e3;
      }
    }
    System.out.printf(Locale.ROOT, "%s: k rows/s per CPU second: %s (%d rows kept)%n", args[0],
        ExtractionCpuMedian.medianAndRounds(kRowsPerCpuSecond, "%.0f"), rows);
  }
}
