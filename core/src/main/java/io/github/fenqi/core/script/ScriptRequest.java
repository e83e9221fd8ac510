package io.github.fenqi.core.script;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.RequiredParts;
import io.github.fenqi.core.affordability.AffordabilityAssessment;
import io.github.fenqi.core.borrower.Borrower;
import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.debt.DebtComponent;
import io.github.fenqi.core.debt.ProductType;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.policy.Policy;
import io.github.fenqi.core.solve.PlanOption;
import io.github.fenqi.core.solve.Strategy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
 * @param plans one per lender debt of the proposal, at least one, no debt (by id) twice
 * @param otherDebts the borrower's debts outside the proposal (those no policy lets in, say), none of them a plan's nor
 *     given twice: the
 *     hardship section tells each lender how many other institutions the borrower owes, and a debt left out of the
 *     plans is still owed (counting the plans' lenders only, a script had said 2 institutions of a borrower who owed 3,
 *     and nothing at all to a lender whose debt was the only one planned)
 * @param options language and note
 */
public record ScriptRequest(Borrower borrower, AffordabilityAssessment affordability, Strategy strategy,
    List<LenderPlan> plans, List<Debt> otherDebts, ScriptOptions options) {

  /**
   * Each missing part is named, all at once, as is a plan or other debt that is null: they had been bare
   * NullPointerExceptions ("borrower", or List.copyOf's for a null plan).
   */
  public ScriptRequest {
    List<Problem> missing = new ArrayList<>(RequiredParts.problems(new String[] {"borrower", "affordability",
        "strategy", "plans", "otherDebts", "options"}, borrower, affordability, strategy, plans, otherDebts, options));
    if (plans != null && plans.isEmpty()) {
      missing.add(Problem.of("plans", "a script request needs at least one lender plan"));
    }
    if (!missing.isEmpty()) {
      throw new InvalidInputException(missing);
    }
    plans = List.copyOf(plans);
    List<Problem> problems = new ArrayList<>();
    // a debt planned twice had been written up as two scripts with two requests for one account, and one owed twice
    // outside the plans (under two lenders) counted as two institutions
    Map<String, Integer> planned = new HashMap<>();
    for (int i = 0; i < plans.size(); i++) {
      Integer first = planned.putIfAbsent(plans.get(i).debt().id(), i);
      if (first != null) {
        problems.add(Problem.of("plans[" + i + "]", "the debt '" + plans.get(i).debt().id() + "' is already planned at "
            + "plans[" + first + "]"));
      }
    }
    Map<String, Integer> owed = new HashMap<>();
    for (int i = 0; i < otherDebts.size(); i++) {
      Debt d = otherDebts.get(i);
      if (d != null && planned.containsKey(d.id())) {
        problems.add(Problem.of("otherDebts[" + i + "]", "'" + d.id() + "' is a debt of the plans, not one outside them"));
      } else if (d != null && owed.putIfAbsent(d.id(), i) != null) {
        problems.add(Problem.of("otherDebts[" + i + "]", "the debt '" + d.id() + "' is already given at otherDebts["
            + owed.get(d.id()) + "]"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    otherDebts = List.copyOf(otherDebts);
  }

  /** A request for a borrower who owes nothing outside {@code plans}. */
  public ScriptRequest(Borrower borrower, AffordabilityAssessment affordability, Strategy strategy,
      List<LenderPlan> plans, ScriptOptions options) {
    this(borrower, affordability, strategy, plans, List.of(), options);
  }

  /**
   * How many institutions other than {@code platformId} the borrower owes: the distinct lenders of the plans' debts and
   * of {@link #otherDebts}, {@code platformId} left out (a second card of the same bank is no other institution).
   */
  public long otherLenders(String platformId) {
    return Stream.concat(plans.stream().map(LenderPlan::debt), otherDebts.stream()).map(Debt::platformId)
        .filter(p -> !p.equals(platformId)).distinct().count();
  }

  /**
   * One lender's part: the debt, the policy it is negotiated under, and the option chosen for it.
   *
   * <p>Thread-safety: immutable.
   *
   * @param debt the debt, which owes something (a debt of 0.00 in every component leaves nothing to negotiate)
   * @param policy its lender's policy (name, repayment method, legal basis), one that covers the debt's product type:
   *     its legal basis is cited for the debt, and a credit-card policy's provisions cited for an online loan had
   *     misstated the grounds of the request
   * @param option the chosen option; its {@code debtId} is the debt's, a credit card's term is at most
   *     {@link Policy#MAX_CREDIT_CARD_TERM} months, and its figures add up as the script states them: each waiver
   *     within its component, {@code waivedTotal} their sum, {@code settledAmount} the total owed less it,
   *     {@code financedAmount} the settled amount less a down payment within it and, when anything is owed after the
   *     waivers, more than nothing (a settlement in full is no installment plan), at least one installment, a
   *     {@code firstInstallment} positive and within the installments' sum, a {@code totalPayable} of at least the
   *     settled amount
   */
  public record LenderPlan(Debt debt, Policy policy, PlanOption option) {
    public LenderPlan {
      RequiredParts.check(new String[] {"debt", "policy", "option"}, debt, policy, option);
      List<Problem> problems = new ArrayList<>();
      if (!option.debtId().equals(debt.id())) {
        // quoted as a value from outside: no debt's check has seen the option's id, and one with a line break had
        // been quoted raw, its second half a forged line of a log
        problems.add(Problem.of("option.debtId", "'" + Problem.excerpt(option.debtId()) + "' is not the debt's id '"
            + Problem.excerpt(debt.id()) + "'"));
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
      // a debt may hold 0.00 in every component: its script had read "目前欠款合计0.00元（零元整），其中。" ("I owe CNY 0.00
      // in total: .") and asked for an installment agreement of nothing
      if (!debt.totalOwed().isPositive()) {
        problems.add(Problem.of("debt.totalOwed", "debt '" + Problem.excerpt(debt.id())
            + "' owes nothing (every component is 0.00): there is nothing to negotiate"));
      }
      if (problems.isEmpty()) {
        problems.addAll(figureProblems(debt, option));
      }
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
    }

    /**
     * How the option's figures fail to add up to what the script states side by side: the total owed and the waivers
     * per component, their sum, what is left after them, the down payment and the rest in installments. An option built
     * by hand whose figures did not add up had been written up as it was, a request whose sums the lender's staff would
     * find wrong ("waive 1,000.00 in total … after the waiver, 60,000.00 is to be repaid" of 54,860.00 owed).
     */
    private static List<Problem> figureProblems(Debt debt, PlanOption o) {
      List<Problem> problems = new ArrayList<>();
      if (o.term() < 1) {
        problems.add(Problem.of("option.term", o.term() + " months; a plan has at least one installment"));
      }
      long waived = 0;
      for (Map.Entry<DebtComponent, Money> w : o.waived().entrySet()) {
        Money owed = debt.amount(w.getKey());
        if (w.getValue().isNegative() || w.getValue().isGreaterThan(owed)) {
          problems.add(Problem.of("option.waived." + w.getKey().jsonName(), w.getValue() + " is not within 0.."
              + owed + ", the debt's " + w.getKey().jsonName()));
        }
        waived = Math.addExact(waived, w.getValue().fen());
      }
      if (o.waivedTotal().fen() != waived) {
        problems.add(Problem.of("option.waivedTotal", o.waivedTotal() + " is not the sum of the waivers, "
            + Money.ofFen(waived)));
      }
      Money settled = debt.totalOwed().minus(o.waivedTotal());
      if (!o.settledAmount().equals(settled)) {
        problems.add(Problem.of("option.settledAmount", o.settledAmount() + " is not the debt's total owed "
            + debt.totalOwed() + " less the waivers " + o.waivedTotal() + ", " + settled));
      }
      if (o.downPayment().isNegative() || o.downPayment().isGreaterThan(o.settledAmount())) {
        problems.add(Problem.of("option.downPayment", o.downPayment() + " is not within 0.." + o.settledAmount()
            + ", the settled amount"));
      } else if (!o.financedAmount().equals(o.settledAmount().minus(o.downPayment()))) {
        problems.add(Problem.of("option.financedAmount", o.financedAmount() + " is not the settled amount "
            + o.settledAmount() + " less the down payment " + o.downPayment() + ", "
            + o.settledAmount().minus(o.downPayment())));
      } else if (!o.financedAmount().isPositive() && o.settledAmount().isPositive()) {
        problems.add(Problem.of("option.financedAmount", "nothing is left to repay in installments after the down "
            + "payment " + o.downPayment() + ": a settlement in full, not an installment plan"));
      }
      if (problems.isEmpty()) {
        problems.addAll(installmentProblems(o));
      }
      return problems;
    }

    /**
     * How the installments of an option whose other figures add up fail to add up to what the script states: a first
     * installment that is positive (when something is financed) and within what the installments pay, and a total
     * payable of at least the settled amount, as installments repay at least what they finance. A hand-built option had
     * been written up with a first installment of "-5.00元（负伍元整）", or "CNY 1.00 paid in total" of 54,860.00 settled.
     */
    private static List<Problem> installmentProblems(PlanOption o) {
      List<Problem> problems = new ArrayList<>();
      Money installments = o.totalPayable().minus(o.downPayment());
      if (o.firstInstallment().isNegative() || !o.firstInstallment().isPositive() && o.financedAmount().isPositive()) {
        problems.add(Problem.of("option.firstInstallment", o.firstInstallment() + " is not positive; the installments "
            + "repay " + o.financedAmount()));
      } else if (o.firstInstallment().isGreaterThan(installments)) {
        problems.add(Problem.of("option.firstInstallment", o.firstInstallment() + " is more than the installments pay "
            + "in all, " + installments + " (the total payable " + o.totalPayable() + " less the down payment "
            + o.downPayment() + ")"));
      }
      if (o.totalPayable().isLessThan(o.settledAmount())) {
        problems.add(Problem.of("option.totalPayable", o.totalPayable() + " is less than the settled amount "
            + o.settledAmount() + ", which the down payment and the installments repay"));
      }
      return problems;
    }
  }

  /**
   * The record's parts, the note in {@code options} masked as the shipped generator masks it when it quotes it
   * ({@link ScriptGenerator#masked}: the borrower's own name and numbers in any form, and every identifier): the record's
   * own {@code toString} had printed the note in clear, beside the borrower's masked name, into the log of any generator
   * that logged its request.
   */
  @Override
  public String toString() {
    return "ScriptRequest[borrower=" + borrower + ", affordability=" + affordability + ", strategy=" + strategy
        + ", plans=" + plans + ", otherDebts=" + otherDebts + ", options=" + options.toString(options.note()
            .map(n -> ScriptGenerator.masked(borrower, n)).orElse(null)) + "]";
  }
}
