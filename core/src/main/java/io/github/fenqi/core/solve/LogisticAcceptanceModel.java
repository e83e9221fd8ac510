package io.github.fenqi.core.solve;

import io.github.fenqi.core.InvalidInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@link AcceptanceModel#logistic}: immutable, thread-safe. */
final class LogisticAcceptanceModel implements AcceptanceModel {
  private static final int DIM = 7;
  private final AcceptanceCoefficients coefficients;
  private final double[] beta;

  LogisticAcceptanceModel(AcceptanceCoefficients coefficients) {
    this.coefficients = coefficients;
    this.beta = coefficients.vector();
  }

  AcceptanceCoefficients coefficients() {
    return coefficients;
  }

  @Override
  public double probability(AcceptanceFeatures f) {
    return probability(f.waiverOfCap(), f.termOfMax(), f.downPaymentRatio(), overdueFeature(f.overdueDays()),
        f.hardshipProof() ? 1 : 0, f.recoveryRatio());
  }

  /**
   * {@link #probability(AcceptanceFeatures)} from features already checked to be in range, with the
   * overdue feature ({@link #overdueFeature}) and the proof (0 or 1) computed once per debt: the option
   * grid asks for tens of thousands of probabilities per case, and gets the same bits this way.
   */
  double probability(double waiverOfCap, double termOfMax, double downPaymentRatio, double overdue, double proof,
      double recoveryRatio) {
    double z = beta[0] + beta[1] * waiverOfCap + beta[2] * termOfMax + beta[3] * downPaymentRatio
        + beta[4] * overdue + beta[5] * proof + beta[6] * recoveryRatio;
    double p = 1.0 / (1.0 + Math.exp(-z));
    // below z ≈ −745 the quotient underflows to 0, which no lender's chance is and whose log (CONSERVATIVE's value)
    // is −∞: the least positive double instead, the nearest the arithmetic can say
    return p > 0 ? p : Double.MIN_VALUE;
  }

  /** The overdue feature the model weighs: log(1 + months overdue), so the first months count most. */
  static double overdueFeature(int overdueDays) {
    return Math.log1p(overdueDays / 30.0);
  }

  @Override
  public String toString() {
    return "LogisticAcceptanceModel" + coefficients;
  }

  /**
   * Outcomes in one order whatever order they came in: the sums of the fit round differently in another order, and the
   * same outcomes read back from a store without an order had given coefficients differing in their last digits.
   */
  private static final Comparator<AcceptanceOutcome> CANONICAL = Comparator
      .comparingDouble((AcceptanceOutcome o) -> o.features().waiverOfCap())
      .thenComparingDouble(o -> o.features().termOfMax())
      .thenComparingDouble(o -> o.features().downPaymentRatio())
      .thenComparingInt(o -> o.features().overdueDays())
      .thenComparing(o -> o.features().hardshipProof())
      .thenComparingDouble(o -> o.features().recoveryRatio())
      .thenComparing(AcceptanceOutcome::accepted);

  static AcceptanceCoefficients fitCoefficients(List<AcceptanceOutcome> outcomes) {
    if (outcomes == null) {
      throw new InvalidInputException("outcomes", "is required");
    }
    if (outcomes.size() < 20) {
      throw new InvalidInputException("outcomes", outcomes.size() + " outcomes are too few to fit; need at least 20");
    }
    for (int i = 0; i < outcomes.size(); i++) {
      if (outcomes.get(i) == null) {
        throw new InvalidInputException("outcomes[" + i + "]", "is null");
      }
    }
    long accepted = outcomes.stream().filter(AcceptanceOutcome::accepted).count();
    if (accepted == 0 || accepted == outcomes.size()) {
      throw new InvalidInputException("outcomes", "all " + outcomes.size() + " outcomes are "
          + (accepted == 0 ? "rejections" : "acceptances") + "; a model needs both");
    }
    List<AcceptanceOutcome> ordered = new ArrayList<>(outcomes);
    ordered.sort(CANONICAL);
    int n = ordered.size();
    double[][] x = new double[n][DIM];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double[] f = ordered.get(i).features().vector();
      x[i][0] = 1;
      System.arraycopy(f, 0, x[i], 1, f.length);
      y[i] = ordered.get(i).accepted() ? 1 : 0;
    }
    // a feature the outcomes never vary (every borrower had proof, every term two-thirds of the max) says nothing: its
    // slope's optimum is 0 exactly, but the elimination left rounding noise of either sign there (1.9e-23), which
    // againstPractice reported as "termOfMax +0.00: a longer term raises acceptance"; its slope is held at 0
    boolean[] free = new boolean[DIM];
    free[0] = true;
    for (int k = 1; k < DIM; k++) {
      for (int i = 1; i < n && !free[k]; i++) {
        free[k] = x[i][k] != x[0][k];
      }
    }
    double[] b = new double[DIM];
    // Answers that follow a hard rule (every waiver above half the cap refused) are separable: the ridge keeps their
    // optimum finite, but on enough outcomes beyond ±100. Cutting each coefficient to ±100 afterwards moved the rule:
    // on 12 000 answers near such a line the waiver's slope −125 became −100 beside an intercept of 62, and the model
    // called waivers up to 62 % of the cap likely accepted. Instead the largest coefficient beyond the limit is held at
    // it and the others are fitted again around it, until every one lies within (each round holds one more).
    newton(x, y, b, free);
    while (true) {
      int widest = -1;
      for (int k = 0; k < DIM; k++) {
        if (free[k] && Math.abs(b[k]) > LIMIT && (widest < 0 || Math.abs(b[k]) > Math.abs(b[widest]))) {
          widest = k;
        }
      }
      if (widest < 0) {
        break;
      }
      b[widest] = Math.copySign(LIMIT, b[widest]);
      free[widest] = false;
      newton(x, y, b, free);
    }
    return AcceptanceCoefficients.of(b);
  }

  /** The largest coefficient {@link AcceptanceCoefficients} takes. */
  private static final double LIMIT = 100;

  /** The weight of the Gaussian prior on the slopes: negligible against real data, enough for separable data. */
  private static final double RIDGE = 0.1;

  /**
   * Newton's method on the ridge-penalised log-likelihood from {@code b}, in place; the coefficients not {@code free}
   * keep their values. A step that lowers the likelihood is halved until it does not: from where a coefficient was
   * just held at the limit every answer can sit far on one side, and full steps swung the intercept between ±10¹¹.
   * When even a step of 2⁻⁴⁰ lowers it (where the likelihood is flat to its last bits, rounding decides) the loop
   * stops where it is, the best point it evaluated: it had taken that step anyway and stopped at a point a few units in
   * the last place worse than the one it had. Package-private so that a test can start it where a fit would not.
   */
  static void newton(double[][] x, double[] y, double[] b, boolean[] free) {
    double current = penalisedLogLikelihood(x, y, b);
    for (int iter = 0; iter < 100; iter++) {
      double[] grad = new double[DIM];
      double[][] hess = new double[DIM][DIM];
      for (int i = 0; i < y.length; i++) {
        double p = 1.0 / (1.0 + Math.exp(-logit(b, x[i])));
        double w = Math.max(p * (1 - p), 1e-12);
        for (int k = 0; k < DIM; k++) {
          grad[k] += (y[i] - p) * x[i][k];
          for (int l = 0; l < DIM; l++) {
            hess[k][l] += w * x[i][k] * x[i][l];
          }
        }
      }
      for (int k = 1; k < DIM; k++) { // no penalty on the intercept
        grad[k] -= RIDGE * b[k];
        hess[k][k] += RIDGE;
      }
      hess[0][0] += 1e-9;
      for (int k = 0; k < DIM; k++) {
        if (!free[k]) { // its step 0: the Newton step of the others with this coefficient fixed
          grad[k] = 0;
          for (int l = 0; l < DIM; l++) {
            if (l != k) {
              hess[k][l] = 0;
              hess[l][k] = 0;
            }
          }
        }
      }
      double[] step = solve(hess, grad);
      double[] next = new double[DIM];
      double scale = 1;
      double reached;
      while (true) {
        for (int k = 0; k < DIM; k++) {
          next[k] = b[k] + scale * step[k];
        }
        reached = penalisedLogLikelihood(x, y, next);
        if (reached >= current) {
          break;
        }
        if (scale < 1e-12) { // no step along this direction is better: b, the best point evaluated, is the answer
          return;
        }
        scale /= 2;
      }
      double max = 0;
      for (int k = 0; k < DIM; k++) {
        max = Math.max(max, Math.abs(next[k] - b[k]));
      }
      System.arraycopy(next, 0, b, 0, DIM);
      current = reached;
      if (max < 1e-9) {
        return;
      }
    }
  }

  private static double logit(double[] b, double[] xi) {
    double z = 0;
    for (int k = 0; k < DIM; k++) {
      z += b[k] * xi[k];
    }
    return z;
  }

  /** Σ y·z − ln(1 + eᶻ) − ridge/2·Σ slope², with ln(1 + eᶻ) computed without overflow. */
  private static double penalisedLogLikelihood(double[][] x, double[] y, double[] b) {
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      double z = logit(b, x[i]);
      sum += y[i] * z - (Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))));
    }
    for (int k = 1; k < DIM; k++) {
      sum -= RIDGE / 2 * b[k] * b[k];
    }
    return sum;
  }

  /** Gaussian elimination with partial pivoting; the Hessian is positive definite thanks to the ridge. */
  private static double[] solve(double[][] a, double[] rhs) {
    int n = rhs.length;
    double[][] m = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, m[i], 0, n);
      m[i][n] = rhs[i];
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
          pivot = r;
        }
      }
      double[] tmp = m[col];
      m[col] = m[pivot];
      m[pivot] = tmp;
      for (int r = col + 1; r < n; r++) {
        double f = m[r][col] / m[col][col];
        for (int c = col; c <= n; c++) {
          m[r][c] -= f * m[col][c];
        }
      }
    }
    double[] out = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = m[r][n];
      for (int c = r + 1; c < n; c++) {
        s -= m[r][c] * out[c];
      }
      out[r] = s / m[r][r];
    }
    return out;
  }
}
