package io.github.fenqi.core.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.solve.Infeasibility.BindingConstraint;
import io.github.fenqi.core.testkit.SampleShapedCases;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which constraint an infeasible case is told binds, at the budget's edge, and what it is advised: the "says
 * which constraint binds and by how much, and recommends restructuring or the legal route".
 */
class InfeasibilityDiagnosisTest {
  private final ProposalProblem sample = SampleShapedCases.problem(4, 1.3, 1.0, 42, GridConfig.DEFAULTS);
  private final List<OptionGrid> grids = sample.grids();
  private final long leastFirst = grids.stream().mapToLong(OptionGrid::leastFirstInstallmentFen).sum();
  private final long leastDown = grids.stream().mapToLong(OptionGrid::leastDownPaymentFen).sum();

  private ProposalSet solved(long budget, long savings) {
    return ProposalSolver.exact().solve(new ProposalProblem(sample.debts(), Money.ofFen(budget), Money.ofFen(savings),
        sample.config(), sample.acceptanceModel()));
  }

  /**
   * A budget exactly the smallest possible Σ first installments is not exceeded by them: where no plan fits, it is
   * that the down payments those installments need are beyond the savings, so the budget and the savings bind
   * together, not the budget alone (MONTHLY_BUDGET is "even the smallest first installments exceed the budget").
   */
  @Test
  void aBudgetEqualToTheSmallestFirstMonthTotalDoesNotBindAlone() {
    ProposalSet set = solved(leastFirst, leastDown);
    assertFalse(set.feasible(), "the premise: the least first-month total needs more than the least down payments");
    Infeasibility why = set.infeasibility().orElseThrow();
    assertEquals(BindingConstraint.BUDGET_AND_SAVINGS_TOGETHER, why.binding(), why.toString());
    assertEquals(Money.ofFen(leastFirst), why.available());
    assertTrue(why.shortfall().isPositive(), why.toString());
    assertEquals(why, Infeasibility.diagnose(grids, Money.ofFen(leastFirst), Money.ofFen(leastDown), sample.config()));
  }

  /**
   * A budget of 0 is told that the assessment leaves nothing for installments, and the least first-month total a
   * budget must reach: with savings enough for the smallest first installments that one, said plainly; with only the
   * least down payments, the least total within them, said to be within the savings.
   */
  @Test
  void aBudgetOfNothingIsToldSoAndTheLeastTotalItMustReach() {
    String nothing = "The affordability assessment leaves nothing for installments; the smallest possible first-month "
        + "total is ";
    Infeasibility plenty = solved(0, leastDown + 1_000_000_00L).infeasibility().orElseThrow();
    assertEquals(Money.ofFen(leastFirst), plenty.required());
    assertEquals(nothing + Money.ofFen(leastFirst) + ".", plenty.reason());
    Infeasibility within = solved(0, leastDown).infeasibility().orElseThrow();
    assertTrue(within.required().fen() > leastFirst, "the premise: " + within);
    assertEquals(nothing + within.required() + " with down payments within savings of " + Money.ofFen(leastDown) + ".",
        within.reason());
  }

  /**
   * Asked of grids that have a plan, {@link Infeasibility#diagnose} says that the budget and the savings bind together,
   * short by nothing: the least total within the savings is within the budget, and the shortfall 0.00, never negative.
   */
  @Test
  void diagnosingGridsThatHaveAPlanFindsNoShortfall() {
    Money budget = Money.ofFen(leastFirst + 1_000_000_00L);
    Infeasibility why = Infeasibility.diagnose(grids, budget, Money.ofFen(leastDown + 1_000_000_00L), sample.config());
    assertEquals(BindingConstraint.BUDGET_AND_SAVINGS_TOGETHER, why.binding(), why.toString());
    assertEquals(Money.ofFen(leastFirst), why.required());
    assertEquals(budget, why.available());
    assertEquals(Money.ZERO, why.shortfall());
  }

  /** Whichever constraint binds, the advice is restructuring across the lenders or the legal route. */
  @Test
  void everyBindingConstraintRecommendsRestructuringOrTheLegalRoute() {
    List<Infeasibility> all = List.of(
        solved(leastFirst - 1, leastDown + 1_000_000_00L).infeasibility().orElseThrow(),
        solved(0, leastDown + 1_000_000_00L).infeasibility().orElseThrow(),
        solved(leastFirst + 1_000_000_00L, leastDown - 1).infeasibility().orElseThrow(),
        solved(leastFirst, leastDown).infeasibility().orElseThrow());
    assertEquals(List.of(BindingConstraint.MONTHLY_BUDGET, BindingConstraint.MONTHLY_BUDGET,
        BindingConstraint.LIQUID_SAVINGS, BindingConstraint.BUDGET_AND_SAVINGS_TOGETHER),
        all.stream().map(Infeasibility::binding).toList());
    for (Infeasibility why : all) {
      assertTrue(why.recommendation().contains("debt restructuring across all lenders (债务重组)"), why.toString());
      assertTrue(why.recommendation().contains("the legal route"), why.toString());
    }
  }
}
