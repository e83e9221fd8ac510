package io.github.fenqi.core.solve;

import io.github.fenqi.core.InvalidInputException;
import java.util.List;

/**
 * Estimates the probability that a lender accepts an option. The solver maximises or constrains it, so
 * it should be monotone in the obvious directions for the strategies to mean what their names say (more waiver or
 * a longer term never helps, more down payment or recovery never hurts). The logistic model is, when its slopes
 * have the signs of {@link AcceptanceCoefficients#DEFAULTS}; a fitted one may not be — check
 * {@link AcceptanceCoefficients#againstPractice}. The solver stays exact either way: it optimises the model it is
 * given.
 *
 * <p>Implementations must be thread-safe and pure.
 */
@FunctionalInterface
public interface AcceptanceModel {

  /**
   * Probability in (0, 1] that the lender accepts an option with these features (1 only as a near-certainty rounded
   * up, as the logistic model's is beyond a logit of 37). Anything else — 0, a negative, above 1, NaN — stops the
   * calculation with a {@link io.github.fenqi.core.ComponentContractException} naming the debt and the option: the
   * strategies are built from these figures (CONSERVATIVE from their logarithms), so none would be sound. So does an
   * {@link InvalidInputException} thrown here: the grid's features come from a checked problem, so refusing them is the
   * model's fault, not the case's.
   */
  double probability(AcceptanceFeatures features);

  /** The logistic model with the given coefficients. */
  static AcceptanceModel logistic(AcceptanceCoefficients coefficients) {
    return new LogisticAcceptanceModel(coefficients);
  }

  /** The logistic model with {@link AcceptanceCoefficients#DEFAULTS}. */
  static AcceptanceModel defaults() {
    return logistic(AcceptanceCoefficients.DEFAULTS);
  }

  /**
   * The logistic model {@linkplain AcceptanceCoefficients#fit fitted} to recorded outcomes. To keep the fit, or to
   * check its slopes' signs first, call {@link AcceptanceCoefficients#fit} and then {@link #logistic}.
   *
   * @throws InvalidInputException when there are fewer than 20 outcomes or all outcomes agree
   */
  static AcceptanceModel fit(List<AcceptanceOutcome> outcomes) {
    return logistic(AcceptanceCoefficients.fit(outcomes));
  }
}
