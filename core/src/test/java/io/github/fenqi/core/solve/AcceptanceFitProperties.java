package io.github.fenqi.core.solve;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * What {@link AcceptanceCoefficients#fit} promises on any recorded outcomes a lender could give — few or many,
 * duplicated, separable (a hard rule), with features that never vary or ages far beyond a year: coefficients within
 * ±100 (the record refuses anything else, so a fit that throws fails here), a model whose probabilities keep the
 * solver's contract, and the documented objective — the log-likelihood less 0.05 · Σ slope² — at least that of the
 * {@link AcceptanceCoefficients#DEFAULTS} and of every coefficient vector a small step away within ±100.
 */
class AcceptanceFitProperties {

  @Property(tries = 200)
  void aFitIsFiniteKeepsTheContractAndIsNoWorseThanItsNeighboursOrTheDefaults(@ForAll long seed) {
    Random r = new Random(seed);
    List<AcceptanceOutcome> outcomes = randomOutcomes(r);
    AcceptanceCoefficients fitted = AcceptanceCoefficients.fit(outcomes);
    AcceptanceModel model = AcceptanceModel.logistic(fitted);
    for (AcceptanceOutcome o : outcomes) {
      double p = model.probability(o.features());
      assertTrue(p > 0 && p <= 1, p + " for " + o + " under " + fitted);
    }
    double reached = objective(outcomes, fitted.vector());
    double tolerance = 1e-9 * Math.max(1, Math.abs(reached));
    assertTrue(reached >= objective(outcomes, AcceptanceCoefficients.DEFAULTS.vector()) - tolerance,
        fitted + " below the defaults");
    for (int k = 0; k < 7; k++) {
      for (double step : new double[] {-1e-3, 1e-3}) {
        double[] near = fitted.vector();
        near[k] = Math.max(-100, Math.min(100, near[k] + step));
        assertTrue(reached >= objective(outcomes, near) - tolerance,
            "coefficient " + k + " moved by " + step + " from " + fitted + " fits better");
      }
    }
  }

  /** Σ y·z − ln(1 + eᶻ) − 0.05 · Σ slope², the fit's documented objective, computed here independently of it. */
  static double objective(List<AcceptanceOutcome> outcomes, double[] b) {
    double sum = 0;
    for (AcceptanceOutcome o : outcomes) {
      double[] f = o.features().vector();
      double z = b[0];
      for (int k = 0; k < f.length; k++) {
        z += b[k + 1] * f[k];
      }
      sum += (o.accepted() ? z : 0) - (Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))));
    }
    for (int k = 1; k < b.length; k++) {
      sum -= 0.05 * b[k] * b[k];
    }
    return sum;
  }

  private static List<AcceptanceOutcome> randomOutcomes(Random r) {
    int n = 20 + r.nextInt(300);
    double scale = new double[] {1, 5, 30, 300}[r.nextInt(4)];
    double[] truth = new double[7];
    for (int k = 0; k < 7; k++) {
      truth[k] = (r.nextDouble() * 2 - 1) * scale;
    }
    boolean separable = r.nextInt(3) == 0;
    boolean[] constant = new boolean[6];
    for (int k = 0; k < 6; k++) {
      constant[k] = r.nextInt(4) == 0;
    }
    AcceptanceFeatures first = features(r);
    List<AcceptanceFeatures> pool = new ArrayList<>();
    int poolSize = r.nextInt(3) == 0 ? 2 + r.nextInt(4) : 0;
    for (int i = 0; i < poolSize; i++) {
      pool.add(features(r));
    }
    List<AcceptanceOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      AcceptanceFeatures f = poolSize > 0 ? pool.get(r.nextInt(poolSize)) : features(r);
      f = new AcceptanceFeatures(constant[0] ? first.waiverOfCap() : f.waiverOfCap(),
          constant[1] ? first.termOfMax() : f.termOfMax(),
          constant[2] ? first.downPaymentRatio() : f.downPaymentRatio(),
          constant[3] ? first.overdueDays() : f.overdueDays(), constant[4] ? first.hardshipProof() : f.hardshipProof(),
          constant[5] ? first.recoveryRatio() : f.recoveryRatio());
      double[] x = f.vector();
      double z = truth[0];
      for (int k = 0; k < x.length; k++) {
        z += truth[k + 1] * x[k];
      }
      double p = 1 / (1 + Math.exp(-z));
      outcomes.add(new AcceptanceOutcome(f, separable ? z > 0 : r.nextDouble() < p));
    }
    // both answers, as fit requires; the rest is whatever the truth gave
    outcomes.set(0, new AcceptanceOutcome(outcomes.get(0).features(), true));
    outcomes.set(1, new AcceptanceOutcome(outcomes.get(1).features(), false));
    return outcomes;
  }

  private static AcceptanceFeatures features(Random r) {
    int days = r.nextInt(10) == 0 ? r.nextInt(Integer.MAX_VALUE) : r.nextInt(720);
    return new AcceptanceFeatures(r.nextDouble(), r.nextDouble(), r.nextDouble() * 0.5, days, r.nextBoolean(),
        r.nextDouble() * 2);
  }
}
