package io.github.fenqi.core.affordability;

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

  /** The weighted model with the given coefficients and floor table. */
  static AffordabilityModel weighted(AffordabilityCoefficients coefficients, LivingCostFloor floor) {
    return new WeightedAffordabilityModel(coefficients, floor);
  }

  /** The weighted model with default coefficients and the shipped floor table. */
  static AffordabilityModel defaults() {
    return weighted(AffordabilityCoefficients.DEFAULTS, LivingCostFloor.defaults());
  }
}
