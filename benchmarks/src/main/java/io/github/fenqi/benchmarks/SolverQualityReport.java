package io.github.fenqi.benchmarks;

import io.github.fenqi.core.solve.Proposal;
import io.github.fenqi.core.solve.ProposalProblem;
import io.github.fenqi.core.solve.ProposalSet;
import io.github.fenqi.core.solve.ProposalSolver;
import io.github.fenqi.core.solve.Strategy;
import io.github.fenqi.optaplanner.OptaPlannerProposalSolver;
import io.github.fenqi.optaplanner.SolverQuality;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Exact solver vs OptaPlanner on generated cases of 5, 10 and 20 debts (SolverBenchmark's generator): wall time and
 * objective ratio per strategy ({@link SolverQuality#objectiveRatio}). Not a JMH benchmark — one run per case, as a user would run it — so it prints a
 * Markdown table for benchmarks/README.md.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.github.fenqi.benchmarks.SolverQualityReport [seconds [seeds [debts...]]]} (debts default 5 10 20)
 * (defaults 1 s per strategy, seeds 1 and 2).
 */
public final class SolverQualityReport {
  private SolverQualityReport() {}

  public static void main(String[] args) {
    long seconds = args.length > 0 ? Long.parseLong(args[0]) : 1;
    int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    ProposalSolver opta = OptaPlannerProposalSolver.builder().timeLimit(Duration.ofSeconds(seconds)).build();
    System.out.println("| debts | seed | strategy | exact time (ms) | exact proven | OptaPlanner time (ms) | objective ratio |");
    System.out.println("|---|---|---|---:|---|---:|---:|");
    int[] sizes = args.length > 2
        ? java.util.Arrays.stream(args, 2, args.length).mapToInt(Integer::parseInt).toArray() : new int[] {5, 10, 20};
    for (int n : sizes) {
      for (long seed = 1; seed <= seeds; seed++) {
        ProposalProblem problem = SolverBenchmark.generate(n, 1.3, seed);
        ProposalSolver.exact().solve(problem); // warm-up
        long t0 = System.nanoTime();
        ProposalSet exact = ProposalSolver.exact().solve(problem);
        long t1 = System.nanoTime();
        ProposalSet heuristic = opta.solve(problem);
        long t2 = System.nanoTime();
        for (Strategy s : Strategy.values()) {
          Optional<Proposal> e = exact.proposal(s);
          Optional<Proposal> o = heuristic.proposal(s);
          String ratio = e.isEmpty() ? "no exact plan" : o.isEmpty() ? "no plan found" : String.format(Locale.ROOT, "%.4f", SolverQuality.objectiveRatio(e.get(), o.get()));
          System.out.printf(Locale.ROOT, "| %d | %d | %s | %.0f | %s | %.0f (3 strategies) | %s |%n", n, seed, s, (t1 - t0) / 1e6,
              e.map(p -> Boolean.toString(p.provenOptimal())).orElse("-"), (t2 - t1) / 1e6, ratio);
        }
      }
    }
  }
}
