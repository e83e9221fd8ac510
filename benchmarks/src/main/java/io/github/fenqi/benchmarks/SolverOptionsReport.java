package io.github.fenqi.benchmarks;

import io.github.fenqi.core.solve.KnapsackGroups;
import io.github.fenqi.core.solve.OptionGrid;
import io.github.fenqi.core.solve.ProposalProblem;
import io.github.fenqi.core.solve.Strategy;
import io.github.fenqi.core.solve.internal.MultipleChoiceKnapsack;
import io.github.fenqi.core.solve.internal.MultipleChoiceKnapsack.Group;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * How few of a case's options can matter, and whether the grid has the shape a solver that does not draw them all
 * would need: measurements for the design issue 5's target calls for (benchmarks/README.md, sixteenth session), not a
 * benchmark of the solver as it is.
 *
 * <p>Per strategy, over twelve generated cases (seeds 42–53): the options dominance pruning keeps; the options whose
 * reduced cost {@code v − λa − μb} lies within the Lagrangian dual's gap of their group's best, the only ones that can
 * be in an optimal plan (λ, μ minimise the dual by nested ternary searches on a log scale, where the convex dual is
 * unimodal; an upper count, as they may be a little off its minimum); and the options a search would draw if it
 * bounded each block of terms (one waiver level and down payment) by the shorter term's value and the longer term's
 * first installment, halving ranges while their bound can beat the cutoff, and the same with boxes of down payments ×
 * terms at one waiver level (with the options those bounds wrongly skipped, which must be none) — simulated on the
 * full grid under ideal conditions (those multipliers, the optimum as the incumbent, each group's true best reduced
 * cost). Then whether the grid's figures move one way along terms, down payments and waiver levels.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.github.fenqi.benchmarks.SolverOptionsReport [debts]
 * [budgetFactor]} (default 20 and 1.3; ~1.5 min at 20 debts).
 *
 * <p>Thread-safety: a command-line entry point; no shared state.
 */
public final class SolverOptionsReport {
  private SolverOptionsReport() {}

  public static void main(String[] args) {
    int debts = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    double budgetFactor = args.length > 1 ? Double.parseDouble(args[1]) : 1.3;
    int strategies = Strategy.values().length;
    long[] options = new long[strategies];
    long[] kept = new long[strategies];
    long[] matter = new long[strategies];
    long[] drawn = new long[strategies];
    long[] drawnBoxes = new long[strategies];
    long[] missed = new long[strategies]; // options that can matter but a simulated search's bounds skipped
    long[] missedBoxes = new long[strategies];
    Shape shape = new Shape();
    for (long seed = 42; seed < 54; seed++) {
      ProposalProblem problem = SolverBenchmark.generate(debts, budgetFactor, seed);
      List<OptionGrid> grids = problem.grids();
      long capA = problem.monthlyBudget().fen();
      long capB = problem.liquidSavings().fen();
      grids.forEach(shape::add);
      for (Strategy strategy : Strategy.values()) {
        int s = strategy.ordinal();
        Group[] groups = KnapsackGroups.of(problem, grids, strategy);
        double optimum = MultipleChoiceKnapsack.solve(groups, capA, capB).best().orElseThrow().value();
        double[] multipliers = dualMinimum(groups, capA, capB);
        double gap = dual(groups, capA, capB, multipliers[0], multipliers[1]) - optimum;
        double tolerance = 1e-9 * Math.max(1, Math.abs(optimum));
        for (int g = 0; g < groups.length; g++) {
          Group group = groups[g];
          double[] reduced = new double[group.size()];
          double best = Double.NEGATIVE_INFINITY;
          for (int i = 0; i < group.size(); i++) {
            reduced[i] = reducedCost(group, i, multipliers[0], multipliers[1]);
            best = Math.max(best, reduced[i]);
          }
          double cutoff = best - gap - tolerance;
          options[s] += group.size();
          kept[s] += undominated(group);
          matter[s] += Arrays.stream(reduced).filter(r -> r >= cutoff).count();
          boolean[] touched = new boolean[group.size()];
          for (int[] block : blocks(grids.get(g))) { // a box of one down payment: a range of terms
            drawBox(group, touched, List.of(block), 0, 0, 0, block[1] - block[0], multipliers, cutoff);
          }
          for (int i = 0; i < group.size(); i++) {
            drawn[s] += touched[i] ? 1 : 0;
            missed[s] += !touched[i] && reduced[i] >= cutoff ? 1 : 0;
          }
          boolean[] inBoxes = new boolean[group.size()];
          for (List<int[]> level : levels(grids.get(g))) {
            int terms = level.get(0)[1] - level.get(0)[0] + 1;
            drawBox(group, inBoxes, level, 0, level.size() - 1, 0, terms - 1, multipliers, cutoff);
          }
          for (int i = 0; i < group.size(); i++) {
            drawnBoxes[s] += inBoxes[i] ? 1 : 0;
            missedBoxes[s] += !inBoxes[i] && reduced[i] >= cutoff ? 1 : 0;
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "%d debts, budget %.2f × the least, seeds 42–53%n%n", debts, budgetFactor);
    System.out.println("| strategy | options | kept by dominance | can be in an optimum | drawn with bounds over terms "
        + "(options it wrongly skipped) | drawn with bounds over down payments and terms (wrongly skipped) |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    for (Strategy strategy : Strategy.values()) {
      int s = strategy.ordinal();
      System.out.printf(Locale.ROOT, "| %s | %d | %.1f %% | %.2f %% | %.1f %% (%d) | %.1f %% (%d) |%n", strategy,
          options[s], 100.0 * kept[s] / options[s], 100.0 * matter[s] / options[s], 100.0 * drawn[s] / options[s],
          missed[s], 100.0 * drawnBoxes[s] / options[s], missedBoxes[s]);
    }
    System.out.println();
    shape.print();
  }

  private static double reducedCost(Group group, int i, double lambda, double mu) {
    double v = group.value()[i];
    return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v - lambda * group.weightA()[i] - mu * group.weightB()[i];
  }

  /** The Lagrangian dual: an upper bound on every selection's value for any λ, μ ≥ 0. */
  private static double dual(Group[] groups, long capA, long capB, double lambda, double mu) {
    double sum = lambda * capA + mu * capB;
    for (Group group : groups) {
      double best = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < group.size(); i++) {
        best = Math.max(best, reducedCost(group, i, lambda, mu));
      }
      sum += best;
    }
    return sum;
  }

  /** λ, μ near the dual's minimum: ternary searches over log μ, each point minimised over log λ (and 0 for either). */
  private static double[] dualMinimum(Group[] groups, long capA, long capB) {
    double lo = -45;
    double hi = 8;
    for (int step = 0; step < 50; step++) {
      double m1 = lo + (hi - lo) / 3;
      double m2 = hi - (hi - lo) / 3;
      if (bestLambda(groups, capA, capB, Math.exp(m1))[1] <= bestLambda(groups, capA, capB, Math.exp(m2))[1]) {
        hi = m2;
      } else {
        lo = m1;
      }
    }
    double mu = Math.exp((lo + hi) / 2);
    double[] atMu = bestLambda(groups, capA, capB, mu);
    double[] atZero = bestLambda(groups, capA, capB, 0);
    return atZero[1] <= atMu[1] ? new double[] {atZero[0], 0} : new double[] {atMu[0], mu};
  }

  /** {λ, dual} minimising the dual over λ for this μ. */
  private static double[] bestLambda(Group[] groups, long capA, long capB, double mu) {
    double lo = -45;
    double hi = 8;
    for (int step = 0; step < 70; step++) {
      double m1 = lo + (hi - lo) / 3;
      double m2 = hi - (hi - lo) / 3;
      if (dual(groups, capA, capB, Math.exp(m1), mu) <= dual(groups, capA, capB, Math.exp(m2), mu)) {
        hi = m2;
      } else {
        lo = m1;
      }
    }
    double lambda = Math.exp((lo + hi) / 2);
    double value = dual(groups, capA, capB, lambda, mu);
    double atZero = dual(groups, capA, capB, 0, mu);
    return atZero <= value ? new double[] {0, atZero} : new double[] {lambda, value};
  }

  /** Options no other beats: no more of either weight and at least the value (the first of equal ones wins). */
  private static int undominated(Group group) {
    Integer[] order = new Integer[group.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    double[] v = group.value();
    long[] a = group.weightA();
    long[] b = group.weightB();
    Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -v[i]).thenComparingLong(i -> a[i])
        .thenComparingLong(i -> b[i]));
    List<Integer> keep = new ArrayList<>();
    for (int i : order) {
      if (Double.isNaN(v[i])) {
        continue;
      }
      boolean dominated = false;
      for (int k : keep) {
        if (a[k] <= a[i] && b[k] <= b[i]) {
          dominated = true;
          break;
        }
      }
      if (!dominated) {
        keep.add(i);
      }
    }
    return keep.size();
  }

  /** The grid's blocks: runs of options of one waiver level and down payment, terms ascending ({from, to}). */
  private static List<int[]> blocks(OptionGrid grid) {
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < grid.size(); ) {
      int j = i + 1;
      while (j < grid.size() && grid.term(j) > grid.term(j - 1) && grid.downPaymentFen(j) == grid.downPaymentFen(i)
          && grid.waivedFen(j) == grid.waivedFen(i)) {
        j++;
      }
      out.add(new int[] {i, j - 1});
      i = j;
    }
    return out;
  }

  /** The grid's blocks by waiver level: each level's blocks, down payments ascending, all of the same terms. */
  private static List<List<int[]>> levels(OptionGrid grid) {
    List<List<int[]>> out = new ArrayList<>();
    for (int[] block : blocks(grid)) {
      List<int[]> last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && grid.waivedFen(last.get(0)[0]) == grid.waivedFen(block[0])) {
        last.add(block);
      } else {
        List<int[]> level = new ArrayList<>();
        level.add(block);
        out.add(level);
      }
    }
    return out;
  }

  /**
   * Marks what a search bounding boxes of one waiver level's options — down payments {@code j1..j2} × terms
   * {@code t1..t2} — would draw: the value at the largest down payment and shortest term (where every strategy's value
   * is highest when the grid moves one way along both, which the report's last lines check), the first installment at
   * the largest down payment and longest term (the least), and the down payment at the smallest (known without
   * drawing). A box whose highest-value corner has no value (below AGGRESSIVE's floor) has none anywhere. Boxes whose
   * bound can reach the cutoff are halved along their longer side. Whether the bound held is counted by the caller.
   */
  private static void drawBox(Group group, boolean[] touched, List<int[]> level, int j1, int j2, int t1, int t2,
      double[] multipliers, double cutoff) {
    int best = level.get(j2)[0] + t1;
    int lightest = level.get(j2)[0] + t2;
    touched[best] = true;
    touched[lightest] = true;
    double v = group.value()[best];
    if (Double.isNaN(v)) {
      return;
    }
    double bound = v - multipliers[0] * group.weightA()[lightest]
        - multipliers[1] * group.weightB()[level.get(j1)[0] + t1];
    if (bound < cutoff || (j1 == j2 && t1 == t2)) {
      return;
    }
    if (j2 - j1 >= t2 - t1) {
      int jm = (j1 + j2) >>> 1;
      drawBox(group, touched, level, j1, jm, t1, t2, multipliers, cutoff);
      drawBox(group, touched, level, jm + 1, j2, t1, t2, multipliers, cutoff);
    } else {
      int tm = (t1 + t2) >>> 1;
      drawBox(group, touched, level, j1, j2, t1, tm, multipliers, cutoff);
      drawBox(group, touched, level, j1, j2, tm + 1, t2, multipliers, cutoff);
    }
  }

  /** Whether the first installment, the total payable and the acceptance move one way along each axis of the grid. */
  private static final class Shape {
    private final long[] terms = new long[4]; // chains; first falls; total rises; acceptance falls
    private final long[] downs = new long[4]; // chains; first falls; total falls; acceptance rises
    private final long[] waivers = new long[4]; // chains; first falls; total falls; acceptance falls

    void add(OptionGrid grid) {
      for (int[] block : blocks(grid)) {
        List<Integer> chain = new ArrayList<>();
        for (int i = block[0]; i <= block[1]; i++) {
          chain.add(i);
        }
        count(terms, grid, chain, -1, +1, -1);
      }
      // along down payments: one chain per (waiver level, term); along waivers: per term at each level's least down
      java.util.Map<String, List<Integer>> byLevelAndTerm = new java.util.LinkedHashMap<>();
      java.util.Map<Long, Long> leastDown = new java.util.HashMap<>();
      for (int i = 0; i < grid.size(); i++) {
        byLevelAndTerm.computeIfAbsent(grid.waivedFen(i) + "/" + grid.term(i), k -> new ArrayList<>()).add(i);
        leastDown.merge(grid.waivedFen(i), grid.downPaymentFen(i), Math::min);
      }
      for (List<Integer> chain : byLevelAndTerm.values()) {
        chain.sort(Comparator.comparingLong(grid::downPaymentFen));
        count(downs, grid, chain, -1, -1, +1);
      }
      java.util.Map<Integer, List<Integer>> byTerm = new java.util.LinkedHashMap<>();
      for (int i = 0; i < grid.size(); i++) {
        if (grid.downPaymentFen(i) == leastDown.get(grid.waivedFen(i))) {
          byTerm.computeIfAbsent(grid.term(i), k -> new ArrayList<>()).add(i);
        }
      }
      for (List<Integer> chain : byTerm.values()) {
        chain.sort(Comparator.comparingLong(grid::waivedFen));
        count(waivers, grid, chain, -1, -1, -1);
      }
    }

    /** Counts the chain, and whether each figure moves in the given direction (−1 falls, +1 rises) along it. */
    private static void count(long[] into, OptionGrid grid, List<Integer> chain, int first, int total, int acceptance) {
      boolean firstOk = true;
      boolean totalOk = true;
      boolean acceptanceOk = true;
      for (int x = 1; x < chain.size(); x++) {
        int p = chain.get(x - 1);
        int q = chain.get(x);
        firstOk &= Long.signum(grid.firstInstallmentFen(q) - grid.firstInstallmentFen(p)) * first >= 0;
        totalOk &= Long.signum(grid.totalPayableFen(q) - grid.totalPayableFen(p)) * total >= 0;
        acceptanceOk &= Math.signum(grid.acceptance(q) - grid.acceptance(p)) * acceptance >= 0;
      }
      into[0]++;
      into[1] += firstOk ? 1 : 0;
      into[2] += totalOk ? 1 : 0;
      into[3] += acceptanceOk ? 1 : 0;
    }

    void print() {
      System.out.printf(Locale.ROOT, "Longer term (%d blocks): first installment falls in %d, total rises in %d, "
          + "acceptance falls in %d%n", terms[0], terms[1], terms[2], terms[3]);
      System.out.printf(Locale.ROOT, "Larger down payment (%d chains): first installment falls in %d, total falls in "
          + "%d, acceptance rises in %d%n", downs[0], downs[1], downs[2], downs[3]);
      System.out.printf(Locale.ROOT, "Larger waiver (%d chains, least down payment): first installment falls in %d, "
          + "total falls in %d, acceptance falls in %d%n", waivers[0], waivers[1], waivers[2], waivers[3]);
    }
  }
}
