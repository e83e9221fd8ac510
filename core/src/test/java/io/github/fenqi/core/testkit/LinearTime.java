package io.github.fenqi.core.testkit;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.function.IntConsumer;

/**
 * Checks that a piece of work grows linearly with its input, for the tests that guard against a quadratic reading
 * coming back. A wall-clock limit on one long input (the earlier form of those tests) fails on a loaded build host with
 * a linear reading too — a 10 s limit was hit at load 15 on two cores — and the standards ask speed to be measured, not
 * asserted by the clock. Growth is a ratio within one run, so the host's load largely cancels: the input eight times
 * as long must take less than {@value #LIMIT} times as long, where a linear reading takes about 8 (less, with its
 * fixed costs) and a quadratic one 64.
 *
 * <p>Each scale is timed at its fastest (of nine runs at scale 1, three at scale 8), in CPU time of the working thread
 * where the JVM measures it, the scales taken in turn in three rounds.
 * Disturbance (other builds on the cores, the collector, the compiler) only ever adds time, so the fastest run is the
 * closest to what the work costs, at either scale. Only the small scale had been timed at its fastest, the large one
 * once, on the wall clock: on a host with other builds running (load 12 on two cores) a linear reading measured 25 to
 * 45 times as long and the test failed in most runs. A quadratic reading still takes about 64 times as long at its
 * fastest, and fails ({@code LinearTimeTest}). The scales were first timed one after the other, all of scale 1 then
 * all of scale 8: CPU time still grows when another build shares the core (a sibling hardware thread, the caches), and
 * a spell of that over the first phase alone made the quadratic reading pass as linear once under load; taken in turn,
 * a spell falls on both.
 *
 * <p>Thread-safety: stateless.
 */
public final class LinearTime {
  /** How many times longer the input eight times as long may take. */
  public static final int LIMIT = 24;

  private LinearTime() {}

  /**
   * Runs {@code work} at scale 1 (once to warm up, then timed at its fastest of nine) and at scale 8 (timed at its
   * fastest of three), in three rounds of three and one, and fails naming {@code what} and both times when the second is {@value #LIMIT} or more times
   * the first (timings under a millisecond count as one). {@code work} builds its input at the scale it is given and
   * asserts what it reads; five minutes in all stop a hang. Times are CPU times of the working thread where the JVM
   * measures them (wall-clock times elsewhere).
   */
  public static void assertLinear(String what, IntConsumer work) {
    assertTimeoutPreemptively(Duration.ofMinutes(5), () -> {
      work.accept(1);
      long once = Long.MAX_VALUE;
      long eightfold = Long.MAX_VALUE;
      for (int round = 0; round < 3; round++) { // interleaved, so a slow spell of the host falls on both scales
        for (int i = 0; i < 3; i++) {
          once = Math.min(once, timed(work, 1));
        }
        eightfold = Math.min(eightfold, timed(work, 8));
      }
      assertTrue(eightfold < LIMIT * Math.max(once, 1_000_000L), what + ": an input 8 times as long took "
          + eightfold / 1_000_000 + " ms against " + once / 1_000_000 + " ms, " + LIMIT
          + " or more times as long, as a quadratic reading would");
    });
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Nanoseconds {@code work} took at {@code scale}: the CPU time of this thread where supported. */
  private static long timed(IntConsumer work, int scale) {
    boolean cpu = THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
    long start = cpu ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    work.accept(scale);
    return (cpu ? THREADS.getCurrentThreadCpuTime() : System.nanoTime()) - start;
  }
}
