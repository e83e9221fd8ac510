package io.github.fenqi.core.solve;

import io.github.fenqi.core.debt.DebtComponent;
import io.github.fenqi.core.schedule.ReferenceAmortizer;
import io.github.fenqi.core.schedule.RepaymentMethod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;

/**
 * The option grid as {@link OptionGrid} drew it before it was made faster: BigDecimal per level, the full
 * schedule walk per option, an {@link AcceptanceFeatures} and a model call per option. The oracle the fast
 * grid must equal field by field, bit for bit. Like it, it leaves out a term whose schedule pays nothing the first
 * month while something is financed.
 *
 * <p>Thread-safety: immutable after construction.
 */
final class ReferenceOptionGrid {
  final int[] term;
  final long[] down;
  final long[] first;
  final long[] total;
  final long[] waived;
  final double[] recovery;
  final double[] acceptance;

  ReferenceOptionGrid(DebtTerms terms, GridConfig config, AcceptanceModel model) {
    long owedFen = terms.debt().totalOwed().fen();
    long[] capFen = new long[DebtComponent.values().length];
    long maxW = 0;
    for (DebtComponent c : DebtComponent.values()) {
      capFen[c.ordinal()] = terms.debt().amount(c).multiply(terms.waiverCap(c).value(), RoundingMode.DOWN).fen();
      maxW = Math.addExact(maxW, capFen[c.ordinal()]);
    }
    int fractions = config.waiverLevelCount();
    // each distinct waived amount once, ascending: k · step of it in decimal, the last level the whole of it
    long waivable = maxW;
    BigDecimal step = BigDecimal.valueOf(config.waiverStep());
    long[] waivedTotalByLevel = java.util.stream.IntStream.range(0, maxW == 0 ? 1 : fractions)
        .mapToObj(k -> k == fractions - 1 ? BigDecimal.ONE : step.multiply(BigDecimal.valueOf(k)).min(BigDecimal.ONE))
        .mapToLong(f -> BigDecimal.valueOf(waivable).multiply(f).setScale(0, RoundingMode.DOWN).longValueExact())
        .distinct().toArray();
    int levels = waivedTotalByLevel.length;
    double minRatio = terms.minDownPaymentRatio().doubleValue();
    List<Integer> allowed = terms.allowedTerms();
    int maxTerm = terms.maxTerm();
    int capacity = levels * config.downPaymentLevels() * allowed.size();
    int[] tm = new int[capacity];
    long[] wv = new long[capacity];
    long[] dn = new long[capacity];
    long[] fi = new long[capacity];
    long[] to = new long[capacity];
    double[] rc = new double[capacity];
    double[] ac = new double[capacity];
    int count = 0;
    RepaymentMethod method = terms.method();
    ReferenceAmortizer amortizer = new ReferenceAmortizer(method, terms.annualRate(), terms.monthlyFeeRate());
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
          continue;
        }
        for (int t = 0; t < allowed.size(); t++) {
          int n = allowed.get(t);
          long[] summary = amortizer.firstAndTotal(financed, n);
          if (summary[0] == 0 && financed > 0) { // nothing paid the first month: no installment plan
            continue;
          }
          double f = financed;
          double pv;
          if (method == RepaymentMethod.EQUAL_INSTALLMENT && monthlyInterest > 0) {
            double pmt = f * monthlyInterest / (1 - Math.pow(1 + monthlyInterest, -n));
            pv = (pmt + f * feeRate) * annuity[t];
          } else {
            pv = (f / n + f * feeRate + monthlyInterest * f) * annuity[t] - (monthlyInterest * f / n) * rampSum[t];
          }
          double recoveryRatio = owedFen == 0 ? 1.0 : Math.min(2.0, (d + pv) / owedFen);
          double waiverOfCap = maxW == 0 ? 0 : (double) waivedTotalByLevel[k] / maxW;
          double downRatio = settled == 0 ? 0 : Math.min(1.0, (double) d / settled);
          AcceptanceFeatures features = new AcceptanceFeatures(Math.min(1.0, waiverOfCap),
              Math.min(1.0, (double) n / maxTerm), downRatio, terms.debt().overdueDays(), terms.hardshipProof(),
              recoveryRatio);
          tm[count] = n;
          wv[count] = waivedTotalByLevel[k];
          dn[count] = d;
          fi[count] = summary[0];
          to[count] = Math.addExact(d, summary[1]);
          rc[count] = recoveryRatio;
          ac[count] = model.probability(features);
          count++;
        }
      }
    }
    term = Arrays.copyOf(tm, count);
    waived = Arrays.copyOf(wv, count);
    down = Arrays.copyOf(dn, count);
    first = Arrays.copyOf(fi, count);
    total = Arrays.copyOf(to, count);
    recovery = Arrays.copyOf(rc, count);
    acceptance = Arrays.copyOf(ac, count);
  }
}
