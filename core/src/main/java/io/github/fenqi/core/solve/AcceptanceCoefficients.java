package io.github.fenqi.core.solve;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.fenqi.core.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
 * has p ≈ 0.2; no waiver at a short term with a 20 % down payment and 95 % recovery p ≈ 0.94. Replace them with
 * {@link #fit} on your own outcomes, and keep what it returns (a record: it round-trips through JSON, and reading JSON that
 * lacks a coefficient fails, with any Jackson mapper, rather than take it as 0) so that a deployment does not refit at
 * every start.
 *
 * <p>Those are the directions the strategies assume (a larger waiver or a longer term is harder to accept, a larger
 * down payment or recovery easier). Nothing forces them: a fit on few or confounded outcomes can give a slope the
 * other sign — say a longer term that seems to help because lenders offered long terms to the borrowers they meant to
 * accept — and the solver will then optimise for it as it stands. {@link #againstPractice} lists such slopes so that
 * you can look at the data before you use the fit.
 *
 * <p>Thread-safety: immutable.
 */
public record AcceptanceCoefficients(
    // required: a coefficient left out of a kept fit's JSON had been read as 0 by any plain ObjectMapper, a valid
    // coefficient and a silently different model
    @JsonProperty(required = true) double intercept,
    @JsonProperty(required = true) double waiverOfCap,
    @JsonProperty(required = true) double termOfMax,
    @JsonProperty(required = true) double downPayment,
    @JsonProperty(required = true) double overdue,
    @JsonProperty(required = true) double proof,
    @JsonProperty(required = true) double recovery) {

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

  /**
   * Fits the coefficients to recorded outcomes by L2-regularised maximum likelihood (Newton's method with step halving,
   * and a fixed ridge of 0.1 on the slopes so that separable data still converge). A coefficient whose optimum lies
   * beyond ±100 — answers that follow a hard rule, on many outcomes — is held at ±100 and the others are fitted around
   * it, so the rule's line stays where the answers put it (cutting it afterwards had moved the line). A step is taken
   * only when it does not lower the objective, so the fit ends at the best point it evaluated. The slope of a
   * feature that has one value in every outcome (all with proof, say) is 0: the data say nothing of it. The same
   * outcomes in any order give the same coefficients, to the last bit.
   *
   * @throws InvalidInputException when {@code outcomes} is null or holds a null, there are fewer than 20 outcomes or
   *     all outcomes agree
   */
  public static AcceptanceCoefficients fit(List<AcceptanceOutcome> outcomes) {
    return LogisticAcceptanceModel.fitCoefficients(outcomes);
  }

  /**
   * The slopes whose sign goes against the directions in the class comment, each as {@code name sign: what it
   * says} (e.g. {@code "termOfMax +0.42: a longer term raises acceptance"}); empty for the {@link #DEFAULTS}. A slope of
   * exactly 0 is not against practice, only indifferent. A slope shown with two decimals is one that rounds to at least
   * 0.01; a smaller one is shown with its first two digits ({@code "termOfMax +3.1e-05: ..."}), never as {@code +0.00}.
   */
  public List<String> againstPractice() {
    List<String> found = new ArrayList<>();
    against(found, "waiverOfCap", waiverOfCap, -1, "a larger waiver raises acceptance");
    against(found, "termOfMax", termOfMax, -1, "a longer term raises acceptance");
    against(found, "downPayment", downPayment, +1, "a larger down payment lowers acceptance");
    against(found, "overdue", overdue, +1, "older debts are settled less readily");
    against(found, "proof", proof, +1, "proof of hardship lowers acceptance");
    against(found, "recovery", recovery, +1, "recovering more of the debt lowers acceptance");
    return List.copyOf(found);
  }

  private static void against(List<String> found, String name, double slope, int practiceSign, String says) {
    if (slope != 0 && Math.signum(slope) != practiceSign) {
      // a slope that two decimals show as 0 had been listed as "termOfMax +0.00: a longer term raises acceptance",
      // a warning its own figure does not bear out: it is shown with its first two digits instead (+3.1e-05)
      String shown = String.format(Locale.ROOT, "%+.2f", slope);
      if (Double.parseDouble(shown) == 0) {
        shown = String.format(Locale.ROOT, "%+.1e", slope);
      }
      found.add(name + " " + shown + ": " + says);
    }
  }

  double[] vector() {
    return new double[] {intercept, waiverOfCap, termOfMax, downPayment, overdue, proof, recovery};
  }

  static AcceptanceCoefficients of(double[] v) {
    return new AcceptanceCoefficients(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
  }
}
