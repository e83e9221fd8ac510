package io.github.fenqi.core.solve;

import io.github.fenqi.core.ComponentContractException;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.debt.DebtComponent;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.schedule.Amortizer;
import io.github.fenqi.core.schedule.RepaymentMethod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Every option of one debt: term × waiver level × down-payment level (see {@link GridConfig}), each with
 * its first installment, total payable, recovery and acceptance probability. Stored as parallel primitive
 * arrays because the solvers read hundreds of thousands of entries per case; {@link #option(int)} builds
 * the full {@link PlanOption} only for the options a proposal actually uses.
 *
 * <p>The grid is the single source of the finance figures for every {@link ProposalSolver}, the exact one
 * and adapters alike, so they solve the same problem.
 *
 * <p>Thread-safety: immutable after construction; safe to share between threads and strategies.
 */
public final class OptionGrid {
  private final DebtTerms terms;
  private final long owedFen;
  private final long[][] waivedByLevel; // [level][component ordinal]
  private final long[] waivedTotalByLevel;
  private final int[] term;
  private final int[] waiverLevel;
  private final long[] down;
  private final long[] first;
  private final long[] total;
  private final double[] recovery;
  private final double[] acceptance;
  private final AcceptanceModel model;
  private final long maxWaivable;
  private final int size; // the options drawn: the arrays' capacity less those paying nothing the first month

  private OptionGrid(DebtTerms terms, Scales scales, AcceptanceModel model, Amortizer amortizer) {
    GridConfig config = scales.config();
    this.terms = terms;
    this.model = model;
    this.owedFen = terms.debt().totalOwed().fen();
    // waiver levels along the priority path
    long[] capFen = new long[DebtComponent.values().length];
    long maxW = 0;
    for (DebtComponent c : DebtComponent.values()) {
      capFen[c.ordinal()] = terms.waivableAmount(c).fen();
      maxW = Math.addExact(maxW, capFen[c.ordinal()]);
    }
    this.maxWaivable = maxW;
    DecimalFactor[] fractions = scales.waiverFractions();
    // the distinct waiver targets, ascending: steps finer than a fen of the waivable amount round to the same target
    // (a fen waivable under 5 % steps drew its 0.00 level 20 times over, each copy with every term and down payment)
    long[] targets = new long[maxW == 0 ? 1 : fractions.length];
    int levels = 0;
    for (int k = 0; k < targets.length; k++) {
      long target = fractions[k].times(maxW, RoundingMode.DOWN);
      if (levels == 0 || target != targets[levels - 1]) {
        targets[levels++] = target;
      }
    }
    waivedByLevel = new long[levels][];
    waivedTotalByLevel = new long[levels];
    for (int k = 0; k < levels; k++) {
      long target = targets[k];
      long[] w = new long[capFen.length];
      long left = target;
      for (DebtComponent c : config.waiverPriority()) {
        long take = Math.min(left, capFen[c.ordinal()]);
        w[c.ordinal()] = take;
        left -= take;
      }
      waivedByLevel[k] = w;
      waivedTotalByLevel[k] = target;
    }
    long[] settledByLevel = new long[levels];
    for (int k = 0; k < levels; k++) {
      settledByLevel[k] = owedFen - waivedTotalByLevel[k];
    }
    long[][] downByLevel = downPayments(terms, scales, settledByLevel);
    List<Integer> allowed = terms.allowedTerms();
    int termCount = allowed.size();
    int plans = 0;
    for (long[] downs : downByLevel) {
      plans += downs.length;
    }
    int capacity = Math.multiplyExact(plans, termCount);
    term = new int[capacity];
    waiverLevel = new int[capacity];
    down = new long[capacity];
    first = new long[capacity];
    total = new long[capacity];
    recovery = new double[capacity];
    acceptance = new double[capacity];

    int mostDowns = 0;
    for (long[] downs : downByLevel) {
      mostDowns = Math.max(mostDowns, downs.length);
    }
    PerDebt perDebt = PerDebt.of(terms, config, model, mostDowns);
    int count = 0;
    for (int k = 0; k < levels; k++) {
      long settled = settledByLevel[k];
      double waiverOfCap = Math.min(1.0, maxW == 0 ? 0 : (double) waivedTotalByLevel[k] / maxW);
      long[] downs = downByLevel[k];
      // the level's down payments summarized together (Amortizer#summarize): walked when they charge interest
      long[] financed = perDebt.financed();
      for (int x = 0; x < downs.length; x++) {
        financed[x] = settled - downs[x];
      }
      amortizer.summarize(financed, downs.length, perDebt.months(), perDebt.firstByTerm(), perDebt.totalByTerm());
      for (int x = 0; x < downs.length; x++) {
        count = addTerms(count, perDebt, k, settled, downs[x], x, waiverOfCap);
      }
    }
    size = count;
  }

  /**
   * The options of one waiver level and down payment (the level's {@code x}-th), one per term, from {@code count}
   * on, from the level's summaries; the count after them. A term whose schedule pays nothing the first month while
   * something is financed (fewer fen than months: 0.01 over three months is 0.00, 0.00, 0.01) is no installment plan
   * and is left out: the script refuses to write one up, and a case that chose it had failed. A method of its own so
   * that the JIT compiles this hot loop well (the constructor around it is too large for that).
   */
  private int addTerms(int count, PerDebt p, int k, long settled, long d, int x, double waiverOfCap) {
    long financed = settled - d;
    double downRatio = settled == 0 ? 0 : Math.min(1.0, (double) d / settled);
    double f = financed;
    double fee = f * p.feeRate();
    double interest = p.monthlyInterest() * f;
    int[] months = p.months();
    int i = count;
    long[] firstByTerm = p.firstByTerm(); // summarized with the level's other down payments, before
    long[] totalByTerm = p.totalByTerm();
    int from = x * months.length;
    for (int t = 0; t < months.length; t++) {
      if (firstByTerm[from + t] == 0 && financed > 0) {
        continue;
      }
      setOption(i++, p, t, k, settled, d, waiverOfCap, downRatio, f, fee, interest, firstByTerm[from + t],
          totalByTerm[from + t]);
    }
    return i;
  }

  /** Option {@code i}: term {@code p.months()[t]}, waiver level {@code k}, down payment {@code d}. */
  private void setOption(int i, PerDebt p, int t, int k, long settled, long d, double waiverOfCap, double downRatio,
      double f, double fee, double interest, long firstPayment, long installments) {
    int n = p.months()[t];
    double pv;
    if (p.annuity()) {
      double pmt = f * p.monthlyInterest() / p.annuityDenominator()[t];
      pv = (pmt + fee) * p.discounted()[t];
    } else if (interest == 0) { // the falling-interest part is +0.0 then, and subtracting it changes no bit
      pv = (f / n + fee + interest) * p.discounted()[t];
    } else {
      pv = (f / n + fee + interest) * p.discounted()[t] - (interest / n) * p.rampSum()[t];
    }
    double recoveryRatio = owedFen == 0 ? 1.0 : Math.min(2.0, (d + pv) / owedFen);
    term[i] = n;
    waiverLevel[i] = k;
    down[i] = d;
    first[i] = firstPayment;
    total[i] = Math.addExact(d, installments);
    recovery[i] = recoveryRatio;
    LogisticAcceptanceModel logistic = p.logistic();
    double probability = logistic != null && recoveryRatio >= 0 && recoveryRatio <= 2 && p.overdueValid()
        ? logistic.probability(waiverOfCap, p.termOfMax()[t], downRatio, p.overdue(), p.proof(), recoveryRatio)
        : probabilityOf(features(k, d, settled, n, terms.maxTerm(), recoveryRatio), n, d);
    if (!(probability > 0 && probability <= 1)) { // NaN too: every strategy's value is built from it
      throw notAProbability(probability, n, waiverOfCap, d);
    }
    acceptance[i] = probability;
  }

  /**
   * The model's figure for {@code f}. A model that refuses features the grid built from a checked problem breaks its
   * contract: its {@link InvalidInputException} had reached the engine as the solver's, and a caller as "the proposal
   * solver broke its contract", naming neither the model nor the option.
   */
  private double probabilityOf(AcceptanceFeatures f, int n, long d) {
    try {
      return model.probability(f);
    } catch (InvalidInputException e) {
      List<Problem> problems = new ArrayList<>();
      for (Problem p : e.problems()) {
        problems.add(Problem.of("acceptanceModel", "refused " + option(n, f.waiverOfCap(), d) + ": " + p));
      }
      throw ComponentContractException.of("the acceptance model", model, problems);
    }
  }

  private ComponentContractException notAProbability(double probability, int n, double waiverOfCap, long d) {
    return ComponentContractException.of("the acceptance model", model, List.of(Problem.of("acceptanceModel",
        "returned " + probability + " for " + option(n, waiverOfCap, d) + "; a probability must be in (0, 1]")));
  }

  /** The debt and the option, as the acceptance model's faults name them. */
  private String option(int n, double waiverOfCap, long d) {
    return "debt '" + terms.debt().id() + "' (term " + n + ", " + Math.round(waiverOfCap * 100)
        + " % of the waiver cap, down payment " + Money.ofFen(d) + ")";
  }

  /**
   * What the options of one debt share: the rates as doubles, everything that depends on the term alone (computed
   * once per term instead of once per option) and, for the logistic model, the per-debt features, so that it is
   * evaluated inline; any other model gets the features record it was written against. The schedules of all the down
   * payments of a waiver level are summarized together (their amounts in {@code financed}; the x-th one's figures per
   * term from {@code firstByTerm[x × terms]} and {@code totalByTerm[x × terms]} on): walked month by month, four side
   * by side, when they charge interest, in closed form otherwise. A summary per option for the closed form had been
   * removed by the JIT in some JVMs only, and allocated ~0.5 MB of a calculate's ~11 MB in the others.
   */
  private record PerDebt(
      boolean annuity,
      double monthlyInterest,
      double feeRate,
      int[] months,
      double[] discounted, // Σ v^i: present value of 1 a month
      double[] rampSum, // Σ (i − 1)·v^i: of the falling interest
      double[] annuityDenominator, // 1 − (1 + i)^−n
      double[] termOfMax,
      @Nullable LogisticAcceptanceModel logistic,
      double overdue,
      double proof,
      boolean overdueValid,
      long[] financed,
      long[] firstByTerm,
      long[] totalByTerm) {

    static PerDebt of(DebtTerms terms, GridConfig config, AcceptanceModel model, int downs) {
      RepaymentMethod method = terms.method();
      double monthlyInterest = terms.annualRate().doubleValue() / 12.0;
      double feeRate = terms.monthlyFeeRate().doubleValue();
      if (method == RepaymentMethod.INTEREST_FREE) {
        monthlyInterest = 0;
        feeRate = 0;
      }
      boolean annuity = method == RepaymentMethod.EQUAL_INSTALLMENT && monthlyInterest > 0;
      List<Integer> allowed = terms.allowedTerms();
      int termCount = allowed.size();
      int maxTerm = terms.maxTerm();
      int[] months = new int[termCount];
      double[] discounted = new double[termCount];
      double[] rampSum = new double[termCount];
      double[] annuityDenominator = new double[termCount];
      double[] termOfMax = new double[termCount];
      double v = 1.0 / (1.0 + config.lenderMonthlyDiscountRate());
      // the sums run once up to the longest term, read off at each allowed one (the terms ascend)
      double a = 0;
      double b = 0;
      double vt = 1;
      int month = 0;
      for (int t = 0; t < termCount; t++) {
        int n = allowed.get(t);
        while (month < n) {
          month++;
          vt *= v;
          a += vt;
          b += (month - 1) * vt;
        }
        months[t] = n;
        discounted[t] = a;
        rampSum[t] = b;
        annuityDenominator[t] = annuity ? 1 - Math.pow(1 + monthlyInterest, -n) : Double.NaN;
        termOfMax[t] = Math.min(1.0, (double) n / maxTerm);
      }
      int overdueDays = terms.debt().overdueDays();
      return new PerDebt(annuity, monthlyInterest, feeRate, months, discounted, rampSum,
          annuityDenominator, termOfMax, model instanceof LogisticAcceptanceModel l ? l : null,
          LogisticAcceptanceModel.overdueFeature(overdueDays), terms.hardshipProof() ? 1 : 0, overdueDays >= 0,
          new long[downs], new long[downs * termCount], new long[downs * termCount]);
    }
  }

  /**
   * The distinct down payments of each waiver level, in level order: from the policy minimum ratio upward,
   * capped at the settled amount; a level that leaves nothing to finance is a settlement, not a plan.
   */
  private static long[][] downPayments(DebtTerms terms, Scales scales, long[] settledByLevel) {
    GridConfig config = scales.config();
    double minRatio = terms.minDownPaymentRatio().doubleValue();
    BigDecimal step = scales.downPaymentStep();
    DecimalFactor[] ratios = new DecimalFactor[config.downPaymentLevels()];
    int used = 0;
    for (int j = 0; j < ratios.length; j++) {
      if (minRatio + j * config.downPaymentStep() >= 1.0 && j > 0) {
        break;
      }
      ratios[used++] = DecimalFactor.of(terms.minDownPaymentRatio().value().add(BigDecimal.valueOf(j).multiply(step)));
    }
    long[][] out = new long[settledByLevel.length][];
    long[] buffer = new long[used];
    for (int k = 0; k < settledByLevel.length; k++) {
      long settled = settledByLevel[k];
      long previousDown = -1;
      int kept = 0;
      for (int j = 0; j < used; j++) {
        long d = Math.min(ratios[j].times(settled, RoundingMode.CEILING), settled);
        if (d == previousDown) {
          continue;
        }
        previousDown = d;
        if (settled - d <= 0 && settled > 0) {
          continue;
        }
        buffer[kept++] = d;
      }
      out[k] = Arrays.copyOf(buffer, kept);
    }
    return out;
  }

  /**
   * The grid configuration's fractions as exact decimals, worked out once for all the debts of a problem:
   * {@code BigDecimal.valueOf(double)} prints the double, which is slow next to the rest of a level.
   */
  private record Scales(GridConfig config, DecimalFactor[] waiverFractions, BigDecimal downPaymentStep) {
    static Scales of(GridConfig config) {
      BigDecimal[] levels = config.waiverLevels(); // k · step in decimal, not the double's digits
      DecimalFactor[] factors = new DecimalFactor[levels.length];
      for (int k = 0; k < levels.length; k++) {
        factors[k] = DecimalFactor.of(levels[k]);
      }
      return new Scales(config, factors, BigDecimal.valueOf(config.downPaymentStep()));
    }
  }

  /**
   * A non-negative decimal factor split into a long numerator and a power of ten, so that the grid's
   * per-level products (waiver targets, down payments) avoid BigDecimal whenever they fit a long, with
   * exactly BigDecimal's result.
   */
  private record DecimalFactor(BigDecimal value, long unscaled, long divisor) {
    static DecimalFactor of(BigDecimal value) {
      BigDecimal v = value.stripTrailingZeros();
      v = v.setScale(Math.max(0, v.scale()), RoundingMode.UNNECESSARY);
      boolean fits = v.signum() >= 0 && v.scale() <= 18 && v.unscaledValue().bitLength() < 63;
      return new DecimalFactor(value, fits ? v.unscaledValue().longValueExact() : 0,
          fits ? BigDecimal.TEN.pow(v.scale()).longValueExact() : 0);
    }

    /** {@code fen} (≥ 0) times this factor, rounded to whole fen with DOWN or CEILING. */
    long times(long fen, RoundingMode rounding) {
      boolean floorOrCeiling = rounding == RoundingMode.DOWN || rounding == RoundingMode.CEILING;
      if (floorOrCeiling && divisor != 0 && fen >= 0 && Math.multiplyHigh(fen, unscaled) == 0 && fen * unscaled >= 0) {
        long product = fen * unscaled;
        long quotient = product / divisor;
        return rounding == RoundingMode.CEILING && quotient * divisor != product ? quotient + 1 : quotient;
      }
      return BigDecimal.valueOf(fen).multiply(value).setScale(0, rounding).longValueExact();
    }
  }

  private AcceptanceFeatures features(int level, long down, long settled, int n, int maxTerm, double recoveryRatio) {
    double waiverOfCap = maxWaivable == 0 ? 0 : (double) waivedTotalByLevel[level] / maxWaivable;
    double downRatio = settled == 0 ? 0 : Math.min(1.0, (double) down / settled);
    return new AcceptanceFeatures(Math.min(1.0, waiverOfCap), Math.min(1.0, (double) n / maxTerm), downRatio,
        terms.debt().overdueDays(), terms.hardshipProof(), recoveryRatio);
  }

  /**
   * Draws the grid of one debt.
   *
   * @throws InvalidInputException naming {@code debt} when it is too large to schedule
   *     ({@link DebtTerms#whyTooLargeToSchedule}; a {@link ProposalProblem} refuses such a debt when it is made)
   */
  public static OptionGrid of(DebtTerms terms, GridConfig config, AcceptanceModel model) {
    terms.whyTooLargeToSchedule().ifPresent(why -> {
      throw new InvalidInputException("debt", why);
    });
    return new OptionGrid(terms, Scales.of(config), model,
        Amortizer.of(terms.method(), terms.annualRate(), terms.monthlyFeeRate()));
  }

  /**
   * The grids of several debts, in order. Debts repaid by the same method at the same rates (those of one
   * lender) share an amortizer, which caches the annuity factor of each term: its 34-digit computation
   * would otherwise be repeated for every such debt.
   */
  static List<OptionGrid> of(List<DebtTerms> debts, GridConfig config, AcceptanceModel model) {
    Amortizers amortizers = new Amortizers();
    Scales scales = Scales.of(config);
    List<OptionGrid> grids = new ArrayList<>(debts.size());
    for (DebtTerms d : debts) {
      grids.add(new OptionGrid(d, scales, model, amortizers.of(d)));
    }
    return grids;
  }


  public DebtTerms terms() {
    return terms;
  }

  public int size() {
    return size;
  }

  public int term(int i) {
    return term[i];
  }

  public long downPaymentFen(int i) {
    return down[i];
  }

  public long firstInstallmentFen(int i) {
    return first[i];
  }

  /**
   * The least first installment of any option: what the tightest budget must leave for this debt
   * ({@code Long.MAX_VALUE} for a grid without options).
   */
  public long leastFirstInstallmentFen() {
    return Arrays.stream(first, 0, size).min().orElse(Long.MAX_VALUE);
  }

  /** The least down payment of any option ({@code Long.MAX_VALUE} for a grid without options). */
  public long leastDownPaymentFen() {
    return Arrays.stream(down, 0, size).min().orElse(Long.MAX_VALUE);
  }

  public long totalPayableFen(int i) {
    return total[i];
  }

  public long waivedFen(int i) {
    return waivedTotalByLevel[waiverLevel[i]];
  }

  public long totalOwedFen() {
    return owedFen;
  }

  public double acceptance(int i) {
    return acceptance[i];
  }

  public double recoveryRatio(int i) {
    return recovery[i];
  }

  /** The full description of option {@code i}. */
  public PlanOption option(int i) {
    long[] w = waivedByLevel[waiverLevel[i]];
    Map<DebtComponent, Money> waived = new EnumMap<>(DebtComponent.class);
    for (DebtComponent c : DebtComponent.values()) {
      if (w[c.ordinal()] > 0) {
        waived.put(c, Money.ofFen(w[c.ordinal()]));
      }
    }
    long waivedTotal = waivedTotalByLevel[waiverLevel[i]];
    long settled = owedFen - waivedTotal;
    AcceptanceFeatures f = features(waiverLevel[i], down[i], settled, term[i], terms.maxTerm(), recovery[i]);
    return new PlanOption(terms.debt().id(), term[i], waived, Money.ofFen(waivedTotal), Money.ofFen(settled),
        Money.ofFen(down[i]), Money.ofFen(settled - down[i]), Money.ofFen(first[i]), Money.ofFen(total[i]),
        recovery[i], f, probabilityOf(f, term[i], down[i]));
  }
}
