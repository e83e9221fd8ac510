package io.github.fenqi.core.solve;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.debt.DebtComponent;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.schedule.Amortizer;
import io.github.fenqi.core.schedule.RepaymentMethod;
import io.github.fenqi.core.schedule.ScheduleSummary;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * One borrower's proposal problem: the eligible debts with their allowed terms, the monthly budget for
 * first-month installments and the savings for down payments.
 *
 * <p>Thread-safety: immutable.
 *
 * @param debts eligible debts and their terms; ids unique, each with a plan to offer ({@link DebtTerms#whyNoPlan})
 *     and no more than {@link Amortizer#MAX_FINANCED} to repay ({@link DebtTerms#whyTooLargeToSchedule}); together
 *     owing, with the most interest and fees their longest terms can charge, no more than a {@code long} of fen
 * @param monthlyBudget the most the borrower can pay in installments per month (never above 50 % of
 *     net income; the affordability assessment sets it)
 * @param liquidSavings the most the borrower can pay in down payments
 * @param config grid and strategy parameters; the debts' grids may hold at most {@link GridConfig#MAX_OPTIONS} options
 * @param acceptanceModel estimates each option's acceptance
 */
public record ProposalProblem(
    List<DebtTerms> debts, Money monthlyBudget, Money liquidSavings, GridConfig config, AcceptanceModel acceptanceModel) {

  public ProposalProblem {
    List<Problem> problems = new ArrayList<>();
    // a missing part had been a NullPointerException, and a null among the debts one about List.get's return value
    required(problems, new String[] {"debts", "monthlyBudget", "liquidSavings", "config", "acceptanceModel"}, debts,
        monthlyBudget, liquidSavings, config, acceptanceModel);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    for (int i = 0; i < debts.size(); i++) {
      if (debts.get(i) == null) {
        problems.add(Problem.of("debts[" + i + "]", "is null"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < debts.size(); i++) {
      if (!ids.add(debts.get(i).debt().id())) {
        problems.add(Problem.of("debts[" + i + "].id", "'" + debts.get(i).debt().id() + "' appears twice"));
      }
      int at = i;
      debts.get(i).whyNoPlan().ifPresent(why -> problems.add(Problem.of("debts[" + at + "]", why + "; leave it out")));
      // the grid's largest amount financed: a debt accepts up to 10^15 yuan a component, a schedule 10^12 in all, and
      // the grid had failed drawing it with "amount: ... is above the largest amount a schedule handles", no debt named
      debts.get(i).whyTooLargeToSchedule().ifPresent(why -> problems.add(Problem.of("debts[" + at + "]", why)));
    }
    List<String> names = IntStream.range(0, debts.size()).mapToObj(i -> "debts[" + i + "]").toList();
    if (problems.isEmpty()) { // the totals only of debts each fit to schedule (the grid's size whatever the debts)
      totalsBeyondALong(debts, names).ifPresent(problems::add);
    }
    gridsBeyondTheLimit(debts, config, names).ifPresent(problems::add);
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

  /**
   * Why no solver can take {@code debts} under {@code config}, whatever the budget and savings: their totals, with the
   * most interest and fees their longest terms can charge, beyond a {@code long} of fen (named {@code debts}), and
   * their grids beyond {@link GridConfig#MAX_OPTIONS} options (named {@code config}); empty when neither. The
   * constructor refuses a problem for these; the engine asks before it calls any risk service, so that a case that can
   * never be solved is refused with the request's other problems rather than after the borrower's data went out.
   *
   * @param names what each debt is called in the messages, in order: {@code debts[i]} here, the engine's the index of
   *     the request's debt
   */
  public static List<Problem> tooLargeToSolve(List<DebtTerms> debts, GridConfig config, List<String> names) {
    if (debts.size() != names.size()) {
      throw new IllegalArgumentException(names.size() + " names for " + debts.size() + " debts");
    }
    List<Problem> problems = new ArrayList<>();
    totalsBeyondALong(debts, names).ifPresent(problems::add);
    gridsBeyondTheLimit(debts, config, names).ifPresent(problems::add);
    return problems;
  }

  /** A problem when the debts' grids under {@code config} would hold more than {@link GridConfig#MAX_OPTIONS}. */
  private static Optional<Problem> gridsBeyondTheLimit(List<DebtTerms> debts, GridConfig config, List<String> names) {
    long options = 0;
    for (DebtTerms t : debts) {
      options += config.mostOptions(t);
    }
    if (options <= GridConfig.MAX_OPTIONS) {
      return Optional.empty();
    }
    return Optional.of(Problem.of("config", "the grids of " + named(names) + " would hold up to " + options
        + " options (waiver levels × down-payment levels × terms, summed over the debts), above the "
        + GridConfig.MAX_OPTIONS + " a problem may draw; use a coarser waiverStep (" + config.waiverStep()
        + ") or fewer downPaymentLevels (" + config.downPaymentLevels() + ")"));
  }

  /** The debts as a message names them, built only for a message. */
  private static String named(List<String> names) {
    return "the " + names.size() + " debts (" + String.join(", ", names) + ")";
  }

  /**
   * A problem when a proposal's totals could overflow the fen a {@link Money} holds: what the debts owe plus the most
   * interest and fees their longest terms can charge on the most any option finances (simple interest on the whole
   * amount for every month bounds every method's, and two fen a month the rounding of interest and fee). Each debt
   * alone is bounded (a schedule handles at most {@link Amortizer#MAX_FINANCED}), but their number is not: sixteen
   * debts of 6 × 10^15 yuan had passed, and the solvers then failed with a bare "long overflow" adding them up.
   */
  private static Optional<Problem> totalsBeyondALong(List<DebtTerms> debts, List<String> names) {
    BigDecimal owed = BigDecimal.ZERO;
    BigDecimal charges = BigDecimal.ZERO;
    for (DebtTerms t : debts) {
      owed = owed.add(BigDecimal.valueOf(t.debt().totalOwed().fen()));
      BigDecimal monthly = t.annualRate().value().divide(BigDecimal.valueOf(12), MathContext.DECIMAL64)
          .add(t.monthlyFeeRate().value());
      if (t.method() != RepaymentMethod.INTEREST_FREE && monthly.signum() > 0) {
        BigDecimal months = BigDecimal.valueOf(t.maxTerm());
        charges = charges.add(BigDecimal.valueOf(t.leastFinanced().fen()).multiply(monthly).multiply(months)
            .setScale(0, RoundingMode.CEILING)).add(months.multiply(BigDecimal.valueOf(2)));
      }
    }
    if (owed.add(charges).compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
      return Optional.empty();
    }
    return Optional.of(Problem.of("debts", named(names) + " owe " + fen(owed) + " in all"
        + (charges.signum() > 0 ? " and their longest terms can charge up to " + fen(charges) + " more in interest "
            + "and fees" : "") + ", beyond the " + Money.ofFen(Long.MAX_VALUE) + " a proposal's totals can hold; "
        + "solve them in parts"));
  }

  /** An amount in fen, possibly beyond a long, in yuan. */
  private static String fen(BigDecimal fen) {
    return fen.movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
  }

  /** A problem "is required" for each of {@code fields} whose value (in the same order) is null. */
  static void required(List<Problem> problems, String[] fields, @Nullable Object... values) {
    for (int i = 0; i < fields.length; i++) {
      if (values[i] == null) {
        problems.add(Problem.of(fields[i], "is required"));
      }
    }
  }

  /** With default grid and acceptance model. */
  public static ProposalProblem of(List<DebtTerms> debts, Money monthlyBudget, Money liquidSavings) {
    return new ProposalProblem(debts, monthlyBudget, liquidSavings, GridConfig.DEFAULTS, AcceptanceModel.defaults());
  }

  /**
   * Everything wrong with {@code proposal} as an answer to this problem, empty when it complies: every hard constraint
   * of {@link ProposalSolver}, checked from the debts' terms and the schedules themselves rather than from a grid — a
   * plan for each debt, in order; each an allowed term, waivers within the caps, at least the least down payment, a
   * first installment above 0.00 when something is financed, and the figures its schedule gives; the totals their
   * sums, and the acceptance probability and expected saving what the plans give (to a relative 10⁻⁹); Σ first
   * installments within the budget and Σ down payments within savings; every probability in (0, 1], and for
   * AGGRESSIVE at or above the acceptance floor. The engine checks every solver's answer with it before anyone sees it;
   * a custom solver's tests can call it too.
   */
  public List<Problem> violations(Proposal proposal) {
    return violations(proposal, new Amortizers());
  }

  private List<Problem> violations(Proposal proposal, Amortizers amortizers) {
    try {
      return checked(proposal, amortizers);
    } catch (ArithmeticException e) { // Money's checked sums: figures no schedule could give
      return List.of(Problem.of(proposal.strategy().name(), "its amounts overflow a sum: " + e.getMessage()));
    }
  }

  /**
   * {@link #violations(Proposal)} of each proposal, and of the set: one proposal per strategy at most, in
   * {@link Strategy} order, and a reason exactly when there is none.
   */
  public List<Problem> violations(ProposalSet set) {
    List<Problem> problems = new ArrayList<>();
    Strategy previous = null;
    Amortizers amortizers = new Amortizers();
    for (Proposal p : set.proposals()) {
      if (previous != null && p.strategy().compareTo(previous) <= 0) {
        problems.add(Problem.of("proposals", p.strategy() + " after " + previous + "; at most one per strategy, in "
            + java.util.Arrays.toString(Strategy.values()) + " order"));
      }
      previous = p.strategy();
      problems.addAll(violations(p, amortizers));
    }
    if (set.proposals().isEmpty() == set.infeasibility().isEmpty()) {
      problems.add(Problem.of("infeasibility", set.proposals().isEmpty()
          ? "absent though there is no proposal; an infeasible case says which constraint binds"
          : "present beside " + set.proposals().size() + " proposal(s)"));
    }
    return problems;
  }

  private List<Problem> checked(Proposal proposal, Amortizers amortizers) {
    String at = proposal.strategy().name();
    List<Problem> problems = new ArrayList<>();
    List<PlanOption> plans = proposal.plans();
    if (plans.size() != debts.size()) {
      problems.add(Problem.of(at + ".plans", plans.size() + " plans for " + debts.size() + " debts; one per debt"));
      return problems;
    }
    Money first = Money.ZERO;
    Money down = Money.ZERO;
    Money payable = Money.ZERO;
    Money owed = Money.ZERO;
    for (int i = 0; i < plans.size(); i++) {
      PlanOption plan = plans.get(i);
      DebtTerms terms = debts.get(i);
      String where = at + ".plans[" + i + "]";
      if (!plan.debtId().equals(terms.debt().id())) {
        problems.add(Problem.of(where + ".debtId", "'" + Problem.excerpt(plan.debtId()) + "' where debt '"
            + terms.debt().id() + "' belongs; one plan per debt, in the problem's order"));
        continue;
      }
      planViolations(proposal.strategy(), where, plan, terms, amortizers, problems);
      first = first.plus(plan.firstInstallment());
      down = down.plus(plan.downPayment());
      payable = payable.plus(plan.totalPayable());
      owed = owed.plus(terms.debt().totalOwed());
    }
    if (!problems.isEmpty()) {
      return problems;
    }
    sumViolation(at + ".totalFirstMonthInstallment", proposal.totalFirstMonthInstallment(), first, problems);
    sumViolation(at + ".totalDownPayment", proposal.totalDownPayment(), down, problems);
    sumViolation(at + ".totalPayable", proposal.totalPayable(), payable, problems);
    sumViolation(at + ".totalOwed", proposal.totalOwed(), owed, problems);
    if (first.isGreaterThan(monthlyBudget)) {
      problems.add(Problem.of(at + ".totalFirstMonthInstallment", "first installments total " + first
          + ", above the monthly budget " + monthlyBudget));
    }
    if (down.isGreaterThan(liquidSavings)) {
      problems.add(Problem.of(at + ".totalDownPayment", "down payments total " + down + ", above the savings "
          + liquidSavings));
    }
    double p = proposal.acceptanceProbability();
    if (!(p >= 0 && p <= 1)) { // a product of tiny probabilities may round to 0
      problems.add(Problem.of(at + ".acceptanceProbability", p + " is not a probability"));
    }
    // the borrower sees these two as the proposal's figures: they must be what its plans give (to rounding, as a solver
    // may multiply and add in another order); a solver's Proposal built by hand had shown p 0.99 over plans giving 0.35
    double product = 1;
    double expected = 0;
    for (PlanOption o : plans) {
      product *= o.acceptanceProbability();
      expected += o.acceptanceProbability() * (o.settledAmount().fen() + o.waivedTotal().fen() - o.totalPayable().fen())
          / 100.0;
    }
    figure(at + ".acceptanceProbability", p, product, "the product of its plans' probabilities", problems);
    figure(at + ".expectedSaving", proposal.expectedSaving(), expected,
        "Σ p × (owed − payable) of its plans (yuan)", problems);
    return problems;
  }

  private void planViolations(Strategy strategy, String where, PlanOption plan, DebtTerms terms,
      Amortizers amortizers, List<Problem> problems) {
    if (!terms.allowedTerms().contains(plan.term())) {
      problems.add(Problem.of(where + ".term", plan.term() + " months is not among the allowed " + terms.allowedTerms()));
    }
    Money waived = Money.ZERO;
    for (var e : plan.waived().entrySet()) {
      DebtComponent c = e.getKey();
      Money cap = terms.waivableAmount(c);
      if (e.getValue().isNegative() || e.getValue().isGreaterThan(cap)) {
        problems.add(Problem.of(where + ".waived." + c, e.getValue() + " is outside 0.." + cap + " (the cap "
            + terms.waiverCap(c).value().toPlainString() + " of " + terms.debt().amount(c) + ")"));
      }
      waived = waived.plus(e.getValue());
    }
    sumViolation(where + ".waivedTotal", plan.waivedTotal(), waived, problems);
    Money settled = terms.debt().totalOwed().minus(waived);
    sumViolation(where + ".settledAmount", plan.settledAmount(), settled, problems);
    Money least = terms.leastDownPayment(settled);
    if (plan.downPayment().isLessThan(least) || plan.downPayment().isGreaterThan(settled)) {
      problems.add(Problem.of(where + ".downPayment", plan.downPayment() + " is outside " + least + ".." + settled
          + " (the policy's least down payment up to the settled amount)"));
      return;
    }
    Money financed = settled.minus(plan.downPayment());
    sumViolation(where + ".financedAmount", plan.financedAmount(), financed, problems);
    if (!financed.isPositive() && settled.isPositive()) {
      problems.add(Problem.of(where + ".financedAmount", "nothing left to repay in installments: a settlement in full, "
          + "not an installment plan"));
      return;
    }
    if (!plan.firstInstallment().isPositive() && financed.isPositive()) { // as the script refuses it
      problems.add(Problem.of(where + ".firstInstallment", plan.firstInstallment() + " the first month on " + financed
          + " financed: a schedule that pays nothing the first month is not an installment plan"));
    }
    if (terms.allowedTerms().contains(plan.term())) {
      ScheduleSummary schedule = amortizers.of(terms).summarize(financed.fen(), plan.term());
      mismatch(where + ".firstInstallment", plan.firstInstallment(), Money.ofFen(schedule.firstPayment()),
          "its schedule gives", problems);
      mismatch(where + ".totalPayable", plan.totalPayable(),
          plan.downPayment().plus(Money.ofFen(schedule.totalInstallments())), "its down payment and schedule give",
          problems);
    }
    double p = plan.acceptanceProbability();
    if (!(p > 0 && p <= 1)) {
      problems.add(Problem.of(where + ".acceptanceProbability", p + " is not a probability in (0, 1]"));
    } else if (strategy == Strategy.AGGRESSIVE && p < config.acceptanceFloor()) {
      problems.add(Problem.of(where + ".acceptanceProbability", p + " is below AGGRESSIVE's acceptance floor "
          + config.acceptanceFloor()));
    }
  }

  /** A figure in doubles, equal to what its parts give to a relative 10⁻⁹ (and 10⁻⁹ absolute, for figures near 0). */
  private static void figure(String where, double stated, double actual, String source, List<Problem> problems) {
    if (!(Math.abs(stated - actual) <= 1e-9 * Math.max(1, Math.abs(actual)))) {
      problems.add(Problem.of(where, "states " + stated + " where " + source + " is " + actual));
    }
  }

  private static void sumViolation(String where, Money stated, Money actual, List<Problem> problems) {
    mismatch(where, stated, actual, "its parts give", problems);
  }

  private static void mismatch(String where, Money stated, Money actual, String source, List<Problem> problems) {
    if (!stated.equals(actual)) {
      problems.add(Problem.of(where, "states " + stated + " where " + source + " " + actual));
    }
  }

  /** The option grid of every debt, in debt order. */
  public List<OptionGrid> grids() {
    return OptionGrid.of(debts, config, acceptanceModel);
  }
}
