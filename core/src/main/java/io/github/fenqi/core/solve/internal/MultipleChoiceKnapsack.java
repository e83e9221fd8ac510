package io.github.fenqi.core.solve.internal;

import java.util.Arrays;
import java.util.Optional;

/**
 * Exact multiple-choice knapsack with two resources: pick exactly one item from every group so that
 * Σ weightA ≤ capacityA and Σ weightB ≤ capacityB, maximising Σ value.
 *
 * <p>In fenqi, a group is a debt, an item one of its negotiation options, weight A its first-month
 * installment, weight B its down payment, both in fen, and value the strategy's objective.
 *
 * <p>Method: (1) dominance pruning inside each group — an item is dropped when another has no more of
 * either weight and at least its value; (2) depth-first branch and bound over the groups, most decisive
 * first, with an upper bound that is the smaller of the unconstrained bound Σ max value and a Lagrangian
 * bound {@code λ·A_left + μ·B_left + Σ max(value − λ·a − μ·b)} with multipliers fitted once at the root
 * by projected subgradient steps; (3) feasibility pruning with suffix minima of both weights. Every bound
 * is valid for any λ, μ ≥ 0, so the result is the exact optimum; the multipliers only decide how much
 * is pruned. Ties are broken towards the lexicographically first solution in search order.
 *
 * <p>Thread-safety: immutable; {@link #solve} keeps its state on the stack and may run concurrently.
 */
public final class MultipleChoiceKnapsack {

  /** One group's items as parallel arrays. */
  public record Group(long[] weightA, long[] weightB, double[] value) {
    public Group {
      if (weightA.length != weightB.length || weightA.length != value.length) {
        throw new IllegalArgumentException("arrays differ in length");
      }
    }

    public int size() {
      return value.length;
    }
  }

  /** The chosen item index of every group (indexes into the caller's arrays) and the total value. */
  public record Solution(int[] choice, double value, long totalWeightA, long totalWeightB) {}

  /**
   * What a search found. {@code exhaustive} means the search finished: {@code best} is then the proven
   * optimum, or absent because no selection fits. When the node budget ran out first, {@code best} is
   * the best selection found so far (possibly none) and optimality is not proven.
   */
  public record Result(Optional<Solution> best, boolean exhaustive, long nodes) {
    /** True when the optimum is proven, or infeasibility is. */
    public boolean proven() {
      return exhaustive;
    }
  }

  /** Default node budget: far above what structured fenqi option grids need (see the benchmarks). */
  public static final long DEFAULT_MAX_NODES = 5_000_000L;

  private static final int SUBGRADIENT_ROUNDS = 40;

  private MultipleChoiceKnapsack() {}

  /** Solves with {@link #DEFAULT_MAX_NODES}. */
  public static Result solve(Group[] groups, long capacityA, long capacityB) {
    return solve(groups, capacityA, capacityB, DEFAULT_MAX_NODES);
  }

  /**
   * The optimum, or no solution when no selection fits both capacities (or a group is empty), searching
   * at most {@code maxNodes} nodes.
   */
  public static Result solve(Group[] groups, long capacityA, long capacityB, long maxNodes) {
    int n = groups.length;
    if (n == 0) {
      return new Result(Optional.of(new Solution(new int[0], 0, 0, 0)), true, 0);
    }
    int[][] kept = new int[n][];
    for (int g = 0; g < n; g++) {
      kept[g] = prune(groups[g]);
      if (kept[g].length == 0) {
        return new Result(Optional.empty(), true, 0);
      }
    }
    return new Search(groups, kept, capacityA, capacityB, maxNodes).run();
  }

  /**
   * Indexes of the non-dominated items of a group, best value first. Dominated: another item has
   * weightA ≤, weightB ≤ and value ≥ (the earlier in value order wins a tie).
   */
  static int[] prune(Group group) {
    int size = group.size();
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    long[] a = group.weightA();
    long[] b = group.weightB();
    double[] v = group.value();
    Arrays.sort(order, (x, y) -> {
      int c = Double.compare(v[y], v[x]);
      if (c != 0) {
        return c;
      }
      c = Long.compare(a[x], a[y]);
      return c != 0 ? c : Long.compare(b[x], b[y]);
    });
    // Staircase of kept (a, b): a strictly increasing, b strictly decreasing. A new item is dominated
    // iff the kept point with the largest a ≤ its a has b ≤ its b.
    long[] stairA = new long[Math.min(size, 16)];
    long[] stairB = new long[stairA.length];
    int stairLen = 0;
    int[] out = new int[size];
    int outLen = 0;
    for (int idx : order) {
      if (Double.isNaN(v[idx])) {
        continue;
      }
      long ia = a[idx];
      long ib = b[idx];
      int pos = upperBound(stairA, stairLen, ia) - 1; // last with stairA <= ia
      if (pos >= 0 && stairB[pos] <= ib) {
        continue;
      }
      out[outLen++] = idx;
      // insert (ia, ib): remove points with a >= ia and b >= ib, which now sit right after pos
      int from = pos + 1;
      int to = from;
      while (to < stairLen && stairB[to] >= ib) {
        to++;
      }
      int removed = to - from;
      if (removed == 0) {
        if (stairLen == stairA.length) {
          stairA = Arrays.copyOf(stairA, stairLen * 2);
          stairB = Arrays.copyOf(stairB, stairLen * 2);
        }
        System.arraycopy(stairA, from, stairA, from + 1, stairLen - from);
        System.arraycopy(stairB, from, stairB, from + 1, stairLen - from);
        stairLen++;
      } else if (removed > 1) {
        System.arraycopy(stairA, to, stairA, from + 1, stairLen - to);
        System.arraycopy(stairB, to, stairB, from + 1, stairLen - to);
        stairLen -= removed - 1;
      }
      stairA[from] = ia;
      stairB[from] = ib;
    }
    return Arrays.copyOf(out, outLen);
  }

  private static int upperBound(long[] sorted, int len, long key) {
    int lo = 0;
    int hi = len;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The state of one search: arrays ordered for branching, suffix bounds, the incumbent. */
  private static final class Search {
    private final int n;
    private final int[] groupOf; // search depth -> original group index
    private final long[][] a;
    private final long[][] b;
    private final double[][] v;
    private final int[][] originalIndex;
    private final long capA;
    private final long capB;
    private double lambda;
    private double mu;
    private final long[] suffixMinA;
    private final long[] suffixMinB;
    private final double[] suffixMaxValue;
    private final double[] suffixMaxReduced;
    // LP bound (Lagrangian on weight B with μ, LP relaxation on weight A), per depth over groups >= depth:
    private final double[] hullBaseValue; // Σ reduced value of each group's min-weightA hull point
    private final long[] hullBaseA; // Σ weightA of those points
    private final long[][] incA; // prefix sums of the hull increments' weightA, by slope descending
    private final double[][] incV; // prefix sums of their reduced value
    private final int[] current;
    private int[] best;
    private double bestValue = Double.NEGATIVE_INFINITY;
    private long nodes;
    private final long maxNodes;

    Search(Group[] groups, int[][] kept, long capA, long capB, long maxNodes) {
      this.n = groups.length;
      this.maxNodes = maxNodes;
      this.capA = capA;
      this.capB = capB;
      fitMultipliers(groups, kept);
      // Most decisive group first: the widest spread of reduced value.
      Integer[] order = new Integer[n];
      double[] spread = new double[n];
      for (int g = 0; g < n; g++) {
        order[g] = g;
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int idx : kept[g]) {
          double r = reduced(groups[g], idx);
          max = Math.max(max, r);
          min = Math.min(min, r);
        }
        spread[g] = max - min;
      }
      Arrays.sort(order, (x, y) -> Double.compare(spread[y], spread[x]));
      groupOf = new int[n];
      a = new long[n][];
      b = new long[n][];
      v = new double[n][];
      originalIndex = new int[n][];
      for (int depth = 0; depth < n; depth++) {
        int g = order[depth];
        groupOf[depth] = g;
        Group group = groups[g];
        Integer[] items = Arrays.stream(kept[g]).boxed().toArray(Integer[]::new);
        // Best reduced value first, so good incumbents come early.
        Arrays.sort(items, (x, y) -> Double.compare(reduced(group, y), reduced(group, x)));
        int k = items.length;
        a[depth] = new long[k];
        b[depth] = new long[k];
        v[depth] = new double[k];
        originalIndex[depth] = new int[k];
        for (int j = 0; j < k; j++) {
          int idx = items[j];
          a[depth][j] = group.weightA()[idx];
          b[depth][j] = group.weightB()[idx];
          v[depth][j] = group.value()[idx];
          originalIndex[depth][j] = idx;
        }
      }
      suffixMinA = new long[n + 1];
      suffixMinB = new long[n + 1];
      suffixMaxValue = new double[n + 1];
      suffixMaxReduced = new double[n + 1];
      for (int depth = n - 1; depth >= 0; depth--) {
        long minA = Long.MAX_VALUE;
        long minB = Long.MAX_VALUE;
        double maxV = Double.NEGATIVE_INFINITY;
        double maxR = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < v[depth].length; j++) {
          minA = Math.min(minA, a[depth][j]);
          minB = Math.min(minB, b[depth][j]);
          maxV = Math.max(maxV, v[depth][j]);
          maxR = Math.max(maxR, v[depth][j] - lambda * a[depth][j] - mu * b[depth][j]);
        }
        suffixMinA[depth] = saturatingAdd(suffixMinA[depth + 1], minA);
        suffixMinB[depth] = saturatingAdd(suffixMinB[depth + 1], minB);
        suffixMaxValue[depth] = suffixMaxValue[depth + 1] + maxV;
        suffixMaxReduced[depth] = suffixMaxReduced[depth + 1] + maxR;
      }
      hullBaseValue = new double[n + 1];
      hullBaseA = new long[n + 1];
      incA = new long[n + 1][];
      incV = new double[n + 1][];
      buildLpBounds();
      current = new int[n];
    }

    /**
     * For every depth, the LP relaxation of the remaining groups with one constraint (weight A) and
     * value − μ·weightB: the upper convex hull of each group, its increments merged by slope.
     */
    private void buildLpBounds() {
      double[][] hullDa = new double[n][];
      double[][] hullDv = new double[n][];
      double[] baseV = new double[n];
      long[] baseA = new long[n];
      for (int depth = 0; depth < n; depth++) {
        int k = v[depth].length;
        Integer[] byA = new Integer[k];
        for (int j = 0; j < k; j++) {
          byA[j] = j;
        }
        final int d = depth;
        Arrays.sort(byA, (x, y) -> {
          int c = Long.compare(a[d][x], a[d][y]);
          return c != 0 ? c : Double.compare(v[d][y] - mu * b[d][y], v[d][x] - mu * b[d][x]);
        });
        long[] hx = new long[k];
        double[] hy = new double[k];
        int h = 0;
        for (int idx : byA) {
          long x = a[d][idx];
          double y = v[d][idx] - mu * b[d][idx];
          if (h > 0 && y <= hy[h - 1]) {
            continue; // more weight for no more value: never in the LP optimum
          }
          while (h >= 2 && (hy[h - 1] - hy[h - 2]) * (x - hx[h - 2]) <= (y - hy[h - 2]) * (hx[h - 1] - hx[h - 2])) {
            h--; // middle point under the chord
          }
          if (h > 0 && hx[h - 1] == x) {
            h--; // same weight, higher value replaces it
          }
          hx[h] = x;
          hy[h] = y;
          h++;
        }
        baseV[depth] = hy[0];
        baseA[depth] = hx[0];
        hullDa[depth] = new double[h - 1];
        hullDv[depth] = new double[h - 1];
        for (int j = 1; j < h; j++) {
          hullDa[depth][j - 1] = hx[j] - hx[j - 1];
          hullDv[depth][j - 1] = hy[j] - hy[j - 1];
        }
      }
      for (int depth = n; depth >= 0; depth--) {
        if (depth == n) {
          incA[depth] = new long[] {0};
          incV[depth] = new double[] {0};
          continue;
        }
        hullBaseValue[depth] = hullBaseValue[depth + 1] + baseV[depth];
        hullBaseA[depth] = saturatingAdd(hullBaseA[depth + 1], baseA[depth]);
        int total = 0;
        for (int k = depth; k < n; k++) {
          total += hullDa[k].length;
        }
        double[] da = new double[total];
        double[] dv = new double[total];
        Integer[] order = new Integer[total];
        int pos = 0;
        for (int k = depth; k < n; k++) {
          for (int j = 0; j < hullDa[k].length; j++) {
            da[pos] = hullDa[k][j];
            dv[pos] = hullDv[k][j];
            order[pos] = pos;
            pos++;
          }
        }
        Arrays.sort(order, (x, y) -> Double.compare(dv[y] / da[y], dv[x] / da[x]));
        long[] pa = new long[total + 1];
        double[] pv = new double[total + 1];
        for (int j = 0; j < total; j++) {
          pa[j + 1] = saturatingAdd(pa[j], (long) da[order[j]]);
          pv[j + 1] = pv[j] + dv[order[j]];
        }
        incA[depth] = pa;
        incV[depth] = pv;
      }
    }

    /** Upper bound of the best value of groups >= depth with the capacities left, or -inf if none fits. */
    private double lpBound(int depth, long leftA, long leftB) {
      long room = leftA - hullBaseA[depth];
      if (room < 0) {
        return Double.NEGATIVE_INFINITY;
      }
      long[] pa = incA[depth];
      double[] pv = incV[depth];
      int j = upperBound(pa, pa.length, room) - 1; // increments that fit whole
      double fill = pv[j];
      if (j + 1 < pa.length) {
        double slope = (pv[j + 1] - pv[j]) / (double) (pa[j + 1] - pa[j]);
        fill += slope * (room - pa[j]);
      }
      return hullBaseValue[depth] + fill + mu * leftB;
    }

    private double reduced(Group g, int idx) {
      return g.value()[idx] - lambda * g.weightA()[idx] - mu * g.weightB()[idx];
    }

    /** Projected subgradient descent on the Lagrangian dual; any λ, μ ≥ 0 keeps the bound valid. */
    private void fitMultipliers(Group[] groups, int[][] kept) {
      double bestDual = Double.POSITIVE_INFINITY;
      double bestL = 0;
      double bestM = 0;
      double l = 0;
      double m = 0;
      double valueScale = 0;
      for (int g = 0; g < groups.length; g++) {
        for (int idx : kept[g]) {
          valueScale = Math.max(valueScale, Math.abs(groups[g].value()[idx]));
        }
      }
      double step = 1.0;
      for (int round = 0; round < SUBGRADIENT_ROUNDS; round++) {
        double dual = l * capA + m * capB;
        double usedA = 0;
        double usedB = 0;
        for (int g = 0; g < groups.length; g++) {
          Group group = groups[g];
          double bestR = Double.NEGATIVE_INFINITY;
          int arg = -1;
          for (int idx : kept[g]) {
            double r = group.value()[idx] - l * group.weightA()[idx] - m * group.weightB()[idx];
            if (r > bestR) {
              bestR = r;
              arg = idx;
            }
          }
          dual += bestR;
          usedA += group.weightA()[arg];
          usedB += group.weightB()[arg];
        }
        if (dual < bestDual) {
          bestDual = dual;
          bestL = l;
          bestM = m;
        }
        double gA = capA - usedA; // subgradient of the dual
        double gB = capB - usedB;
        double norm = gA * gA + gB * gB;
        if (norm == 0) {
          break;
        }
        double t = step * Math.max(1e-9, valueScale) / Math.sqrt(norm) / Math.max(1.0, Math.sqrt(norm));
        l = Math.max(0, l - t * gA);
        m = Math.max(0, m - t * gB);
        step *= 0.85;
      }
      this.lambda = bestL;
      this.mu = bestM;
    }

    Result run() {
      if (suffixMinA[0] > capA || suffixMinB[0] > capB) {
        return new Result(Optional.empty(), true, 0);
      }
      descend(0, 0.0, capA, capB);
      boolean exhaustive = nodes <= maxNodes;
      if (best == null) {
        return new Result(Optional.empty(), exhaustive, nodes);
      }
      int[] choice = new int[n];
      long totalA = 0;
      long totalB = 0;
      for (int depth = 0; depth < n; depth++) {
        int j = best[depth];
        choice[groupOf[depth]] = originalIndex[depth][j];
        totalA += a[depth][j];
        totalB += b[depth][j];
      }
      return new Result(Optional.of(new Solution(choice, bestValue, totalA, totalB)), exhaustive, nodes);
    }

    private void descend(int depth, double value, long leftA, long leftB) {
      if (++nodes > maxNodes) {
        return;
      }
      if (depth == n) {
        if (value > bestValue) {
          bestValue = value;
          best = current.clone();
        }
        return;
      }
      double bound = value + bound(depth, leftA, leftB);
      if (bound <= bestValue + tolerance(bestValue)) {
        return;
      }
      long restMinA = suffixMinA[depth + 1];
      long restMinB = suffixMinB[depth + 1];
      long[] ad = a[depth];
      long[] bd = b[depth];
      double[] vd = v[depth];
      for (int j = 0; j < vd.length; j++) {
        long na = leftA - ad[j];
        long nb = leftB - bd[j];
        if (na < restMinA || nb < restMinB) {
          continue;
        }
        // Cheap per-item bound before recursing.
        double itemBound = value + vd[j] + bound(depth + 1, na, nb);
        if (itemBound <= bestValue + tolerance(bestValue)) {
          continue;
        }
        current[depth] = j;
        descend(depth + 1, value + vd[j], na, nb);
        if (nodes > maxNodes) {
          return;
        }
      }
    }

    private double bound(int depth, long leftA, long leftB) {
      return Math.min(Math.min(suffixMaxValue[depth], suffixMaxReduced[depth] + lambda * leftA + mu * leftB),
          lpBound(depth, leftA, leftB));
    }

    private static double tolerance(double reference) {
      return Double.isInfinite(reference) ? 0 : 1e-12 * Math.max(1.0, Math.abs(reference));
    }

    private static long saturatingAdd(long x, long y) {
      long r = x + y;
      return ((x ^ r) & (y ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
  }
}
