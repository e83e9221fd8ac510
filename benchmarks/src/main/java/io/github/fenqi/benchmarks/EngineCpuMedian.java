package io.github.fenqi.benchmarks;

import java.util.Locale;

/**
 * The median CPU milliseconds and allocated megabytes per {@code NegotiationEngine.calculate} of the calling thread,
 * on {@link EngineBenchmark}'s engine and request (10 debts, six months of statements): the figures to compare two
 * builds by, each in its own JVM, alternately, as {@link StatementCpuMedian} is for statement ingestion.
 *
 * <p>Why besides the JMH benchmark: JMH measures wall time, whose mean and p99 on this shared 2-vCPU host follow the
 * neighbours' load more than a change of a tenth; a thread's CPU time varies far less within one JVM, though not across
 * JVMs of one build (the code compiles one way or another), so compare builds by the median over three or more JVMs of
 * each, alternated. The bytes a thread allocates do not depend on the load at all: they show a change's allocation
 * exactly, once the code is compiled (escape analysis removes some). Neither replaces JMH's p99 against the target.
 *
 * <p>Run: {@code java -cp BUILD.jar io.github.fenqi.benchmarks.EngineCpuMedian [warm rounds] [timed rounds]
 * [calculates per round]} (default 20, 7 and 60; JMH's runs settled only after ~eight 2-second iterations, ~1 500
 * calculates, hence the long warm-up). Prints every timed round and their medians.
 *
 * <p>Thread-safety: a command-line program; not for use from other code.
 */
public final class EngineCpuMedian {
  private EngineCpuMedian() {}

  public static void main(String[] args) {
    if (args.length > 3) {
      System.err.println("usage: EngineCpuMedian [warm rounds (default 20)] [timed rounds (default 7)]"
          + " [calculates per round (default 60)]");
      System.exit(2);
    }
    int warm = args.length > 0 ? SolverJarComparison.positive(args[0], "warm rounds") : 20;
    int timed = args.length > 1 ? SolverJarComparison.positive(args[1], "timed rounds") : 7;
    int perRound = args.length > 2 ? SolverJarComparison.positive(args[2], "calculates per round") : 60;
    com.sun.management.ThreadMXBean threads = allocationClock();
    EngineBenchmark benchmark = new EngineBenchmark();
    benchmark.debts = 10;
    benchmark.setUp(); // checks that all three strategies have a plan on six months of statements
    double[] cpuMs = new double[timed];
    double[] allocatedMb = new double[timed];
    long proposals = 0; // read, so that no calculate can be left out as unused
    for (int round = 0; round < warm + timed; round++) {
      long cpu = threads.getCurrentThreadCpuTime();
      long bytes = threads.getCurrentThreadAllocatedBytes();
      for (int c = 0; c < perRound; c++) {
        proposals += benchmark.calculate().proposals().size();
      }
      if (round >= warm) {
        cpuMs[round - warm] = (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / perRound;
        allocatedMb[round - warm] = (threads.getCurrentThreadAllocatedBytes() - bytes) / 1e6 / perRound;
      }
    }
    System.out.printf(Locale.ROOT, "CPU ms per calculate: %s%nMB allocated per calculate: %s (%d proposals)%n",
        ExtractionCpuMedian.medianAndRounds(cpuMs, "%.2f"), ExtractionCpuMedian.medianAndRounds(allocatedMb, "%.2f"),
        proposals);
  }

  /** The current thread's CPU and allocation clock; exits with status 1, saying so, when this JVM lacks either. */
  private static com.sun.management.ThreadMXBean allocationClock() {
    if (!(ExtractionCpuMedian.threadCpuClock() instanceof com.sun.management.ThreadMXBean threads)
        || !threads.isThreadAllocatedMemorySupported()) {
      System.err.println("this JVM cannot measure the bytes a thread allocates");
      System.exit(1);
      throw new AssertionError("unreachable");
    }
    threads.setThreadAllocatedMemoryEnabled(true);
    return threads;
  }
}
