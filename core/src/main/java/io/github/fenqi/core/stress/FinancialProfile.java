package io.github.fenqi.core.stress;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.money.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The borrower's position a plan is tested against.
 *
 * <p>Thread-safety: immutable.
 *
 * @param monthlyIncome the income the plan was built on
 * @param incomeVolatility coefficient of variation of monthly income from statements, if measured
 * @param essentialExpenses essentials per month
 * @param liquidSavings cash before down payments
 */
public record FinancialProfile(Money monthlyIncome, OptionalDouble incomeVolatility, Money essentialExpenses, Money liquidSavings) {
  public FinancialProfile {
    List<Problem> problems = new ArrayList<>();
    // a missing amount is named like a negative one (it had thrown a NullPointerException)
    PlanCashflow.nonNegativeFen(problems, "monthlyIncome", monthlyIncome);
    PlanCashflow.nonNegativeFen(problems, "essentialExpenses", essentialExpenses);
    PlanCashflow.nonNegativeFen(problems, "liquidSavings", liquidSavings);
    if (incomeVolatility == null) {
      problems.add(Problem.of("incomeVolatility", "is missing (OptionalDouble.empty() when not measured)"));
    } else {
      incomeVolatilityProblem("incomeVolatility", incomeVolatility).ifPresent(problems::add);
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  /**
   * The problem, named {@code field}, of an income volatility the stress test cannot run on: outside 0..3 or NaN (a
   * coefficient of variation of 3 already means an income that swings wildly from month to month). None when it is
   * not measured. An affordability assessment is held to it too ({@code AffordabilityAssessment.outsideBounds}).
   */
  public static Optional<Problem> incomeVolatilityProblem(String field, OptionalDouble incomeVolatility) {
    if (incomeVolatility.isPresent() && !(incomeVolatility.getAsDouble() >= 0 && incomeVolatility.getAsDouble() <= 3)) {
      return Optional.of(Problem.of(field, incomeVolatility.getAsDouble() + " is outside 0..3"));
    }
    return Optional.empty();
  }
}
