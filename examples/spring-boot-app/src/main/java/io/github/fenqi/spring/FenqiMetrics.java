package io.github.fenqi.spring;

import io.github.fenqi.core.NegotiationResult;
import io.github.fenqi.core.monitor.AcceptanceDropAlert;
import io.github.fenqi.core.monitor.OutcomeMonitor;
import io.github.fenqi.core.solve.Strategy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The service's own meters (Prometheus names in brackets): {@code fenqi.calculate.latency}
 * [fenqi_calculate_latency_seconds], {@code fenqi.submit.latency}, {@code fenqi.proposals} {strategy, risk},
 * {@code fenqi.outcomes} {platform, strategy, result}, gauges {@code fenqi.acceptance.rate} and
 * {@code fenqi.acceptance.recent.rate} and {@code fenqi.acceptance.drop.alert} (1 while alerting) {platform,
 * strategy}, and {@code fenqi.acceptance.drop.alerts} counting alerts raised. Rule evaluation and proposal
 * generation timers are registered with the engine ({@link FenqiConfiguration}).
 *
 * <p>Thread-safety: thread-safe (Micrometer meters are).
 */
@Component
class FenqiMetrics {
  private final MeterRegistry registry;
  private final OutcomeMonitor monitor;
  final Timer calculateLatency;
  final Timer submitLatency;
  /** The (platform, strategy) series whose gauges are registered. */
  private final Set<List<Object>> seriesWithGauges = ConcurrentHashMap.newKeySet();

  FenqiMetrics(MeterRegistry registry, OutcomeMonitor monitor) {
    this.registry = registry;
    this.monitor = monitor;
    this.calculateLatency = Timer.builder("fenqi.calculate.latency").description("POST /api/negotiation/calculate")
        .register(registry);
    this.submitLatency = Timer.builder("fenqi.submit.latency").description("POST /api/negotiation/submit")
        .register(registry);
    monitor.onAlert(this::alerted);
    // The series replayed from the audit log at start: without their gauges, a platform alerting before a restart
    // had no fenqi_acceptance_drop_alert until its next answer, and the Prometheus alert resolved, then fired again.
    monitor.statuses().forEach(s -> gauges(s.platformId(), s.strategy()));
  }

  void proposals(NegotiationResult result) {
    result.proposals().forEach(p -> Counter.builder("fenqi.proposals").description("proposals generated")
        .tag("strategy", p.strategy().name()).tag("risk", p.stress().level().name())
        .register(registry).increment());
  }

  void outcome(String platformId, Strategy strategy, boolean accepted) {
    Counter.builder("fenqi.outcomes").description("lenders' answers recorded")
        .tag("platform", platformId).tag("strategy", strategy.name()).tag("result", accepted ? "accepted" : "rejected")
        .register(registry).increment();
    gauges(platformId, strategy);
  }

  /**
   * The acceptance gauges of one series, registered once: Micrometer ignores a gauge registered again, but logs a WARN
   * that it "has been already registered" — which every second answer of a series wrote to an operator's log.
   */
  private void gauges(String platformId, Strategy strategy) {
    if (!seriesWithGauges.add(List.of(platformId, strategy))) {
      return;
    }
    Gauge.builder("fenqi.acceptance.rate", monitor, m -> m.status(platformId, strategy).acceptanceRate())
        .description("acceptance rate over the monitor's windows").tag("platform", platformId)
        .tag("strategy", strategy.name()).register(registry);
    Gauge.builder("fenqi.acceptance.recent.rate", monitor, m -> m.status(platformId, strategy).recentRate())
        .description("acceptance rate of the recent window").tag("platform", platformId)
        .tag("strategy", strategy.name()).register(registry);
    Gauge.builder("fenqi.acceptance.drop.alert", monitor, m -> m.status(platformId, strategy).alerting() ? 1 : 0)
        .description("1 while an acceptance drop alert is active").tag("platform", platformId)
        .tag("strategy", strategy.name()).register(registry);
  }

  private void alerted(AcceptanceDropAlert alert) {
    Counter.builder("fenqi.acceptance.drop.alerts").description("acceptance drop alerts raised")
        .tag("platform", alert.platformId()).tag("strategy", alert.strategy().name()).register(registry).increment();
  }
}
