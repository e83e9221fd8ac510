package io.github.fenqi.core.solve;

import io.github.fenqi.core.debt.DebtComponent;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.schedule.RepaymentMethod;
import io.github.fenqi.core.schedule.Amortizer;
import io.github.fenqi.core.schedule.ScheduleSummary;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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

  private OptionGrid(DebtTerms terms, GridConfig config, AcceptanceModel model) {
    this.terms = terms;
    this.model = model;
    this.owedFen = terms.debt().totalOwed().fen();
    // waiver levels along the priority path
    long[] capFen = new long[DebtComponent.values().length];
    long maxW = 0;
    for (DebtComponent c : DebtComponent.values()) {
      capFen[c.ordinal()] = terms.debt().amount(c).multiply(terms.waiverCap(c).value(), RoundingMode.DOWN).fen();
      maxW = Math.addExact(maxW, capFen[c.ordinal()]);
    }
    this.maxWaivable = maxW;
    double[] fractions = config.waiverFractions();
    int levels = maxW == 0 ? 1 : fractions.length;
    waivedByLevel = new long[levels][];
    waivedTotalByLevel = new long[levels];
    for (int k = 0; k < levels; k++) {
      long target = BigDecimal.valueOf(maxW).multiply(BigDecimal.valueOf(fractions[k]))
          .setScale(0, RoundingMode.DOWN).longValueExact();
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
    // down-payment ratios
    double minRatio = terms.minDownPaymentRatio().doubleValue();
    List<Integer> allowed = terms.allowedTerms();
    int maxTerm = terms.maxTerm();
    int capacity = levels * config.downPaymentLevels() * allowed.size();
    int[] tm = new int[capacity];
    int[] wl = new int[capacity];
    long[] dn = new long[capacity];
    long[] fi = new long[capacity];
    long[] to = new long[capacity];
    double[] rc = new double[capacity];
    double[] ac = new double[capacity];
    int count = 0;
    RepaymentMethod method = terms.method();
    Amortizer amortizer = Amortizer.of(method, terms.annualRate(), terms.monthlyFeeRate());
    double r = config.lenderMonthlyDiscountRate();
    double[] annuity = new double[allowed.size()];
    double[] rampSum = new double[allowed.size()];
    for (int t = 0; t < allowed.size(); t++) {
      int n = allowed.get(t);
      double v = 1.0 / (1.0 + r);
      double a = 0;
      double b = 0;
      double vt = 1;
      for (int i = 1; i <= n; i++) {
        vt *= v;
        a += vt;
        b += (i - 1) * vt;
      }
      annuity[t] = a;
      rampSum[t] = b;
    }
    double monthlyInterest = terms.annualRate().doubleValue() / 12.0;
    double feeRate = terms.monthlyFeeRate().doubleValue();
    if (method == RepaymentMethod.INTEREST_FREE) {
      monthlyInterest = 0;
      feeRate = 0;
    }
    for (int k = 0; k < levels; k++) {
      long settled = owedFen - waivedTotalByLevel[k];
      long previousDown = -1;
      for (int j = 0; j < config.downPaymentLevels(); j++) {
        double ratio = minRatio + j * config.downPaymentStep();
        if (ratio >= 1.0 && j > 0) {
          break;
        }
        long d = BigDecimal.valueOf(settled).multiply(terms.minDownPaymentRatio().value()
                .add(BigDecimal.valueOf(j).multiply(BigDecimal.valueOf(config.downPaymentStep()))))
            .setScale(0, RoundingMode.CEILING).longValueExact();
        d = Math.min(d, settled);
        if (d == previousDown) {
          continue;
        }
        previousDown = d;
        long financed = settled - d;
        if (financed <= 0 && settled > 0) {
          continue; // a lump sum is a settlement, not an installment plan
        }
        for (int t = 0; t < allowed.size(); t++) {
          int n = allowed.get(t);
          ScheduleSummary summary = amortizer.summarize(financed, n);
          double f = financed;
          double pv;
          if (method == RepaymentMethod.EQUAL_INSTALLMENT && monthlyInterest > 0) {
            double pmt = f * monthlyInterest / (1 - Math.pow(1 + monthlyInterest, -n));
            pv = (pmt + f * feeRate) * annuity[t];
          } else {
            pv = (f / n + f * feeRate + monthlyInterest * f) * annuity[t] - (monthlyInterest * f / n) * rampSum[t];
          }
          double recoveryRatio = owedFen == 0 ? 1.0 : Math.min(2.0, (d + pv) / owedFen);
          AcceptanceFeatures features = features(k, d, settled, n, maxTerm, recoveryRatio);
          tm[count] = n;
          wl[count] = k;
          dn[count] = d;
          fi[count] = summary.firstPayment();
          to[count] = Math.addExact(d, summary.totalInstallments());
          rc[count] = recoveryRatio;
          ac[count] = model.probability(features);
          count++;
        }
      }
    }
    term = java.util.Arrays.copyOf(tm, count);
    waiverLevel = java.util.Arrays.copyOf(wl, count);
    down = java.util.Arrays.copyOf(dn, count);
    first = java.util.Arrays.copyOf(fi, count);
    total = java.util.Arrays.copyOf(to, count);
    recovery = java.util.Arrays.copyOf(rc, count);
    acceptance = java.util.Arrays.copyOf(ac, count);
  }

  private AcceptanceFeatures features(int level, long down, long settled, int n, int maxTerm, double recoveryRatio) {
    double waiverOfCap = maxWaivable == 0 ? 0 : (double) waivedTotalByLevel[level] / maxWaivable;
    double downRatio = settled == 0 ? 0 : Math.min(1.0, (double) down / settled);
    return new AcceptanceFeatures(Math.min(1.0, waiverOfCap), Math.min(1.0, (double) n / maxTerm), downRatio,
        terms.debt().overdueDays(), terms.hardshipProof(), recoveryRatio);
  }

  /** Draws the grid of one debt. */
  public static OptionGrid of(DebtTerms terms, GridConfig config, AcceptanceModel model) {
    return new OptionGrid(terms, config, model);
  }

  public DebtTerms terms() {
    return terms;
  }

  public int size() {
    return term.length;
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
        recovery[i], f, model.probability(f));
  }
}
