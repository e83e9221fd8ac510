package io.github.fenqi.core.solve;

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
    java.util.Objects.requireNonNull(features, "features");
  }
}
