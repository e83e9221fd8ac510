package io.github.fenqi.core.stress;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.RequiredParts;
import io.github.fenqi.core.json.SdkOutput;
import io.github.fenqi.core.money.Money;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How a plan fares over the horizon.
 *
 * <p>Validated when built, whichever {@link StressTester} builds it, since the engine shows it to the borrower and the
 * lender as the plan's risk: every part present; the default probability a share of the paths in 0..1 (a custom
 * tester that returned 15 for 15 % had its plan shown as re-defaulting with probability 15.0, and NaN was written to
 * the result's JSON); a first-default month (at least 0, month 0 being the down payments') and a dominant driver
 * exactly when some path re-defaults, each driver's share within 0..the default probability, the shares adding up to
 * at most it (each default has one driver) and the dominant driver's the largest; a shortfall that is not
 * negative; a recommendation exactly when the level is RED; and GREEN when no path re-defaults (GREEN is at or below
 * a green threshold of at least 0, so any other level at 0 contradicts the probability at every threshold). Each
 * problem names its field; the level itself is otherwise the tester's to derive from its own thresholds.
 *
 * <p>Thread-safety: immutable.
 *
 * @param defaultProbability share of paths that re-default within the horizon
 * @param expectedFirstDefaultMonth mean month of the first default among defaulting paths
 * @param worstShortfall95 95th percentile over paths of the cash missing in the default month
 * @param level the traffic light
 * @param dominantDriver the driver of most defaults, if any path defaulted; of drivers behind as many, the first in
 *     {@link StressDriver}'s order
 * @param defaultsByDriver share of paths defaulting per driver
 * @param scenarios each deterministic scenario's outcome
 * @param recommendation for RED: do not negotiate this plan
 */
@SdkOutput
public record StressResult(
    double defaultProbability,
    OptionalDouble expectedFirstDefaultMonth,
    Money worstShortfall95,
    RiskLevel level,
    Optional<StressDriver> dominantDriver,
    Map<StressDriver, Double> defaultsByDriver,
    List<ScenarioOutcome> scenarios,
    Optional<String> recommendation) {

  /**
   * Every problem at once, each field named. A share of -0.0 is taken as 0.0, no defaults: it had been kept, shown as
   * "-0.0", and a result beside it refused with "outside 0..-0.0".
   */
  public StressResult {
    defaultProbability += 0.0; // -0.0 + 0.0 is 0.0; every other value is unchanged
    List<Problem> problems = new ArrayList<>(RequiredParts.problems(new String[] {"expectedFirstDefaultMonth",
        "worstShortfall95", "level", "dominantDriver", "defaultsByDriver", "scenarios", "recommendation"},
        expectedFirstDefaultMonth, worstShortfall95, level, dominantDriver, defaultsByDriver, scenarios, recommendation));
    boolean share = defaultProbability >= 0 && defaultProbability <= 1;
    if (!share) {
      problems.add(Problem.of("defaultProbability", defaultProbability + " is outside 0..1 (a share of the paths, not "
          + "a percentage)"));
    }
    // what the figures that come with defaults are checked against (null: none, or no share to check against)
    String defaulting = share && defaultProbability > 0
        ? MonteCarloStressTester.percent(defaultProbability) + " of paths re-default" : null;
    String none = " though no path re-defaults (defaultProbability " + defaultProbability + ")";
    if (share && expectedFirstDefaultMonth != null) {
      double month = expectedFirstDefaultMonth.orElse(0);
      if (expectedFirstDefaultMonth.isPresent() && defaulting == null) {
        problems.add(Problem.of("expectedFirstDefaultMonth", month + none));
      } else if (expectedFirstDefaultMonth.isEmpty() && defaulting != null) {
        problems.add(Problem.of("expectedFirstDefaultMonth", "is empty though " + defaulting));
      } else if (month < 0) {
        problems.add(Problem.of("expectedFirstDefaultMonth", month + " is below 0 (month 0 is the down payments')"));
      } else if (!Double.isFinite(month)) {
        problems.add(Problem.of("expectedFirstDefaultMonth", month + " is not a month"));
      }
    }
    if (share && defaultProbability == 0 && level != null && level != RiskLevel.GREEN) {
      // GREEN is at or below a green threshold of at least 0: above it with no default is no tester's thresholds (the
      // engine refused it from a tester, but read back from JSON a RED plan of 0 % had been taken with its advice)
      problems.add(Problem.of("level", level + " though no path re-defaults (defaultProbability " + defaultProbability
          + "): GREEN at any threshold"));
    }
    if (worstShortfall95 != null && worstShortfall95.isNegative()) {
      problems.add(Problem.of("worstShortfall95", "'" + worstShortfall95 + "' is negative"));
    }
    if (share && dominantDriver != null) {
      if (dominantDriver.isPresent() && defaulting == null) {
        problems.add(Problem.of("dominantDriver", dominantDriver.get() + none));
      } else if (dominantDriver.isEmpty() && defaulting != null) {
        problems.add(Problem.of("dominantDriver", "is empty though " + defaulting));
      }
    }
    if (defaultsByDriver != null) {
      for (Map.Entry<StressDriver, Double> e : defaultsByDriver.entrySet()) {
        if (e.getKey() == null) {
          problems.add(Problem.of("defaultsByDriver", "holds a null driver"));
        } else if (share && e.getValue() != null && !(e.getValue() >= 0 && e.getValue() <= defaultProbability)) {
          problems.add(Problem.of("defaultsByDriver." + e.getKey(), e.getValue() + " is outside 0.." + defaultProbability
              + ", the default probability"));
        }
      }
    }
    if (share && defaultsByDriver != null && problems.isEmpty()) {
      driversProblem(defaultProbability, dominantDriver, defaultsByDriver).ifPresent(problems::add);
    }
    if (level != null && recommendation != null) {
      if (level != RiskLevel.RED && recommendation.isPresent()) {
        // quoted as a value from outside: a result read back from a response had its advice quoted raw and whole
        problems.add(Problem.of("recommendation", "'" + Problem.excerpt(recommendation.get()) + "' is given for a "
            + level + " result; only a RED one has one"));
      } else if (level == RiskLevel.RED && recommendation.map(String::isBlank).orElse(true)) {
        problems.add(Problem.of("recommendation", (recommendation.isEmpty() ? "is empty" : "is blank")
            + " for a RED result; a RED plan says what to do instead"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    Map<StressDriver, Double> byDriver = new EnumMap<>(StressDriver.class); // driver order, not Map.copyOf's per-JVM one
    Map.copyOf(defaultsByDriver).forEach((driver, p) -> byDriver.put(driver, p + 0.0));
    defaultsByDriver = Collections.unmodifiableMap(byDriver);
    scenarios = List.copyOf(scenarios);
  }

  /**
   * Why the drivers' shares do not explain the defaults, if they do not: each default has one driver, so the shares add
   * up to at most the default probability (a rounding of it aside), and the dominant driver has the largest share (any
   * one of a tie). A result naming JOB_LOSS beside shares that put every default on the plan had been shown as the
   * plan's explanation.
   */
  private static Optional<Problem> driversProblem(double defaultProbability, Optional<StressDriver> dominantDriver,
      Map<StressDriver, Double> defaultsByDriver) {
    double sum = 0;
    for (StressDriver d : StressDriver.values()) {
      sum += defaultsByDriver.getOrDefault(d, 0.0);
    }
    if (sum > defaultProbability + 1e-9) {
      return Optional.of(Problem.of("defaultsByDriver", "the shares add up to " + sum + ", more than the default "
          + "probability " + defaultProbability + " (each default has one driver)"));
    }
    if (dominantDriver.isPresent()) {
      double dominant = defaultsByDriver.getOrDefault(dominantDriver.get(), 0.0);
      for (StressDriver d : StressDriver.values()) {
        double other = defaultsByDriver.getOrDefault(d, 0.0);
        if (other > dominant) {
          return Optional.of(Problem.of("dominantDriver", dominantDriver.get() + " has a share of " + dominant
              + ", below " + d + "'s " + other));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A deterministic scenario: passed, or the month it first fails (0 when the down payments cannot be paid). Refused
   * naming the field when a part is missing or it says both, or neither: a scenario shown as passed and failing in
   * month 3 at once.
   *
   * <p>Thread-safety: immutable.
   */
  public record ScenarioOutcome(String name, boolean passed, Optional<Integer> failsInMonth) {
    public ScenarioOutcome {
      List<Problem> problems = new ArrayList<>(RequiredParts.problems(new String[] {"name", "failsInMonth"}, name,
          failsInMonth));
      if (failsInMonth != null) {
        String of = StressScenario.named(name);
        if (passed && failsInMonth.isPresent()) {
          problems.add(Problem.of("failsInMonth", failsInMonth.get() + " though " + of + " passed"));
        } else if (!passed && failsInMonth.isEmpty()) {
          problems.add(Problem.of("failsInMonth", "is empty though " + of + " failed"));
        } else if (failsInMonth.isPresent() && failsInMonth.get() < 0) {
          problems.add(Problem.of("failsInMonth", failsInMonth.get() + " is below 0 (month 0 is the down payments') in "
              + of));
        }
      }
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
    }
  }
}
