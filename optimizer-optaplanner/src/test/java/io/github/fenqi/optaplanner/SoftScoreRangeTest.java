package io.github.fenqi.optaplanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.debt.DebtComponent;
import io.github.fenqi.core.debt.ProductType;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.money.Rate;
import io.github.fenqi.core.money.Ratio;
import io.github.fenqi.core.schedule.RepaymentMethod;
import io.github.fenqi.core.solve.DebtTerms;
import io.github.fenqi.core.solve.OptionGrid;
import io.github.fenqi.core.solve.Proposal;
import io.github.fenqi.core.solve.ProposalProblem;
import io.github.fenqi.core.solve.ProposalSet;
import io.github.fenqi.core.solve.Strategy;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;

/**
 * The built-in soft score stays within a {@code long}: AGGRESSIVE's was the total payable in fen × 1000, so 120 debts
 * of 800 billion yuan each (a total payable of 1.08 × 10²⁰ thousandths of a fen) wrapped it to +7.6 × 10¹⁸ without a
 * word, and the overflow check, seeing the exact sum differ from OptaPlanner's, blamed the only user constraint there
 * was, which rewards one unit per plan, for taking the soft score beyond a long's range.
 */
class SoftScoreRangeTest {

  /** Rewards each plan by one soft unit: never near a long's range. */
  public static final class OneUnitPerPlan implements ProposalConstraint {
    @Override
    public Constraint define(ConstraintFactory f) {
      return f.forEach(DebtChoice.class).rewardLong(HardSoftLongScore.ONE_SOFT, c -> 1L).asConstraint("one unit per plan");
    }
  }

  static ProposalProblem largeDebts(int n, long principalFen) {
    List<DebtTerms> debts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long principal = principalFen - i * 1000L;
      Debt d = new Debt("d" + i, "p", ProductType.values()[1], Money.ofFen(principal), Money.ofFen(principal / 10),
          Money.ofFen(principal / 100), Money.ZERO, Money.ofFen(1000), Money.ZERO, Rate.of("0.18"), 120);
      Map<DebtComponent, Ratio> caps = new EnumMap<>(DebtComponent.class);
      caps.put(DebtComponent.PENALTY_INTEREST, Ratio.ONE);
      caps.put(DebtComponent.LATE_FEES, Ratio.ONE);
      caps.put(DebtComponent.INTEREST, Ratio.of("0.5"));
      debts.add(new DebtTerms(d, "v", List.of(12, 24, 36), RepaymentMethod.EQUAL_INSTALLMENT, Rate.of("0.06"),
          Rate.ZERO, caps, Ratio.of("0.05"), true));
    }
    long leastFirst = 0;
    long leastDown = 0;
    for (OptionGrid g : ProposalProblem.of(debts, Money.ZERO, Money.ZERO).grids()) {
      leastFirst += g.leastFirstInstallmentFen();
      leastDown += g.leastDownPaymentFen();
    }
    return ProposalProblem.of(debts, Money.ofFen(leastFirst * 13 / 10), Money.ofFen(leastDown * 2));
  }

  @Test
  void aHugeTotalPayableIsNotBlamedOnAUserConstraint() {
    ProposalProblem problem = largeDebts(120, 80_000_000_000_000L);
    ProposalSet set = OptaPlannerProposalSolver.builder().deterministic(7, 20_000)
        .constraint(OneUnitPerPlan.class).build().solve(problem);
    assertEquals(List.of(Strategy.AGGRESSIVE, Strategy.CONSERVATIVE, Strategy.BALANCED),
        set.proposals().stream().map(Proposal::strategy).toList(), set.notes().toString());
    assertEquals(List.of(), problem.violations(set));
  }

  @Test
  void theSoftScaleShrinksOnlyWhereTheObjectiveWouldLeaveALongsRange() {
    assertEquals(1000.0, OptaPlannerProposalSolver.softScale(1000.0, List.of(new double[] {-1e15, Double.NaN})));
    double scale = OptaPlannerProposalSolver.softScale(1000.0, List.of(new double[] {-1e17, -2e17}, new double[] {
        Double.NaN, -1e17}, new double[] {-5e16}));
    assertTrue(scale < 1000.0 && (2e17 + 1e17 + 5e16) * scale <= Math.pow(2, 62), "scale " + scale);
  }
}
