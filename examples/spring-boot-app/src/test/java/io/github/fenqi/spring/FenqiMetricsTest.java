package io.github.fenqi.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.fenqi.core.NegotiationEngine;
import io.github.fenqi.core.NegotiationRequest;
import io.github.fenqi.core.NegotiationResult;
import io.github.fenqi.core.json.FenqiJson;
import io.github.fenqi.core.monitor.MonitorConfig;
import io.github.fenqi.core.monitor.OutcomeMonitor;
import io.github.fenqi.core.policy.InMemoryPolicyRepository;
import io.github.fenqi.core.solve.Strategy;
import io.github.fenqi.core.stress.RiskLevel;
import io.github.fenqi.core.stress.StressConfig;
import io.github.fenqi.core.stress.StressTester;
import io.github.fenqi.core.testkit.Samples;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The service's meters on a registry of their own, with a real acceptance monitor. */
@ExtendWith(OutputCaptureExtension.class)
class FenqiMetricsTest {
  /**
   * A series' gauges are registered once and follow the monitor: the second answer of a series registered them again,
   * and Micrometer logged a WARN that the gauge "has been already registered", at every start of the service.
   */
  @Test
  void aSeriesGaugesAreRegisteredOnceAndFollowTheMonitor(CapturedOutput output) {
    // Micrometer warns once per process, then logs the same words at DEBUG: seen either way, whatever ran before
    ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
        io.micrometer.core.instrument.MeterRegistry.class);
    ch.qos.logback.classic.Level level = log.getLevel();
    log.setLevel(ch.qos.logback.classic.Level.DEBUG);
    try {
      recordThreeAnswers(output);
    } finally {
      log.setLevel(level);
    }
  }

  private static void recordThreeAnswers(CapturedOutput output) {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    OutcomeMonitor monitor = OutcomeMonitor.create(MonitorConfig.defaults());
    FenqiMetrics metrics = new FenqiMetrics(registry, monitor);
    for (boolean accepted : new boolean[] {true, false, false}) {
      monitor.record("demo-online-lender", Strategy.BALANCED, accepted);
      metrics.outcome("demo-online-lender", Strategy.BALANCED, accepted);
    }
    assertThat(output.getAll()).doesNotContain("already registered");
    assertThat(registry.get("fenqi.acceptance.rate").tag("platform", "demo-online-lender").tag("strategy", "BALANCED")
        .gauge().value()).isEqualTo(monitor.status("demo-online-lender", Strategy.BALANCED).acceptanceRate());
    // the README's tags of fenqi_outcomes_total: platform, strategy, result (a dashboard groups answers by them)
    assertThat(registry.get("fenqi.outcomes").tag("platform", "demo-online-lender").tag("strategy", "BALANCED")
        .tag("result", "rejected").counter().count()).isEqualTo(2);
    assertThat(registry.get("fenqi.outcomes").tag("platform", "demo-online-lender").tag("strategy", "BALANCED")
        .tag("result", "accepted").counter().count()).isEqualTo(1);
  }
  /**
   * fenqi.proposals counts each proposal under its strategy and its stress test's level (README, Metrics: "proposals
   * generated, by stress-test level"), here a case whose plans are all RED under a stress tester whose RED threshold
   * (1 % of paths re-defaulting) they pass: nothing is counted GREEN.
   */
  @Test
  void eachProposalIsCountedUnderItsStressLevel() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    FenqiMetrics metrics = new FenqiMetrics(registry, OutcomeMonitor.create(MonitorConfig.defaults()));
    ObjectMapper mapper = FenqiJson.newMapper();
    ObjectNode json = (ObjectNode) mapper.readTree(Samples.bytes("samples/cases/shanghai-three-debts-feasible.json"));
    ((ObjectNode) json.withArray("debts").get(2)).put("overdueDays", 1);
    NegotiationEngine strict = NegotiationEngine.builder().policies(InMemoryPolicyRepository.of(Samples.policies()))
        .stressTester(StressTester.monteCarlo(StressConfig.builder().thresholds(0.005, 0.01).build())).build();
    NegotiationResult red = strict.calculate(NegotiationRequest.read(mapper, mapper.writeValueAsBytes(json), "case"));
    assertThat(red.proposals()).hasSize(3).allMatch(p -> p.stress().level() == RiskLevel.RED);
    metrics.proposals(red);
    for (NegotiationResult.ProposalReport p : red.proposals()) {
      assertThat(registry.get("fenqi.proposals").tag("strategy", p.strategy().name()).tag("risk", "RED").counter()
          .count()).as(p.strategy().name()).isEqualTo(1);
    }
    assertThat(registry.find("fenqi.proposals").tag("risk", "GREEN").counter()).isNull();
  }

  /**
   * The gauges of a series whose recent window dropped: fenqi.acceptance.recent.rate is of the recent window alone,
   * fenqi.acceptance.rate of both windows (README, Metrics), and the alert is on its gauge and counted once.
   */
  @Test
  void theRecentRateIsOfTheRecentWindowAlone() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    OutcomeMonitor monitor = OutcomeMonitor.create(new MonitorConfig(10, 10, 10, 0.01, 0.10));
    FenqiMetrics metrics = new FenqiMetrics(registry, monitor);
    for (int i = 0; i < 20; i++) { // ten accepted, then ten rejected
      monitor.record("demo-online-lender", Strategy.BALANCED, i < 10);
      metrics.outcome("demo-online-lender", Strategy.BALANCED, i < 10);
    }
    assertThat(monitor.status("demo-online-lender", Strategy.BALANCED).alerting()).isTrue();
    assertThat(registry.get("fenqi.acceptance.recent.rate").tag("platform", "demo-online-lender")
        .tag("strategy", "BALANCED").gauge().value()).isZero();
    assertThat(registry.get("fenqi.acceptance.rate").tag("platform", "demo-online-lender")
        .tag("strategy", "BALANCED").gauge().value()).isEqualTo(0.5);
    assertThat(registry.get("fenqi.acceptance.drop.alert").tag("strategy", "BALANCED").gauge().value()).isEqualTo(1);
    assertThat(registry.get("fenqi.acceptance.drop.alerts").tag("strategy", "BALANCED").counter().count()).isEqualTo(1);
  }
}
