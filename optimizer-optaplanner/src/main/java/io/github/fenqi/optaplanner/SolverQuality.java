package io.github.fenqi.optaplanner;

import io.github.fenqi.core.solve.Proposal;

/**
 * How close a heuristic plan comes to the exact solver's, one measure for the quality report and the tests.
 *
 * <p>Thread-safety: stateless.
 */
public final class SolverQuality {
  private SolverQuality() {}

  /**
   * {@code 1 − (exact − candidate) / |exact|} of the strategy's maximised objective (total payable negated, the
   * probability that every lender accepts, the expected saving): 1 = as good as the exact plan. It stays meaningful
   * when the objective is negative (an expected saving below zero), where a plain quotient would not; above 1 only
   * where the exact plan is not proven optimal. Equal objectives give 1, also at 0, where the quotient is 0 / 0: an
   * expected saving of 0 (interest-free plans without waivers) had made the ratio NaN.
   *
   * @throws IllegalArgumentException when the two proposals are of different strategies (no common objective)
   */
  public static double objectiveRatio(Proposal exact, Proposal candidate) {
    if (exact.strategy() != candidate.strategy()) {
      throw new IllegalArgumentException("compare plans of one strategy: " + exact.strategy() + " vs " + candidate.strategy());
    }
    double e;
    double o;
    switch (exact.strategy()) {
      case AGGRESSIVE -> {
        e = -exact.totalPayable().fen();
        o = -candidate.totalPayable().fen();
      }
      case CONSERVATIVE -> {
        e = exact.acceptanceProbability();
        o = candidate.acceptanceProbability();
      }
      default -> {
        e = exact.expectedSaving();
        o = candidate.expectedSaving();
      }
    }
    return e == o ? 1 : 1 - (e - o) / Math.abs(e);
  }
}
