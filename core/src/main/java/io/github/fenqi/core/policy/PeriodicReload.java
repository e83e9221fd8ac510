package io.github.fenqi.core.policy;

import io.github.fenqi.core.InvalidInputException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a directory rescan on one daemon thread at a fixed delay, for the hot-reloading sources of policies and
 * rules. A failing rescan is handed to {@code onFailure} (to log) and the next one still runs, so the last good
 * state stays live; a failure repeated by the following rescans is handed over once. A stack overflow, a missing
 * class or a failed assert is such a failure too, not the end of the rescans; only the JVM running out of memory ends
 * them.
 *
 * <p>Thread-safety: thread-safe; {@link #close()} is idempotent.
 */
public final class PeriodicReload implements AutoCloseable {
  private final ScheduledExecutorService executor;

  private PeriodicReload(ScheduledExecutorService executor) {
    this.executor = executor;
  }

  /**
   * Starts rescanning.
   *
   * @param threadName the daemon thread's name
   * @param interval the delay between rescans: at least 1 ms (the schedule counts in milliseconds: half a millisecond
   *     had been an {@link IllegalArgumentException} without a message, and an interval beyond {@link Long#MAX_VALUE}
   *     ms an {@link ArithmeticException}; such an interval is now that many ms, that is never again)
   * @throws InvalidInputException naming {@code interval} when it is under 1 ms
   * @param reload the rescan
   * @param onFailure receives what a rescan threw (an exception, a stack overflow, a linkage error), once for a run of
   *     the same failure
   */
  public static PeriodicReload start(String threadName, Duration interval, Runnable reload, Consumer<Throwable> onFailure) {
    if (interval.compareTo(Duration.ofMillis(1)) < 0) {
      throw new InvalidInputException("interval", interval + " must be at least 1 ms");
    }
    long millis = interval.compareTo(Duration.ofMillis(Long.MAX_VALUE)) > 0 ? Long.MAX_VALUE : interval.toMillis();
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, threadName);
      t.setDaemon(true);
      return t;
    });
    String[] lastFailure = {null}; // touched by the one rescan thread only
    executor.scheduleWithFixedDelay(() -> {
      try {
        reload.run();
        lastFailure[0] = null;
      } catch (RuntimeException | Error e) {
        if (e instanceof OutOfMemoryError oom) {
          throw oom; // the one failure that ends the rescans: nothing can be relied on to work after it
        }
        // a scheduled executor silently cancels a task that throws, so the Errors a rescan's own code can raise (a
        // runaway recursion, a class missing, a failed assert: an AssertionError had ended the rescans without a
        // word, every later edit ignored until a restart) are reported and the next rescan still runs
        // the same failure on every rescan (a directory unmounted) is reported once, not twice a second with its
        // stack trace until it is back; a different failure, or the same one after a success, is reported again
        String failure = e.getClass().getName() + ": " + e.getMessage();
        if (!failure.equals(lastFailure[0])) {
          lastFailure[0] = failure;
          onFailure.accept(e);
        }
      }
    }, millis, millis, TimeUnit.MILLISECONDS);
    return new PeriodicReload(executor);
  }

  /** Stops rescanning (a rescan in progress is interrupted). */
  @Override
  public void close() {
    executor.shutdownNow();
  }
}
