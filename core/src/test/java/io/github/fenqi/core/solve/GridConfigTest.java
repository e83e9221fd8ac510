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

  @Test
  void aMissingWaiverPriorityEntryIsNamedLikeAnyOtherBadList() {
    java.util.List<io.github.fenqi.core.debt.DebtComponent> withHole =
        new java.util.ArrayList<>(GridConfig.DEFAULTS.waiverPriority());
    withHole.set(2, null);
    GridConfig d = GridConfig.DEFAULTS;
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> new GridConfig(d.waiverStep(), withHole,
        d.downPaymentLevels(), d.downPaymentStep(), d.acceptanceFloor(), d.lenderMonthlyDiscountRate(),
        d.maxSearchNodes()));
    assertEquals("waiverPriority: must list every debt component exactly once", e.getMessage());
  }
}
