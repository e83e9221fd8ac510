package io.github.fenqi.core.stress;

import java.util.EnumMap;
import java.util.Collections;
import io.github.fenqi.core.money.Money;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How a plan fares over the horizon.
 *
 * <p>Thread-safety: immutable.
 *
 * @param defaultProbability share of paths that re-default within the horizon
 * @param expectedFirstDefaultMonth mean month of the first default among defaulting paths
 * @param worstShortfall95 95th percentile over paths of the cash missing in the default month
 * @param level the traffic light
 * @param dominantDriver the driver of most defaults, if any path defaulted
 * @param defaultsByDriver share of paths defaulting per driver
 * @param scenarios each deterministic scenario's outcome
 * @param recommendation for RED: do not negotiate this plan
 */
public record StressResult(
    double defaultProbability,
    OptionalDouble expectedFirstDefaultMonth,
    Money worstShortfall95,
    RiskLevel level,
    Optional<StressDriver> dominantDriver,
    Map<StressDriver, Double> defaultsByDriver,
    List<ScenarioOutcome> scenarios,
    Optional<String> recommendation) {

  public StressResult {
    Map<StressDriver, Double> byDriver = new EnumMap<>(StressDriver.class); // driver order, not Map.copyOf's per-JVM one
    byDriver.putAll(Map.copyOf(defaultsByDriver));
    defaultsByDriver = Collections.unmodifiableMap(byDriver);
    scenarios = List.copyOf(scenarios);
  }

  /**
   * A deterministic scenario: passed, or the month it first fails.
   *
   * <p>Thread-safety: immutable.
   */
  public record ScenarioOutcome(String name, boolean passed, Optional<Integer> failsInMonth) {}
}
