package io.github.fenqi.optaplanner;

import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintCollectors;
import org.optaplanner.core.api.score.stream.ConstraintFactory;

/** Example user constraint: at most two lenders get no down payment at all. */
public final class AtMostTwoWithoutDownPayment implements ProposalConstraint {
  @Override
  public Constraint define(ConstraintFactory f) {
    return f.forEach(DebtChoice.class)
        .filter(c -> c.downPaymentFen() == 0)
        .groupBy(ConstraintCollectors.count())
        .filter(n -> n > 2)
        .penalizeLong(HardSoftLongScore.ONE_HARD, n -> 1_000_000L * (n - 2))
        .asConstraint("at most two lenders without down payment");
  }
}
