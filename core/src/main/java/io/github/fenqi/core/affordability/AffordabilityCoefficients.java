package io.github.fenqi.core.affordability;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

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

  public AffordabilityCoefficients {
    List<Problem> problems = new ArrayList<>();
    if (incomeWeight.signum() <= 0 || incomeWeight.compareTo(BigDecimal.ONE) > 0) {
      problems.add(Problem.of("incomeWeight", incomeWeight.toPlainString() + " is outside (0, 1]"));
    }
    if (essentialsWeight.compareTo(BigDecimal.ONE) < 0 || essentialsWeight.compareTo(BigDecimal.valueOf(3)) > 0) {
      problems.add(Problem.of("essentialsWeight", essentialsWeight.toPlainString() + " is outside [1, 3]"));
    }
    if (maxIncomeShare.signum() <= 0 || maxIncomeShare.compareTo(new BigDecimal("0.5")) > 0) {
      problems.add(Problem.of("maxIncomeShare", maxIncomeShare.toPlainString() + " is outside (0, 0.5]: no plan may take more than half of income"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }
}
