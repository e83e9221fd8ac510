package io.github.fenqi.core.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The logistic model as {@link AcceptanceCoefficients} writes it out, term by term, and the edges its documentation
 * names: a probability that underflows is the least positive double, and outcomes that all agree, rejections as much
 * as acceptances, fit nothing.
 */
class AcceptanceDocumentedFormulaTest {

  @Test
  void theProbabilityIsTheDocumentedLogitWithOverdueAsLnOfOnePlusDaysOverThirty() {
    AcceptanceCoefficients c = AcceptanceCoefficients.DEFAULTS;
    AcceptanceModel m = AcceptanceModel.logistic(c);
    for (int days : new int[] {0, 30, 45, 120, 365, 3000}) {
      AcceptanceFeatures f = new AcceptanceFeatures(0.5, 2.0 / 3, 0.1, days, true, 0.85);
      double z = c.intercept() + c.waiverOfCap() * 0.5 + c.termOfMax() * (2.0 / 3) + c.downPayment() * 0.1
          + c.overdue() * Math.log(1 + days / 30.0) + c.proof() + c.recovery() * 0.85;
      assertEquals(1 / (1 + Math.exp(-z)), m.probability(f), 1e-12, days + " days overdue");
    }
  }

  /** "Asking for the full waiver cap costs about two logits, a long term one, a down payment of 20 % gains 0.6." */
  @Test
  void theDefaultsMoveTheLogitByTheDocumentedAmounts() {
    AcceptanceModel m = AcceptanceModel.defaults();
    double base = logit(m.probability(new AcceptanceFeatures(0, 0, 0, 120, true, 0.85)));
    assertEquals(-2.0, logit(m.probability(new AcceptanceFeatures(1, 0, 0, 120, true, 0.85))) - base, 1e-9, "full cap");
    assertEquals(-1.0, logit(m.probability(new AcceptanceFeatures(0, 1, 0, 120, true, 0.85))) - base, 1e-9, "max term");
    assertEquals(0.6, logit(m.probability(new AcceptanceFeatures(0, 0, 0.2, 120, true, 0.85))) - base, 1e-9, "20 % down");
  }

  private static double logit(double p) {
    return Math.log(p / (1 - p));
  }

  @Test
  void aProbabilityBeyondUnderflowIsTheLeastPositiveDoubleNotZero() {
    // z = −100 − 100 − 100 − 100 − 100 · ln(1 + 36 500/30) − 100 − 100 ≈ −1 310: 1/(1 + e^1310) underflows to 0
    AcceptanceCoefficients c = new AcceptanceCoefficients(-100, -100, -100, -100, -100, -100, -100);
    double p = AcceptanceModel.logistic(c).probability(new AcceptanceFeatures(1, 1, 1, 36_500, true, 1));
    assertEquals(Double.MIN_VALUE, p);
    assertTrue(Double.isFinite(Math.log(p)), "CONSERVATIVE's value ln p stays finite");
  }

  @Test
  void twentyRejectionsAloneFitNothing() {
    List<AcceptanceOutcome> rejections = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      rejections.add(new AcceptanceOutcome(new AcceptanceFeatures(i / 20.0, 0.5, 0.1, 30 * i, i % 2 == 0, 0.8), false));
    }
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> AcceptanceCoefficients.fit(rejections));
    assertEquals("outcomes", e.problems().get(0).location());
    assertTrue(e.problems().get(0).reason().contains("rejections"), e.problems().toString());
  }
}
