package io.github.fenqi.core.affordability;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures what a borrower can afford each month (design-card interface). The result's
 * {@code maxAffordableInstallment} is the budget every proposal's first-month installments must fit.
 *
 * <p>Implementations must be thread-safe and pure.
 */
@FunctionalInterface
public interface AffordabilityModel {

  /** Assesses one borrower. */
  AffordabilityAssessment assess(AffordabilityInput input);

  /**
   * The weighted model with the given coefficients and floor table.
   *
   * @throws InvalidInputException naming {@code coefficients} or {@code floor} when missing (each
   *     had been taken, and every assessment then failed with a bare NullPointerException, far from this call)
   */
  static AffordabilityModel weighted(AffordabilityCoefficients coefficients, LivingCostFloor floor) {
    List<Problem> problems = new ArrayList<>();
    if (coefficients == null) {
      problems.add(Problem.of("coefficients", "is required"));
    }
    if (floor == null) {
      problems.add(Problem.of("floor", "is required"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return new WeightedAffordabilityModel(coefficients, floor);
  }

  /** The weighted model with default coefficients and the shipped floor table. */
  static AffordabilityModel defaults() {
    return weighted(AffordabilityCoefficients.DEFAULTS, LivingCostFloor.defaults());
  }
}
