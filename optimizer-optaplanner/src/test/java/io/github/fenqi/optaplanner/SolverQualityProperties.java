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

  /**
   * AGGRESSIVE's maximised objective is the total payable negated, so a plan that pays {@code more} fen is below 1 by
   * more / exact; CONSERVATIVE's is the probability that every lender accepts, not the expected saving beside it.
   */
  @Property
  void aPlanPayingMoreOrLessLikelyAcceptedIsBelowOneByItsShare(
      @ForAll @LongRange(min = 1, max = 100_000_000_000L) long payable,
      @ForAll @LongRange(min = 1, max = 1_000_000_000L) long more,
      @ForAll @DoubleRange(min = 0.01, max = 1) double probability,
      @ForAll @DoubleRange(min = 0.01, max = 1) double share) {
    assertEquals(1 - (double) more / payable, SolverQuality.objectiveRatio(
        proposal(Strategy.AGGRESSIVE, payable, 0.5, 0), proposal(Strategy.AGGRESSIVE, payable + more, 0.5, 0)), 1e-12);
    double less = probability * (1 - share);
    assertEquals(1 - share, SolverQuality.objectiveRatio(proposal(Strategy.CONSERVATIVE, 1, probability, 100),
        proposal(Strategy.CONSERVATIVE, 1, less, 100)), 1e-9);
  }

  @Property
  void aWorseBalancedPlanIsBelowOne(@ForAll @DoubleRange(min = -1e9, max = 1e9) double exact,
      @ForAll @DoubleRange(min = 0.01, max = 1e9) double less) {
    double ratio = SolverQuality.objectiveRatio(proposal(Strategy.BALANCED, 1, 0.5, exact),
        proposal(Strategy.BALANCED, 1, 0.5, exact - less));
    assertTrue(ratio < 1, exact + " vs " + (exact - less) + ": " + ratio);
  }

  /** Plans of two strategies have no common objective: refused, naming both. */
  @Property
  void plansOfTwoStrategiesAreRefused(@ForAll Strategy exact, @ForAll Strategy candidate) {
    net.jqwik.api.Assume.that(exact != candidate);
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> SolverQuality.objectiveRatio(proposal(exact, 100, 0.5, 1), proposal(candidate, 100, 0.5, 1)));
    assertEquals("compare plans of one strategy: " + exact + " vs " + candidate, e.getMessage());
  }
}
