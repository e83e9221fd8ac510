package io.github.fenqi.core.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fenqi.core.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * The stress configuration's documented ranges at both ends: a horizon of 6..12 months, 100..1 000 000 paths, each
 * threshold a share in 0..1.
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
