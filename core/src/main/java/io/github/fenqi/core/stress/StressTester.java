package io.github.fenqi.core.stress;

import io.github.fenqi.core.InvalidInputException;
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

  /**
   * The Monte Carlo tester.
   *
   * @throws InvalidInputException naming {@code config} when it is missing (it had been taken, and
   *     every test then failed with a bare NullPointerException, far from this call)
   */
  static StressTester monteCarlo(StressConfig config) {
    if (config == null) {
      throw new InvalidInputException("config", "is required (StressConfig.DEFAULTS for the defaults)");
    }
    return new MonteCarloStressTester(config);
  }
}
