package io.github.fenqi.core.stress;

import io.github.fenqi.core.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * A frozen copy of {@link MonteCarloStressTester}'s generation and evaluation as of commit aff333af, when
 * {@code Shocks} kept every path-month's income-noise quantile for the replay of a default without its events: the
 * reference the faster replay is held to, figure for figure ({@code StressReplayProperties}). The helpers the change
 * did not touch (the quantile's formula, the path seed, a month's end, the shares of income) are the main code's.
 *
 * <p>Thread-safety: immutable.
 */
final class ReferenceStressTester {
  private static final double[] NORMAL_QUANTILES = new double[4096];

  static {
    for (int i = 0; i < NORMAL_QUANTILES.length; i++) {
      NORMAL_QUANTILES[i] = MonteCarloStressTester.inverseNormal((i + 0.5) / NORMAL_QUANTILES.length);
    }
  }

  private final StressConfig config;

  ReferenceStressTester(StressConfig config) {
    this.config = config;
  }

  List<StressResult> compare(FinancialProfile profile, List<PlanCashflow> plans) {
    Shocks shocks = Shocks.generate(config, profile);
    List<StressResult> out = new ArrayList<>();
    for (PlanCashflow plan : plans) {
      out.add(evaluate(shocks, profile, plan));
    }
    return out;
  }

  static final class Shocks {
    final int paths;
    final int months;
    final long[] income;
    final long[] expense;
    final byte[] driver;
    final short[] noise;
    long largest;
    private final double base;
    private final double cv;
    private final long baseFen;
    private final boolean steady;

    private Shocks(int paths, int months, double base, double cv, long baseFen) {
      this.paths = paths;
      this.months = months;
      this.base = base;
      this.cv = cv;
      this.baseFen = baseFen;
      this.steady = cv == 0;
      income = new long[paths * months];
      expense = new long[paths * months];
      driver = new byte[paths * months];
      noise = new short[paths * months];
    }

    long calmIncome(int i) {
      return steady ? baseFen : (long) (base * Math.max(0, 1 + cv * NORMAL_QUANTILES[noise[i]]));
    }

    static Shocks generate(StressConfig c, FinancialProfile p) {
      int months = c.horizonMonths();
      double base = p.monthlyIncome().fen();
      double cv = p.incomeVolatility().orElse(c.defaultIncomeVolatility());
      Shocks s = new Shocks(c.paths(), months, base, cv, p.monthlyIncome().fen());
      double medianExpense = c.shockExpenseMedian().fen();
      double endJob = 1.0 / c.jobLossMeanMonths();
      double endDrop = 1.0 / c.incomeDropMeanMonths();
      long baseFen = p.monthlyIncome().fen();
      long jobLossIncome = MonteCarloStressTester.share(baseFen,
          MonteCarloStressTester.decimal(c.jobLossIncomeReplacement()));
      long droppedIncome = MonteCarloStressTester.share(baseFen,
          BigDecimal.ONE.subtract(MonteCarloStressTester.decimal(c.incomeDropSize())));
      boolean steady = cv == 0;
      boolean jobLossCosts = c.jobLossIncomeReplacement() < 1;
      boolean dropCosts = c.incomeDropSize() > 0;
      for (int k = 0; k < c.paths(); k++) {
        SplittableRandom r = new SplittableRandom(MonteCarloStressTester.pathSeed(c.seed(), k));
        boolean jobLost = false;
        boolean dropped = false;
        for (int t = 0; t < months; t++) {
          long bits = r.nextLong();
          double uJob = (bits & 0xFFFF) * 0x1p-16;
          double uDrop = ((bits >>> 16) & 0xFFFF) * 0x1p-16;
          double uShock = ((bits >>> 32) & 0xFFFF) * 0x1p-16;
          int q = (int) (bits >>> 52);
          double z = NORMAL_QUANTILES[q];
          jobLost = jobLost ? uJob >= endJob : uJob < c.jobLossMonthlyHazard();
          dropped = dropped ? uDrop >= endDrop : uDrop < c.incomeDropMonthlyProbability();
          boolean shock = uShock < c.shockExpenseMonthlyProbability();
          double noise = Math.max(0, 1 + cv * z);
          int i = k * months + t;
          s.noise[i] = (short) q;
          s.income[i] = jobLost ? jobLossIncome : steady ? (dropped ? droppedIncome : baseFen)
              : (long) (base * (noise * (dropped ? 1 - c.incomeDropSize() : 1)));
          s.expense[i] = shock
              ? (long) (medianExpense * StrictMath.exp(c.shockExpenseLogSd()
                  * MonteCarloStressTester.inverseNormal(MonteCarloStressTester.openUnit(r.nextLong()))))
              : 0;
          s.largest = Math.max(s.largest, Math.max(s.income[i], s.expense[i]));
          s.driver[i] = (byte) (jobLost && jobLossCosts ? StressDriver.JOB_LOSS.ordinal()
              : !jobLost && dropped && dropCosts ? StressDriver.INCOME_DROP.ordinal()
              : s.expense[i] > 0 ? StressDriver.SHOCK_EXPENSE.ordinal() : -1);
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
    boolean plain = Math.max(Math.max(s.largest, essentials), Math.max(profile.liquidSavings().fen(),
        Arrays.stream(due).max().orElse(0))) < (1L << 58) && months <= 12;
    long start = profile.liquidSavings().fen() - plan.downPayments().fen();
    long[] shortfall = new long[s.paths];
    int defaults = 0;
    long firstMonthSum = 0;
    int[] byDriver = new int[StressDriver.values().length];
    if (start < 0) {
      defaults = s.paths;
      Arrays.fill(shortfall, -start);
      byDriver[StressDriver.PLAN_TOO_HEAVY.ordinal()] = s.paths;
    }
    for (int k = 0; k < s.paths && start >= 0; k++) {
      long buffer = start;
      int base = k * months;
      int worst = -1;
      for (int t = 0; t < months; t++) {
        int i = base + t;
        byte d = s.driver[i];
        if (d >= 0 && (worst < 0 || d < worst)) {
          worst = d;
        }
        buffer = plain ? buffer + s.income[i] - essentials - s.expense[i] - due[t]
            : MonteCarloStressTester.monthEnd(buffer, s.income[i], essentials, s.expense[i], due[t]);
        if (MonteCarloStressTester.missesAPayment(buffer, due[t])) {
          defaults++;
          firstMonthSum += t + 1;
          shortfall[k] = -buffer;
          byDriver[worst >= 0 && !failsWithoutEvents(s, k, start, essentials, due) ? worst
              : StressDriver.PLAN_TOO_HEAVY.ordinal()]++;
          break;
        }
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
        ? Optional.of("Do not negotiate this plan: it re-defaults in " + MonteCarloStressTester.percent(pDefault)
            + " of simulated futures"
            + (dominant == null ? "" : ", mostly through " + dominant.name().toLowerCase(Locale.ROOT).replace('_', ' '))
            + ". Seek a debt restructuring across lenders or the legal route (personal debt mediation).")
        : Optional.empty();
    return new StressResult(pDefault, defaults == 0 ? OptionalDouble.empty()
        : OptionalDouble.of((double) firstMonthSum / defaults),
        Money.ofFen(q95), level, Optional.ofNullable(dominant), shares, scenarios, recommendation);
  }

  private static StressResult.ScenarioOutcome scenario(StressScenario sc, FinancialProfile p, PlanCashflow plan,
      int months) {
    long buffer = p.liquidSavings().fen() - plan.downPayments().fen();
    if (buffer < 0) {
      return new StressResult.ScenarioOutcome(sc.name(), false, Optional.of(0));
    }
    long income = p.monthlyIncome().fen();
    long reduced = sc.reducedIncome(income);
    for (int t = 1; t <= months; t++) {
      buffer = MonteCarloStressTester.monthEnd(buffer, sc.cutsIncomeIn(t) ? reduced : income,
          p.essentialExpenses().fen(), sc.extraExpenseIn(t), plan.dueFen(t));
      if (MonteCarloStressTester.missesAPayment(buffer, plan.dueFen(t))) {
        return new StressResult.ScenarioOutcome(sc.name(), false, Optional.of(t));
      }
    }
    return new StressResult.ScenarioOutcome(sc.name(), true, Optional.empty());
  }

  private static boolean failsWithoutEvents(Shocks s, int k, long start, long essentials, long[] due) {
    long buffer = start;
    for (int t = 0; t < s.months; t++) {
      buffer = MonteCarloStressTester.monthEnd(buffer, s.calmIncome(k * s.months + t), essentials, 0, due[t]);
      if (MonteCarloStressTester.missesAPayment(buffer, due[t])) {
        return true;
      }
    }
    return false;
  }
}
