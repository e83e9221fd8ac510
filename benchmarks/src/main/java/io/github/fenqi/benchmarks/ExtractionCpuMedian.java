package io.github.fenqi.benchmarks;

import io.github.fenqi.nlp.PolicyTextExtractor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The median policy-text extraction speed in MB of UTF-8 text per CPU second of the extracting thread, on
 * {@link PolicyExtractionBenchmark}'s texts: the figure to compare two builds by, each in its own JVM, alternately.
 *
 * <p>Why besides the JMH benchmark: JMH measures wall time, which on this shared 2-vCPU host follows the neighbours'
 * load (one jar gave 84 ops/s beside a build and 776 on a quiet minute of the same session); a thread's CPU time varies
 * far less within one JVM (rounds within ±5 % of their median on a quiet host, ±15 % beside a build). Across JVMs of
 * one build it does not: the code compiles one way or another, and one jar's medians ranged 4.7–9.4 MB/s over five
 * JVMs on a quiet host. So compare builds by the median over five or more JVMs of each, alternated. It is no
 * substitute for JMH's figure against the target, which counts what a caller waits.
 *
 * <p>Run: {@code java -cp BUILD.jar io.github.fenqi.benchmarks.ExtractionCpuMedian [warm rounds] [timed rounds]}
 * (default 10 and 7; a round extracts the twelve texts 500 times; the compiled code settled after ~9 rounds on this
 * host). Prints every timed round and their median.
 *
 * <p>Thread-safety: a command-line program; not for use from other code.
 */
public final class ExtractionCpuMedian {
  private static final int BATCHES_PER_ROUND = 500;

  private ExtractionCpuMedian() {}

  public static void main(String[] args) {
    if (args.length > 2) {
      System.err.println("usage: ExtractionCpuMedian [warm rounds (default 10)] [timed rounds (default 7)]");
      System.exit(2);
    }
    int warm = args.length > 0 ? SolverJarComparison.positive(args[0], "warm rounds") : 10;
    int timed = args.length > 1 ? SolverJarComparison.positive(args[1], "timed rounds") : 7;
    ThreadMXBean threads = threadCpuClock();
    long batchBytes = PolicyExtractionBenchmark.TEXTS.stream()
        .mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length).sum();
    PolicyTextExtractor extractor = PolicyTextExtractor.create();
    double[] mbPerCpuSecond = new double[timed];
    long fields = 0; // read, so that no extraction can be left out as unused
    for (int round = 0; round < warm + timed; round++) {
      long start = threads.getCurrentThreadCpuTime();
      for (int b = 0; b < BATCHES_PER_ROUND; b++) {
        for (String text : PolicyExtractionBenchmark.TEXTS) {
          fields += extractor.extract(text).fields().size();
        }
      }
      if (round >= warm) {
        double seconds = (threads.getCurrentThreadCpuTime() - start) / 1e9;
        mbPerCpuSecond[round - warm] = batchBytes * (double) BATCHES_PER_ROUND / seconds / 1e6;
      }
    }
    System.out.printf(Locale.ROOT, "MB/s per CPU second: %s (%d fields read)%n", medianAndRounds(mbPerCpuSecond, "%.2f"),
        fields);
  }

  /** The current thread's CPU clock; exits with status 1, saying so, when this JVM has none. */
  static ThreadMXBean threadCpuClock() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (!threads.isCurrentThreadCpuTimeSupported()) {
      System.err.println("this JVM cannot measure a thread's CPU time");
      System.exit(1);
    }
    return threads;
  }

  /** "median M, rounds [r1, r2, …]" of {@code rounds}, each written with {@code format}. */
  static String medianAndRounds(double[] rounds, String format) {
    String each = Arrays.toString(Arrays.stream(rounds).mapToObj(v -> String.format(Locale.ROOT, format, v)).toArray());
    double[] sorted = rounds.clone();
    Arrays.sort(sorted);
    return "median " + String.format(Locale.ROOT, format, sorted[sorted.length / 2]) + ", rounds " + each;
  }
}
