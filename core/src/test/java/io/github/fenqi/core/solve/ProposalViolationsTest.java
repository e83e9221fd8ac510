package io.github.fenqi.core.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.Problem;
import io.github.fenqi.core.debt.DebtComponent;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.testkit.SampleShapedCases;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** {@link ProposalProblem#violations}: each hard constraint, broken on purpose in an otherwise optimal answer. */
class ProposalViolationsTest {
  private final ProposalProblem problem = SampleShapedCases.problem(4, 1.3, 1.0, 42, GridConfig.DEFAULTS);
  private final ProposalSet solved = ProposalSolver.exact().solve(problem);

  private Proposal proposal(Strategy s) {
    return solved.proposal(s).orElseThrow();
  }

  /** {@code p} with its plan {@code index} replaced and the totals recomputed, as a solver would build it. */
  private Proposal withPlan(Proposal p, int index, UnaryOperator<PlanOption> change) {
    List<PlanOption> plans = new ArrayList<>(p.plans());
    plans.set(index, change.apply(plans.get(index)));
    return Proposal.of(p.strategy(), plans, p.totalOwed(), p.provenOptimal());
  }

  private static PlanOption option(PlanOption o, int term, Map<DebtComponent, Money> waived, Money waivedTotal,
      Money settled, Money down, Money financed, Money first, Money total, double p) {
    return new PlanOption(o.debtId(), term, waived, waivedTotal, settled, down, financed, first, total,
        o.recoveryRatio(), o.features(), p);
  }

  private static String only(List<Problem> problems) {
    assertEquals(1, problems.size(), problems.toString());
    return problems.get(0).toString();
  }

  @Test
  void theExactSolversAnswerComplies() {
    assertEquals(3, solved.proposals().size());
    assertEquals(List.of(), problem.violations(solved));
  }

  @Test
  void aTermThePolicyDoesNotAllowIsNamed() {
    PlanOption o = proposal(Strategy.BALANCED).plans().get(1);
    int term = o.term() + 1;
    assertTrue(!problem.debts().get(1).allowedTerms().contains(term));
    Proposal p = withPlan(proposal(Strategy.BALANCED), 1, x -> option(x, term, x.waived(), x.waivedTotal(),
        x.settledAmount(), x.downPayment(), x.financedAmount(), x.firstInstallment(), x.totalPayable(),
        x.acceptanceProbability()));
    List<Problem> problems = problem.violations(p);
    assertTrue(problems.get(0).toString().startsWith("BALANCED.plans[1].term: " + term + " months is not among"),
        problems.toString());
  }

  @Test
  void aWaiverAboveItsCapIsNamedWithTheCap() {
    Proposal base = proposal(Strategy.AGGRESSIVE);
    int d = 0;
    PlanOption o = base.plans().get(d);
    DebtTerms terms = problem.debts().get(d);
    DebtComponent c = o.waived().keySet().iterator().next();
    Money cap = terms.debt().amount(c).multiply(terms.waiverCap(c).value(), java.math.RoundingMode.DOWN);
    Map<DebtComponent, Money> more = new EnumMap<>(o.waived());
    Money extra = cap.minus(o.waived().get(c)).plus(Money.ofFen(1));
    more.put(c, cap.plus(Money.ofFen(1)));
    Proposal p = withPlan(base, d, x -> option(x, x.term(), more, x.waivedTotal().plus(extra),
        x.settledAmount().minus(extra), x.downPayment(), x.financedAmount().minus(extra), x.firstInstallment(),
        x.totalPayable(), x.acceptanceProbability()));
    List<Problem> problems = problem.violations(p);
    assertTrue(problems.get(0).toString().startsWith("AGGRESSIVE.plans[0].waived." + c + ": " + cap.plus(Money.ofFen(1))
        + " is outside 0.." + cap), problems.toString());
  }

  @Test
  void aDownPaymentBelowThePolicysLeastIsNamed() {
    Proposal base = proposal(Strategy.CONSERVATIVE);
    int d = firstPlanWithDownPayment(base);
    Money less = base.plans().get(d).downPayment().minus(Money.ofFen(1));
    Proposal p = withPlan(base, d, x -> option(x, x.term(), x.waived(), x.waivedTotal(), x.settledAmount(), less,
        x.financedAmount().plus(Money.ofFen(1)), x.firstInstallment(), x.totalPayable(), x.acceptanceProbability()));
    // the solver's down payments are the policy's least or a grid step above it; take the least one
    PlanOption least = base.plans().get(d);
    DebtTerms terms = problem.debts().get(d);
    Money minimum = least.settledAmount().multiply(terms.minDownPaymentRatio().value(), java.math.RoundingMode.CEILING);
    List<Problem> problems = problem.violations(p);
    if (least.downPayment().equals(minimum)) {
      assertTrue(problems.get(0).toString().startsWith("CONSERVATIVE.plans[" + d + "].downPayment: " + less
          + " is outside " + minimum), problems.toString());
    } else { // one fen less than a higher level is still above the minimum: what is wrong is the schedule's figures
      assertTrue(problems.stream().anyMatch(x -> x.location().endsWith(".firstInstallment")
          || x.location().endsWith(".totalPayable")), problems.toString());
    }
  }

  private int firstPlanWithDownPayment(Proposal p) {
    for (int i = 0; i < p.plans().size(); i++) {
      if (p.plans().get(i).downPayment().isPositive()) {
        return i;
      }
    }
    throw new AssertionError("no plan with a down payment in " + p);
  }

  @Test
  void aFirstInstallmentTheScheduleDoesNotGiveIsNamed() {
    Proposal base = proposal(Strategy.BALANCED);
    PlanOption o = base.plans().get(2);
    Money understated = o.firstInstallment().minus(Money.ofFen(100));
    Proposal p = withPlan(base, 2, x -> option(x, x.term(), x.waived(), x.waivedTotal(), x.settledAmount(),
        x.downPayment(), x.financedAmount(), understated, x.totalPayable(), x.acceptanceProbability()));
    assertEquals("BALANCED.plans[2].firstInstallment: states " + understated + " where its schedule gives "
        + o.firstInstallment(), only(problem.violations(p)));
  }

  @Test
  void totalsThatAreNotTheSumsOfThePlansAreNamed() {
    Proposal b = proposal(Strategy.BALANCED);
    Proposal p = new Proposal(b.strategy(), b.plans(), b.totalFirstMonthInstallment().minus(Money.ofFen(1)),
        b.totalDownPayment(), b.totalPayable(), b.totalOwed(), b.acceptanceProbability(), b.expectedSaving(), true);
    assertEquals("BALANCED.totalFirstMonthInstallment: states " + b.totalFirstMonthInstallment().minus(Money.ofFen(1))
        + " where its parts give " + b.totalFirstMonthInstallment(), only(problem.violations(p)));
    // each total, Σ owed too (the saving the borrower is shown is owed − payable)
    Proposal owed = new Proposal(b.strategy(), b.plans(), b.totalFirstMonthInstallment(), b.totalDownPayment(),
        b.totalPayable(), b.totalOwed().plus(Money.ofFen(1)), b.acceptanceProbability(), b.expectedSaving(), true);
    assertEquals("BALANCED.totalOwed: states " + b.totalOwed().plus(Money.ofFen(1)) + " where its parts give "
        + b.totalOwed(), only(problem.violations(owed)));
  }

  /**
   * The proposal's acceptance probability and expected saving are figures the borrower sees: a solver that states
   * others than its plans give is named; one that multiplies and adds in another order (rounding apart) is not.
   */
  @Test
  void anAcceptanceProbabilityOrExpectedSavingThePlansDoNotGiveIsNamed() {
    Proposal b = proposal(Strategy.BALANCED);
    Proposal claimed = new Proposal(b.strategy(), b.plans(), b.totalFirstMonthInstallment(), b.totalDownPayment(),
        b.totalPayable(), b.totalOwed(), 0.99, b.expectedSaving() + 1000, true);
    assertEquals(List.of(
        Problem.of("BALANCED.acceptanceProbability", "states 0.99 where the product of its plans' probabilities is "
            + b.acceptanceProbability()),
        Problem.of("BALANCED.expectedSaving", "states " + (b.expectedSaving() + 1000) + " where Σ p × (owed − payable) "
            + "of its plans (yuan) is " + b.expectedSaving())), problem.violations(claimed));
    double reversed = 1;
    for (int i = b.plans().size() - 1; i >= 0; i--) {
      reversed *= b.plans().get(i).acceptanceProbability();
    }
    Proposal otherOrder = new Proposal(b.strategy(), b.plans(), b.totalFirstMonthInstallment(), b.totalDownPayment(),
        b.totalPayable(), b.totalOwed(), reversed, b.expectedSaving() * (1 + 1e-13), true);
    assertEquals(List.of(), problem.violations(otherOrder));
    // to a relative 10⁻⁹, as documented: a millionth off is a figure the plans do not give
    double off = b.acceptanceProbability() * (1 + 1e-6);
    Proposal slightly = new Proposal(b.strategy(), b.plans(), b.totalFirstMonthInstallment(), b.totalDownPayment(),
        b.totalPayable(), b.totalOwed(), off, b.expectedSaving(), true);
    assertEquals("BALANCED.acceptanceProbability: states " + off + " where the product of its plans' probabilities is "
        + b.acceptanceProbability(), only(problem.violations(slightly)));
  }

  @Test
  void aBudgetOrSavingsExceededIsNamedWithBothFigures() {
    Proposal p = proposal(Strategy.AGGRESSIVE);
    Money first = p.totalFirstMonthInstallment();
    Money down = p.totalDownPayment();
    ProposalProblem poorer = new ProposalProblem(problem.debts(), first.minus(Money.ofFen(1)), down.minus(Money.ofFen(1)),
        problem.config(), problem.acceptanceModel());
    assertTrue(down.isPositive());
    assertEquals(List.of(
        Problem.of("AGGRESSIVE.totalFirstMonthInstallment", "first installments total " + first
            + ", above the monthly budget " + first.minus(Money.ofFen(1))),
        Problem.of("AGGRESSIVE.totalDownPayment", "down payments total " + down + ", above the savings "
            + down.minus(Money.ofFen(1)))), poorer.violations(p));
  }

  @Test
  void probabilitiesOutsideTheUnitIntervalAndBelowTheFloorAreNamed() {
    Proposal base = proposal(Strategy.AGGRESSIVE);
    for (double bad : new double[] {0.0, -0.1, 1.5, Double.NaN}) {
      Proposal p = withPlan(base, 3, x -> option(x, x.term(), x.waived(), x.waivedTotal(), x.settledAmount(),
          x.downPayment(), x.financedAmount(), x.firstInstallment(), x.totalPayable(), bad));
      assertTrue(problem.violations(p).stream().anyMatch(x -> x.toString().equals(
          "AGGRESSIVE.plans[3].acceptanceProbability: " + bad + " is not a probability in (0, 1]")), "" + bad);
    }
    double floor = problem.config().acceptanceFloor();
    double below = Math.nextDown(floor);
    Proposal low = withPlan(base, 3, x -> option(x, x.term(), x.waived(), x.waivedTotal(), x.settledAmount(),
        x.downPayment(), x.financedAmount(), x.firstInstallment(), x.totalPayable(), below));
    assertEquals("AGGRESSIVE.plans[3].acceptanceProbability: " + below + " is below AGGRESSIVE's acceptance floor "
        + floor, only(problem.violations(low)));
    Proposal asBalanced = withPlan(proposal(Strategy.BALANCED), 3, x -> option(x, x.term(), x.waived(),
        x.waivedTotal(), x.settledAmount(), x.downPayment(), x.financedAmount(), x.firstInstallment(),
        x.totalPayable(), below));
    assertEquals(List.of(), problem.violations(asBalanced), "the floor is AGGRESSIVE's alone");
    Proposal atTheFloor = withPlan(base, 3, x -> option(x, x.term(), x.waived(), x.waivedTotal(), x.settledAmount(),
        x.downPayment(), x.financedAmount(), x.firstInstallment(), x.totalPayable(), floor));
    assertEquals(List.of(), problem.violations(atTheFloor), "at the floor is within it (at or above, as documented)");
  }

  @Test
  void missingOrReorderedPlansAreNamed() {
    Proposal b = proposal(Strategy.BALANCED);
    Proposal fewer = Proposal.of(b.strategy(), b.plans().subList(0, 3), b.totalOwed(), true);
    assertEquals("BALANCED.plans: 3 plans for 4 debts; one per debt", only(problem.violations(fewer)));
    List<PlanOption> swapped = new ArrayList<>(b.plans());
    java.util.Collections.swap(swapped, 0, 1);
    List<Problem> problems = problem.violations(Proposal.of(b.strategy(), swapped, b.totalOwed(), true));
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(problems.get(0).toString().startsWith("BALANCED.plans[0].debtId: '" + b.plans().get(1).debtId()
        + "' where debt '" + b.plans().get(0).debtId() + "' belongs"), problems.toString());
  }

  @Test
  void aSetWithAStrategyTwiceOrAnAnswerAndAReasonIsNamed() {
    ProposalSet twice = new ProposalSet(List.of(proposal(Strategy.BALANCED), proposal(Strategy.BALANCED)),
        Optional.empty(), Map.of());
    assertEquals("proposals: BALANCED after BALANCED; at most one per strategy, in [AGGRESSIVE, CONSERVATIVE, "
        + "BALANCED] order", only(problem.violations(twice)));
    ProposalSet silent = new ProposalSet(List.of(), Optional.empty(), Map.of());
    assertEquals("infeasibility: absent though there is no proposal; an infeasible case says which constraint binds",
        only(problem.violations(silent)));
  }

  /** A problem given a debt with nothing to finance says so, instead of an empty grid overflowing the diagnosis. */
  @Test
  void aDebtWithNothingToFinanceIsRefusedNamingIt() {
    DebtTerms t = problem.debts().get(1);
    io.github.fenqi.core.debt.Debt d = t.debt();
    io.github.fenqi.core.debt.Debt oneFen = new io.github.fenqi.core.debt.Debt(d.id(), d.platformId(), d.productType(),
        Money.ofFen(1), Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, d.annualRate(), d.overdueDays());
    DebtTerms settled = new DebtTerms(oneFen, t.policyVersion(), t.allowedTerms(), t.method(), t.annualRate(),
        t.monthlyFeeRate(), t.waiverCaps(), io.github.fenqi.core.money.Ratio.of("0.1"), t.hardshipProof());
    List<DebtTerms> debts = new ArrayList<>(problem.debts());
    debts.set(1, settled);
    io.github.fenqi.core.InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(
        io.github.fenqi.core.InvalidInputException.class, () -> new ProposalProblem(debts, problem.monthlyBudget(),
            problem.liquidSavings(), problem.config(), problem.acceptanceModel()));
    assertEquals("debts[1]: the least down payment (10 % of 0.01, rounded up to the fen) settles the whole debt: a "
        + "settlement in full, not an installment plan; leave it out", e.getMessage());
  }

  /**
   * A plan whose down payment is the whole settled amount leaves nothing to repay in installments: a settlement in
   * full, which is no installment plan to propose, though its schedule of nothing gives figures that agree.
   */
  @Test
  void aPlanThatSettlesInFullIsNoInstallmentPlan() {
    Proposal base = proposal(Strategy.BALANCED);
    Proposal full = withPlan(base, 0, x -> option(x, x.term(), x.waived(), x.waivedTotal(), x.settledAmount(),
        x.settledAmount(), Money.ZERO, Money.ZERO, x.settledAmount(), x.acceptanceProbability()));
    List<Problem> problems = new ProposalProblem(problem.debts(), problem.monthlyBudget(), Money.of("100000000"),
        problem.config(), problem.acceptanceModel()).violations(full);
    assertEquals(List.of(Problem.of("BALANCED.plans[0].financedAmount", "nothing left to repay in installments: a "
        + "settlement in full, not an installment plan")), problems);
  }

  /** A plan's settled amount is what is owed less what is waived: a stated one the waivers do not give is named. */
  @Test
  void aSettledAmountTheWaiversDoNotGiveIsNamed() {
    Proposal base = proposal(Strategy.BALANCED);
    PlanOption o = base.plans().get(1);
    Money more = o.settledAmount().plus(Money.ofFen(1));
    Proposal p = withPlan(base, 1, x -> option(x, x.term(), x.waived(), x.waivedTotal(), more, x.downPayment(),
        x.financedAmount(), x.firstInstallment(), x.totalPayable(), x.acceptanceProbability()));
    assertEquals("BALANCED.plans[1].settledAmount: states " + more + " where its parts give " + o.settledAmount(),
        only(problem.violations(p)));
  }

  /**
   * A proposal is immutable: its plans are a copy that cannot be changed, so a caller that edits the list it built it
   * from, or the list it reads, never alters the proposal the engine checked and the borrower is shown.
   */
  @Test
  void aProposalsPlansAreAnUnmodifiableCopy() {
    Proposal b = proposal(Strategy.BALANCED);
    List<PlanOption> given = new ArrayList<>(b.plans());
    Proposal p = Proposal.of(b.strategy(), given, b.totalOwed(), true);
    given.remove(0);
    assertEquals(b.plans(), p.plans());
    assertThrows(UnsupportedOperationException.class, () -> p.plans().remove(0));
  }
}
