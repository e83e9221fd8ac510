package io.github.fenqi.core.monitor;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.TextFields;
import io.github.fenqi.core.solve.Strategy;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records lenders' answers (accepted or rejected, per platform and strategy) and detects an abnormal drop of
 * the acceptance rate against the platform's own baseline with a one-sided two-proportion z-test (documented in
 * the {@linkplain io.github.fenqi.core.monitor package}). Listeners receive each new {@link AcceptanceDropAlert}.
 *
 * <pre>{@code
 * OutcomeMonitor monitor = OutcomeMonitor.create(MonitorConfig.defaults());
 * monitor.onAlert(alert -> log.warn(alert.message()));
 * monitor.record("demo-online-lender", Strategy.BALANCED, false);
 * }</pre>
 *
 * <p>Thread-safety: thread-safe; outcomes of one platform and strategy are serialised, others run in parallel.
 * Listeners run on the recording thread and must not block; one that throws — an exception or an {@link Error} — is
 * logged and the others still hear the alert, except a {@link VirtualMachineError}, which propagates from
 * {@link #record} (the outcome is recorded by then).
 */
public final class OutcomeMonitor {
  private static final Logger LOG = LoggerFactory.getLogger(OutcomeMonitor.class);
  private final MonitorConfig config;
  private final Map<Key, Series> series = new ConcurrentHashMap<>();
  private final List<Consumer<AcceptanceDropAlert>> listeners = new CopyOnWriteArrayList<>();

  private OutcomeMonitor(MonitorConfig config) {
    this.config = config;
  }

  /**
   * A monitor with no outcomes yet.
   *
   * @throws InvalidInputException naming {@code config} when it is missing (it had been taken, and every outcome
   *     recorded then failed with a bare NullPointerException, far from this call)
   */
  public static OutcomeMonitor create(MonitorConfig config) {
    if (config == null) {
      throw new InvalidInputException("config", "is required (MonitorConfig.defaults() for the defaults)");
    }
    return new OutcomeMonitor(config);
  }

  /**
   * Calls {@code listener} with every alert raised from now on.
   *
   * @throws InvalidInputException when {@code listener} is null: it had been registered, and every alert after it
   *     logged a NullPointerException with its stack trace as a "failed listener", far from the call that was wrong
   */
  public void onAlert(Consumer<AcceptanceDropAlert> listener) {
    if (listener == null) {
      throw new InvalidInputException("listener", "is required");
    }
    listeners.add(listener);
  }

  /**
   * Records one answer and tests the platform and strategy again.
   *
   * @return the alert when this outcome made the platform enter the alerting state
   * @throws InvalidInputException when {@code platformId} is not one line of visible text of at most
   *     {@link TextFields#MAX_ID_LENGTH} characters, as a policy's is, or {@code strategy} is null (nothing is recorded:
   *     a series without a strategy cannot be ordered, and {@link #statuses()} would fail for every platform after it)
   */
  public Optional<AcceptanceDropAlert> record(String platformId, Strategy strategy, boolean accepted) {
    Series s = series.computeIfAbsent(key(platformId, strategy), k -> new Series());
    Optional<AcceptanceDropAlert> alert;
    synchronized (s) {
      s.add(accepted, config);
      alert = s.test(platformId, strategy, config);
    }
    alert.ifPresent(this::tell);
    return alert;
  }

  /**
   * Every listener hears the alert, whatever another does: the outcome is recorded and the series is alerting by now,
   * so a listener that threw (a webhook that is down) would otherwise fail the call that recorded it — a caller who
   * retries records the outcome twice — and keep the listeners after it from ever hearing this alert. That holds
   * for an {@link Error} too (a webhook client's {@link NoClassDefFoundError}, a listener's {@link AssertionError}) and
   * a checked exception thrown past the compiler: these escaped {@code record} and silenced the listeners after them.
   * Only a {@link VirtualMachineError} (out of memory, stack overflow) propagates at once: the JVM is in no state to
   * go on calling listeners.
   */
  private void tell(AcceptanceDropAlert alert) {
    for (Consumer<AcceptanceDropAlert> l : listeners) {
      try {
        l.accept(alert);
      } catch (VirtualMachineError e) {
        throw e;
      } catch (Throwable e) { // every other failure is this listener's own: logged, the next one is called
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt(); // thrown past the compiler: the caller's thread keeps its interrupt
        }
        LOG.warn("acceptance alert listener {} failed on {}", l, alert.message(), e);
      }
    }
  }

  /**
   * The state of one platform and strategy (empty samples when nothing was recorded).
   *
   * @throws InvalidInputException for a platform id or strategy that {@link #record} refuses: one that can never have
   *     an outcome had been answered "nothing recorded, not alerting", a null strategy with a status naming none
   */
  public AcceptanceStatus status(String platformId, Strategy strategy) {
    Series s = series.get(key(platformId, strategy));
    if (s == null) {
      return new AcceptanceStatus(platformId, strategy, 0, 0, 0, 0, OptionalDouble.empty(), false);
    }
    synchronized (s) {
      return s.status(platformId, strategy);
    }
  }

  /**
   * The series' key, refusing a {@code platformId} that is not one line of visible text of at most
   * {@link TextFields#MAX_ID_LENGTH} characters or a null {@code strategy}.
   */
  private static Key key(String platformId, Strategy strategy) {
    // the alert's message is "one line for a log or a pager": a newline in the id forged a second line
    Optional<Problem> badId = TextFields.check("platformId", platformId, TextFields.MAX_ID_LENGTH);
    if (badId.isPresent()) {
      throw new InvalidInputException(List.of(badId.get()));
    }
    if (strategy == null) {
      throw new InvalidInputException("strategy", "is required (" + Arrays.toString(Strategy.values()) + ")");
    }
    return new Key(platformId, strategy);
  }

  /** Every platform and strategy seen, ordered by platform then strategy. */
  public List<AcceptanceStatus> statuses() {
    List<AcceptanceStatus> all = new ArrayList<>();
    series.keySet().stream()
        .sorted(Comparator.comparing(Key::platformId).thenComparing(Key::strategy))
        .forEach(k -> all.add(status(k.platformId(), k.strategy())));
    return List.copyOf(all);
  }

  /**
   * The one-sided p-value of "the recent rate is lower than the baseline rate"; empty when either sample is
   * too small for the normal approximation (fewer than 5 expected acceptances or rejections in a sample).
   */
  static OptionalDouble dropPValue(int baselineAccepted, int baselineTotal, int recentAccepted, int recentTotal) {
    OptionalDouble z = dropZ(baselineAccepted, baselineTotal, recentAccepted, recentTotal);
    return z.isPresent() ? OptionalDouble.of(upperTail(z.getAsDouble())) : OptionalDouble.empty();
  }

  static OptionalDouble dropZ(int baselineAccepted, int baselineTotal, int recentAccepted, int recentTotal) {
    if (baselineTotal == 0 || recentTotal == 0) {
      return OptionalDouble.empty();
    }
    // added as longs: each window may hold up to Integer.MAX_VALUE outcomes, and two ints' sum had wrapped negative
    long accepted = (long) baselineAccepted + recentAccepted;
    long total = (long) baselineTotal + recentTotal;
    long smaller = Math.min(baselineTotal, recentTotal);
    // at least 5 expected of each, exactly: smaller × accepted / total ≥ 5 in integers. In doubles 1 − 225/250 is just
    // below 0.1, so a sample of 50 with exactly 5 expected rejections was called too small and left untested
    if (smaller * accepted < 5 * total || smaller * (total - accepted) < 5 * total) {
      return OptionalDouble.empty();
    }
    double pooled = (double) accepted / total;
    double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / baselineTotal + 1.0 / recentTotal));
    double diff = (double) baselineAccepted / baselineTotal - (double) recentAccepted / recentTotal;
    return OptionalDouble.of(diff / se);
  }

  /**
   * Whether {@code bA/bT − rA/rT ≥ minDrop}, exactly: the rates' difference in {@code double} rounds a drop of exactly
   * {@code minDrop} below it (0.7 − 0.4 is 0.29999999999999993), so a drop of exactly 30 points did not count as "at
   * least 30". Compared as {@code bA·rT − rA·bT ≥ minDrop·bT·rT} in integers and the decimal {@code minDrop} reads as.
   */
  static boolean dropsAtLeast(int baselineAccepted, int baselineTotal, int recentAccepted, int recentTotal,
      double minDrop) {
    long drop = (long) baselineAccepted * recentTotal - (long) recentAccepted * baselineTotal;
    return BigDecimal.valueOf(drop)
        .compareTo(BigDecimal.valueOf(minDrop).multiply(BigDecimal.valueOf((long) baselineTotal * recentTotal))) >= 0;
  }

  /** Φ(x), the standard normal distribution function. */
  static double standardNormalCdf(double x) {
    return upperTail(-x);
  }

  /**
   * P(Z ≥ x) = erfc(x/√2)/2 via W. J. Cody's rational Chebyshev fit as in Numerical Recipes' erfcc (relative error
   * &lt; 1.2e-7), taken directly rather than as 1 − Φ(x): that difference is 0 beyond x ≈ 8.3, and a platform whose
   * acceptance fell from 70 % to none (z = 8.9) was shown with a p-value of 0 where it is 2.4e-19.
   */
  static double upperTail(double x) {
    double u = Math.abs(x / Math.sqrt(2));
    double t = 1 / (1 + 0.5 * u);
    double erfc = t * Math.exp(-u * u - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
        + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
        + t * (-0.82215223 + t * 0.17087277)))))))));
    return x >= 0 ? erfc / 2 : 1 - erfc / 2;
  }

  @Override
  public String toString() {
    return "OutcomeMonitor[" + config + ", series=" + series.size() + "]";
  }

  private record Key(String platformId, Strategy strategy) {}

  /** The outcomes of one platform and strategy: recent window then baseline, with running counts. */
  private static final class Series {
    private final ArrayDeque<Boolean> recent = new ArrayDeque<>();
    private final ArrayDeque<Boolean> baseline = new ArrayDeque<>();
    private int recentAccepted;
    private int baselineAccepted;
    private OptionalDouble lastPValue = OptionalDouble.empty();
    private boolean alerting;

    void add(boolean accepted, MonitorConfig config) {
      recent.addLast(accepted);
      recentAccepted += accepted ? 1 : 0;
      if (recent.size() > config.recentWindow()) {
        boolean aged = recent.removeFirst();
        recentAccepted -= aged ? 1 : 0;
        baseline.addLast(aged);
        baselineAccepted += aged ? 1 : 0;
        if (baseline.size() > config.baselineWindow()) {
          baselineAccepted -= baseline.removeFirst() ? 1 : 0;
        }
      }
    }

    Optional<AcceptanceDropAlert> test(String platformId, Strategy strategy, MonitorConfig config) {
      lastPValue = OptionalDouble.empty();
      if (recent.size() < config.recentWindow() || baseline.size() < config.minBaseline()) {
        return Optional.empty();
      }
      if ((long) recentAccepted * baseline.size() >= (long) baselineAccepted * recent.size()) {
        // no drop at all: an alert ends here even when the samples are too small to test (an alert raised at 90 % → 50 %
        // stayed active at 180 of 200 against 46 of the last 50 accepted, where 4.8 expected rejections left no test)
        alerting = false;
      }
      OptionalDouble z = dropZ(baselineAccepted, baseline.size(), recentAccepted, recent.size());
      if (z.isEmpty()) {
        return Optional.empty();
      }
      double p = upperTail(z.getAsDouble());
      lastPValue = OptionalDouble.of(p);
      double baselineRate = (double) baselineAccepted / baseline.size();
      double recentRate = (double) recentAccepted / recent.size();
      boolean significant = p < config.alpha()
          && dropsAtLeast(baselineAccepted, baseline.size(), recentAccepted, recent.size(), config.minDrop());
      boolean raised = significant && !alerting;
      // Hysteresis: an active alert clears only once the drop is not even weakly significant any more, so
      // one episode is one alert, not one per outcome that crosses the threshold back and forth.
      alerting = significant || (alerting && p < config.clearLevel());
      return raised
          ? Optional.of(new AcceptanceDropAlert(platformId, strategy, baselineRate, baseline.size(), recentRate,
              recent.size(), z.getAsDouble(), p))
          : Optional.empty();
    }

    AcceptanceStatus status(String platformId, Strategy strategy) {
      return new AcceptanceStatus(platformId, strategy, baselineAccepted, baseline.size(), recentAccepted,
          recent.size(), lastPValue, alerting);
    }
  }
}
