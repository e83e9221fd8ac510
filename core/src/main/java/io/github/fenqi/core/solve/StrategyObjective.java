package io.github.fenqi.core.solve;

import java.util.List;

/**
 * Each strategy's objective per option, maximised, the same for every {@link ProposalSolver}: AGGRESSIVE
 * {@code −totalPayable + p/(2n)} in fen over options with p ≥ the floor (others NaN: not allowed); the second
 * term is below one fen in total, so it only breaks ties between equally cheap plans in favour of acceptance
 * (as far as the exact solver's relative 10⁻¹², or 10⁻¹² fen absolute below one fen, resolves it: see core/README);
 * CONSERVATIVE {@code ln p}, so the sum is the log-probability that every lender accepts; BALANCED
 * {@code p × (owed − payable)} in fen, the expected saving.
 *
 * <p>Thread-safety: stateless.
 */
public final class StrategyObjective {
  private StrategyObjective() {}

  /** The objective of every option of {@code grid}, for a plan of {@code debts} debts. */
  public static double[] values(Strategy strategy, OptionGrid grid, GridConfig config, int debts) {
    double tieBreak = 0.5 / Math.max(1, debts);
    double[] v = new double[grid.size()];
    for (int i = 0; i < v.length; i++) {
      double p = grid.acceptance(i);
      v[i] = switch (strategy) {
        case AGGRESSIVE -> p >= config.acceptanceFloor() ? -(double) grid.totalPayableFen(i) + tieBreak * p : Double.NaN;
        case CONSERVATIVE -> Math.log(p);
        case BALANCED -> p * (grid.totalOwedFen() - grid.totalPayableFen(i));
      };
    }
    return v;
  }

  /** The objective of a whole plan: the sum over debts of the chosen options' values. */
  public static double total(Strategy strategy, List<OptionGrid> grids, int[] choice, GridConfig config) {
    double sum = 0;
    for (int d = 0; d < grids.size(); d++) {
      sum += values(strategy, grids.get(d), config, grids.size())[choice[d]];
    }
    return sum;
  }
}
