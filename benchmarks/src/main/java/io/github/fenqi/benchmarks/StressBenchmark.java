package io.github.fenqi.benchmarks;

import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.stress.FinancialProfile;
import io.github.fenqi.core.stress.PlanCashflow;
import io.github.fenqi.core.stress.StressConfig;
import io.github.fenqi.core.stress.StressResult;
import io.github.fenqi.core.stress.StressTester;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Monte Carlo stress: 10 000 paths × 12 months, a plan of 20 debts (36 monthly installments each). One plan
 * ({@code onePlan}: generating the shock paths dominates) and the three proposals of a case on the same paths
 * ({@code threePlansCommonRandomNumbers}), which is what the engine runs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class StressBenchmark {
  private StressTester tester;
  private FinancialProfile profile;
  private PlanCashflow plan;
  private List<PlanCashflow> three;
  private PlanCashflow heavy;

  @Setup
  public void setUp() {
    tester = StressTester.monteCarlo(StressConfig.builder().paths(10_000).horizonMonths(12).build());
    profile = new FinancialProfile(Money.ofYuan(16_000), OptionalDouble.of(0.12), Money.ofYuan(4_000), Money.ofYuan(12_000));
    three = new ArrayList<>();
    for (int variant = 0; variant < 3; variant++) {
      List<List<Money>> debts = new ArrayList<>();
      for (int d = 0; d < 20; d++) {
        List<Money> months = new ArrayList<>();
        for (int t = 0; t < 36; t++) {
          months.add(Money.ofFen(20_000 + 1_000L * d + 500L * variant));
        }
        debts.add(months);
      }
      three.add(PlanCashflow.ofDebts(debts, Money.ofYuan(2_000)));
    }
    plan = three.get(0);
    List<List<Money>> heavyDebts = new ArrayList<>();
    for (int d = 0; d < 20; d++) {
      heavyDebts.add(Collections.nCopies(36, Money.ofYuan(700)));
    }
    heavy = PlanCashflow.ofDebts(heavyDebts, Money.ofYuan(2_000));
  }

  @Benchmark
  public StressResult onePlan() {
    return tester.test(profile, plan);
  }

  /**
   * A plan of 14 000 yuan a month against 12 000 left after essentials: nearly every path defaults, so each default's
   * driver is judged by replaying the path without its events — the most that judgement can cost.
   */
  @Benchmark
  public StressResult onePlanMostPathsDefault() {
    return tester.test(profile, heavy);
  }

  @Benchmark
  public List<StressResult> threePlansCommonRandomNumbers() {
    return tester.compare(profile, three);
  }
}
