package io.github.fenqi.optaplanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.solve.Infeasibility;
import io.github.fenqi.core.solve.Infeasibility.BindingConstraint;
import io.github.fenqi.core.solve.ProposalProblem;
import io.github.fenqi.core.solve.ProposalSet;
import io.github.fenqi.core.solve.ProposalSolver;
import io.github.fenqi.core.solve.Strategy;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintCollectors;
import org.optaplanner.core.api.score.stream.ConstraintFactory;

/**
 * A case that no plan fits only because of a user constraint says so, naming it: the budget and the savings, which
 * plans do fit, are not blamed with a shortfall that does not exist. A user constraint that no plan can meet made the
 * sample case (budget 5040.00, savings 12000.00) "BUDGET_AND_SAVINGS_TOGETHER, shortfall 0.00: the first-month
 * installments total at least 2102.15, above the affordable 5040.00".
 */
class UserConstraintInfeasibilityTest {
  private static final List<io.github.fenqi.core.solve.DebtTerms> SAMPLE = OptaPlannerProposalSolverTest.sampleDebts(1);
  private static final ProposalSolver IMPOSSIBLE = OptaPlannerProposalSolver.builder().deterministic(7, 20_000)
      .constraint(EverythingAtOnce.class).constraint(NoPlanAboveFortyPercentOfBudget.class).build();

  /** Every lender paid in one month: no lender's policy offers it, so no plan meets it. */
  public static final class EverythingAtOnce implements ProposalConstraint {
    static final String NAME = "every lender paid in a single month";

    @Override
    public Constraint define(ConstraintFactory f) {
      return f.forEach(DebtChoice.class).filter(c -> c.term() > 1)
          .penalizeLong(HardSoftLongScore.ONE_HARD, c -> 1_000_000L)
          .asConstraint(NAME);
    }
  }

  /** Every lender given more than 1000 months: no policy offers it. */
  public static final class EverythingOverCenturies implements ProposalConstraint {
    static final String NAME = "no lender within 1000 months";

    @Override
    public Constraint define(ConstraintFactory f) {
      return f.forEach(DebtChoice.class).filter(c -> c.term() <= 1000)
          .penalizeLong(HardSoftLongScore.ONE_HARD, c -> 1_000_000L)
          .asConstraint(NAME);
    }
  }

  /** Down payments above the savings: the savings forbid it, so a plan breaks this or "down payments within savings". */
  public static final class DownPaymentsAboveSavings implements ProposalConstraint {
    static final String NAME = "down payments above the savings";

    @Override
    public Constraint define(ConstraintFactory f) {
      return f.forEach(DebtChoice.class).groupBy(ConstraintCollectors.sumLong(DebtChoice::downPaymentFen))
          .join(ProposalLimits.class).filter((sum, limits) -> sum <= limits.savingsFen())
          .penalizeLong(HardSoftLongScore.ONE_HARD, (sum, limits) -> 1_000_000_000L)
          .asConstraint(NAME);
    }
  }

  /**
   * When the best plans found meet the user constraint by breaking the savings, the reason names the user constraint
   * and, beside it, the savings constraint those plans break (README: "When no plan meets them"), so a reader sees
   * that the two are in conflict; no amount is short, as the budget and the savings alone fit.
   */
  @Test
  void theSavingsTheBestPlansBreakAreNamedBesideTheUserConstraint() {
    ProposalProblem problem = ProposalProblem.of(SAMPLE, Money.of("5040.00"), Money.of("4000.00"));
    assertTrue(ProposalSolver.exact().solve(problem).feasible(), "the budget and savings alone fit");
    ProposalSet set = OptaPlannerProposalSolver.builder().deterministic(7, 20_000)
        .constraint(DownPaymentsAboveSavings.class).build().solve(problem);
    Infeasibility why = set.infeasibility().orElseThrow(() -> new AssertionError(set.notes().toString()));
    assertEquals(BindingConstraint.USER_CONSTRAINT, why.binding(), why.reason());
    assertTrue(why.reason().contains("the user constraint \"" + DownPaymentsAboveSavings.NAME + "\" together with the other "
        + "hard constraints (the best plans found also break \"down payments within savings\")"), why.reason());
    assertEquals(Money.ZERO, why.shortfall(), why.reason());
  }

  /** Two user constraints that no plan meets are both named, by name, in the reason and in every strategy's note. */
  @Test
  void twoUserConstraintsNoPlanMeetsAreBothNamed() {
    ProposalProblem problem = ProposalProblem.of(SAMPLE, Money.of("5040.00"), Money.of("12000.00"));
    ProposalSet set = OptaPlannerProposalSolver.builder().deterministic(7, 20_000).constraint(EverythingAtOnce.class)
        .constraint(EverythingOverCenturies.class).build().solve(problem);
    Infeasibility why = set.infeasibility().orElseThrow();
    assertEquals(BindingConstraint.USER_CONSTRAINT, why.binding(), why.reason());
    assertTrue(why.reason().startsWith("OptaPlanner found no plan that meets the user constraints \"" + EverythingAtOnce.NAME
        + "\", \"" + EverythingOverCenturies.NAME + "\" together with the other hard constraints"), why.reason());
    for (Strategy s : Strategy.values()) {
      assertTrue(set.notes().get(s).contains("its best plan breaks \"" + EverythingAtOnce.NAME + "\", \""
          + EverythingOverCenturies.NAME + "\""), set.notes().get(s));
    }
  }

  @Test
  void aUserConstraintNoPlanMeetsIsNamedAndNoAmountIsShort() {
    ProposalProblem problem = ProposalProblem.of(SAMPLE, Money.of("5040.00"), Money.of("12000.00"));
    assertTrue(ProposalSolver.exact().solve(problem).feasible(), "the budget and savings alone fit");
    ProposalSet set = IMPOSSIBLE.solve(problem);
    assertFalse(set.feasible());
    Infeasibility why = set.infeasibility().orElseThrow();
    assertEquals(BindingConstraint.USER_CONSTRAINT, why.binding(), why.reason());
    assertTrue(why.reason().contains("\"" + EverythingAtOnce.NAME + "\""), why.reason());
    assertFalse(why.reason().contains(NoPlanAboveFortyPercentOfBudget.class.getSimpleName()), "it is met: " + why.reason());
    assertEquals(List.of(Money.ZERO, Money.ZERO, Money.ZERO), List.of(why.required(), why.available(), why.shortfall()));
    assertTrue(why.reason().contains("first installments from 2102.15 within the budget of 5040.00"), why.reason());
    for (Strategy s : Strategy.values()) {
      assertTrue(set.notes().get(s).contains("its best plan breaks \"" + EverythingAtOnce.NAME + "\""), set.notes().get(s));
    }
    assertEquals(List.of(), problem.violations(set), "the engine's check of every solver's answer");
  }

  /**
   * Whatever the budget and savings, an infeasible answer is the exact solver's when the budget or the savings alone
   * cannot be met (they bind, with their true shortfall), and names the user constraint when they can.
   */
  @Property(tries = 12)
  void theBudgetAndSavingsAreBlamedOnlyWhenTheyBind(@ForAll("budgets") long budgetFen,
      @ForAll("savings") long savingsFen) {
    ProposalProblem problem = ProposalProblem.of(SAMPLE, Money.ofFen(budgetFen), Money.ofFen(savingsFen));
    ProposalSet exact = ProposalSolver.exact().solve(problem);
    Infeasibility why = IMPOSSIBLE.solve(problem).infeasibility().orElseThrow();
    if (exact.feasible()) {
      assertEquals(BindingConstraint.USER_CONSTRAINT, why.binding(), why.reason());
      assertTrue(why.reason().contains(EverythingAtOnce.NAME), why.reason());
      assertTrue(why.shortfall().isZero(), why.toString());
    } else {
      assertEquals(exact.infeasibility().orElseThrow(), why);
      assertTrue(why.shortfall().isPositive(), why.toString());
    }
  }

  /** 1500–6000 yuan, uniform: the sample's plans need 1984.89–2354.85 yuan, so both answers occur. */
  @Provide
  Arbitrary<Long> budgets() {
    return Arbitraries.longs().between(150_000, 600_000).withDistribution(RandomDistribution.uniform());
  }

  /** 0–15000 yuan, uniform: the least down payments total 2952.50. */
  @Provide
  Arbitrary<Long> savings() {
    return Arbitraries.longs().between(0, 1_500_000).withDistribution(RandomDistribution.uniform());
  }
}
