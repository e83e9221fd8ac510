package io.github.fenqi.core.solve.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.solve.internal.MultipleChoiceKnapsack.Group;
import io.github.fenqi.core.solve.internal.MultipleChoiceKnapsack.Solution;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class MultipleChoiceKnapsackProperties {

  private static Group[] randomGroups(long seed, int groups, int maxItems, boolean integerValues) {
    Random r = new Random(seed);
    Group[] out = new Group[groups];
    for (int g = 0; g < groups; g++) {
      int k = 1 + r.nextInt(maxItems);
      long[] a = new long[k];
      long[] b = new long[k];
      double[] v = new double[k];
      for (int i = 0; i < k; i++) {
        a[i] = r.nextInt(1000);
        b[i] = r.nextInt(5) == 0 ? 0 : r.nextInt(500);
        // values correlated with weights, as in the real problem (paying more up front is worth more)
        v[i] = integerValues ? r.nextInt(50) : a[i] * 0.01 + b[i] * 0.02 + r.nextGaussian();
      }
      out[g] = new Group(a, b, v);
    }
    return out;
  }

  /** Exhaustive search: the reference the exact solver must match. */
  private static Optional<Double> bruteForce(Group[] groups, long capA, long capB) {
    double[] best = {Double.NEGATIVE_INFINITY};
    walk(groups, 0, 0, 0, 0.0, capA, capB, best);
    return best[0] == Double.NEGATIVE_INFINITY ? Optional.empty() : Optional.of(best[0]);
  }

  private static void walk(Group[] groups, int g, long usedA, long usedB, double value, long capA, long capB,
      double[] best) {
    if (g == groups.length) {
      if (usedA <= capA && usedB <= capB && value > best[0]) {
        best[0] = value;
      }
      return;
    }
    for (int i = 0; i < groups[g].size(); i++) {
      walk(groups, g + 1, usedA + groups[g].weightA()[i], usedB + groups[g].weightB()[i],
          value + groups[g].value()[i], capA, capB, best);
    }
  }

  @Property(tries = 3000)
  void matchesBruteForceOnSmallCases(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int groups,
      @ForAll @IntRange(min = 1, max = 7) int maxItems, @ForAll @LongRange(min = 0, max = 4000) long capA,
      @ForAll @LongRange(min = 0, max = 1500) long capB, @ForAll boolean integerValues) {
    Group[] gs = randomGroups(seed, groups, maxItems, integerValues);
    Optional<Double> expected = bruteForce(gs, capA, capB);
    MultipleChoiceKnapsack.Result result = MultipleChoiceKnapsack.solve(gs, capA, capB);
    assertTrue(result.proven(), "small cases are always searched to the end");
    Optional<Solution> actual = result.best();
    assertEquals(expected.isPresent(), actual.isPresent(), "feasibility");
    if (expected.isPresent()) {
      Solution s = actual.orElseThrow();
      assertEquals(expected.get(), s.value(), 1e-9 * Math.max(1, Math.abs(expected.get())));
      assertChoiceHoldsWhatItReports(gs, s, capA, capB);
    }
  }

  /** The reported choice really has the reported value and weights, and fits both capacities. */
  private static void assertChoiceHoldsWhatItReports(Group[] gs, Solution s, long capA, long capB) {
    double value = 0;
    long usedA = 0;
    long usedB = 0;
    for (int g = 0; g < gs.length; g++) {
      value += gs[g].value()[s.choice()[g]];
      usedA += gs[g].weightA()[s.choice()[g]];
      usedB += gs[g].weightB()[s.choice()[g]];
    }
    assertEquals(s.value(), value, 1e-9 * Math.max(1, Math.abs(value)));
    assertTrue(usedA <= capA && usedB <= capB);
    assertEquals(usedA, s.totalWeightA());
    assertEquals(usedB, s.totalWeightB());
  }

  /** A probe of 1–30 nodes forces local search, reduced-cost fixing and the seeded search on the core. */
  @Property(tries = 2000)
  void reducedCostFixingKeepsTheOptimum(@ForAll long seed, @ForAll @IntRange(min = 2, max = 5) int groups,
      @ForAll @IntRange(min = 2, max = 7) int maxItems, @ForAll @LongRange(min = 0, max = 4000) long capA,
      @ForAll @LongRange(min = 0, max = 1500) long capB, @ForAll @IntRange(min = 1, max = 30) int probe) {
    Group[] gs = randomGroups(seed, groups, maxItems, false);
    Optional<Double> expected = bruteForce(gs, capA, capB);
    MultipleChoiceKnapsack.Result result = MultipleChoiceKnapsack.solve(gs, capA, capB, 1_000_000, probe);
    assertTrue(result.proven());
    assertEquals(expected.isPresent(), result.best().isPresent(), "feasibility");
    expected.ifPresent(v -> assertEquals(v, result.best().get().value(), 1e-9 * Math.max(1, Math.abs(v))));
  }

  private static long capacityBetween(Group[] groups, boolean weightA, int percent) {
    long min = 0;
    long max = 0;
    for (Group g : groups) {
      long[] w = weightA ? g.weightA() : g.weightB();
      min += java.util.Arrays.stream(w).min().orElseThrow();
      max += java.util.Arrays.stream(w).max().orElseThrow();
    }
    return min + (max - min) * percent / 100;
  }

  /** The feasible selection of least value (ties: first found), or null when none fits. */
  private static Solution worstFeasible(Group[] groups, long capA, long capB) {
    int n = groups.length;
    int[] choice = new int[n];
    Solution[] worst = {null};
    worst(groups, 0, choice, 0, 0, 0.0, capA, capB, worst);
    return worst[0];
  }

  private static void worst(Group[] groups, int g, int[] choice, long usedA, long usedB, double value, long capA,
      long capB, Solution[] worst) {
    if (g == groups.length) {
      if (usedA <= capA && usedB <= capB && (worst[0] == null || value < worst[0].value())) {
        worst[0] = new Solution(choice.clone(), value, usedA, usedB);
      }
      return;
    }
    for (int i = 0; i < groups[g].size(); i++) {
      choice[g] = i;
      worst(groups, g + 1, choice, usedA + groups[g].weightA()[i], usedB + groups[g].weightB()[i],
          value + groups[g].value()[i], capA, capB, worst);
    }
  }

  /**
   * Started from the worst feasible selection, the exact part runs all its floor passes (the local search lifts
   * the start only part of the way); bound lists of 1–4 entries force the suffix bound's coarsening into buckets
   * on every layer. The optimum must not change.
   */
  @Property(tries = 2000)
  void floorPassesAndCoarsenedBoundKeepTheOptimum(@ForAll long seed, @ForAll @IntRange(min = 2, max = 7) int groups,
      @ForAll @IntRange(min = 2, max = 5) int maxItems, @ForAll @IntRange(min = 0, max = 100) int slackA,
      @ForAll @IntRange(min = 0, max = 100) int slackB, @ForAll @IntRange(min = 1, max = 4) int boundList,
      @ForAll boolean integerValues) {
    Group[] gs = randomGroups(seed, groups, maxItems, integerValues);
    // capacities between the lightest and the heaviest selection, so that most cases are feasible and bind
    long capA = capacityBetween(gs, true, slackA);
    long capB = capacityBetween(gs, false, slackB);
    Solution start = worstFeasible(gs, capA, capB);
    Assume.that(start != null);
    double expected = bruteForce(gs, capA, capB).orElseThrow();
    MultipleChoiceKnapsack.Result result = MultipleChoiceKnapsack.solveFrom(gs, capA, capB, start, boundList);
    assertTrue(result.proven());
    Solution s = result.best().orElseThrow();
    assertEquals(expected, s.value(), 1e-9 * Math.max(1, Math.abs(expected)));
    assertChoiceHoldsWhatItReports(gs, s, capA, capB);
  }

  @Property(tries = 500)
  void pruningKeepsEveryNonDominatedItem(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int items) {
    Group g = randomGroups(seed, 1, items, true)[0];
    int[] kept = MultipleChoiceKnapsack.prune(g);
    boolean[] isKept = new boolean[g.size()];
    for (int k : kept) {
      isKept[k] = true;
    }
    for (int i = 0; i < g.size(); i++) {
      boolean dominated = false;
      for (int k : kept) {
        if (k != i && g.weightA()[k] <= g.weightA()[i] && g.weightB()[k] <= g.weightB()[i]
            && g.value()[k] >= g.value()[i]) {
          dominated = true;
        }
      }
      assertTrue(isKept[i] || dominated, "item " + i + " dropped but not dominated by a kept item");
      if (isKept[i]) {
        for (int k : kept) {
          boolean strictlyBetter = g.weightA()[k] <= g.weightA()[i] && g.weightB()[k] <= g.weightB()[i]
              && g.value()[k] >= g.value()[i]
              && (g.weightA()[k] < g.weightA()[i] || g.weightB()[k] < g.weightB()[i] || g.value()[k] > g.value()[i]);
          assertFalse(k != i && strictlyBetter, "kept item " + i + " is strictly dominated by " + k);
        }
      }
    }
  }

  @Test
  void emptyGroupMakesTheCaseInfeasible() {
    Group[] gs = {new Group(new long[] {1}, new long[] {0}, new double[] {1}), new Group(new long[0], new long[0], new double[0])};
    MultipleChoiceKnapsack.Result r = MultipleChoiceKnapsack.solve(gs, 10, 10);
    assertTrue(r.best().isEmpty());
    assertTrue(r.proven());
  }

  @Test
  void nodeBudgetEndsTheSearchAndSaysOptimalityIsUnproven() {
    Group[] gs = randomGroups(42, 20, 400, false);
    MultipleChoiceKnapsack.Result r = MultipleChoiceKnapsack.solve(gs, 20 * 300, 20 * 120, 10_000);
    assertFalse(r.proven());
    Solution s = r.best().orElseThrow(() -> new AssertionError("a feasible selection should be found early"));
    assertTrue(s.totalWeightA() <= 20 * 300 && s.totalWeightB() <= 20 * 120);
  }

}
