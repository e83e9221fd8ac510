package io.github.fenqi.core.affordability;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.money.Money;
import java.util.ArrayList;
import java.util.List;

/**
 * One historical plan and how it ended, for {@link AffordabilityCalibration}.
 *
 * <p>Thread-safety: immutable.
 *
 * @param monthlyNetIncome the borrower's assessed monthly net income when the plan started
 * @param essentialExpenses the assessed essential expenses then
 * @param installment the plan's monthly installment
 * @param defaulted whether the plan later defaulted
 */
public record RepaymentOutcome(Money monthlyNetIncome, Money essentialExpenses, Money installment, boolean defaulted) {
  public RepaymentOutcome {
    List<Problem> problems = new ArrayList<>();
    if (monthlyNetIncome == null) {
      problems.add(Problem.of("monthlyNetIncome", "is missing"));
    } else if (!monthlyNetIncome.isPositive()) {
      problems.add(Problem.of("monthlyNetIncome", monthlyNetIncome + " must be positive"));
    }
    if (essentialExpenses == null) {
      problems.add(Problem.of("essentialExpenses", "is missing"));
    } else if (essentialExpenses.isNegative()) {
      problems.add(Problem.of("essentialExpenses", essentialExpenses + " must not be negative"));
    }
    if (installment == null) {
      problems.add(Problem.of("installment", "is missing"));
    } else if (!installment.isPositive()) {
      problems.add(Problem.of("installment", installment + " must be positive"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }
}
