package io.github.fenqi.core.stress;

import io.github.fenqi.core.money.Money;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * {@link StressTester#monteCarlo}: see the package documentation for the model. Shock paths are generated
 * once per call for a profile and shared by every plan of that call.
 *
 * <p>Thread-safety: immutable; calls are independent.
 */
final class MonteCarloStressTester implements StressTester {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private final StressConfig config;

  MonteCarloStressTester(StressConfig config) {
    this.config = config;
  }

  @Override
  public StressResult test(FinancialProfile profile, PlanCashflow plan) {
    return compare(profile, List.of(plan)).get(0);
  }

  @Override
  public List<StressResult> compare(FinancialProfile profile, List<PlanCashflow> plans) {
    Shocks shocks = Shocks.generate(config, profile);
    List<StressResult> out = new ArrayList<>(plans.size());
    for (PlanCashflow plan : plans) {
      out.add(evaluate(shocks, profile, plan));
    }
    return out;
  }

  /** Per path and month: net income (fen), shock expense (fen), and the active driver. */
  static final class Shocks {
    final int paths;
    final int months;
    final long[] income; // [path * months + t]
    final long[] expense;
    final byte[] driver; // ordinal of StressDriver active, or -1

    private Shocks(int paths, int months) {
      this.paths = paths;
      this.months = months;
      income = new long[paths * months];
      expense = new long[paths * months];
      driver = new byte[paths * months];
    }

    static Shocks generate(StressConfig c, FinancialProfile p) {
      int months = c.horizonMonths();
      Shocks s = new Shocks(c.paths(), months);
      double base = p.monthlyIncome().fen();
      double cv = p.incomeVolatility().orElse(c.defaultIncomeVolatility());
      double medianExpense = c.shockExpenseMedian().fen();
      double endJob = 1.0 / c.jobLossMeanMonths();
      double endDrop = 1.0 / c.incomeDropMeanMonths();
      for (int k = 0; k < c.paths(); k++) {
        SplittableRandom r = new SplittableRandom(c.seed() + GOLDEN * (k + 1));
        boolean jobLost = false;
        boolean dropped = false;
        for (int t = 0; t < months; t++) {
          if (jobLost) {
            jobLost = r.nextDouble() >= endJob;
          } else {
            jobLost = r.nextDouble() < c.jobLossMonthlyHazard();
          }
          if (dropped) {
            dropped = r.nextDouble() >= endDrop;
          } else {
            dropped = r.nextDouble() < c.incomeDropMonthlyProbability();
          }
          double noise = Math.max(0, 1 + cv * r.nextGaussian());
          double factor = jobLost ? c.jobLossIncomeReplacement() : noise * (dropped ? 1 - c.incomeDropSize() : 1);
          boolean shock = r.nextDouble() < c.shockExpenseMonthlyProbability();
          double z = r.nextGaussian();
          int i = k * months + t;
          s.income[i] = (long) Math.floor(base * factor);
          s.expense[i] = shock ? (long) Math.floor(medianExpense * Math.exp(c.shockExpenseLogSd() * z)) : 0;
          s.driver[i] = (byte) (jobLost ? StressDriver.JOB_LOSS.ordinal()
              : dropped ? StressDriver.INCOME_DROP.ordinal() : shock ? StressDriver.SHOCK_EXPENSE.ordinal() : -1);
        }
      }
      return s;
    }
  }

  StressResult evaluate(Shocks s, FinancialProfile profile, PlanCashflow plan) {
    int months = s.months;
    long[] due = new long[months];
    for (int t = 0; t < months; t++) {
      due[t] = plan.dueFen(t + 1);
    }
    long essentials = profile.essentialExpenses().fen();
    long start = profile.liquidSavings().fen() - plan.downPayments().fen();
    long[] shortfall = new long[s.paths];
    int defaults = 0;
    long firstMonthSum = 0;
    int[] byDriver = new int[StressDriver.values().length];
    for (int k = 0; k < s.paths; k++) {
      long buffer = start;
      int base = k * months;
      int worst = -1; // strongest driver seen so far on this path (JOB_LOSS < INCOME_DROP < SHOCK by ordinal)
      for (int t = 0; t < months; t++) {
        int i = base + t;
        byte d = s.driver[i];
        if (d >= 0 && (worst < 0 || d < worst)) {
          worst = d;
        }
        buffer += s.income[i] - essentials - s.expense[i] - due[t];
        if (buffer < 0) {
          defaults++;
          firstMonthSum += t + 1;
          shortfall[k] = -buffer;
          byDriver[worst >= 0 ? worst : StressDriver.PLAN_TOO_HEAVY.ordinal()]++;
          break;
        }
      }
      if (start < 0 && shortfall[k] == 0) {
        shortfall[k] = -start;
      }
    }
    double pDefault = (double) defaults / s.paths;
    Arrays.sort(shortfall);
    long q95 = shortfall[(int) Math.min(s.paths - 1, Math.ceil(0.95 * s.paths) - 1)];
    Map<StressDriver, Double> shares = new EnumMap<>(StressDriver.class);
    StressDriver dominant = null;
    for (StressDriver d : StressDriver.values()) {
      shares.put(d, (double) byDriver[d.ordinal()] / s.paths);
      if (byDriver[d.ordinal()] > 0 && (dominant == null || byDriver[d.ordinal()] > byDriver[dominant.ordinal()])) {
        dominant = d;
      }
    }
    RiskLevel level = pDefault <= config.greenThreshold() ? RiskLevel.GREEN
        : pDefault > config.redThreshold() ? RiskLevel.RED : RiskLevel.YELLOW;
    List<StressResult.ScenarioOutcome> scenarios = new ArrayList<>();
    for (StressScenario sc : config.scenarios()) {
      scenarios.add(scenario(sc, profile, plan, months));
    }
    Optional<String> recommendation = level == RiskLevel.RED
        ? Optional.of("Do not negotiate this plan: it re-defaults in " + Math.round(pDefault * 100) + " % of simulated futures"
            + (dominant == null ? "" : ", mostly through " + dominant.name().toLowerCase().replace('_', ' '))
            + ". Seek a debt restructuring across lenders or the legal route (personal debt mediation).")
        : Optional.empty();
    return new StressResult(pDefault, defaults == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) firstMonthSum / defaults),
        Money.ofFen(q95), level, Optional.ofNullable(dominant), shares, scenarios, recommendation);
  }

  private static StressResult.ScenarioOutcome scenario(StressScenario sc, FinancialProfile p, PlanCashflow plan, int months) {
    long buffer = p.liquidSavings().fen() - plan.downPayments().fen();
    long income = p.monthlyIncome().fen();
    long essentials = p.essentialExpenses().fen();
    if (buffer < 0) {
      return new StressResult.ScenarioOutcome(sc.name(), false, Optional.of(0));
    }
    for (int t = 1; t <= months; t++) {
      buffer += (long) Math.floor(income * sc.incomeFactorIn(t)) - essentials - sc.extraExpenseIn(t) - plan.dueFen(t);
      if (buffer < 0) {
        return new StressResult.ScenarioOutcome(sc.name(), false, Optional.of(t));
      }
    }
    return new StressResult.ScenarioOutcome(sc.name(), true, Optional.empty());
  }
}
