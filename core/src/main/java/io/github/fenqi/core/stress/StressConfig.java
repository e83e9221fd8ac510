package io.github.fenqi.core.stress;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.money.Money;
import java.util.ArrayList;
import java.util.List;

/**
 * Every parameter of the stress test, immutable and validated (each error names its field). Build variants
 * with {@link #builder()} or {@code DEFAULTS.toBuilder()}.
 *
 * <p>Defaults and their reasoning: a 12-month horizon with 10 000 paths (sampling error of a 10 % default
 * probability ≈ 0.3 points); job loss 1 % a month (≈ 11 % a year, in line with the job turnover of the
 * lower-income urban workers such borrowers often are) lasting 3 months on average with no income
 * replacement; a medical or family expense 2 % a month, lognormal with median 3 000 yuan and log-sd 1.0 (so
 * one in twenty such shocks exceeds ~15 500 yuan); an income drop 2 % a month of 30 % lasting 4 months on
 * average; income volatility 15 % when statements do not measure it; GREEN ≤ 10 %, RED > 30 %.
 *
 * <p>Thread-safety: immutable.
 */
public record StressConfig(
    int horizonMonths,
    int paths,
    long seed,
    double jobLossMonthlyHazard,
    double jobLossMeanMonths,
    double jobLossIncomeReplacement,
    double shockExpenseMonthlyProbability,
    Money shockExpenseMedian,
    double shockExpenseLogSd,
    double incomeDropMonthlyProbability,
    double incomeDropSize,
    double incomeDropMeanMonths,
    double defaultIncomeVolatility,
    double greenThreshold,
    double redThreshold,
    List<StressScenario> scenarios) {

  /**
   * The least positive monthly probability of a job loss, an income drop or a shock expense: 0.01 %. The events are
   * drawn as 16-bit uniforms, which simulate a probability p as p·65 536 rounded up, over 65 536: at most 16 % high from
   * 0.01 %, 2 % from 0.1 %; below 0.01 % the error grows to a factor of 15.
   */
  public static final double MIN_EVENT_PROBABILITY = 0.0001;

  public static final StressConfig DEFAULTS = new StressConfig(12, 10_000, 20261125L, 0.01, 3.0, 0.0, 0.02,
      Money.ofYuan(3_000), 1.0, 0.02, 0.3, 4.0, 0.15, 0.10, 0.30, StressScenario.defaults());

  public StressConfig {
    List<Problem> p = new ArrayList<>();
    if (horizonMonths < 6 || horizonMonths > 12) {
      p.add(Problem.of("horizonMonths", horizonMonths + " is outside 6..12"));
    }
    if (paths < 100 || paths > 1_000_000) {
      p.add(Problem.of("paths", paths + " is outside 100..1000000"));
    }
    eventProbability(p, "jobLossMonthlyHazard", jobLossMonthlyHazard);
    probability(p, "jobLossIncomeReplacement", jobLossIncomeReplacement);
    eventProbability(p, "shockExpenseMonthlyProbability", shockExpenseMonthlyProbability);
    eventProbability(p, "incomeDropMonthlyProbability", incomeDropMonthlyProbability);
    probability(p, "incomeDropSize", incomeDropSize);
    if (!(jobLossMeanMonths >= 1 && jobLossMeanMonths <= 36)) {
      p.add(Problem.of("jobLossMeanMonths", jobLossMeanMonths + " is outside 1..36"));
    }
    if (!(incomeDropMeanMonths >= 1 && incomeDropMeanMonths <= 36)) {
      p.add(Problem.of("incomeDropMeanMonths", incomeDropMeanMonths + " is outside 1..36"));
    }
    if (shockExpenseMedian == null || shockExpenseMedian.isNegative()) {
      p.add(Problem.of("shockExpenseMedian", "must be a non-negative amount"));
    }
    if (!(shockExpenseLogSd >= 0 && shockExpenseLogSd <= 3)) {
      p.add(Problem.of("shockExpenseLogSd", shockExpenseLogSd + " is outside 0..3"));
    }
    if (!(defaultIncomeVolatility >= 0 && defaultIncomeVolatility <= 3)) {
      p.add(Problem.of("defaultIncomeVolatility", defaultIncomeVolatility + " is outside 0..3"));
    }
    probability(p, "greenThreshold", greenThreshold);
    probability(p, "redThreshold", redThreshold);
    if (greenThreshold > redThreshold) {
      p.add(Problem.of("greenThreshold", greenThreshold + " is above redThreshold " + redThreshold));
    }
    if (scenarios == null) {
      p.add(Problem.of("scenarios", "is missing (an empty list runs none)"));
    } else {
      for (int i = 0; i < scenarios.size(); i++) {
        StressScenario sc = scenarios.get(i);
        if (sc == null) {
          p.add(Problem.of("scenarios[" + i + "]", "is missing"));
        } else if (sc.fromMonth() > horizonMonths) {
          // it would never apply, and the plan would be reported to pass it; the name quoted as a value from outside,
          // as the scenario's own problems quote it (it had been quoted raw: a line break began a forged line of a log)
          p.add(Problem.of("scenarios[" + i + "].fromMonth", sc.fromMonth() + " (" + StressScenario.named(sc.name())
              + ") is after the horizon of " + horizonMonths + " months"));
        }
      }
    }
    if (!p.isEmpty()) {
      throw new InvalidInputException(p);
    }
    scenarios = List.copyOf(scenarios);
  }

  /**
   * A monthly event probability: 0, or from {@link #MIN_EVENT_PROBABILITY} to 1. The events are drawn as 16-bit
   * uniforms, so any probability in (0, 2^-16] happened once in 65 536 months: a job-loss hazard of 10^-6 re-defaulted
   * 14 times as many paths as it should have (8.6 × 10^-5 of a million over six months instead of 6 × 10^-6).
   */
  private static void eventProbability(List<Problem> p, String field, double v) {
    if (v > 0 && v < MIN_EVENT_PROBABILITY) {
      p.add(Problem.of(field, v + " is below " + MIN_EVENT_PROBABILITY
          + ", the finest monthly probability the simulation draws (use 0 for none)"));
    } else {
      probability(p, field, v);
    }
  }

  private static void probability(List<Problem> p, String field, double v) {
    if (!(v >= 0 && v <= 1)) {
      p.add(Problem.of(field, v + " is outside 0..1"));
    }
  }

  public static Builder builder() {
    return DEFAULTS.toBuilder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Changes a few parameters of a config; {@link #build()} validates them all. Not thread-safe. */
  public static final class Builder {
    private int horizonMonths;
    private int paths;
    private long seed;
    private double jobLossMonthlyHazard;
    private double jobLossMeanMonths;
    private double jobLossIncomeReplacement;
    private double shockExpenseMonthlyProbability;
    private Money shockExpenseMedian;
    private double shockExpenseLogSd;
    private double incomeDropMonthlyProbability;
    private double incomeDropSize;
    private double incomeDropMeanMonths;
    private double defaultIncomeVolatility;
    private double greenThreshold;
    private double redThreshold;
    private List<StressScenario> scenarios;

    private Builder(StressConfig c) {
      horizonMonths = c.horizonMonths;
      paths = c.paths;
      seed = c.seed;
      jobLossMonthlyHazard = c.jobLossMonthlyHazard;
      jobLossMeanMonths = c.jobLossMeanMonths;
      jobLossIncomeReplacement = c.jobLossIncomeReplacement;
      shockExpenseMonthlyProbability = c.shockExpenseMonthlyProbability;
      shockExpenseMedian = c.shockExpenseMedian;
      shockExpenseLogSd = c.shockExpenseLogSd;
      incomeDropMonthlyProbability = c.incomeDropMonthlyProbability;
      incomeDropSize = c.incomeDropSize;
      incomeDropMeanMonths = c.incomeDropMeanMonths;
      defaultIncomeVolatility = c.defaultIncomeVolatility;
      greenThreshold = c.greenThreshold;
      redThreshold = c.redThreshold;
      scenarios = c.scenarios;
    }

    public Builder horizonMonths(int v) { horizonMonths = v; return this; }
    public Builder paths(int v) { paths = v; return this; }
    public Builder seed(long v) { seed = v; return this; }
    public Builder jobLoss(double monthlyHazard, double meanMonths, double incomeReplacement) {
      jobLossMonthlyHazard = monthlyHazard;
      jobLossMeanMonths = meanMonths;
      jobLossIncomeReplacement = incomeReplacement;
      return this;
    }
    public Builder shockExpense(double monthlyProbability, Money median, double logSd) {
      shockExpenseMonthlyProbability = monthlyProbability;
      shockExpenseMedian = median;
      shockExpenseLogSd = logSd;
      return this;
    }
    public Builder incomeDrop(double monthlyProbability, double size, double meanMonths) {
      incomeDropMonthlyProbability = monthlyProbability;
      incomeDropSize = size;
      incomeDropMeanMonths = meanMonths;
      return this;
    }
    public Builder defaultIncomeVolatility(double v) { defaultIncomeVolatility = v; return this; }
    public Builder thresholds(double green, double red) { greenThreshold = green; redThreshold = red; return this; }
    public Builder scenarios(List<StressScenario> v) { scenarios = v; return this; }

    public StressConfig build() {
      return new StressConfig(horizonMonths, paths, seed, jobLossMonthlyHazard, jobLossMeanMonths, jobLossIncomeReplacement,
          shockExpenseMonthlyProbability, shockExpenseMedian, shockExpenseLogSd, incomeDropMonthlyProbability, incomeDropSize,
          incomeDropMeanMonths, defaultIncomeVolatility, greenThreshold, redThreshold, scenarios);
    }
  }
}
