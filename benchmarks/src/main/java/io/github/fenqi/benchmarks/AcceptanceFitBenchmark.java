package io.github.fenqi.benchmarks;

import io.github.fenqi.core.solve.AcceptanceCoefficients;
import io.github.fenqi.core.solve.AcceptanceFeatures;
import io.github.fenqi.core.solve.AcceptanceOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Fitting the acceptance model to recorded outcomes ({@link AcceptanceCoefficients#fit}): how long a lender's history
 * of 10 000 to a million answers takes, so that a team knows whether to refit per request, per day or offline. The
 * answers are drawn from the default coefficients with a fixed seed, so every run fits the same data; a fit is
 * seconds at the top size, so each measurement is one fit ({@link Mode#SingleShotTime}).
 *
 * <p>Thread-safety: JMH state, one per benchmark thread.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@State(Scope.Benchmark)
public class AcceptanceFitBenchmark {

  @Param({"10000", "100000", "1000000"})
  public int outcomes;

  private List<AcceptanceOutcome> recorded;

  @Setup
  public void setUp() {
    recorded = outcomes(outcomes, 42);
  }

  @Benchmark
  public AcceptanceCoefficients fit() {
    return AcceptanceCoefficients.fit(recorded);
  }

  /** {@code n} answers drawn from the default model on features spread over their ranges. */
  static List<AcceptanceOutcome> outcomes(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    AcceptanceCoefficients c = AcceptanceCoefficients.DEFAULTS;
    List<AcceptanceOutcome> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double waiver = random.nextDouble();
      double term = random.nextDouble();
      double down = random.nextDouble() * 0.3;
      int overdue = random.nextInt(1, 720);
      boolean proof = random.nextBoolean();
      double recovery = 0.5 + random.nextDouble() * 0.5;
      double logit = c.intercept() + c.waiverOfCap() * waiver + c.termOfMax() * term + c.downPayment() * down
          + c.overdue() * Math.log1p(overdue / 30.0) + c.proof() * (proof ? 1 : 0) + c.recovery() * recovery;
      boolean accepted = random.nextDouble() < 1 / (1 + Math.exp(-logit));
      list.add(new AcceptanceOutcome(new AcceptanceFeatures(waiver, term, down, overdue, proof, recovery), accepted));
    }
    return list;
  }
}
