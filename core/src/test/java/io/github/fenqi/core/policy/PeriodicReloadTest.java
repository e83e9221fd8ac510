package io.github.fenqi.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeriodicReloadTest {

  /**
   * The schedule counts in milliseconds: half a millisecond was an IllegalArgumentException without a message from the
   * executor, and a longer interval than Long.MAX_VALUE ms an ArithmeticException from Duration.toMillis.
   */
  @Test
  void anIntervalUnderAMillisecondIsRefusedByNameAndAnEndlessOneIsNever() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> PeriodicReload.start("t", Duration.ofNanos(500_000), () -> { }, f -> { }));
    assertEquals(List.of(Problem.of("interval", "PT0.0005S must be at least 1 ms")), e.problems());
    AtomicInteger runs = new AtomicInteger();
    PeriodicReload.start("t", Duration.ofSeconds(Long.MAX_VALUE), runs::incrementAndGet, f -> { }).close();
    assertEquals(0, runs.get());
  }

  /**
   * A directory gone for a while fails every rescan the same way: that is reported once, not twice a second with a
   * stack trace; a different failure, or the same one after a rescan succeeded, is reported again.
   */
  @Test
  void aFailureRepeatedByEveryRescanIsReportedOnce() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(1);
    List<String> reported = new CopyOnWriteArrayList<>();
    try (PeriodicReload reload = PeriodicReload.start("test-reload", Duration.ofMillis(2), () -> {
      int n = calls.incrementAndGet();
      if (n == 40) {
        done.countDown();
      }
      if (n < 10 || n > 12 && n < 20) {
        throw new IllegalStateException("directory is gone");
      }
      if (n >= 20 && n < 40) {
        throw new IllegalStateException(n < 30 ? "permission denied" : "directory is gone");
      }
    }, e -> reported.add(e.getMessage()))) {
      assertTrue(done.await(30, TimeUnit.SECONDS), "rescans ran");
    }
    assertEquals(List.of("directory is gone", "directory is gone", "permission denied", "directory is gone"), reported);
  }

  /** A rescan that overflows its stack is reported, and the next rescan runs (the executor had cancelled the task). */
  @Test
  void aRescanThatOverflowsItsStackDoesNotEndTheRescans() throws Exception {
    assertTheRescansRunOnAfter(new StackOverflowError());
  }

  /** One millisecond is the least interval, and it is taken: "at least 1 ms" includes 1 ms. */
  @Test
  void anIntervalOfExactlyOneMillisecondIsTaken() throws Exception {
    CountDownLatch ran = new CountDownLatch(2);
    try (PeriodicReload reload = PeriodicReload.start("test-reload", Duration.ofMillis(1), ran::countDown, f -> { })) {
      assertTrue(ran.await(30, TimeUnit.SECONDS), "rescans ran every millisecond");
    }
  }

  /**
   * The rescans run on one daemon thread of the given name, so a service that forgets to close its repository still
   * exits, and a thread dump names what the thread is for.
   */
  @Test
  void theRescansRunOnOneDaemonThreadOfTheGivenName() throws Exception {
    CountDownLatch ran = new CountDownLatch(3);
    List<Thread> threads = new CopyOnWriteArrayList<>();
    try (PeriodicReload reload = PeriodicReload.start("fenqi-test-rescan", Duration.ofMillis(1), () -> {
      threads.add(Thread.currentThread());
      ran.countDown();
    }, f -> { })) {
      assertTrue(ran.await(30, TimeUnit.SECONDS), "rescans ran");
    }
    assertEquals(1, threads.stream().distinct().count(), threads.toString());
    assertTrue(threads.get(0).isDaemon(), "a daemon thread");
    assertEquals("fenqi-test-rescan", threads.get(0).getName());
  }

  /** Closing interrupts a rescan in progress: a rescan stuck on a slow mount does not outlive its repository. */
  @Test
  void closingInterruptsARescanInProgress() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    PeriodicReload reload = PeriodicReload.start("test-reload", Duration.ofMillis(1), () -> {
      started.countDown();
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        interrupted.countDown();
      }
    }, f -> { });
    assertTrue(started.await(30, TimeUnit.SECONDS), "a rescan started");
    reload.close();
    assertTrue(interrupted.await(20, TimeUnit.SECONDS), "the rescan in progress was interrupted");
  }

  /**
   * A rescan that fails an assert (assertions are on in tests, and in services run with {@code -ea}) is reported, and
   * the next rescan runs: only the JVM running out of memory ends the rescans. An AssertionError had escaped to the
   * executor, which cancelled the task without a word, so every later edit of the directory was ignored until a
   * restart and nothing was logged.
   */
  @Test
  void aRescanThatFailsAnAssertDoesNotEndTheRescans() throws Exception {
    assertTheRescansRunOnAfter(new AssertionError("a rule's check failed"));
  }

  /** Two rescans throw {@code failure}: it is reported once, and the third rescan runs. */
  private static void assertTheRescansRunOnAfter(Error failure) throws InterruptedException {
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch third = new CountDownLatch(1);
    List<Throwable> reported = new CopyOnWriteArrayList<>();
    try (PeriodicReload reload = PeriodicReload.start("test-reload", Duration.ofMillis(2), () -> {
      int n = calls.incrementAndGet();
      if (n == 3) {
        third.countDown();
      }
      if (n <= 2) {
        throw failure;
      }
    }, reported::add)) {
      assertTrue(third.await(30, TimeUnit.SECONDS), "rescans ran on after " + failure);
    }
    assertEquals(List.of(failure), reported);
  }
}
