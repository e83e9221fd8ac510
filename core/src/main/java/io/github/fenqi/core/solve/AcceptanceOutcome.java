package io.github.fenqi.core.solve;

import io.github.fenqi.core.InvalidInputException;

/**
 * A lender's recorded answer to one proposed option, for fitting an {@link AcceptanceModel}.
 *
 * <p>Thread-safety: immutable.
 *
 * @param features what was proposed
 * @param accepted whether the lender accepted it
 */
public record AcceptanceOutcome(AcceptanceFeatures features, boolean accepted) {
  public AcceptanceOutcome {
    if (features == null) { // a bare NullPointerException had reached the caller, unlike every other bad input
      throw new InvalidInputException("features", "is required");
    }
  }
}
