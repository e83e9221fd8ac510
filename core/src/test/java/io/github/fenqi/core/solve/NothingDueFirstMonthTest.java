package io.github.fenqi.core.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.debt.ProductType;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.money.Rate;
import io.github.fenqi.core.money.Ratio;
import io.github.fenqi.core.schedule.RepaymentMethod;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A schedule of fewer fen than months pays nothing the first month (0.01 over three months is 0.00, 0.00, 0.01). Such
 * an option is no installment plan: the script refuses to write it up ("option.firstInstallment: 0.00 is not
 * positive"), and a case holding a debt of 0.01 under a policy without a least down payment had failed with that, exit
 * 1, on a valid case. The grid leaves such options out, a debt that has no other is not one with a plan, and a
 * proposal that holds one is a violation.
 */
class NothingDueFirstMonthTest {

  private static DebtTerms owing(long fen, List<Integer> terms) {
    Debt debt = new Debt("tiny", "p", ProductType.ONLINE_LOAN, Money.ofFen(fen), Money.ZERO, Money.ZERO, Money.ZERO,
        Money.ZERO, Money.ZERO, Rate.of("0.18"), 90);
    return new DebtTerms(debt, "v1", terms, RepaymentMethod.INTEREST_FREE, Rate.ZERO, Rate.ZERO, Map.of(), Ratio.ZERO,
        false);
  }

  @Test
  void aDebtWhoseEveryScheduleStartsAtNothingHasNoPlan() {
    DebtTerms fen = owing(1, List.of(3, 6, 12));
    Optional<String> why = fen.whyNoPlan();
    assertTrue(why.isPresent(), "0.01 over 3 months or more pays 0.00 the first month");
    assertTrue(why.get().contains("0.01") && why.get().contains("3 months"), why.get());
  }

  @Test
  void theGridLeavesOutTheTermsThatStartAtNothing() {
    // 0.05 over 3 months pays 0.01 the first month (0.05 / 3 rounded down), over 12 months 0.00
    DebtTerms five = owing(5, List.of(3, 12));
    assertEquals(Optional.empty(), five.whyNoPlan());
    OptionGrid grid = OptionGrid.of(five, GridConfig.DEFAULTS, AcceptanceModel.defaults());
    TreeSet<Integer> terms = new TreeSet<>();
    for (int i = 0; i < grid.size(); i++) {
      terms.add(grid.term(i));
      assertTrue(grid.firstInstallmentFen(i) > 0, "option " + i + " of term " + grid.term(i) + " starts at 0.00");
    }
    assertEquals(List.of(3), List.copyOf(terms));
    assertEquals(1, grid.leastFirstInstallmentFen());
    ProposalProblem problem = new ProposalProblem(List.of(five), Money.ofFen(1), Money.ZERO, GridConfig.DEFAULTS,
        AcceptanceModel.defaults());
    ProposalSet set = ProposalSolver.exact().solve(problem);
    assertFalse(set.proposals().isEmpty());
    for (Proposal p : set.proposals()) {
      assertEquals(3, p.plans().get(0).term(), p.strategy().name());
      assertEquals(List.of(), problem.violations(p));
    }
  }

  @Test
  void aPlanThatStartsAtNothingIsAViolation() {
    DebtTerms five = owing(5, List.of(3, 12));
    ProposalProblem problem = new ProposalProblem(List.of(five), Money.ofFen(1), Money.ZERO, GridConfig.DEFAULTS,
        AcceptanceModel.defaults());
    OptionGrid grid = OptionGrid.of(five, GridConfig.DEFAULTS, AcceptanceModel.defaults());
    PlanOption three = grid.option(0);
    // the 12-month plan as its schedule gives it: 0.00 the first month, 0.05 in all
    PlanOption twelve = new PlanOption("tiny", 12, Map.of(), Money.ZERO, Money.ofFen(5), Money.ZERO, Money.ofFen(5),
        Money.ZERO, Money.ofFen(5), three.recoveryRatio(), three.features(), three.acceptanceProbability());
    Proposal p = Proposal.of(Strategy.BALANCED, List.of(twelve), Money.ofFen(5), false);
    assertEquals(List.of("BALANCED.plans[0].firstInstallment"),
        problem.violations(p).stream().map(x -> x.location()).toList(), problem.violations(p).toString());
  }
}
