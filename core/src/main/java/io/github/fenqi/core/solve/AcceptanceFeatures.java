package io.github.fenqi.core.solve;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * What a lender sees in one option, as numbers an {@link AcceptanceModel} can weigh. Ratios are in
 * 0..1 so that coefficients are comparable across lenders and debt sizes.
 *
 * <p>Thread-safety: immutable.
 *
 * @param waiverOfCap the amount asked to be waived as a fraction of the most the policy allows (0 = none,
 *     1 = the full cap); 0 when the policy allows no waiver
 * @param termOfMax the term as a fraction of the policy's maximum term
 * @param downPaymentRatio the down payment as a fraction of the settled amount
 * @param overdueDays days overdue
 * @param hardshipProof whether the borrower can prove the hardship
 * @param recoveryRatio the lender's time-discounted recovery as a fraction of everything owed
 */
public record AcceptanceFeatures(
    // required: a recorded outcome's features read from JSON that lacks one had been taken by a plain ObjectMapper as
    // 0 or false (0 days overdue, no proof), valid features and silently other ones
    @JsonProperty(required = true) double waiverOfCap,
    @JsonProperty(required = true) double termOfMax,
    @JsonProperty(required = true) double downPaymentRatio,
    @JsonProperty(required = true) int overdueDays,
    @JsonProperty(required = true) boolean hardshipProof,
    @JsonProperty(required = true) double recoveryRatio) {

  public AcceptanceFeatures {
    List<Problem> problems = new ArrayList<>();
    unit(problems, "waiverOfCap", waiverOfCap);
    unit(problems, "termOfMax", termOfMax);
    unit(problems, "downPaymentRatio", downPaymentRatio);
    if (!(recoveryRatio >= 0 && recoveryRatio <= 2)) {
      problems.add(Problem.of("recoveryRatio", recoveryRatio + " is outside 0..2"));
    }
    if (overdueDays < 0) {
      problems.add(Problem.of("overdueDays", overdueDays + " is negative"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  private static void unit(List<Problem> problems, String field, double value) {
    if (!(value >= 0 && value <= 1)) {
      problems.add(Problem.of(field, value + " is outside 0..1"));
    }
  }

  /** The feature vector the logistic model uses, in {@link AcceptanceCoefficients} order (without the intercept). */
  double[] vector() {
    return new double[] {
      waiverOfCap, termOfMax, downPaymentRatio, Math.log1p(overdueDays / 30.0), hardshipProof ? 1 : 0, recoveryRatio
    };
  }
}
