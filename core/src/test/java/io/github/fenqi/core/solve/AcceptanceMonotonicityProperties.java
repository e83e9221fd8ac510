package io.github.fenqi.core.solve;

import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * The logistic model whose slopes have the directions {@link AcceptanceCoefficients} documents (any such slopes, not
 * only the defaults) gives a probability in (0, 1] that never rises with the waiver or the term and never falls with
 * the down payment, the days overdue, proof or the recovery. The defaults' own tests vary only the waiver, the down
 * payment and the recovery.
 */
class AcceptanceMonotonicityProperties {

  @Property(tries = 500)
  void eachFeatureMovesTheProbabilityOnlyInItsDocumentedDirection(
      @ForAll @DoubleRange(min = -100, max = 100) double intercept,
      @ForAll @DoubleRange(min = 0, max = 100) double waiverCost, @ForAll @DoubleRange(min = 0, max = 100) double termCost,
      @ForAll @DoubleRange(min = 0, max = 100) double down, @ForAll @DoubleRange(min = 0, max = 100) double overdue,
      @ForAll @DoubleRange(min = 0, max = 100) double proof, @ForAll @DoubleRange(min = 0, max = 100) double recovery,
      @ForAll @DoubleRange(min = 0, max = 1) double w, @ForAll @DoubleRange(min = 0, max = 1) double t,
      @ForAll @DoubleRange(min = 0, max = 1) double d, @ForAll @IntRange(min = 0, max = 36_525) int days,
      @ForAll boolean hasProof, @ForAll @DoubleRange(min = 0, max = 2) double r,
      @ForAll @DoubleRange(min = 0, max = 1) double step) {
    AcceptanceModel model = AcceptanceModel.logistic(
        new AcceptanceCoefficients(intercept, -waiverCost, -termCost, down, overdue, proof, recovery));
    AcceptanceFeatures base = new AcceptanceFeatures(w, t, d, days, hasProof, r);
    double p = inUnitInterval(model, base);
    String at = base + " " + model;
    assertTrue(inUnitInterval(model, new AcceptanceFeatures(Math.min(1, w + step), t, d, days, hasProof, r)) <= p, at);
    assertTrue(inUnitInterval(model, new AcceptanceFeatures(w, Math.min(1, t + step), d, days, hasProof, r)) <= p, at);
    assertTrue(inUnitInterval(model, new AcceptanceFeatures(w, t, Math.min(1, d + step), days, hasProof, r)) >= p, at);
    assertTrue(inUnitInterval(model, new AcceptanceFeatures(w, t, d, days + (int) (step * 365), hasProof, r)) >= p, at);
    assertTrue(inUnitInterval(model, new AcceptanceFeatures(w, t, d, days, true, r)) >= p, at);
    assertTrue(inUnitInterval(model, new AcceptanceFeatures(w, t, d, days, hasProof, Math.min(2, r + step))) >= p, at);
  }

  /**
   * A strictly positive slope raises the probability strictly where the logit is moderate: a model that ignored a
   * feature (or weighed another in its place) would pass the property above on ties alone.
   */
  @Property(tries = 300)
  void aPositiveSlopeMovesAModerateProbability(@ForAll @IntRange(min = 1, max = 6) int feature,
      @ForAll @DoubleRange(min = 0.5, max = 3) double slope) {
    double[] b = new double[7];
    b[feature] = feature <= 2 ? -slope : slope;
    AcceptanceModel model = AcceptanceModel.logistic(AcceptanceCoefficients.of(b));
    AcceptanceFeatures low = new AcceptanceFeatures(0.2, 0.2, 0.2, 30, false, 0.2);
    AcceptanceFeatures high = switch (feature) {
      case 1 -> new AcceptanceFeatures(0.8, 0.2, 0.2, 30, false, 0.2);
      case 2 -> new AcceptanceFeatures(0.2, 0.8, 0.2, 30, false, 0.2);
      case 3 -> new AcceptanceFeatures(0.2, 0.2, 0.8, 30, false, 0.2);
      case 4 -> new AcceptanceFeatures(0.2, 0.2, 0.2, 300, false, 0.2);
      case 5 -> new AcceptanceFeatures(0.2, 0.2, 0.2, 30, true, 0.2);
      default -> new AcceptanceFeatures(0.2, 0.2, 0.2, 30, false, 0.8);
    };
    double moved = model.probability(high) - model.probability(low);
    assertTrue(feature <= 2 ? moved < 0 : moved > 0, feature + ": " + moved);
  }

  private static double inUnitInterval(AcceptanceModel model, AcceptanceFeatures f) {
    double p = model.probability(f);
    assertTrue(p > 0 && p <= 1, p + " at " + f + " " + model);
    return p;
  }
}
