package io.github.fenqi.core.solve;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.money.Money;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One borrower's proposal problem: the eligible debts with their allowed terms, the monthly budget for
 * first-month installments and the savings for down payments.
 *
 * <p>Thread-safety: immutable.
 *
 * @param debts eligible debts and their terms; ids unique
 * @param monthlyBudget the most the borrower can pay in installments per month (never above 50 % of
 *     net income; the affordability assessment sets it)
 * @param liquidSavings the most the borrower can pay in down payments
 * @param config grid and strategy parameters
 * @param acceptanceModel estimates each option's acceptance
 */
public record ProposalProblem(
    List<DebtTerms> debts, Money monthlyBudget, Money liquidSavings, GridConfig config, AcceptanceModel acceptanceModel) {

  public ProposalProblem {
    List<Problem> problems = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < debts.size(); i++) {
      if (!ids.add(debts.get(i).debt().id())) {
        problems.add(Problem.of("debts[" + i + "].id", "'" + debts.get(i).debt().id() + "' appears twice"));
      }
    }
    if (monthlyBudget.isNegative()) {
      problems.add(Problem.of("monthlyBudget", "'" + monthlyBudget + "' is negative"));
    }
    if (liquidSavings.isNegative()) {
      problems.add(Problem.of("liquidSavings", "'" + liquidSavings + "' is negative"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    debts = List.copyOf(debts);
  }

  /** With default grid and acceptance model. */
  public static ProposalProblem of(List<DebtTerms> debts, Money monthlyBudget, Money liquidSavings) {
    return new ProposalProblem(debts, monthlyBudget, liquidSavings, GridConfig.DEFAULTS, AcceptanceModel.defaults());
  }

  /** The option grid of every debt, in debt order. */
  public List<OptionGrid> grids() {
    return OptionGrid.of(debts, config, acceptanceModel);
  }
}
