package io.github.fenqi.core.solve;

/**
 * What a proposal optimises. Each is the exact optimum on the option grid under the same hard constraints.
 *
 * <p>Thread-safety: immutable (an enum).
 */
public enum Strategy {
  /** Least total payable for the borrower, with every lender's acceptance probability at or above a floor. */
  AGGRESSIVE,
  /** The highest probability that every lender accepts (maximises Σ ln p). */
  CONSERVATIVE,
  /** The highest expected saving: Σ p × (total owed − total payable). */
  BALANCED
}
