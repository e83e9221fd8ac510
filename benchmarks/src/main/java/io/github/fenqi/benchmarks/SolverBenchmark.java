package io.github.fenqi.benchmarks;

import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.debt.DebtComponent;
import io.github.fenqi.core.debt.ProductType;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.money.Rate;
import io.github.fenqi.core.money.Ratio;
import io.github.fenqi.core.schedule.RepaymentMethod;
import io.github.fenqi.core.solve.AcceptanceModel;
import io.github.fenqi.core.solve.DebtTerms;
import io.github.fenqi.core.solve.GridConfig;
import io.github.fenqi.core.solve.OptionGrid;
import io.github.fenqi.core.solve.ProposalProblem;
import io.github.fenqi.core.solve.ProposalSet;
import io.github.fenqi.core.solve.ProposalSolver;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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

  /** As {@link #generate(int, double, long)} with the given grid. */
  public static ProposalProblem generate(int n, double budgetFactor, long seed, GridConfig config) {
    Random r = new Random(seed);
    List<DebtTerms> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int kind = i % 3;
      Debt d = new Debt("d" + i, "p" + kind, ProductType.values()[kind], Money.ofFen(1_000_000 + r.nextInt(5_000_000)),
          Money.ofFen(r.nextInt(500_000)), Money.ofFen(r.nextInt(200_000)), Money.ofFen(r.nextInt(30_000)),
          Money.ofFen(r.nextInt(90_000)), Money.ofFen(r.nextInt(30_000)), Rate.of("0.18"), 30 + r.nextInt(300));
      Map<DebtComponent, Ratio> caps = new EnumMap<>(DebtComponent.class);
      List<Integer> terms = new ArrayList<>();
      RepaymentMethod m;
      Rate annual;
      Rate fee;
      Ratio down;
      caps.put(DebtComponent.PENALTY_INTEREST, Ratio.ONE);
      caps.put(DebtComponent.COMPOUND_INTEREST, Ratio.ONE);
      caps.put(DebtComponent.LATE_FEES, Ratio.ONE);
      if (kind == 0) {
        for (int t = 12; t <= 60; t++) {
          terms.add(t);
        }
        m = RepaymentMethod.INTEREST_FREE;
        annual = Rate.ZERO;
        fee = Rate.ZERO;
        down = Ratio.ZERO;
        caps.put(DebtComponent.OTHER_FEES, Ratio.ONE);
      } else if (kind == 1) {
        for (int t = 12; t <= 36; t += 6) {
          terms.add(t);
        }
        m = RepaymentMethod.EQUAL_INSTALLMENT;
        annual = Rate.of("0.06");
        fee = Rate.ZERO;
        down = Ratio.of("0.05");
        caps.put(DebtComponent.INTEREST, Ratio.of("0.5"));
        caps.put(DebtComponent.OTHER_FEES, Ratio.of("0.5"));
      } else {
        for (int t = 3; t <= 24; t += 3) {
          terms.add(t);
        }
        m = RepaymentMethod.FEE_INSTALLMENT;
        annual = Rate.ZERO;
        fee = Rate.of("0.005");
        down = Ratio.of("0.1");
        caps.put(DebtComponent.INTEREST, Ratio.of("0.3"));
        caps.put(DebtComponent.PENALTY_INTEREST, Ratio.of("0.5"));
      }
      list.add(new DebtTerms(d, "v", terms, m, annual, fee, caps, down, true));
    }
    ProposalProblem probe = new ProposalProblem(list, Money.ZERO, Money.ZERO, config, AcceptanceModel.defaults());
    long minFirst = 0;
    long minDown = 0;
    for (OptionGrid g : probe.grids()) {
      long f = Long.MAX_VALUE;
      long dn = Long.MAX_VALUE;
      for (int i = 0; i < g.size(); i++) {
        f = Math.min(f, g.firstInstallmentFen(i));
        dn = Math.min(dn, g.downPaymentFen(i));
      }
      minFirst += f;
      minDown += dn;
    }
    return new ProposalProblem(list, Money.ofFen((long) (minFirst * budgetFactor)),
        Money.ofFen(Math.max(100_000, 3 * minDown)), config, AcceptanceModel.defaults());
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
}
