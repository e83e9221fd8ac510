package io.github.fenqi.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Compares the exact solver of two builds of this module, interleaved in one JVM: each jar in its own class loader,
 * the two timed in alternating rounds (the order flipped every round) on SolverBenchmark's cases (seeds 42–44 unless
 * told otherwise).
 * On a shared 2-core machine the load drifts by more than the changes worth measuring within one JMH run of each
 * build; alternating rounds expose both builds to the same drift, and the three seeds dampen the large
 * case-to-case variance of the work (see benchmarks/README.md). For a decision before a JMH run, not instead of one.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.github.fenqi.benchmarks.SolverJarComparison
 * BEFORE.jar AFTER.jar [debts] [rounds] [seeds] [budgetFactor]} (default 20 debts, 30 rounds, 3 seeds from 42, budget
 * 1.3 × the least first-month total), where the jars are copies of {@code benchmarks/target/benchmarks.jar} built
 * from the two commits. Prints the median and quartiles of the milliseconds per case (three strategies, grids
 * included) for each jar, the median of the solving thread's CPU time per case, and the median and quartiles of the
 * per-round ratio after / before of the CPU times: both builds of a round see the same load, so the ratio is the
 * steadiest figure. It still varies by up to ±10 % from one JVM to the next (each JVM compiles the two copies its
 * own way), so a change worth under ~10 % needs the median over several runs — and on 12 seeds an A/A run (a jar
 * against a copy of itself) once gave 0.85, 0.86 and 1.10 over three JVMs: check with {@link SolverCpuMedian}, one
 * build per JVM, before trusting a ratio near 0.9. The benchmark's three seeds say
 * little about the tail: 12 seeds at the same budget have cases ten times slower than any of the three.
 *
 * <p>Thread-safety: a command-line program; not for use from other code.
 */
public final class SolverJarComparison {
  private SolverJarComparison() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2 || args.length > 6) {
      System.err.println("usage: SolverJarComparison BEFORE.jar AFTER.jar [debts (default 20)] [rounds (default 30)]"
          + " [seeds (default 3)] [budgetFactor (default 1.3)]");
      System.exit(2);
    }
    int debts = args.length > 2 ? positive(args[2], "debts") : 20;
    int rounds = args.length > 3 ? positive(args[3], "rounds") : 30;
    int seeds = args.length > 4 ? positive(args[4], "seeds") : 3;
    double budgetFactor = args.length > 5 ? budgetFactor(args[5]) : 1.3;
    Build[] builds = {new Build(Path.of(args[0]), debts, seeds, budgetFactor),
        new Build(Path.of(args[1]), debts, seeds, budgetFactor)};
    // repetitions per round: a round of well over 100 ms keeps timer and scheduling noise small
    int reps = Math.max(1, (debts <= 5 ? 300 : debts <= 10 ? 30 : 12) / seeds);
    // 15 rounds' worth each before timing: at 20 debts the compiled code settles only after ~180 cases (five rounds
    // of warm-up left one build up to 2× slow for the first dozen timed rounds)
    for (int warm = 0; warm < 15 * reps; warm++) {
      for (Build build : builds) {
        build.solveAll();
      }
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    boolean cpu = threads.isCurrentThreadCpuTimeSupported();
    double[][] msPerCase = new double[2][rounds];
    double[][] cpuMsPerCase = new double[2][rounds];
    for (int round = 0; round < rounds; round++) {
      for (int slot = 0; slot < 2; slot++) {
        int k = round % 2 == 0 ? slot : 1 - slot;
        long cpuStart = cpu ? threads.getCurrentThreadCpuTime() : 0;
        long start = System.nanoTime();
        for (int rep = 0; rep < reps; rep++) {
          builds[k].solveAll();
        }
        double cases = reps * (double) builds[k].problems.length;
        msPerCase[k][round] = (System.nanoTime() - start) / 1e6 / cases;
        cpuMsPerCase[k][round] = cpu ? (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 / cases : Double.NaN;
      }
    }
    for (int k = 0; k < 2; k++) {
      double[] t = sorted(msPerCase[k]);
      double[] c = sorted(cpuMsPerCase[k]);
      System.out.printf(Locale.ROOT,
          "%s: median %.2f, p25 %.2f, p75 %.2f ms per case; CPU median %.2f ms (%d debts, budget %.2f, seeds 42-%d,"
              + " %d rounds)%n",
          args[k], t[rounds / 2], t[rounds / 4], t[(3 * rounds) / 4], c[rounds / 2], debts, budgetFactor, 41 + seeds,
          rounds);
    }
    // Each round times both builds back to back, so their ratio within a round cancels most of the host's drift.
    double[] ratio = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      ratio[round] = cpu ? cpuMsPerCase[1][round] / cpuMsPerCase[0][round] : msPerCase[1][round] / msPerCase[0][round];
    }
    double[] r = sorted(ratio);
    System.out.printf(Locale.ROOT, "after / before, per round (%s time): median %.3f, p25 %.3f, p75 %.3f%n",
        cpu ? "CPU" : "wall", r[rounds / 2], r[rounds / 4], r[(3 * rounds) / 4]);
  }

  private static double[] sorted(double[] values) {
    double[] copy = values.clone();
    Arrays.sort(copy);
    return copy;
  }

  static int positive(String value, String name) {
    try {
      int n = Integer.parseInt(value);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    System.err.println(name + " must be a positive integer, got '" + value + "'");
    System.exit(2);
    return 0;
  }

  static double budgetFactor(String value) {
    try {
      double f = Double.parseDouble(value);
      if (f > 0 && Double.isFinite(f)) {
        return f;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    System.err.println("budgetFactor must be a positive number, got '" + value + "'");
    System.exit(2);
    return 0;
  }

  /** One jar's solver and cases, loaded apart from this class's own copy of fenqi. */
  private static final class Build {
    final Object solver;
    final Method solve;
    final Object[] problems;

    Build(Path jar, int debts, int seeds, double budgetFactor) throws ReflectiveOperationException,
        MalformedURLException {
      problems = new Object[seeds];
      if (!Files.isRegularFile(jar)) {
        System.err.println("no such jar: " + jar);
        System.exit(2);
      }
      // parent = platform loader: the jar's classes, not the ones on this program's class path
      URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
      Class<?> benchmark = loader.loadClass("io.github.fenqi.benchmarks.SolverBenchmark");
      Method generate = benchmark.getMethod("generate", int.class, double.class, long.class);
      for (int s = 0; s < problems.length; s++) {
        problems[s] = generate.invoke(null, debts, budgetFactor, 42L + s);
      }
      Class<?> solverType = loader.loadClass("io.github.fenqi.core.solve.ProposalSolver");
      solver = solverType.getMethod("exact").invoke(null);
      solve = solverType.getMethod("solve", loader.loadClass("io.github.fenqi.core.solve.ProposalProblem"));
    }

    void solveAll() throws IllegalAccessException, InvocationTargetException {
      for (Object problem : problems) {
        solve.invoke(solver, problem);
      }
    }
  }
}
