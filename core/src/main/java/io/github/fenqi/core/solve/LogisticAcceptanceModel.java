package io.github.fenqi.core.solve;

import io.github.fenqi.core.InvalidInputException;
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

  static AcceptanceCoefficients fitCoefficients(List<AcceptanceOutcome> outcomes) {
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
    int n = outcomes.size();
    double[][] x = new double[n][DIM];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double[] f = outcomes.get(i).features().vector();
      x[i][0] = 1;
      System.arraycopy(f, 0, x[i], 1, f.length);
      y[i] = outcomes.get(i).accepted() ? 1 : 0;
    }
    // a feature the outcomes never vary (every borrower had proof, every term two-thirds of the max) says nothing: its
    // slope's optimum is 0 exactly, but the elimination left rounding noise of either sign there (1.9e-23), which
    // againstPractice reported as "termOfMax +0.00: a longer term raises acceptance"; its slope is held at 0
    boolean[] varies = new boolean[DIM];
    varies[0] = true;
    for (int k = 1; k < DIM; k++) {
      for (int i = 1; i < n && !varies[k]; i++) {
        varies[k] = x[i][k] != x[0][k];
      }
    }
    double ridge = 0.1; // a weak Gaussian prior: negligible against real data, enough for separable data
    double[] b = new double[DIM];
    for (int iter = 0; iter < 100; iter++) {
      double[] grad = new double[DIM];
      double[][] hess = new double[DIM][DIM];
      for (int i = 0; i < n; i++) {
        double z = 0;
        for (int k = 0; k < DIM; k++) {
          z += b[k] * x[i][k];
        }
        double p = 1.0 / (1.0 + Math.exp(-z));
        double w = Math.max(p * (1 - p), 1e-12);
        for (int k = 0; k < DIM; k++) {
          grad[k] += (y[i] - p) * x[i][k];
          for (int l = 0; l < DIM; l++) {
            hess[k][l] += w * x[i][k] * x[i][l];
          }
        }
      }
      for (int k = 1; k < DIM; k++) { // no penalty on the intercept
        grad[k] -= ridge * b[k];
        hess[k][k] += ridge;
      }
      hess[0][0] += 1e-9;
      for (int k = 1; k < DIM; k++) {
        if (!varies[k]) { // its step 0: the Newton step of the others with this slope fixed at 0
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
      double max = 0;
      for (int k = 0; k < DIM; k++) {
        b[k] += step[k];
        max = Math.max(max, Math.abs(step[k]));
      }
      if (max < 1e-9) {
        break;
      }
    }
    for (int k = 0; k < DIM; k++) {
      b[k] = Math.max(-100, Math.min(100, b[k]));
    }
    return AcceptanceCoefficients.of(b);
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
