package io.github.fenqi.core.solve;

import io.github.fenqi.core.InvalidInputException;

/**
 * Coefficients of the logistic acceptance model:
 * {@code logit p = intercept + waiverOfCap·w + termOfMax·t + downPayment·d + overdue·ln(1 + days/30)
 * + proof·[proof] + recovery·r}.
 *
 * <p>The {@link #DEFAULTS} encode what collections practice suggests, not a fit to real data (fenqi ships
 * no lender outcome data): asking for the full waiver cap costs about two logits, a long term one, a
 * down payment of 20 % gains 0.6, older debts are settled more readily (lenders' recovery expectations
 * fall with age), proof of hardship helps, and recovering more of the debt's value helps most. With the
 * defaults an option at half the cap, two-thirds of the max term, a 10 % down payment, 120 days overdue,
 * proof and 85 % recovery has p ≈ 0.68; the full cap at the max term with 65 % recovery
 * has p ≈ 0.2; no waiver at a short term with a 20 % down payment and 95 % recovery p ≈ 0.94. Replace them with {@link AcceptanceModel#fit} on your own outcomes.
 *
 * <p>Thread-safety: immutable.
 */
public record AcceptanceCoefficients(
    double intercept,
    double waiverOfCap,
    double termOfMax,
    double downPayment,
    double overdue,
    double proof,
    double recovery) {

  /** Judgement-based defaults; see the class comment. */
  public static final AcceptanceCoefficients DEFAULTS =
      new AcceptanceCoefficients(-1.6, -2.0, -1.0, 3.0, 0.35, 0.6, 3.0);

  public AcceptanceCoefficients {
    double[] all = {intercept, waiverOfCap, termOfMax, downPayment, overdue, proof, recovery};
    String[] names = {"intercept", "waiverOfCap", "termOfMax", "downPayment", "overdue", "proof", "recovery"};
    for (int i = 0; i < all.length; i++) {
      if (!Double.isFinite(all[i]) || Math.abs(all[i]) > 100) {
        throw new InvalidInputException(names[i], all[i] + " is not a finite coefficient within ±100");
      }
    }
  }

  double[] vector() {
    return new double[] {intercept, waiverOfCap, termOfMax, downPayment, overdue, proof, recovery};
  }

  static AcceptanceCoefficients of(double[] v) {
    return new AcceptanceCoefficients(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
  }
}
