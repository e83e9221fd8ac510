package io.github.fenqi.core.solve;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.fenqi.core.InvalidInputException;

/**
 * A lender's recorded answer to one proposed option, for fitting an {@link AcceptanceModel}.
 *
 * <p>Thread-safety: immutable.
 *
 * @param features what was proposed
 * @param accepted whether the lender accepted it
 */
public record AcceptanceOutcome(
    // required: recorded outcomes are kept (as JSON, say) until there are enough to fit, and one that lacked its answer
    // had been read by a plain ObjectMapper as a refusal, a valid outcome the fit then learnt from
    @JsonProperty(required = true) AcceptanceFeatures features,
    @JsonProperty(required = true) boolean accepted) {
  public AcceptanceOutcome {
    if (features == null) { // a bare NullPointerException had reached the caller, unlike every other bad input
      throw new InvalidInputException("features", "is required");
    }
  }
}
