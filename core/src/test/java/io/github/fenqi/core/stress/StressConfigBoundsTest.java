package io.github.fenqi.core.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.money.Money;
import java.util.List;
import java.util.function.DoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The stress configuration's documented ranges at both ends: a horizon of 6..12 months, 100..1 000 000 paths, each
 * threshold a share in 0..1, and the ranges its refusals name.
 */
class StressConfigBoundsTest {

  /** 6 and 12 months are accepted; 5 and 13 are refused naming horizonMonths. */
  @Test
  void theHorizonIsSixToTwelveMonthsEndsIncluded() {
    assertEquals(6, StressConfig.builder().horizonMonths(6).build().horizonMonths());
    assertEquals(12, StressConfig.builder().horizonMonths(12).build().horizonMonths());
    for (int months : new int[] {5, 13}) {
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> StressConfig.builder().horizonMonths(months).build());
      assertEquals("horizonMonths", e.problems().get(0).location(), e.getMessage());
      assertEquals("horizonMonths: " + months + " is outside 6..12", e.problems().get(0).toString());
    }
  }

  /** 100 and 1 000 000 paths are accepted; 99 and 1 000 001 are refused naming paths. */
  @Test
  void thePathCountIsOneHundredToOneMillionEndsIncluded() {
    assertEquals(100, StressConfig.builder().paths(100).build().paths());
    assertEquals(1_000_000, StressConfig.builder().paths(1_000_000).build().paths());
    for (int paths : new int[] {99, 1_000_001}) {
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> StressConfig.builder().paths(paths).build());
      assertEquals("paths", e.problems().get(0).location(), e.getMessage());
      // the bound is what keeps a call's memory bounded (17 bytes a path-month: 204 MB at a million paths of 12 months)
      assertEquals("paths: " + paths + " is outside 100..1000000", e.problems().get(0).toString());
    }
  }

  /**
   * The mean durations of a job loss and an income drop are 1..36 months (a geometric duration lasts at least a month;
   * a mean of 0 had made a drop's end probability infinite), the shock's log-sd and the default income volatility
   * 0..3, the green threshold a share in 0..1 as the red one is: each accepted at its ends, refused beyond them or NaN
   * naming its field and its range.
   */
  @Test
  void everyOtherRangeIsAcceptedAtItsEndsAndRefusedBeyondThem() {
    record Range(String field, double low, double high, String spelled, DoubleFunction<StressConfig.Builder> set) {}
    List<Range> ranges = List.of(
        new Range("jobLossMeanMonths", 1, 36, "1..36", v -> StressConfig.builder().jobLoss(0.01, v, 0)),
        new Range("incomeDropMeanMonths", 1, 36, "1..36", v -> StressConfig.builder().incomeDrop(0.02, 0.3, v)),
        new Range("shockExpenseLogSd", 0, 3, "0..3",
            v -> StressConfig.builder().shockExpense(0.02, Money.ofYuan(3_000), v)),
        new Range("defaultIncomeVolatility", 0, 3, "0..3", v -> StressConfig.builder().defaultIncomeVolatility(v)),
        new Range("greenThreshold", 0, 1, "0..1", v -> StressConfig.builder().thresholds(v, 1)));
    for (Range r : ranges) {
      r.set().apply(r.low()).build();
      r.set().apply(r.high()).build();
      for (double v : new double[] {Math.nextDown(r.low()), Math.nextUp(r.high()), Double.NaN}) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> r.set().apply(v).build(),
            r.field() + " = " + v);
        assertEquals(r.field() + ": " + v + " is outside " + r.spelled(), e.problems().get(0).toString(), e.getMessage());
      }
    }
  }

  /**
   * The red threshold is a share of the paths as the green one is: 1 is accepted, above 1 or NaN is refused naming
   * redThreshold (a NaN had passed the green-below-red check, which no comparison with NaN fails).
   */
  @Test
  void theRedThresholdIsAShareFromZeroToOne() {
    assertEquals(1.0, StressConfig.builder().thresholds(0.1, 1).build().redThreshold());
    for (double red : new double[] {1.5, Double.NaN}) {
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> StressConfig.builder().thresholds(0.1, red).build());
      assertEquals("redThreshold: " + red + " is outside 0..1", e.problems().get(0).toString(), e.getMessage());
    }
  }
}
