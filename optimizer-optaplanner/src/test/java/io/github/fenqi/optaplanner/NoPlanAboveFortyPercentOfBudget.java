package io.github.fenqi.optaplanner;

import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;

/** Example user constraint: no single lender's first installment takes more than 40 % of the monthly budget. */
public final class NoPlanAboveFortyPercentOfBudget implements ProposalConstraint {
  @Override
  public Constraint define(ConstraintFactory f) {
    return f.forEach(DebtChoice.class)
        .join(ProposalLimits.class)
        .filter((c, limits) -> c.firstInstallmentFen() * 10 > limits.budgetFen() * 4)
        .penalizeLong(HardSoftLongScore.ONE_HARD, (c, limits) -> c.firstInstallmentFen() * 10 - limits.budgetFen() * 4)
        .asConstraint("no first installment above 40 % of the budget");
  }
}
