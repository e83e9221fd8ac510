package io.github.fenqi.benchmarks;

import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.money.Rate;
import io.github.fenqi.core.schedule.Amortizer;
import io.github.fenqi.core.schedule.AnnualizedRate;
import io.github.fenqi.core.schedule.RepaymentMethod;
import io.github.fenqi.core.schedule.Schedule;
import io.github.fenqi.core.schedule.ScheduleSummary;
import java.math.BigDecimal;
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
 * Schedule generation: a full 36-month schedule, the allocation-free summary the solver uses, and the IRR
 * of a schedule, for each repayment method.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ScheduleBenchmark {

  @Param({"EQUAL_INSTALLMENT", "EQUAL_PRINCIPAL", "FEE_INSTALLMENT", "INTEREST_FREE"})
  public RepaymentMethod method;

  private Amortizer amortizer;
  private Schedule schedule;
  private final Money financed = Money.of("48000.00");

  @Setup
  public void setUp() {
    Rate annual = method == RepaymentMethod.FEE_INSTALLMENT ? Rate.ZERO : Rate.of("0.18");
    Rate fee = method == RepaymentMethod.FEE_INSTALLMENT ? Rate.of("0.006") : Rate.ZERO;
    amortizer = Amortizer.of(method, annual, fee);
    schedule = amortizer.schedule(financed, 36);
  }

  @Benchmark
  public Schedule fullSchedule36() {
    return amortizer.schedule(financed, 36);
  }

  @Benchmark
  public ScheduleSummary summary36() {
    return amortizer.summarize(financed.fen(), 36);
  }

  @Benchmark
  public BigDecimal annualizedRate36() {
    return AnnualizedRate.of(schedule);
  }
}
