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
 * state stays live.
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
   * @param interval the delay between rescans; must be positive
   * @param reload the rescan
   * @param onFailure receives what a rescan threw
   */
  public static PeriodicReload start(String threadName, Duration interval, Runnable reload, Consumer<RuntimeException> onFailure) {
    if (interval.isNegative() || interval.isZero()) {
      throw new InvalidInputException("interval", interval + " must be positive");
    }
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, threadName);
      t.setDaemon(true);
      return t;
    });
    executor.scheduleWithFixedDelay(() -> {
      try {
        reload.run();
      } catch (RuntimeException e) {
        onFailure.accept(e);
      }
    }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    return new PeriodicReload(executor);
  }

  /** Stops rescanning (a rescan in progress is interrupted). */
  @Override
  public void close() {
    executor.shutdownNow();
  }
}
