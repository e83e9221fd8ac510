package io.github.fenqi.core.stress;

import java.util.List;

/**
 * Stress-tests repayment plans (design-card interface).
 *
 * <p>Implementations must be thread-safe and reproducible: the same configuration gives the same figures.
 */
public interface StressTester {

  /** Tests one plan. */
  StressResult test(FinancialProfile profile, PlanCashflow plan);

  /** Tests several plans of one borrower on the same random paths (common random numbers), in order. */
  List<StressResult> compare(FinancialProfile profile, List<PlanCashflow> plans);

  /** The Monte Carlo tester. */
  static StressTester monteCarlo(StressConfig config) {
    return new MonteCarloStressTester(config);
  }
}
