package io.github.fenqi.core.stress;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.money.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@link StressTester#monteCarlo}: see the package documentation for the model. Shock paths are generated
 * once per call for a profile and shared by every plan of that call.
 *
 * <p>Thread-safety: immutable; calls are independent.
 */
final class MonteCarloStressTester implements StressTester {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  /** Standard normal quantiles at the midpoints of 4096 equal-probability bins (tails cut at ±3.49). */
  private static final double[] NORMAL_QUANTILES = normalQuantiles(4096);
  private final StressConfig config;
  /** Below this no month's sum can overflow (see {@link #evaluate}). */
  private static final long PLAIN_BOUND = 1L << 58;

  MonteCarloStressTester(StressConfig config) {
    this.config = config;
  }

  @Override
  public StressResult test(FinancialProfile profile, PlanCashflow plan) {
    if (plan == null) {
      throw new InvalidInputException("plan", "is required");
    }
    return compare(profile, List.of(plan)).get(0);
  }

  @Override
  public List<StressResult> compare(FinancialProfile profile, List<PlanCashflow> plans) {
    List<Problem> problems = new ArrayList<>();
    if (profile == null) {
      problems.add(Problem.of("profile", "is required"));
    }
    if (plans == null) {
      problems.add(Problem.of("plans", "is required"));
    } else {
      for (int i = 0; i < plans.size(); i++) {
        if (plans.get(i) == null) {
          problems.add(Problem.of("plans[" + i + "]", "is missing"));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    Shocks shocks = Shocks.generate(config, profile);
    List<StressResult> out = new ArrayList<>(plans.size());
    for (PlanCashflow plan : plans) {
      out.add(evaluate(shocks, profile, plan));
    }
    return out;
  }

  /**
   * Per path and month: net income (fen), shock expense (fen) and the active driver. The income a month would have had
   * without any event ({@link #calmIncome}) is not kept: a defaulting path's replay draws its noise again
   * ({@link PathDraws}). Keeping it, a {@code short} for every path-month, had cost every call 6 to 9 % though most
   * paths of most plans never default.
   */
  static final class Shocks {
    final int paths;
    final int months;
    final long[] income; // [path * months + t]
    final long[] expense;
    final byte[] driver; // ordinal of StressDriver active, or -1
    long largest; // the largest income or expense of any month
    private final StressConfig config;
    private final double base;
    private final double cv;
    private final long baseFen;
    private final boolean steady;

    private Shocks(StressConfig config, double base, double cv, long baseFen) {
      this.config = config;
      this.paths = config.paths();
      this.months = config.horizonMonths();
      this.base = base;
      this.cv = cv;
      this.baseFen = baseFen;
      this.steady = cv == 0;
      income = new long[paths * months];
      expense = new long[paths * months];
      driver = new byte[paths * months];
    }

    /**
     * The income of a month whose noise is quantile {@code q} had no job loss or drop come: the declared income under
     * the noise alone, computed as {@link #generate} computes it.
     */
    long calmIncome(int q) {
      return steady ? baseFen : (long) (base * Math.max(0, 1 + cv * NORMAL_QUANTILES[q]));
    }

    static Shocks generate(StressConfig c, FinancialProfile p) {
      int months = c.horizonMonths();
      double base = p.monthlyIncome().fen();
      double cv = p.incomeVolatility().orElse(c.defaultIncomeVolatility());
      Shocks s = new Shocks(c, base, cv, p.monthlyIncome().fen());
      double medianExpense = c.shockExpenseMedian().fen();
      double endJob = 1.0 / c.jobLossMeanMonths();
      double endDrop = 1.0 / c.incomeDropMeanMonths();
      // the incomes no noise touches, exact to the fen (in doubles 70 % of 1 639.00 yuan had been 1 147.29): a job
      // loss's, and with a volatility of 0 the income itself and a drop's
      long baseFen = p.monthlyIncome().fen();
      long jobLossIncome = share(baseFen, decimal(c.jobLossIncomeReplacement()));
      long droppedIncome = share(baseFen, BigDecimal.ONE.subtract(decimal(c.incomeDropSize())));
      boolean steady = cv == 0;
      // an event drives a default only if it costs something: a job loss that replaces the whole income, a drop of
      // 0 % and a shock of 0 yuan had been named the drivers of a plan too heavy on its own
      boolean jobLossCosts = c.jobLossIncomeReplacement() < 1;
      boolean dropCosts = c.incomeDropSize() > 0;
      PathDraws draws = new PathDraws(c);
      for (int k = 0; k < c.paths(); k++) {
        draws.startPath(k);
        boolean jobLost = false;
        boolean dropped = false;
        for (int t = 0; t < months; t++) {
          draws.nextMonth();
          double z = NORMAL_QUANTILES[draws.noise()];
          jobLost = jobLost ? draws.uniform(0) >= endJob : draws.uniform(0) < c.jobLossMonthlyHazard();
          dropped = dropped ? draws.uniform(16) >= endDrop : draws.uniform(16) < c.incomeDropMonthlyProbability();
          double noise = Math.max(0, 1 + cv * z);
          int i = k * months + t;
          s.income[i] = jobLost ? jobLossIncome : steady ? (dropped ? droppedIncome : baseFen)
              : (long) (base * (noise * (dropped ? 1 - c.incomeDropSize() : 1))); // non-negative: truncation is floor
          // Our own quantile and StrictMath: SplittableRandom.nextGaussian tests its ziggurat against Math.exp, whose
          // last bit may differ from one platform to another, and so may the number of draws it takes — a case's
          // figures must come out the same on every server.
          s.expense[i] = draws.shock
              ? (long) (medianExpense
                  * StrictMath.exp(c.shockExpenseLogSd() * inverseNormal(openUnit(draws.amountBits))))
              : 0;
          s.largest = Math.max(s.largest, Math.max(s.income[i], s.expense[i]));
          // a drop does not apply during a job loss (its income is the replacement share); a shock does, and drives
          // the default when the job loss costs nothing (hidden behind one replacing the whole income, a default the
          // shock alone caused had been put on the plan)
          s.driver[i] = (byte) (jobLost && jobLossCosts ? StressDriver.JOB_LOSS.ordinal()
              : !jobLost && dropped && dropCosts ? StressDriver.INCOME_DROP.ordinal()
              : s.expense[i] > 0 ? StressDriver.SHOCK_EXPENSE.ordinal() : -1);
        }
      }
      return s;
    }
  }

  /**
   * Path {@code k}'s draws, month after month: one 64-bit draw a month (three 16-bit uniforms for the events, 12 bits
   * for the income noise) and, in a shock month only, a second for the shock's amount, so the sequence depends on the
   * path alone. {@link Shocks#generate} and the replay of a default ({@link #failsWithoutEvents}) both walk a path
   * through it: the replay meets the noise generation met without its being kept.
   *
   * <p>The draws are {@code new SplittableRandom(pathSeed(seed, k)).nextLong()}'s, computed here (its seed plus the
   * golden gamma, through {@link #mix64}) so that one walker serves every path: a SplittableRandom and a walker per
   * path had been ~12 % of the bytes an engine's calculate allocated. {@code StressReplayProperties} holds the figures
   * to a reference that draws from SplittableRandom itself.
   *
   * <p>Thread-safety: not thread-safe; one per walk of the paths.
   */
  static final class PathDraws {
    private final long seed;
    private final double shockProbability;
    /** SplittableRandom's state for the path being walked. */
    private long state;
    /** This month's draw. */
    private long bits;
    /** Whether this month has a shock expense, and if so its amount's draw. */
    boolean shock;
    long amountBits;

    PathDraws(StressConfig c) {
      seed = c.seed();
      shockProbability = c.shockExpenseMonthlyProbability();
    }

    /** Starts path {@code k}'s first month over. */
    void startPath(int k) {
      state = pathSeed(seed, k);
    }

    /** SplittableRandom's {@code nextLong}: the state steps by the golden gamma and is mixed. */
    long nextLong() {
      state += GOLDEN;
      return mix64(state);
    }

    void nextMonth() {
      bits = nextLong();
      shock = uniform(32) < shockProbability;
      if (shock) {
        amountBits = nextLong();
      }
    }

    /** This month's 16-bit uniform at bit {@code from}: 0 the job loss's, 16 the drop's, 32 the shock's. */
    double uniform(int from) {
      return ((bits >>> from) & 0xFFFF) * 0x1p-16;
    }

    /** This month's income noise: an index into NORMAL_QUANTILES. */
    int noise() {
      return (int) (bits >>> 52);
    }
  }

  /**
   * The seed of path {@code k}: {@code seed + GOLDEN·(k + 1)} through SplittableRandom's own finaliser (Stafford's
   * mix 13). The sum alone had been the seed, and SplittableRandom walks its state by the same golden gamma, so path
   * k + 1 drew path k's months shifted by one: every path but the first was its neighbour a month on, and 10 000 paths
   * had the sampling error of about 1 500 independent ones (a default probability near 8 % varied by 0.70 points from
   * seed to seed, where 10 000 independent paths vary by 0.27).
   */
  static long pathSeed(long seed, int k) {
    return mix64(seed + GOLDEN * (k + 1));
  }

  /** SplittableRandom's finaliser (Stafford's mix 13), which its {@code nextLong} applies to each state. */
  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static double[] normalQuantiles(int n) {
    double[] q = new double[n];
    for (int i = 0; i < n; i++) {
      q[i] = inverseNormal((i + 0.5) / n);
    }
    return q;
  }

  /**
   * A uniform draw in (0, 1), never 0 or 1, from the top 52 bits of {@code bits} (with 53, the largest plus a half
   * needs 54 bits and rounds to exactly 1).
   */
  static double openUnit(long bits) {
    return ((bits >>> 12) + 0.5) * 0x1p-52;
  }

  /** Acklam's rational approximation of the standard normal quantile (relative error < 1.2e-9). */
  static double inverseNormal(double p) {
    double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
        -3.066479806614716e+01, 2.506628277459239e+00};
    double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
        -1.328068155288572e+01};
    double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
        4.374664141464968e+00, 2.938163982698783e+00};
    double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
    double low = 0.02425;
    if (p < low) {
      double q = Math.sqrt(-2 * StrictMath.log(p));
      return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    if (p > 1 - low) {
      double q = Math.sqrt(-2 * StrictMath.log(1 - p));
      return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    double q = p - 0.5;
    double r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }

  StressResult evaluate(Shocks s, FinancialProfile profile, PlanCashflow plan) {
    int months = s.months;
    long[] due = new long[months];
    for (int t = 0; t < months; t++) {
      due[t] = plan.dueFen(t + 1);
    }
    long essentials = profile.essentialExpenses().fen();
    // with every term below 2^58 fen (2.9 × 10^15 yuan) no sum of a horizon of at most 12 months can overflow, and the
    // month's end is summed plainly: the checked sum cost a fifth of a three-plan comparison
    boolean plain = Math.max(Math.max(s.largest, essentials), Math.max(profile.liquidSavings().fen(),
        Arrays.stream(due).max().orElse(0))) < PLAIN_BOUND && months <= 12;
    long start = profile.liquidSavings().fen() - plan.downPayments().fen();
    // the defaulting paths' shortfalls, in path order; every other path's is 0
    long[] shortfall = new long[start < 0 ? s.paths : 16];
    int defaults = 0;
    long firstMonthSum = 0;
    int[] byDriver = new int[StressDriver.values().length];
    PathDraws replay = new PathDraws(s.config); // walks each defaulting path again, one after another
    if (start < 0) {
      // the down payments exceed the savings: the plan fails before its first month on every path, as the
      // deterministic scenarios say (month 0); this had let month 1's income cover the gap and called the plan GREEN
      defaults = s.paths;
      Arrays.fill(shortfall, -start);
      byDriver[StressDriver.PLAN_TOO_HEAVY.ordinal()] = s.paths;
    }
    for (int k = 0; k < s.paths && start >= 0; k++) {
      long buffer = start;
      int base = k * months;
      int worst = -1; // strongest driver seen so far on this path (JOB_LOSS < INCOME_DROP < SHOCK by ordinal)
      for (int t = 0; t < months; t++) {
        int i = base + t;
        byte d = s.driver[i];
        if (d >= 0 && (worst < 0 || d < worst)) {
          worst = d;
        }
        buffer = plain ? buffer + s.income[i] - essentials - s.expense[i] - due[t]
            : monthEnd(buffer, s.income[i], essentials, s.expense[i], due[t]);
        if (missesAPayment(buffer, due[t])) {
          if (defaults == shortfall.length) {
            shortfall = Arrays.copyOf(shortfall, Math.min(s.paths, 2 * defaults));
          }
          shortfall[defaults++] = -buffer; // positive, at least -Long.MAX_VALUE (monthEnd)
          firstMonthSum += t + 1;
          byDriver[worst >= 0 && !failsWithoutEvents(s, replay, k, start, essentials, due) ? worst
              : StressDriver.PLAN_TOO_HEAVY.ordinal()]++;
          break;
        }
      }
    }
    double pDefault = (double) defaults / s.paths;
    long q95 = percentile95(shortfall, defaults, s.paths);
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
        ? Optional.of("Do not negotiate this plan: it re-defaults in " + percent(pDefault) + " of simulated futures"
            + (dominant == null ? "" : ", mostly through " + dominant.name().toLowerCase(Locale.ROOT).replace('_', ' '))
            + ". Seek a debt restructuring across lenders or the legal route (personal debt mediation).")
        : Optional.empty();
    return new StressResult(pDefault, defaults == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) firstMonthSum / defaults),
        Money.ofFen(q95), level, Optional.ofNullable(dominant), shares, scenarios, recommendation);
  }

  /**
   * The 95th percentile of {@code paths} shortfalls of which the first {@code defaults} of {@code positive} are the
   * defaulting paths' (positive) and the rest 0: the value at index ceil(0.95·paths) − 1 of them all sorted. Only the
   * positive ones are sorted, and only when the index reaches them: every path's shortfall had been kept and sorted,
   * 10 000 longs per plan, most of them 0, for a figure that is 0 whenever fewer than 5 % of the paths default.
   */
  static long percentile95(long[] positive, int defaults, int paths) {
    int index = (int) Math.min(paths - 1, Math.ceil(0.95 * paths) - 1);
    int zeros = paths - defaults; // they sort first
    if (index < zeros) {
      return 0;
    }
    Arrays.sort(positive, 0, defaults);
    return positive[index - zeros];
  }

  /**
   * Whether path {@code k} would miss a payment within the horizon without any of its events (no job loss, drop or
   * shock; the same income noise): then the plan is the driver, whatever the path met on its way. Any event seen had
   * been charged with the default, so a plan that used up the savings by month 6 on every path was "mostly" failed by
   * shocks of 1 yuan when they came in 30 % of months. The path's noise is drawn again, as generation drew it.
   */
  private static boolean failsWithoutEvents(Shocks s, PathDraws draws, int k, long start, long essentials,
      long[] due) {
    draws.startPath(k);
    long buffer = start;
    for (int t = 0; t < s.months; t++) {
      draws.nextMonth();
      buffer = monthEnd(buffer, s.calmIncome(draws.noise()), essentials, 0, due[t]);
      if (missesAPayment(buffer, due[t])) {
        return true;
      }
    }
    return false;
  }

  /**
   * A share as people read it: whole per cent, half up (0.5 % is 1 %), but never rounded to 0 % or 100 % when it is not
   * (a RED plan under a red threshold below 0.5 % was said to re-default "in 0 % of simulated futures"). The share is
   * rounded as the decimal it is ({@link #decimal}): {@code Math.round(share * 100)} rounded 57.5 % down, 0.575 being a
   * hair below in binary, and so 14.5, 28.5 and 56.5 %, while every other half per cent went up.
   */
  static String percent(double share) {
    long whole = decimal(share).movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValue();
    if (share > 0 && whole == 0) {
      return "under 1 %";
    }
    if (share < 1 && whole == 100) {
      return "over 99 %";
    }
    return whole + " %";
  }

  /**
   * The buffer at the end of a month, clamped to ±{@code Long.MAX_VALUE} rather than wrapped; all the terms are
   * non-negative. A lognormal shock expense of a large configured median (its draw is cast to {@code long},
   * saturating at {@code Long.MAX_VALUE}) had wrapped a buffer below zero round to a large positive one, and the path
   * did not default.
   */
  static long monthEnd(long buffer, long income, long essentials, long expense, long due) {
    long credit = buffer + income;
    long costs = essentials + expense;
    long debit = costs + due;
    // non-negative terms: a negative sum is an overflow; the rare exact path stays out of line so this one inlines
    return (credit | costs | debit) >= 0 ? credit - debit : clampedMonthEnd(buffer, income, essentials, expense, due);
  }

  private static long clampedMonthEnd(long buffer, long income, long essentials, long expense, long due) {
    java.math.BigInteger exact = java.math.BigInteger.valueOf(buffer).add(java.math.BigInteger.valueOf(income))
        .subtract(java.math.BigInteger.valueOf(essentials)).subtract(java.math.BigInteger.valueOf(expense))
        .subtract(java.math.BigInteger.valueOf(due));
    java.math.BigInteger most = java.math.BigInteger.valueOf(Long.MAX_VALUE);
    return exact.min(most).max(most.negate()).longValue();
  }

  /**
   * The decimal a configured share of income (a scenario's factor, a replacement share, a drop) was written as: its
   * double rounded to 15 significant digits, which every decimal of at most 15 digits reads back as, the same on every
   * JDK ({@code BigDecimal.valueOf(double)} goes through {@code Double.toString}, whose digits changed in JDK 19).
   */
  static BigDecimal decimal(double share) {
    return new BigDecimal(share).round(SHARE_DIGITS);
  }

  private static final MathContext SHARE_DIGITS = new MathContext(15, RoundingMode.HALF_EVEN);

  /** floor({@code fen} × {@code share}) exactly, for a share in 0..1 (so the product fits a {@code long}). */
  static long share(long fen, BigDecimal share) {
    return BigDecimal.valueOf(fen).multiply(share).setScale(0, RoundingMode.FLOOR).longValueExact();
  }

  /**
   * Whether a month that ends at {@code buffer} misses the plan's payment: only a month with an installment due can. A
   * month with nothing due carries its deficit into the next (income repays it first); a buffer below zero had been a
   * default in any month, so a plan settled in full by its down payments failed the medical scenario in month 3 and
   * re-defaulted on 3.9 % of 2 000 paths, and a three-month plan was charged with the shocks of months 4 to 12.
   */
  static boolean missesAPayment(long buffer, long due) {
    return buffer < 0 && due > 0;
  }

  private static StressResult.ScenarioOutcome scenario(StressScenario sc, FinancialProfile p, PlanCashflow plan, int months) {
    long buffer = p.liquidSavings().fen() - plan.downPayments().fen();
    long income = p.monthlyIncome().fen();
    long essentials = p.essentialExpenses().fen();
    if (buffer < 0) {
      return new StressResult.ScenarioOutcome(sc.name(), false, Optional.of(0));
    }
    long reduced = sc.reducedIncome(income);
    for (int t = 1; t <= months; t++) {
      buffer = monthEnd(buffer, sc.cutsIncomeIn(t) ? reduced : income, essentials, sc.extraExpenseIn(t), plan.dueFen(t));
      if (missesAPayment(buffer, plan.dueFen(t))) {
        return new StressResult.ScenarioOutcome(sc.name(), false, Optional.of(t));
      }
    }
    return new StressResult.ScenarioOutcome(sc.name(), true, Optional.empty());
  }
}
