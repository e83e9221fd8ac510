package io.github.fenqi.core.affordability;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.money.Decimals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The weights of the ability score {@code income × incomeWeight − essentials × essentialsWeight} and the cap
 * on the installment as a share of income.
 *
 * <p>The defaults (0.6, 1.2, 0.5) are those of the design: 40 % of income is kept back for everything not
 * counted as essential and for irregular costs, essentials are padded by 20 % because statements under-record
 * cash spending, and no plan may take more than half of net income.
 *
 * <p>Thread-safety: immutable.
 */
public record AffordabilityCoefficients(BigDecimal incomeWeight, BigDecimal essentialsWeight, BigDecimal maxIncomeShare) {

  public static final AffordabilityCoefficients DEFAULTS =
      new AffordabilityCoefficients(new BigDecimal("0.6"), new BigDecimal("1.2"), new BigDecimal("0.5"));

  /** Every problem at once; a missing weight is named (it had been a bare NullPointerException). */
  public AffordabilityCoefficients {
    List<Problem> problems = new ArrayList<>();
    incomeWeight("incomeWeight", incomeWeight, problems);
    essentialsWeight("essentialsWeight", essentialsWeight, problems);
    maxIncomeShare("maxIncomeShare", maxIncomeShare, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  /** Adds the problem of an income weight named {@code field}: missing, or outside (0, 1]. */
  static void incomeWeight(String field, @Nullable BigDecimal weight, List<Problem> problems) {
    if (weight == null) {
      problems.add(Problem.of(field, "is missing"));
    } else if (weight.signum() <= 0 || weight.compareTo(BigDecimal.ONE) > 0) {
      problems.add(Problem.of(field, Decimals.shown(weight) + " is outside (0, 1]"));
    } else {
      fewDecimals(field, weight, problems);
    }
  }

  /** Adds the problem of an essentials weight named {@code field}: missing, or outside [1, 3]. */
  static void essentialsWeight(String field, @Nullable BigDecimal weight, List<Problem> problems) {
    if (weight == null) {
      problems.add(Problem.of(field, "is missing"));
    } else if (weight.compareTo(BigDecimal.ONE) < 0 || weight.compareTo(BigDecimal.valueOf(3)) > 0) {
      problems.add(Problem.of(field, Decimals.shown(weight) + " is outside [1, 3]"));
    } else {
      fewDecimals(field, weight, problems);
    }
  }

  /** Adds the problem of a cap named {@code field}: missing, or outside (0, 0.5]. */
  static void maxIncomeShare(String field, @Nullable BigDecimal share, List<Problem> problems) {
    if (share == null) {
      problems.add(Problem.of(field, "is missing"));
    } else if (share.signum() <= 0 || share.compareTo(new BigDecimal("0.5")) > 0) {
      problems.add(Problem.of(field, Decimals.shown(share) + " is outside (0, 0.5]: no plan may take more than half of income"));
    } else {
      fewDecimals(field, share, problems);
    }
  }

  /**
   * Adds the problem of a factor named {@code field} with more than {@link Decimals#MAX_FRACTION_DECIMALS} decimals, as
   * a rate or ratio may not have: every assessment writes its weights out in its notes, and an income weight of
   * {@code 1E-999999999}, within (0, 1], had run out of memory writing a billion digits (one of 10^−9999999 wrote ten
   * million characters into every assessment's notes).
   */
  static void fewDecimals(String field, BigDecimal factor, List<Problem> problems) {
    if (factor.scale() > Decimals.MAX_FRACTION_DECIMALS) {
      problems.add(Problem.of(field, Problem.excerpt(Decimals.shown(factor)) + " has " + factor.scale() + " decimals; at most "
          + Decimals.MAX_FRACTION_DECIMALS + ", as a rate or ratio"));
    }
  }

  /**
   * Equal to coefficients of the same weights at any scale, as a {@code Rate} or {@code Ratio} is: 0.60 is 0.6 (the
   * calibration's grid writes its weights at two decimals, and a record of {@code BigDecimal}s had called its 0.60 and
   * 1.20 other coefficients than the defaults' 0.6 and 1.2). The text and JSON keep the scale written.
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof AffordabilityCoefficients c && incomeWeight.compareTo(c.incomeWeight) == 0
        && essentialsWeight.compareTo(c.essentialsWeight) == 0 && maxIncomeShare.compareTo(c.maxIncomeShare) == 0;
  }

  /** The hash of the weights without trailing zeros: equal at any scale, as {@link #equals} is. */
  @Override
  public int hashCode() {
    return java.util.Objects.hash(incomeWeight.stripTrailingZeros(), essentialsWeight.stripTrailingZeros(),
        maxIncomeShare.stripTrailingZeros());
  }
}
