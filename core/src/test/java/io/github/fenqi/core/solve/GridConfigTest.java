package io.github.fenqi.core.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InvalidInputException;
import org.junit.jupiter.api.Test;

class GridConfigTest {
  /** A waiver step of 1e-6 drew a million levels per debt and ran out of memory; the finest step is a thousandth. */
  @Test
  void aWaiverStepFinerThanAThousandthIsRefusedByName() {
    assertEquals(0.001, GridConfig.DEFAULTS.withWaiverStep(0.001).waiverStep());
    for (double step : new double[] {0.000_001, 0.0009, 0, -0.1, 1.5, Double.NaN}) {
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> GridConfig.DEFAULTS.withWaiverStep(step));
      assertEquals("waiverStep", e.problems().get(0).location());
      assertTrue(e.problems().get(0).reason().startsWith(step + " is outside [0.001, 1]"), e.getMessage());
    }
    assertTrue(assertThrows(InvalidInputException.class, () -> GridConfig.DEFAULTS.withWaiverStep(0.000_001))
        .getMessage().contains("a finer step than a thousand levels only makes it larger"));
  }
}
