package io.github.fenqi.benchmarks;

import io.github.fenqi.core.solve.GridConfig;
import io.github.fenqi.core.solve.OptionGrid;
import io.github.fenqi.core.solve.ProposalProblem;
import io.github.fenqi.core.solve.ProposalSet;
import io.github.fenqi.core.solve.ProposalSolver;
import io.github.fenqi.core.testkit.SampleShapedCases;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The exact solver on generated cases shaped like the three sample policies (a credit card with 49 terms and
 * interest-free installments, a consumer loan with 5 terms at 6 %, an online loan with 8 terms and a monthly
 * fee), all three strategies, with the default grid (5 % waiver steps, 4 down-payment levels). The budget is
 * set at {@code budgetFactor} × the least possible Σ first installments and savings at 3 × the least Σ down
 * payments, so the budget binds and savings do not.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class SolverBenchmark {

  @Param({"3", "10", "20"})
  public int debts;

  @Param({"1.3"})
  public double budgetFactor;

  /** Grid size: waiver levels are this fraction of the cap apart (0.05 = 21 levels, the default; 0.2 = 6). */
  @Param({"0.05"})
  public double waiverStep;

  /**
   * The generated case. The solver's work varies a lot from case to case (benchmarks/README.md), so compare changes
   * over several: {@code -p seed=42,43,44}.
   */
  @Param({"42"})
  public long seed;

  private ProposalProblem problem;

  @Setup
  public void setUp() {
    problem = generate(debts, budgetFactor, seed, GridConfig.DEFAULTS.withWaiverStep(waiverStep));
  }

  /** A case of {@code n} debts cycling through the three sample policy shapes, default grid. */
  public static ProposalProblem generate(int n, double budgetFactor, long seed) {
    return generate(n, budgetFactor, seed, GridConfig.DEFAULTS);
  }

  /** As {@link #generate(int, double, long)} with the given grid: {@link SampleShapedCases}, savings 3 × the least. */
  public static ProposalProblem generate(int n, double budgetFactor, long seed, GridConfig config) {
    return SampleShapedCases.problem(n, budgetFactor, 3, seed, config);
  }

  @Benchmark
  public ProposalSet solveThreeStrategies() {
    return ProposalSolver.exact().solve(problem);
  }

  /** Three threads for {@link #solveThreeStrategiesConcurrently}: latency with the machine's cores, not one. */
  private final ExecutorService pool = Executors.newFixedThreadPool(3);

  @TearDown
  public void stopPool() {
    pool.shutdownNow();
  }

  @Benchmark
  public ProposalSet solveThreeStrategiesConcurrently() {
    return ProposalSolver.exact(pool).solve(problem);
  }

  @Benchmark
  public List<OptionGrid> gridsOnly() {
    return problem.grids();
  }

  private ProposalSet solved;

  @Setup
  public void solveOnce() {
    solved = ProposalSolver.exact().solve(problem);
  }

  /**
   * The engine's check of a solver's answer ({@link ProposalProblem#violations(ProposalSet)}), which every
   * {@code calculate} now pays: the three proposals' plans against their terms and schedules.
   */
  @Benchmark
  public List<io.github.fenqi.core.Problem> checkThreeProposals() {
    return problem.violations(solved);
  }
}
