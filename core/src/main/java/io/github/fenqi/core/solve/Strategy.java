package io.github.fenqi.core.solve;

import io.github.fenqi.core.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
  BALANCED;

  /**
   * How {@code strategies}, a list of proposals' strategies in its order, break "at most one proposal per strategy, in
   * this enum's order", one problem per place named {@code where[i].strategy}: a strategy again, or one after a later
   * one. A {@link ProposalSet} and a {@code NegotiationResult} read from JSON are held to it alike; the result had
   * refused only a repeat, and read proposals out of order as they stood.
   */
  public static List<Problem> outOfOrder(String where, List<Strategy> strategies) {
    List<Problem> problems = new ArrayList<>();
    for (int i = 1; i < strategies.size(); i++) {
      Strategy before = strategies.get(i - 1);
      Strategy strategy = strategies.get(i);
      if (strategy.compareTo(before) <= 0) {
        boolean again = strategies.subList(0, i).contains(strategy);
        problems.add(Problem.of(where + "[" + i + "].strategy", again
            ? strategy + " has a proposal already: one proposal per strategy"
            : strategy + " after " + before + ": proposals are in " + Arrays.toString(values()) + " order"));
      }
    }
    return problems;
  }
}
