package io.github.fenqi.core.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fenqi.core.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The acceptance model's fit needs at least 20 outcomes: 19 are refused naming the count, 20 of both kinds fit. */
class AcceptanceFitMinimumTest {

  @Test
  void aFitNeedsTwentyOutcomes() {
    SplittableRandom r = new SplittableRandom(3);
    List<AcceptanceOutcome> twenty = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      twenty.add(new AcceptanceOutcome(new AcceptanceFeatures(r.nextDouble(), r.nextDouble(), r.nextDouble() * 0.5,
          r.nextInt(0, 181), r.nextBoolean(), r.nextDouble()), i % 3 == 0));
    }
    AcceptanceCoefficients fitted = AcceptanceCoefficients.fit(twenty);
    assertEquals(fitted, AcceptanceCoefficients.fit(twenty));
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> AcceptanceCoefficients.fit(twenty.subList(0, 19)));
    assertEquals("outcomes: 19 outcomes are too few to fit; need at least 20", e.problems().get(0).toString());
  }
}
