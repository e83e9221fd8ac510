package io.github.fenqi.core.testkit;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * <p>Thread-safety: stateless.
 */
public final class LinearTime {
  /** How many times longer the input eight times as long may take. */
  public static final int LIMIT = 24;

  private LinearTime() {}

  /**
   * Runs {@code work} at scale 1 (once to warm up, then timed at its fastest of three, so the ratio errs high, not
   * low) and at scale 8, and fails naming {@code what} and both times when the second is {@value #LIMIT} or more times
   * the first (timings under a millisecond count as one). {@code work} builds its input at the scale it is given and
   * asserts what it reads; five minutes in all stop a hang.
   */
  public static void assertLinear(String what, IntConsumer work) {
    assertTimeoutPreemptively(Duration.ofMinutes(5), () -> {
      work.accept(1);
      long once = Long.MAX_VALUE;
      for (int i = 0; i < 3; i++) {
        once = Math.min(once, timed(work, 1));
      }
      long eightfold = timed(work, 8);
      assertTrue(eightfold < LIMIT * Math.max(once, 1_000_000L), what + ": an input 8 times as long took "
          + eightfold / 1_000_000 + " ms against " + once / 1_000_000 + " ms, " + LIMIT
          + " or more times as long, as a quadratic reading would");
    });
  }

  private static long timed(IntConsumer work, int scale) {
    long start = System.nanoTime();
    work.accept(scale);
    return System.nanoTime() - start;
  }
}
