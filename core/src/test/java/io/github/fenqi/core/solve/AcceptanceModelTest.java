package io.github.fenqi.core.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class AcceptanceModelTest {
  private final AcceptanceModel model = AcceptanceModel.defaults();

  @Test
  void documentedDefaultExampleHasTheDocumentedProbability() {
    double p = model.probability(new AcceptanceFeatures(0.5, 2.0 / 3, 0.1, 120, true, 0.85));
    assertEquals(0.68, p, 0.01);
  }

  @Property(tries = 300)
  void moreWaiverNeverRaisesAcceptance(@ForAll @DoubleRange(min = 0, max = 0.9) double w,
      @ForAll @DoubleRange(min = 0, max = 1) double t, @ForAll @IntRange(min = 0, max = 2000) int days) {
    double lower = model.probability(new AcceptanceFeatures(w, t, 0.1, days, false, 0.8));
    double higher = model.probability(new AcceptanceFeatures(w + 0.1, t, 0.1, days, false, 0.8));
    assertTrue(higher < lower);
  }

  @Property(tries = 300)
  void moreRecoveryAndDownPaymentNeverLowerAcceptance(@ForAll @DoubleRange(min = 0, max = 0.9) double d,
      @ForAll @DoubleRange(min = 0, max = 1.5) double r) {
    double base = model.probability(new AcceptanceFeatures(0.3, 0.5, d, 90, true, r));
    assertTrue(model.probability(new AcceptanceFeatures(0.3, 0.5, d + 0.1, 90, true, r)) > base);
    assertTrue(model.probability(new AcceptanceFeatures(0.3, 0.5, d, 90, true, r + 0.1)) > base);
  }

  @Test
  void fitRecoversKnownCoefficientsFromGeneratedOutcomes() {
    AcceptanceCoefficients truth = new AcceptanceCoefficients(-1.0, -2.5, -0.8, 2.0, 0.5, 1.0, 2.5);
    AcceptanceModel truthModel = AcceptanceModel.logistic(truth);
    Random random = new Random(7);
    List<AcceptanceOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      AcceptanceFeatures f = new AcceptanceFeatures(random.nextDouble(), random.nextDouble(), random.nextDouble() * 0.3,
          random.nextInt(720), random.nextBoolean(), 0.4 + random.nextDouble() * 0.6);
      outcomes.add(new AcceptanceOutcome(f, random.nextDouble() < truthModel.probability(f)));
    }
    AcceptanceCoefficients fitted = ((LogisticAcceptanceModel) AcceptanceModel.fit(outcomes)).coefficients();
    double[] want = truth.vector();
    double[] got = fitted.vector();
    for (int k = 0; k < want.length; k++) {
      assertEquals(want[k], got[k], 0.35, "coefficient " + k + " of " + fitted);
    }
  }

  @Test
  void fitRejectsOneSidedHistory() {
    List<AcceptanceOutcome> allYes = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      allYes.add(new AcceptanceOutcome(new AcceptanceFeatures(0.1, 0.5, 0.1, 90, true, 0.9), true));
    }
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> AcceptanceModel.fit(allYes));
    assertTrue(e.getMessage().startsWith("outcomes: all 30 outcomes are acceptances"), e.getMessage());
  }

  @Test
  void featuresOutsideTheirRangeAreRejectedByName() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> new AcceptanceFeatures(1.5, 0.5, -0.1, 10, false, 0.9));
    assertEquals(2, e.problems().size());
    assertEquals("waiverOfCap", e.problems().get(0).location());
    assertEquals("downPaymentRatio", e.problems().get(1).location());
  }
}
