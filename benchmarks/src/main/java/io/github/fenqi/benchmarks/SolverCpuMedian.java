package io.github.fenqi.benchmarks;

import io.github.fenqi.core.solve.ProposalProblem;
import io.github.fenqi.core.solve.ProposalSolver;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * The median CPU time per case of the exact solver (three strategies, grids included) on SolverBenchmark's cases, one
 * build per JVM: the figure to compare two builds by running each in its own JVM, alternately, several times.
 *
 * <p>Why besides {@link SolverJarComparison}: with two builds in one JVM, each compiled its own way, an A/A comparison
 * (one jar against a copy of itself) measured 0.85–1.10 over three JVMs on 12 seeds (2026-12-02), as wide as the
 * changes worth measuring. Alternating single-build JVMs — this program — put the same A/A at 0.91–1.19 per pair with
 * a median of 1.01 over four pairs: no steadier per pair, but without the bias. Use the median over four to six pairs
 * of JVMs, in either order, as in benchmarks/README.md.
 *
 * <p>Run: {@code java -cp BUILD.jar io.github.fenqi.benchmarks.SolverCpuMedian [debts] [budgetFactor] [seeds] [warm]
 * [timed]} (default 20 debts, budget 1.3 × the least first-month total, 12 seeds from 42, 15 warm-up rounds, 15 timed
 * rounds; a round solves every seed once). At 20 debts the compiled code settles only after ~180 cases, so keep
 * the warm-up rounds × seeds at least that. Prints the median of the timed rounds' CPU milliseconds per case.
 *
 * <p>Thread-safety: a command-line program; not for use from other code.
 */
public final class SolverCpuMedian {
  private SolverCpuMedian() {}

  public static void main(String[] args) {
    if (args.length > 5) {
      System.err.println("usage: SolverCpuMedian [debts (default 20)] [budgetFactor (default 1.3)] [seeds (default 12)]"
          + " [warm rounds (default 15)] [timed rounds (default 15)]");
      System.exit(2);
    }
    int debts = args.length > 0 ? SolverJarComparison.positive(args[0], "debts") : 20;
    double budgetFactor = args.length > 1 ? SolverJarComparison.budgetFactor(args[1]) : 1.3;
    int seeds = args.length > 2 ? SolverJarComparison.positive(args[2], "seeds") : 12;
    int warm = args.length > 3 ? SolverJarComparison.positive(args[3], "warm rounds") : 15;
    int timed = args.length > 4 ? SolverJarComparison.positive(args[4], "timed rounds") : 15;
    ProposalProblem[] problems = new ProposalProblem[seeds];
    for (int s = 0; s < seeds; s++) {
      problems[s] = SolverBenchmark.generate(debts, budgetFactor, 42L + s);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (!threads.isCurrentThreadCpuTimeSupported()) {
      System.err.println("this JVM cannot measure a thread's CPU time");
      System.exit(1);
    }
    ProposalSolver solver = ProposalSolver.exact();
    double[] msPerCase = new double[timed];
    for (int round = 0; round < warm + timed; round++) {
      long start = threads.getCurrentThreadCpuTime();
      for (ProposalProblem p : problems) {
        solver.solve(p);
      }
      if (round >= warm) {
        msPerCase[round - warm] = (threads.getCurrentThreadCpuTime() - start) / 1e6 / seeds;
      }
    }
    Arrays.sort(msPerCase);
    System.out.printf(Locale.ROOT, "%.3f%n", msPerCase[timed / 2]);
  }
}
