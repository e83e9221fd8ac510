package io.github.fenqi.core.script;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.affordability.AffordabilityAssessment;
import io.github.fenqi.core.borrower.Borrower;
import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.debt.ProductType;
import io.github.fenqi.core.policy.Policy;
import io.github.fenqi.core.solve.PlanOption;
import io.github.fenqi.core.solve.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a script is written from: the borrower, the affordability figures, one proposal's plan per lender, and
 * the options (language, the borrower's note). {@link io.github.fenqi.core.NegotiationEngine} builds one per
 * proposal; callers of {@link ScriptGenerator} directly build their own.
 *
 * <p>Thread-safety: immutable.
 *
 * @param borrower the borrower (identifiers are masked in every script)
 * @param affordability income, essentials and the monthly budget the proposal was built on
 * @param strategy the proposal's strategy
 * @param plans one per lender debt of the proposal, at least one
 * @param options language and note
 */
public record ScriptRequest(Borrower borrower, AffordabilityAssessment affordability, Strategy strategy,
    List<LenderPlan> plans, ScriptOptions options) {

  public ScriptRequest {
    Objects.requireNonNull(borrower, "borrower");
    Objects.requireNonNull(affordability, "affordability");
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(options, "options");
    if (plans == null || plans.isEmpty()) {
      throw new InvalidInputException("plans", "a script request needs at least one lender plan");
    }
    plans = List.copyOf(plans);
  }

  /**
   * One lender's part: the debt, the policy it is negotiated under, and the option chosen for it.
   *
   * <p>Thread-safety: immutable.
   *
   * @param debt the debt
   * @param policy its lender's policy (name, repayment method, legal basis), one that covers the debt's product type:
   *     its legal basis is cited for the debt, and a credit-card policy's provisions cited for an online loan had
   *     misstated the grounds of the request
   * @param option the chosen option; its {@code debtId} is the debt's, and a credit card's term is at most
   *     {@link Policy#MAX_CREDIT_CARD_TERM} months
   */
  public record LenderPlan(Debt debt, Policy policy, PlanOption option) {
    public LenderPlan {
      List<Problem> problems = new ArrayList<>();
      Objects.requireNonNull(debt, "debt");
      Objects.requireNonNull(policy, "policy");
      Objects.requireNonNull(option, "option");
      if (!option.debtId().equals(debt.id())) {
        problems.add(Problem.of("option.debtId", "'" + option.debtId() + "' is not the debt's id '" + debt.id() + "'"));
      }
      if (!policy.platformId().equals(debt.platformId())) {
        problems.add(Problem.of("policy.platformId", "'" + policy.platformId() + "' is not the debt's platform '"
            + debt.platformId() + "'"));
      }
      if (!policy.covers(debt.productType())) {
        problems.add(Problem.of("policy.productTypes", "the policy " + policy.platformId() + " " + policy.version()
            + " covers " + policy.productTypes() + ", not the " + debt.productType() + " of debt '" + debt.id()
            + "'; its legal basis would be cited for a product it does not govern"));
      }
      // every credit-card script cites the provision that caps its agreement at five years (Policy.MAX_CREDIT_CARD_TERM)
      if (debt.productType() == ProductType.CREDIT_CARD && option.term() > Policy.MAX_CREDIT_CARD_TERM) {
        problems.add(Problem.of("option.term", option.term() + " months for a credit card; 《商业银行信用卡业务监督管理办法》"
            + "第七十条 limits its individual installment agreement to " + Policy.MAX_CREDIT_CARD_TERM + " months"));
      }
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
    }
  }
}
