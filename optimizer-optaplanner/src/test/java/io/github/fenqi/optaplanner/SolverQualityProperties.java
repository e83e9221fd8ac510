package io.github.fenqi.optaplanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.solve.Proposal;
import io.github.fenqi.core.solve.Strategy;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

/** {@link SolverQuality#objectiveRatio}: 1 for a plan as good as the exact one, below 1 for a worse one. */
class SolverQualityProperties {

  private static Proposal proposal(Strategy strategy, long totalPayableFen, double probability, double expectedSaving) {
    return new Proposal(strategy, List.of(), Money.ZERO, Money.ZERO, Money.ofFen(totalPayableFen), Money.ZERO,
        probability, expectedSaving, true);
  }

  /** An expected saving of 0 on both sides (interest-free plans without waivers) had given NaN. */
  @Property
  void anEqualObjectiveIsOne(@ForAll Strategy strategy, @ForAll @LongRange(min = 0, max = 100_000_000_000L) long payable,
      @ForAll @DoubleRange(min = 0, max = 1) double probability,
      @ForAll @DoubleRange(min = -1e9, max = 1e9) double expectedSaving) {
    Proposal p = proposal(strategy, payable, probability, expectedSaving);
    assertEquals(1.0, SolverQuality.objectiveRatio(p, p), p.toString());
  }

  @Property
  void aWorseBalancedPlanIsBelowOne(@ForAll @DoubleRange(min = -1e9, max = 1e9) double exact,
      @ForAll @DoubleRange(min = 0.01, max = 1e9) double less) {
    double ratio = SolverQuality.objectiveRatio(proposal(Strategy.BALANCED, 1, 0.5, exact),
        proposal(Strategy.BALANCED, 1, 0.5, exact - less));
    assertTrue(ratio < 1, exact + " vs " + (exact - less) + ": " + ratio);
  }
}
