package io.github.fenqi.benchmarks;

import io.github.fenqi.core.solve.KnapsackGroups;
import io.github.fenqi.core.solve.OptionGrid;
import io.github.fenqi.core.solve.ProposalProblem;
import io.github.fenqi.core.solve.Strategy;
import io.github.fenqi.core.solve.internal.MultipleChoiceKnapsack;
import java.util.List;
import java.util.Locale;

/**
 * How much work the exact solver does per strategy — search nodes plus dynamic-program states, and the (partial
 * selection, item) pairs the floor passes' programs examined, none of which depend on the machine — and whether it
 * proves optimality, on SolverBenchmark's generated cases. Complements the JMH times: on a noisy shared machine the
 * counts are the stable measure of an algorithmic change. The work is what the node budget counts; the pairs are
 * what the programs' time follows (most die at a bound and never become states, and since passes run on pair
 * budgets, ninth session, aborted ones add states while saving pairs). Neither counts the setup — pruning, bounds,
 * grids — so check a change's time on twelve seeds as well, with {@link SolverCpuMedian} (one build per JVM) where
 * {@link SolverJarComparison}'s ratio is near 0.9.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.github.fenqi.benchmarks.SolverWorkReport [debts...]}
 * (default 3 5 10 15 20; seeds 42–44, the benchmark's seed and the two after it). Prints a Markdown table and the
 * totals.
 */
public final class SolverWorkReport {
  private SolverWorkReport() {}

  public static void main(String[] args) {
    int[] sizes = args.length == 0 ? new int[] {3, 5, 10, 15, 20}
        : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    System.out.println(
        "| debts | seed | options | strategy | work (nodes + states) | pairs | proven | best of 3 runs (ms) |");
    System.out.println("|---:|---:|---:|---|---:|---:|---|---:|");
    long totalWork = 0;
    long totalPairs = 0;
    for (int n : sizes) {
      for (long seed = 42; seed <= 44; seed++) {
        ProposalProblem problem = SolverBenchmark.generate(n, 1.3, seed);
        List<OptionGrid> grids = problem.grids();
        int options = grids.stream().mapToInt(OptionGrid::size).sum();
        for (Strategy strategy : Strategy.values()) {
          MultipleChoiceKnapsack.Group[] groups = KnapsackGroups.of(problem, grids, strategy);
          long best = Long.MAX_VALUE;
          MultipleChoiceKnapsack.Result result = null;
          for (int run = 0; run < 3; run++) {
            long t0 = System.nanoTime();
            result = MultipleChoiceKnapsack.solve(groups, problem.monthlyBudget().fen(), problem.liquidSavings().fen(),
                problem.config().maxSearchNodes());
            best = Math.min(best, System.nanoTime() - t0);
          }
          System.out.printf(Locale.ROOT, "| %d | %d | %d | %s | %d | %d | %s | %.1f |%n", n, seed, options, strategy,
              result.nodes(), result.pairs(), result.proven(), best / 1e6);
          totalWork += result.nodes();
          totalPairs += result.pairs();
        }
      }
    }
    System.out.printf(Locale.ROOT, "%nTotal: work %d, pairs %d%n", totalWork, totalPairs);
  }
}
