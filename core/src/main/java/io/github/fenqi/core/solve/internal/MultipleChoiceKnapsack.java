package io.github.fenqi.core.solve.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Exact multiple-choice knapsack with two resources: pick exactly one item from every group so that
 * Σ weightA ≤ capacityA and Σ weightB ≤ capacityB, maximising Σ value.
 *
 * <p>In fenqi, a group is a debt, an item one of its negotiation options, weight A its first-month
 * installment, weight B its down payment, both in fen, and value the strategy's objective.
 *
 * <p>Method: (1) dominance pruning inside each group — an item is dropped when another has no more of
 * either weight and at least its value; (2) the LP relaxation of weight A with weight B priced by a
 * Lagrange multiplier μ ({@code value − μ·b} on each group's upper convex hull, increments taken by slope),
 * μ where the LP solution's weight B falls to capacity B (on a bisection grid; the LP's tangents locate the crossing,
 * so few LPs are solved); its integer part seeds the incumbent
 * and its break slope λ orders the branches; (3) depth-first branch and bound over the groups, most
 * decisive first, bounding every node by the same LP on the remaining groups and capacities (prefix sums
 * and a binary search, O(log) per node) and by Σ max value; (4) feasibility pruning with suffix minima of
 * both weights. Every bound is valid for any μ ≥ 0, so the result is the exact optimum; μ and λ only
 * decide how much is pruned. Ties go to the first solution in search order. "Exact" is to a relative 10⁻¹² of the
 * value: a selection must beat the best known one by that much to replace it (the value sums of thousands of doubles
 * round in the 16th digit), so of two selections closer than that, which one is returned depends on the search's path.
 *
 * <p>When a first search of {@value #PROBE_NODES} nodes does not finish, its best solution is improved by local
 * search (best single-group changes), giving an incumbent I (when it found nothing that fits — capacities so tight
 * that few selections do — a dynamic program over the weights alone finds one or proves there is none, see
 * {@link #anyFeasible}), and the search's multipliers give a Lagrangian
 * bound L. The exact part then runs in passes with a <em>floor</em> F between them,
 * starting near L and widening towards I: every item whose Lagrangian bound cannot beat F is dropped
 * (reduced-cost fixing), and the rest is solved by a dynamic program over non-dominated partial selections —
 * near-ties, which make branch and bound enumerate, collapse there — pruned by a bound exact in weight B
 * (see {@code Search#addSuffixBoundOnB}; a layer asks it once per distinct weight B of its group and partial selection,
 * as a group's items share few weights B). Before a layer pairs its partial selections with its group's items, each
 * level of weight B keeps only the partial selections that its lightest and best items could extend — the weights
 * left and the bounds checked once per (level, partial selection) instead of once per pair (see
 * {@code Search#extendable}). A pass builds that bound before the rest of its search, and ends there when the bound at
 * the root is already at or below F (most passes whose floor lies above the optimum: 110 of the 174 fresh passes of
 * twelve 20-debt cases). A pass that finds a solution above F has found the optimum; one that
 * finds none proves the optimum is below F, and the next pass lowers it; the last pass has F = I. A pass that finds
 * nothing still completes the partial selections that reach its last layer, all below F: the best of them, when it
 * beats I, becomes the incumbent (on tight budgets a failing pass near the optimum often meets a selection close to
 * it, and the passes left are then bounded by it). Every layer before the last is also completed with the items the
 * best known selection takes after it (see {@code Search#completeWithBest}): a completion that fits and is worth more
 * becomes that selection, and when it beats F the following layers must beat it instead of F — a pass whose floor lies
 * well below the optimum then stops carrying the partial selections only that floor let through, and a failing pass
 * hands a better incumbent to the next. Passes near the bound are small, so a case whose optimum lies
 * close to L (the usual one) is settled without ever enumerating the partial selections between I and L. When a
 * program's layers grow too large, its floor was too far below the optimum for the bounds: the next floors bisect
 * between it and the lowest floor known to have nothing above it, and only when that band closes does the search
 * with the same floor and bounds take over.
 *
 * <p>Thread-safety: immutable; {@link #solve} keeps its state on the stack and may run concurrently.
 */
public final class MultipleChoiceKnapsack {

  /**
   * One group's items as parallel arrays, and optionally their {@link WeightOrder}, which must then be the order of
   * exactly these weights. Groups that share their weights, as a case's three strategies do, should share one: it
   * makes dominance pruning several times cheaper. Without one, pruning sorts the items by value instead.
   *
   * <p>Thread-safety: holds the caller's arrays, not copies; safe to share between concurrent searches, as the three
   * strategies do, as long as no one writes to the arrays.
   */
  public record Group(long[] weightA, long[] weightB, double[] value, @Nullable WeightOrder order) {
    public Group {
      if (weightA.length != weightB.length || weightA.length != value.length
          || (order != null && order.byWeight.length != value.length)) {
        throw new IllegalArgumentException("arrays differ in length");
      }
    }

    /** A group without a weight order. */
    public Group(long[] weightA, long[] weightB, double[] value) {
      this(weightA, weightB, value, null);
    }

    public int size() {
      return value.length;
    }
  }

  /**
   * A group's items in ascending (weightA, weightB, index) order, cut into runs of equal weights, each with its rank
   * among the group's distinct weightB values: what dominance pruning needs besides the values. It depends on the
   * weights only, so a case's three strategies, which share the weights and differ in value, build it once (sorting
   * was most of the pruning's cost when every strategy sorted every group by value).
   *
   * <p>Thread-safety: immutable.
   */
  public static final class WeightOrder {
    final int[] byWeight;
    final int ranksB;
    /**
     * Each item's rank among the group's distinct weights B: a search orders a group's items by weight B with a counting
     * sort over these instead of sorting the weights again for every pass.
     */
    final int[] rankB;
    /**
     * Runs of items with equal weights: run r is byWeight[runStart[r] .. runStart[r + 1]) and its weight-B rank
     * runRank[r]. Pruning walks these sequentially instead of reading both weights of every item in sorted order
     * (scattered reads that were most of its time).
     */
    final int[] runStart;
    final int[] runRank;

    private WeightOrder(int[] byWeight, int ranksB, int[] rankB, int[] runStart, int[] runRank) {
      this.byWeight = byWeight;
      this.ranksB = ranksB;
      this.rankB = rankB;
      this.runStart = runStart;
      this.runRank = runRank;
    }

    /** Cuts {@code byWeight} into runs of equal weights (the comparison path: weights read through the order). */
    private static WeightOrder cut(int[] byWeight, int[] rankB, int ranksB, long[] weightA, long[] weightB) {
      int k = byWeight.length;
      int[] starts = new int[k + 1];
      int[] ranks = new int[k];
      int runs = 0;
      for (int j = 0; j < k; j++) {
        int idx = byWeight[j];
        if (j == 0 || weightA[idx] != weightA[byWeight[j - 1]] || weightB[idx] != weightB[byWeight[j - 1]]) {
          starts[runs] = j;
          ranks[runs] = rankB[idx];
          runs++;
        }
      }
      starts[runs] = k;
      return new WeightOrder(byWeight, ranksB, rankB, Arrays.copyOf(starts, runs + 1), Arrays.copyOf(ranks, runs));
    }

    /** The order of these weights (equal lengths). */
    public static WeightOrder of(long[] weightA, long[] weightB) {
      int k = weightA.length;
      if (weightB.length != k) {
        throw new IllegalArgumentException("arrays differ in length");
      }
      int[] rankB = new int[k];
      int ranks = rankB(weightB, rankB);
      long minA = 0;
      long maxA = 0;
      for (long x : weightA) {
        minA = Math.min(minA, x);
        maxA = Math.max(maxA, x);
      }
      int indexBits = indexBits(k);
      if (k > 0 && minA >= 0 && maxA <= ((Long.MAX_VALUE >> indexBits) - ranks) / ranks) {
        // one ascending sort of packed (a · ranks + rank of b, index) keys; equal weights are equal upper parts, so
        // the runs are cut from the sorted keys alone, without reading the weights through the order
        long[] keys = new long[k];
        for (int i = 0; i < k; i++) {
          keys[i] = ((weightA[i] * ranks + rankB[i]) << indexBits) | i;
        }
        sortKeys(keys, indexBits);
        int[] byWeight = new int[k];
        int[] starts = new int[k + 1];
        int[] runRanks = new int[k];
        int runs = 0;
        long low = (1L << indexBits) - 1;
        long previous = -1;
        for (int j = 0; j < k; j++) {
          int idx = (int) (keys[j] & low);
          long weights = keys[j] >>> indexBits;
          byWeight[j] = idx;
          if (weights != previous) {
            starts[runs] = j;
            runRanks[runs] = rankB[idx];
            runs++;
            previous = weights;
          }
        }
        starts[runs] = k;
        return new WeightOrder(byWeight, ranks, rankB, Arrays.copyOf(starts, runs + 1),
            Arrays.copyOf(runRanks, runs));
      }
      int[] byWeight = new int[k];
      Integer[] boxed = new Integer[k];
      for (int i = 0; i < k; i++) {
        boxed[i] = i;
      }
      Arrays.sort(boxed, (x, y) -> weightA[x] != weightA[y] ? Long.compare(weightA[x], weightA[y])
          : rankB[x] != rankB[y] ? Integer.compare(rankB[x], rankB[y]) : Integer.compare(x, y));
      for (int j = 0; j < k; j++) {
        byWeight[j] = boxed[j];
      }
      return cut(byWeight, rankB, ranks, weightA, weightB);
    }

    /**
     * Fills {@code rank} with each weight's rank among the distinct weights and returns their number. A grid lists
     * the terms of one down payment together, so its weights B come in long runs of one value: then only the runs
     * are sorted.
     */
    private static int rankB(long[] weight, int[] rank) {
      int k = weight.length;
      if (k == 0) {
        return 0;
      }
      int runs = 1;
      for (int i = 1; i < k; i++) {
        if (weight[i] != weight[i - 1]) {
          runs++;
        }
      }
      long[] values = weight;
      if (runs * 4L <= k) {
        values = new long[runs];
        int r = 0;
        values[0] = weight[0];
        for (int i = 1; i < k; i++) {
          if (weight[i] != weight[i - 1]) {
            values[++r] = weight[i];
          }
        }
      }
      int[] order = ascendingByWeight(values);
      int[] rankOf = values == weight ? rank : new int[values.length];
      int ranks = 0;
      for (int j = 0; j < order.length; j++) {
        if (j > 0 && values[order[j]] != values[order[j - 1]]) {
          ranks++;
        }
        rankOf[order[j]] = ranks;
      }
      if (rankOf != rank) {
        int r = 0;
        rank[0] = rankOf[0];
        for (int i = 1; i < k; i++) {
          if (weight[i] != weight[i - 1]) {
            r++;
          }
          rank[i] = rankOf[r];
        }
      }
      return ranks + 1;
    }
  }

  /**
   * The chosen item index of every group (indexes into the caller's arrays) and the total value.
   *
   * <p>Thread-safety: a plain holder; {@code choice} is an array, which the search no longer touches once it returns.
   */
  public record Solution(int[] choice, double value, long totalWeightA, long totalWeightB) {}

  /**
   * What a search found. {@code exhaustive} means the search finished: {@code best} is then the proven
   * optimum, or absent because no selection fits. When the node budget ran out first, {@code best} is
   * the best selection found so far (possibly none) and optimality is not proven. {@code nodes} is the work the
   * budget counts (search nodes and dynamic-program states); {@code pairs} the (partial selection, item) pairs of the
   * floor passes' programs' layers, which is what their time follows (most pairs die at a bound and never become
   * states; many are left out a level of weight B at a time, see {@code Search#extendable}, and count all the same)
   * — both independent of the machine.
   *
   * <p>Thread-safety: immutable, its solution's {@code choice} array aside (see {@link Solution}).
   */
  public record Result(Optional<Solution> best, boolean exhaustive, long nodes, long pairs) {
    /** A result of work that examined no program pairs. */
    public Result(Optional<Solution> best, boolean exhaustive, long nodes) {
      this(best, exhaustive, nodes, 0);
    }

    /** True when the optimum is proven, or infeasibility is. */
    public boolean proven() {
      return exhaustive;
    }
  }

  /** Largest layer the dynamic program keeps before it gives up (then branch and bound runs). */
  static final int MAX_DP_STATES = 400_000;
  /**
   * Most answers of the suffix bound on B a program layer keeps per (distinct weight B, partial selection): 8 MB. A
   * larger layer asks the bound pair by pair, as it would anyway.
   */
  private static final int MAX_KEPT_ANSWERS = 1 << 20;
  /** Most tangents {@code Search#crossing} draws before it leaves μ to bisection (it took 4–12 on benchmark cases). */
  private static final int CROSSING_STEPS = 40;

  /** Nodes of the first, incumbent-finding search before reduced-cost fixing. */
  static final int PROBE_NODES = 2_000;

  /**
   * Longest list a layer of the suffix bound on weight B keeps: longer ones are coarsened into buckets of weight B
   * (each bucket claims its best value at its lightest weight — still an upper bound, slightly looser).
   */
  static final int SUFFIX_BOUND_LIST = 1_024;

  /** The first floor is this fraction of the Lagrangian gap below the bound; each pass widens it by half. */
  private static final double FIRST_FLOOR_FRACTION = 1.0 / 16;
  private static final double FLOOR_GROWTH = 1.5;

  /**
   * The (partial selection, item) pairs a pass's program may examine: at least this many, and up to
   * {@link #PASS_PAIR_GROWTH} times as many as the lowest pass that found nothing examined. A pass costs about
   * 20 ns a pair, and its pairs grow steeply with the distance of its floor below the optimum (on one 20-debt case
   * 25 000 pairs at the optimum's level, 9.5 million a sixth of the gap lower), so a pass that needs many times its
   * predecessor's is stopped and a higher floor tried first; see {@link FloorSchedule}.
   */
  static final long PASS_PAIRS = 100_000;
  private static final long PASS_PAIR_GROWTH = 8;

  /**
   * Once the floors between the lowest one with nothing above and one that ran over its pair budget are this close
   * (a fraction of the Lagrangian gap), the latter runs without a pair budget.
   */
  private static final double PAIR_BUDGET_BAND = 1.0 / 64;

  /**
   * Drops every item that cannot be part of a solution worth more than {@code target}: for any λ, μ ≥ 0,
   * {@code L = λ·capA + μ·capB + Σ_g max_i r_gi} with {@code r = v − λa − μb} bounds every solution, and
   * {@code L − max_g + r_gj} bounds every solution that takes item j of group g. The items of {@code keepChoice}
   * (the incumbent) are kept. Takes λ, μ from {@code multipliers} and stores L third.
   *
   * <p>The multipliers are the first search's (its LP relaxation's break slope and fitted μ), which already put L
   * close to the Lagrangian dual's optimum (the LP relaxation's bound). Tightening them by 60 Polyak subgradient steps, as an
   * earlier version did, never lowered L by more than 0.01 % on the benchmark cases and cost 15 % of the solve.
   */
  static int[][] fixByReducedCost(Group[] groups, int[][] kept, long capA, long capB, double[] multipliers,
      double target, int[] keepChoice) {
    int n = groups.length;
    double lambda = multipliers[0];
    double mu = multipliers[1];
    double[] max = new double[n];
    double bound = lambda * capA + mu * capB;
    double magnitude = Math.abs(lambda * capA) + Math.abs(mu * capB); // of the terms L sums, for its rounding
    for (int g = 0; g < n; g++) {
      long[] a = groups[g].weightA();
      long[] b = groups[g].weightB();
      double[] v = groups[g].value();
      double m = Double.NEGATIVE_INFINITY;
      for (int idx : kept[g]) {
        m = Math.max(m, v[idx] - lambda * a[idx] - mu * b[idx]);
      }
      max[g] = m;
      bound += m;
      magnitude += Math.abs(m);
    }
    boolean noBound = !(bound < Double.POSITIVE_INFINITY); // an infinite value (or ∞ − ∞): keep everything
    multipliers[2] = noBound ? Double.POSITIVE_INFINITY : bound;
    double tolerance = fixingTolerance(target, magnitude);
    int[][] core = new int[n][];
    for (int g = 0; g < n; g++) {
      long[] a = groups[g].weightA();
      long[] b = groups[g].weightB();
      double[] v = groups[g].value();
      int[] keep = new int[kept[g].length];
      int k = 0;
      for (int idx : kept[g]) {
        double r = v[idx] - lambda * a[idx] - mu * b[idx];
        if (noBound || bound - max[g] + r > target - tolerance || idx == keepChoice[g]) {
          keep[k++] = idx;
        }
      }
      core[g] = Arrays.copyOf(keep, k);
    }
    return core;
  }

  /**
   * How far below {@code target} an item's Lagrangian bound may lie and reduced-cost fixing still keep it, for the
   * bound's rounding: relative to the target and to {@code magnitude}, the sum of the magnitudes of the bound's terms —
   * when λ·capA and μ·capB dwarf the values, the bound's rounding does too. (Above it, as it was, the margin dropped
   * items of selections up to 10⁻⁹ of the magnitude better than the target, far more than the 10⁻¹² the optimum is
   * exact to: three groups of values near −10⁸ lost an optimum 0.05 above the incumbent.) Fresh passes ({@link
   * #fixByReducedCost}) and continued ones ({@code Search#raisedTo}) drop items by the same rule.
   */
  static double fixingTolerance(double target, double magnitude) {
    return 1e-9 * Math.max(1, Math.max(Math.abs(target), magnitude));
  }

  /**
   * Local search from a feasible solution: repeatedly the best single-group change that keeps both capacities
   * and raises the value. Any feasible result is a valid incumbent; a better one lets reduced-cost fixing drop
   * more items. (Changes of two groups together were tried too: they cost the square of the items and, since the
   * floor passes, saved no work on the benchmark cases.)
   */
  static Solution improve(Group[] groups, int[][] kept, long capA, long capB, Solution start) {
    int n = groups.length;
    int[] choice = start.choice().clone();
    long usedA = start.totalWeightA();
    long usedB = start.totalWeightB();
    double value = start.value();
    boolean improved = true;
    int rounds = 0;
    while (improved && rounds++ < 50) {
      improved = false;
      // best 1-opt move
      double bestGain = 1e-12 * Math.max(1, Math.abs(value));
      int bestG = -1;
      int bestI = -1;
      for (int g = 0; g < n; g++) {
        Group gr = groups[g];
        int cur = choice[g];
        for (int idx : kept[g]) {
          long na = usedA - gr.weightA()[cur] + gr.weightA()[idx];
          long nb = usedB - gr.weightB()[cur] + gr.weightB()[idx];
          double gain = gr.value()[idx] - gr.value()[cur];
          if (na <= capA && nb <= capB && gain > bestGain) {
            bestGain = gain;
            bestG = g;
            bestI = idx;
          }
        }
      }
      if (bestG >= 0) {
        Group gr = groups[bestG];
        usedA += gr.weightA()[bestI] - gr.weightA()[choice[bestG]];
        usedB += gr.weightB()[bestI] - gr.weightB()[choice[bestG]];
        value += gr.value()[bestI] - gr.value()[choice[bestG]];
        choice[bestG] = bestI;
        improved = true;
      }
    }
    return new Solution(choice, value, usedA, usedB);
  }

  /**
   * Default work budget: 20-debt cases at ordinary budgets need tens of thousands; 1 000 000 left some tight-budget
   * cases of 20–25 debts and about one in fifteen solves of 30–40 debts unproven, 5 000 000 one in a hundred
   * (benchmarks/README.md, eighth session). Unproven cases spend all of it, about a second per million.
   */
  public static final long DEFAULT_MAX_NODES = 5_000_000L;

  private MultipleChoiceKnapsack() {}

  /** Solves with {@link #DEFAULT_MAX_NODES}. */
  public static Result solve(Group[] groups, long capacityA, long capacityB) {
    return solve(groups, capacityA, capacityB, DEFAULT_MAX_NODES);
  }

  /**
   * The optimum, or no solution when no selection fits both capacities (or a group is empty), with a work
   * budget of {@code maxNodes}: search nodes, and dynamic-program states (at most {@code maxNodes} in one
   * layer). When the budget runs out, the result is the best selection found and says it is not proven.
   */
  public static Result solve(Group[] groups, long capacityA, long capacityB, long maxNodes) {
    return solve(groups, capacityA, capacityB, maxNodes, PROBE_NODES, SUFFIX_BOUND_LIST);
  }

  /** As {@link #solve(Group[], long, long, long)} with the first search limited to {@code probeNodes} (tests). */
  static Result solve(Group[] groups, long capacityA, long capacityB, long maxNodes, long probeNodes) {
    return solve(groups, capacityA, capacityB, maxNodes, probeNodes, SUFFIX_BOUND_LIST);
  }

  /** As above, and the suffix bound's lists coarsened beyond {@code boundList} entries (tests use tiny lists). */
  static Result solve(Group[] groups, long capacityA, long capacityB, long maxNodes, long probeNodes, int boundList) {
    int n = groups.length;
    if (n == 0) {
      return new Result(Optional.of(new Solution(new int[0], 0, 0, 0)), true, 0);
    }
    int[][] kept = new int[n][];
    long minA = 0;
    long minB = 0;
    for (int g = 0; g < n; g++) {
      kept[g] = prune(groups[g]);
      if (kept[g].length == 0) {
        return new Result(Optional.empty(), true, 0);
      }
      long ga = Long.MAX_VALUE;
      long gb = Long.MAX_VALUE;
      for (int idx : kept[g]) {
        ga = Math.min(ga, groups[g].weightA()[idx]);
        gb = Math.min(gb, groups[g].weightB()[idx]);
      }
      minA = Search.saturatingAdd(minA, ga);
      minB = Search.saturatingAdd(minB, gb);
    }
    if (minA > capacityA || minB > capacityB) {
      return new Result(Optional.empty(), true, 0); // even the lightest choices do not fit
    }
    // 1. A short search: often finishes; otherwise leaves a good incumbent.
    Search probe = new Search(groups, kept, capacityA, capacityB, Math.min(maxNodes, probeNodes), null);
    Result first = probe.run();
    if (first.exhaustive()) {
      return first;
    }
    if (first.best().isPresent()) {
      return passes(groups, kept, capacityA, capacityB, maxNodes, probe, first.best().get(), first.nodes(), boundList,
          PASS_PAIRS);
    }
    // 1b. It found nothing that fits: capacities so tight that few selections do. Find one by weight alone, or prove
    // there is none.
    long left = maxNodes - first.nodes();
    Feasibility feasible = anyFeasible(groups, kept, capacityA, capacityB, Math.min(MAX_DP_STATES, left));
    long work = first.nodes() + feasible.states();
    if (!feasible.decided()) {
      Result search = new Search(groups, kept, capacityA, capacityB, Math.max(1, maxNodes - work), null).run();
      return new Result(search.best(), search.exhaustive(), work + search.nodes());
    }
    if (feasible.selection().isEmpty()) {
      return new Result(Optional.empty(), true, work); // nothing fits: proven
    }
    return passes(groups, kept, capacityA, capacityB, maxNodes, probe, feasible.selection().get(), work, boundList,
        PASS_PAIRS);
  }

  /**
   * What {@link #anyFeasible} found: a selection that fits (empty when none does), decided unless its layers outgrew
   * the limit; {@code states} is its work.
   */
  record Feasibility(Optional<Solution> selection, boolean decided, long states) {}

  /**
   * Some selection that fits both capacities, whatever its value: a dynamic program over the groups that keeps the
   * partial selections no other one beats in both weights and that the lightest choices of the groups left can
   * still complete. Its layers are staircases of (Σa, Σb), small exactly when capacities are tight, which is when
   * a search by value finds nothing: a search ordered by value wanders among selections that do not fit.
   */
  static Feasibility anyFeasible(Group[] groups, int[][] kept, long capA, long capB, long maxStates) {
    int n = groups.length;
    long[] restMinA = new long[n + 1];
    long[] restMinB = new long[n + 1];
    int[][] steps = new int[n][]; // per group its items no other beats in both weights, ascending weight A
    for (int g = n - 1; g >= 0; g--) {
      steps[g] = staircase(groups[g].weightA(), groups[g].weightB(), kept[g]);
      long minA = Long.MAX_VALUE;
      long minB = Long.MAX_VALUE;
      for (int idx : steps[g]) {
        minA = Math.min(minA, groups[g].weightA()[idx]);
        minB = Math.min(minB, groups[g].weightB()[idx]);
      }
      restMinA[g] = Search.saturatingAdd(restMinA[g + 1], minA);
      restMinB[g] = Search.saturatingAdd(restMinB[g + 1], minB);
    }
    long[] sa = {0};
    long[] sb = {0};
    int[][] parent = new int[n][];
    int[][] item = new int[n][];
    long states = 1;
    for (int g = 0; g < n; g++) {
      long[] a = groups[g].weightA();
      long[] b = groups[g].weightB();
      long limitA = capA - restMinA[g + 1];
      long limitB = capB - restMinB[g + 1];
      long room = Math.min((long) sa.length * steps[g].length, maxStates + 1);
      long[] ca = new long[(int) room];
      long[] cb = new long[(int) room];
      int[] cp = new int[(int) room];
      int[] ci = new int[(int) room];
      int count = 0;
      for (int st = 0; st < sa.length; st++) {
        for (int idx : steps[g]) {
          long na = sa[st] + a[idx];
          long nb = sb[st] + b[idx];
          if (na > limitA || nb > limitB) {
            continue;
          }
          if (count == room || states + count > maxStates) {
            return new Feasibility(Optional.empty(), false, states + count);
          }
          ca[count] = na;
          cb[count] = nb;
          cp[count] = st;
          ci[count] = idx;
          count++;
        }
      }
      int[] keep = staircase(Arrays.copyOf(ca, count), Arrays.copyOf(cb, count), null);
      states += keep.length;
      if (keep.length == 0) {
        return new Feasibility(Optional.empty(), true, states);
      }
      sa = picked(ca, keep, keep.length);
      sb = picked(cb, keep, keep.length);
      parent[g] = picked(cp, keep, keep.length);
      item[g] = picked(ci, keep, keep.length);
    }
    int[] choice = new int[n];
    double value = 0;
    int at = 0;
    for (int g = n - 1; g >= 0; g--) {
      choice[g] = item[g][at];
      value += groups[g].value()[choice[g]];
      at = parent[g][at];
    }
    return new Feasibility(Optional.of(new Solution(choice, value, sa[0], sb[0])), true, states);
  }

  /**
   * Of the given indexes ({@code null}: all), those no other beats in both weights (the first of equal ones), in
   * ascending weight A: the staircase where weight B falls as weight A rises.
   */
  private static int[] staircase(long[] a, long[] b, int @Nullable [] among) {
    int k = among == null ? a.length : among.length;
    long[] byA = new long[k];
    for (int j = 0; j < k; j++) {
      byA[j] = a[among == null ? j : among[j]];
    }
    int[] order = ascendingByWeight(byA);
    int[] out = new int[k];
    int kept = 0;
    long lowestB = Long.MAX_VALUE;
    for (int x = 0; x < k; ) {
      long weight = byA[order[x]];
      int lightest = -1;
      for (; x < k && byA[order[x]] == weight; x++) {
        int idx = among == null ? order[x] : among[order[x]];
        if (lightest < 0 || b[idx] < b[lightest]) {
          lightest = idx;
        }
      }
      if (b[lightest] < lowestB) {
        out[kept++] = lightest;
        lowestB = b[lightest];
      }
    }
    return Arrays.copyOf(out, kept);
  }

  /**
   * As {@link #solve(Group[], long, long, long)}, but from the given feasible selection instead of a first search's
   * best (tests: a poor start makes every pass of the exact part run), and each pass's program allowed at least
   * {@code passPairs} pairs (tests: a few make passes run over budget).
   */
  static Result solveFrom(Group[] groups, long capacityA, long capacityB, Solution start, int boundList,
      long passPairs) {
    int[][] kept = pruneAll(groups);
    Search probe = new Search(groups, kept, capacityA, capacityB, 0, null);
    return passes(groups, kept, capacityA, capacityB, DEFAULT_MAX_NODES, probe, start, 0, boundList, passPairs);
  }

  private static Result passes(Group[] groups, int[][] kept, long capacityA, long capacityB, long maxNodes,
      Search probe, Solution start, long probeWork, int boundList, long passPairs) {
    // 2. Local search on the items that can still beat the first incumbent; then only the items that can beat the
    // improved incumbent are kept.
    Solution incumbent = start;
    double[] multipliers = {probe.lambda(), probe.mu(), 0};
    int[][] wide = fixByReducedCost(groups, kept, capacityA, capacityB, multipliers, incumbent.value(), incumbent.choice());
    incumbent = improve(groups, wide, capacityA, capacityB, incumbent);
    wide = fixByReducedCost(groups, wide, capacityA, capacityB, multipliers, incumbent.value(), incumbent.choice());
    double lagrangian = multipliers[2];
    long work = probeWork;
    // 3. Passes with a floor between the incumbent and the Lagrangian bound, widening towards the incumbent: each
    // keeps only items, bound lists and partial selections that can beat its floor, so a pass near the bound is
    // small. Whatever a pass finds above its floor is the optimum (nothing better was pruned); when it finds
    // nothing the optimum lies below the floor and the next pass looks lower. The last pass has the incumbent
    // as its floor, which settles the case.
    FloorSchedule schedule = new FloorSchedule(lagrangian, passPairs);
    // The pass that last ran out of pairs, with its program's layers: the schedule retries its floor with a larger
    // budget, and the retry resumes it rather than building those layers again; a pass at a higher floor meanwhile
    // continues a copy of it, without what cannot beat that floor (Search#raisedTo).
    Search stopped = null;
    long examined = 0; // pairs of every pass, for the report
    while (true) {
      double floor = schedule.next(incumbent.value());
      long left = maxNodes - work;
      if (left <= 0) {
        return new Result(Optional.of(incumbent), false, work, examined);
      }
      boolean resumed = stopped != null && stopped.floor == floor;
      boolean raised = stopped != null && stopped.floor < floor;
      Search search = resumed
          ? stopped
          : raised
              ? stopped.raisedTo(floor)
              : passSearch(groups, wide, capacityA, capacityB, left, incumbent, multipliers, floor, boundList);
      if (resumed) {
        stopped = null; // kept again below if it stops short once more; else its layers are not needed
      }
      long pairs = 0;
      if (search != null) {
        long before = resumed || raised ? search.work() : 0;
        long examinedBefore = search.examined;
        Result pass = search.dynamicProgram((int) Math.min(MAX_DP_STATES, left), schedule.pairBudget());
        work += search.work() - before;
        examined += search.examined - examinedBefore;
        pairs = search.pairs();
        if (!pass.exhaustive()) { // over its pair budget, or a layer outgrew the state limit
          if (work < maxNodes && schedule.tooBig(floor)) {
            stopped = search; // resumed where it stopped if its floor comes back
            incumbent = better(incumbent, search.bestKnown()); // a plan its layers completed may beat the incumbent
            continue; // a higher floor first
          }
          // even without a pair budget: the search, bounded by the same floor and bounds
          search.maxNodes = Math.max(1, maxNodes - work);
          pass = search.run();
          work += pass.nodes();
          if (!pass.exhaustive()) {
            Solution found = pass.best().orElse(incumbent);
            return new Result(Optional.of(found.value() > incumbent.value() ? found : incumbent), false, work,
                examined);
          }
        }
        if (!search.nothingAboveFloor()) {
          return new Result(pass.best(), true, work, examined);
        }
        // the pass's best known selection (its own start, the LP's integer part, or a completion of its layers) may
        // beat the incumbent, and so may the best selection its program's last layer completed below the floor
        incumbent = better(better(incumbent, search.bestKnown()), search.seen());
      }
      if (floor <= incumbent.value()) {
        return new Result(Optional.of(incumbent), true, work, examined); // nothing beats the incumbent
      }
      schedule.nothingAbove(floor, incumbent.value(), pairs);
    }
  }

  /** {@code other} when it is worth more than {@code incumbent}, else {@code incumbent}. */
  private static Solution better(Solution incumbent, Optional<Solution> other) {
    return other.filter(s -> s.value() > incumbent.value()).orElse(incumbent);
  }

  /**
   * A pass's search: on the items that can beat {@code floor}, with its floor and the bounds its program uses; null
   * when a group has none left, so that nothing is above the floor (possible only when the start's items were pruned
   * as dominated: the incumbent's own items are always kept).
   */
  private static @Nullable Search passSearch(Group[] groups, int[][] wide, long capA, long capB, long maxNodes,
      Solution incumbent, double[] multipliers, double floor, int boundList) {
    int[][] core = fixByReducedCost(groups, wide, capA, capB, multipliers, floor, incumbent.choice());
    if (Arrays.stream(core).anyMatch(items -> items.length == 0)) {
      return null;
    }
    return new Search(groups, core, capA, capB, maxNodes, incumbent, multipliers[1],
        new double[] {floor, multipliers[0], multipliers[1]}, boundList);
  }

  /**
   * What {@link #passInSteps} saw: per call of the program, whether it finished, the pairs examined up to where it
   * stopped and the layers built by then; the last call's result, whether it found nothing above the floor, the
   * best selection the pass knows (what its search found or a completion of a layer, or else its start or the LP's
   * integer part, which may beat the floor), the best selection its last layer completed below the floor, if that beats the known one, and the
   * (partial selection, level of weight B) entries the level filter left out, by what decided
   * ({@code Search.leftOut}), how often a layer's completion became the best selection, and whether the pass ended at
   * its root, its suffix bound on B leaving nothing above its floor ({@code Search#deadAtRoot}).
   */
  record PassSteps(boolean[] finished, long[] pairs, int[] layers, Result last, boolean nothingAboveFloor,
      Optional<Solution> known, Optional<Solution> seen, long layersWithKeptAnswers, long[] leftOut,
      long completions, boolean endedAtRoot) {

    /** The calls' figures, with the rest read from the pass's search after its last call. */
    private static PassSteps of(Search search, boolean[] finished, long[] pairs, int[] layers, Result last) {
      return new PassSteps(finished, pairs, layers, last, search.nothingAboveFloor(), search.bestKnown(), search.seen(),
          search.layersWithKeptAnswers, search.leftOut.clone(), search.completions, search.dead);
    }
  }

  /**
   * One pass at {@code floor} (≥ the start's value) as {@link #solveFrom} would run it, its program called with each of
   * {@code budgets} pairs in turn — each call resuming where the one before stopped — or empty when no group has an
   * item that can beat the floor (tests: a program resumed in steps must end as one run at once).
   */
  static Optional<PassSteps> passInSteps(Group[] groups, long capA, long capB, Solution start, double floor,
      long... budgets) {
    return passInSteps(groups, capA, capB, start, floor, true, true, true, budgets);
  }

  /**
   * As above, with the program's parts the tests switch off: {@code keepAnswers} false makes it ask the suffix bound
   * on B pair by pair, {@code filterLevels} false lets every partial selection of a layer meet every item of its group,
   * {@code completeLayers} false leaves its layers uncompleted ({@code Search#completeWithBest}).
   */
  static Optional<PassSteps> passInSteps(Group[] groups, long capA, long capB, Solution start, double floor,
      boolean keepAnswers, boolean filterLevels, boolean completeLayers, long... budgets) {
    int[][] kept = pruneAll(groups);
    Search probe = new Search(groups, kept, capA, capB, 0, null);
    double[] multipliers = {probe.lambda(), probe.mu(), 0};
    Search search = passSearch(groups, kept, capA, capB, DEFAULT_MAX_NODES, start, multipliers, floor,
        SUFFIX_BOUND_LIST);
    if (search == null) {
      return Optional.empty();
    }
    search.keepAnswers = keepAnswers;
    search.filterLevels = filterLevels;
    search.completeLayers = completeLayers;
    boolean[] finished = new boolean[budgets.length];
    long[] pairs = new long[budgets.length];
    int[] layers = new int[budgets.length];
    Result last = null;
    for (int i = 0; i < budgets.length; i++) {
      last = search.dynamicProgram(MAX_DP_STATES, budgets[i]);
      finished[i] = last.exhaustive();
      pairs[i] = search.pairs();
      layers[i] = search.nextLayer;
    }
    return Optional.of(PassSteps.of(search, finished, pairs, layers, Objects.requireNonNull(last)));
  }

  /**
   * What {@link #raisedPass} saw: the higher floor, the continued program's run (one step; {@code layers} are those the
   * stopped program had built), and how many items of the groups not yet layered and partial selections of the last
   * layer the continuation dropped.
   */
  record RaisedPass(double higher, PassSteps steps, int itemsDropped, int statesDropped) {}

  /**
   * Tests: a pass at {@code floor} as {@link #passInSteps} builds it, its program stopped by a budget of {@code budget}
   * pairs, then continued at a higher floor, {@code towardsBound} of the way from {@code floor} to the Lagrangian bound,
   * the way the floor schedule continues a stopped pass at a higher floor ({@code Search#raisedTo}), and run to its
   * end; empty when no group has an item that can beat the floor, or when the program finished within the budget.
   */
  static Optional<RaisedPass> raisedPass(Group[] groups, long capA, long capB, Solution start, double floor,
      long budget, double towardsBound) {
    int[][] kept = pruneAll(groups);
    Search probe = new Search(groups, kept, capA, capB, 0, null);
    double[] multipliers = {probe.lambda(), probe.mu(), 0};
    Search stopped = passSearch(groups, kept, capA, capB, DEFAULT_MAX_NODES, start, multipliers, floor,
        SUFFIX_BOUND_LIST);
    if (stopped == null || stopped.dynamicProgram(MAX_DP_STATES, budget).exhaustive()) {
      return Optional.empty();
    }
    int layers = stopped.nextLayer;
    double bound = multipliers[2]; // the Lagrangian bound, which the pass's reduced-cost fixing worked out
    double higher = bound > floor && bound < Double.POSITIVE_INFINITY ? floor + towardsBound * (bound - floor) : floor;
    Search search = stopped.raisedTo(higher);
    int itemsDropped = 0;
    for (int d = 0; d < groups.length; d++) {
      itemsDropped += stopped.v[d].length - search.v[d].length;
    }
    int statesDropped = stopped.layerA == null || search.layerA == null ? 0
        : stopped.layerA.length - search.layerA.length;
    Result last = search.dynamicProgram(MAX_DP_STATES, Long.MAX_VALUE);
    PassSteps steps = PassSteps.of(search, new boolean[] {last.exhaustive()}, new long[] {search.pairs()},
        new int[] {layers}, last);
    return Optional.of(new RaisedPass(higher, steps, itemsDropped, statesDropped));
  }

  /**
   * Tests: the price μ of weight B fitted for {@code groups} through the crossing of the LP's tangents (as every first
   * search fits it) and by bisection on the LP alone, the crossing itself (NaN when the LP at μ = 0 already respects
   * capacity B, when no μ makes it — μ is 0 in both cases, and positive exactly when capacity B binds the LP — or when
   * the tangents did not settle), and the LP's weight B at 1 − 10⁻⁹ and 1 + 10⁻⁹ times the crossing.
   */
  static double[] fittedMu(Group[] groups, long capA, long capB) {
    Search search = new Search(groups, pruneAll(groups), capA, capB, 0, null, 0);
    return search.fitBothWays();
  }

  /**
   * The floors of the passes. Normally from just below the Lagrangian bound L towards the incumbent I, each a larger
   * fraction of the gap L − I. A floor where a pass is known to find nothing is skipped.
   *
   * <p>A pass's cost grows steeply with the distance of its floor below the optimum, and one step of the fraction can
   * multiply it a hundredfold, so each pass has a budget of pairs ({@link #pairBudget}): {@link #PASS_PAIR_GROWTH}
   * times those of the lowest pass that found nothing. A pass over its budget, or whose program outgrew its layers,
   * leaves its floor "too big": the next floors bisect between it and the lowest floor with nothing above — a higher
   * floor is cheaper, and finds the optimum if it is still below it (that pass continues the stopped one rather than
   * starting afresh: {@code Search#raisedTo}). After each pass there that finds nothing (which
   * raises the budget) the too-big floor is tried again; once the band is narrower than {@link #PAIR_BUDGET_BAND} of
   * the gap it runs without a pair budget, and if its program still outgrows its layers the search takes over. So
   * every pass that completes costs at most a few times the one before it.
   */
  private static final class FloorSchedule {
    private final double lagrangian;
    private final long leastPairBudget;
    private double fraction = FIRST_FLOOR_FRACTION;
    private double geometric = Double.NaN; // the last floor of the fraction schedule
    private double nothingAbove;
    private long nothingAbovePairs;
    private double tooBig = Double.NaN; // the highest floor whose pass did not finish, unresolved
    private boolean retryTooBig;
    private boolean unbudgeted;

    FloorSchedule(double lagrangian, long leastPairBudget) {
      this.lagrangian = lagrangian;
      this.nothingAbove = lagrangian;
      this.leastPairBudget = leastPairBudget;
    }

    /** The next floor: never below the incumbent's value, which is the last one. */
    double next(double incumbent) {
      unbudgeted = false;
      if (tooBig >= incumbent) { // else the incumbent has risen above it: moot
        if (retryTooBig) {
          retryTooBig = false;
          return tooBig;
        }
        if (nothingAbove - tooBig > PAIR_BUDGET_BAND * (lagrangian - incumbent)) {
          return nothingAbove / 2 + tooBig / 2;
        }
        unbudgeted = true;
        return tooBig;
      }
      while (true) {
        double gap = lagrangian - incumbent;
        double floor = Double.isFinite(gap) && gap > 0 && fraction < 1
            ? Math.max(incumbent, lagrangian - fraction * gap)
            : incumbent; // exactly: L − 1·gap can round above it
        if (floor < nothingAbove || floor <= incumbent) {
          geometric = floor;
          return floor;
        }
        fraction = Math.min(1, fraction * FLOOR_GROWTH);
      }
    }

    /** The pairs the next pass's program may examine. */
    long pairBudget() {
      if (unbudgeted) {
        return Long.MAX_VALUE;
      }
      long grown = nothingAbovePairs > Long.MAX_VALUE / PASS_PAIR_GROWTH
          ? Long.MAX_VALUE
          : nothingAbovePairs * PASS_PAIR_GROWTH;
      return Math.max(leastPairBudget, grown);
    }

    /** A pass at {@code floor}, which examined {@code pairs} pairs, found nothing above it. */
    void nothingAbove(double floor, double incumbent, long pairs) {
      if (floor <= nothingAbove) {
        nothingAbove = floor;
        nothingAbovePairs = Math.max(nothingAbovePairs, pairs);
      }
      if (floor <= tooBig) {
        tooBig = Double.NaN; // resolved: nothing above it either
      } else if (tooBig >= incumbent) {
        retryTooBig = true; // with the larger budget
      }
      if (!(tooBig >= incumbent) && floor <= geometric) {
        fraction = Math.min(1, fraction * FLOOR_GROWTH);
      }
    }

    /**
     * The pass at {@code floor} did not finish (over its pair budget, or its program outgrew its layers): true when a
     * higher floor or a larger budget is left to try, false when it already ran without a pair budget.
     */
    boolean tooBig(double floor) {
      if (unbudgeted) {
        return false;
      }
      tooBig = Double.isNaN(tooBig) ? floor : Math.max(tooBig, floor);
      retryTooBig = false;
      return true;
    }
  }

  /** {@link #prune} of every group. */
  private static int[][] pruneAll(Group[] groups) {
    int[][] kept = new int[groups.length][];
    for (int g = 0; g < groups.length; g++) {
      kept[g] = prune(groups[g]);
    }
    return kept;
  }

  /**
   * Indexes of the non-dominated items of a group, best value first. Dominated: another item has
   * weightA ≤, weightB ≤ and value ≥ (the earlier in value order wins a tie).
   */
  static int[] prune(Group group) {
    WeightOrder order = group.order();
    return order == null
        ? pruneByValueOrder(group.weightA(), group.weightB(), group.value(), group.size())
        : pruneByWeightOrder(group, order);
  }

  private static int[] pruneByWeightOrder(Group group, WeightOrder order) {
    // Items in ascending (a, b) order: an item is dominated iff an earlier one with no more of b has at least its
    // value (items with the same a and b: all but the best, the first on a tie, are). bestUpTo[r] is the best value
    // of the kept items with b rank ≤ r: O(1) to ask, and non-decreasing in r, so raising it stops at the first rank
    // already as high (NaN = nothing yet, a prefix of the ranks). Then the kept items, best value first.
    long[] a = group.weightA();
    long[] b = group.weightB();
    double[] v = group.value();
    int[] byWeight = order.byWeight;
    int[] runStart = order.runStart;
    int[] runRank = order.runRank;
    double[] bestUpTo = new double[order.ranksB];
    Arrays.fill(bestUpTo, Double.NaN);
    int runs = runRank.length;
    int[] out = new int[runs];
    int outLen = 0;
    int next = runStart[0];
    for (int run = 0; run < runs; run++) {
      // the run's best item: the first that is not NaN, then any strictly better (most runs hold one item)
      int j = next;
      next = runStart[run + 1];
      int best = byWeight[j];
      double value = v[best];
      for (j++; j < next; j++) {
        int idx = byWeight[j];
        double x = v[idx];
        if (x > value || (value != value && x == x)) {
          best = idx;
          value = x;
        }
      }
      int rank = runRank[run];
      double known = bestUpTo[rank];
      // kept when its value is a number above what a kept item with no more of weight B has (NaN: none yet)
      if (!(known < value) && !(known != known && value == value)) {
        continue;
      }
      out[outLen++] = best;
      for (int r = rank; r < bestUpTo.length && !(bestUpTo[r] >= value); r++) {
        bestUpTo[r] = value;
      }
    }
    int[] kept = Arrays.copyOf(out, outLen);
    sortByValueDescendingPacked(kept, v, a, b);
    return kept;
  }

  /**
   * Without a weight order: items best value first, each kept unless a kept one has no more of either weight (a
   * staircase of kept weights). Cheaper than building a {@link WeightOrder} for a group pruned only once, such as a
   * layer of the dynamic program, whose candidates it reads where they were gathered (the first {@code size} of each
   * array) rather than copied into a group of their own.
   */
  private static int[] pruneByValueOrder(long[] a, long[] b, double[] v, int size) {
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    if (size >= PACKED_LAYER) {
      sortByValueDescendingPacked(order, v, a, b);
    } else {
      sortByValueDescending(order, v, a, b);
    }
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

  /**
   * Best value first, then lighter A, then lighter B, stable: a primitive merge sort, because this runs on every
   * layer of the dynamic program and a boxed {@code Integer[]} sort was a fifth of its time. (Layers of
   * {@link #PACKED_LAYER} candidates or more go to {@link #sortByValueDescendingPacked} instead, whose radix sort is
   * faster there.) It merges the input's natural
   * runs — stretches already in order, extended to at least 16 items by insertion — so input made of sorted blocks,
   * as the program's candidates are (one block per item, the states in value order), takes few merge passes.
   */
  static void sortByValueDescending(int[] order, double[] v, long @Nullable [] a, long @Nullable [] b) {
    int size = order.length;
    if (size < 2) {
      return;
    }
    int[] runEnd = new int[size / MIN_RUN + 2];
    int runs = 0;
    for (int start = 0; start < size; ) {
      int end = start + 1;
      while (end < size && !before(order[end], order[end - 1], v, a, b)) {
        end++;
      }
      if (end - start < MIN_RUN && end < size) {
        int target = Math.min(size, start + MIN_RUN);
        insert(order, start, end, target, v, a, b);
        end = target;
      }
      runEnd[runs++] = end;
      start = end;
    }
    int[] from = order;
    int[] to = new int[size];
    while (runs > 1) {
      int merged = 0;
      int lo = 0;
      for (int r = 0; r < runs; r += 2) {
        int mid = runEnd[r];
        int hi = r + 1 < runs ? runEnd[r + 1] : mid;
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
          to[k++] = before(from[j], from[i], v, a, b) ? from[j++] : from[i++];
        }
        while (i < mid) {
          to[k++] = from[i++];
        }
        while (j < hi) {
          to[k++] = from[j++];
        }
        runEnd[merged++] = hi;
        lo = hi;
      }
      runs = merged;
      int[] t = from;
      from = to;
      to = t;
    }
    if (from != order) {
      System.arraycopy(from, 0, order, 0, size);
    }
  }

  /**
   * The order of {@link #sortByValueDescending} — stable, best value first, then lighter A and lighter B when given —
   * by a primitive sort instead of a merge of comparisons: each position's key is its value's bits in reverse order
   * with the lowest bits replaced by the position (and, on arrays the radix sort takes, the value bits below its top two
   * digits by zeros: {@link #droppedValueBits}), and the rare runs of keys whose upper bits tie (equal or nearly equal
   * values) are then put in exact order by insertion. For the orders sorted once per search — a group's kept
   * items, its items by reduced value, hull increments by slope — and the program's large layers; small layers, which
   * come in few sorted blocks, the merge sorts faster. Falls back to the merge when a value is NaN.
   */
  static void sortByValueDescendingPacked(int[] order, double[] v, long @Nullable [] a, long @Nullable [] b) {
    int k = order.length;
    if (k < 2) {
      return;
    }
    int bits = indexBits(k);
    long[] keys = new long[k];
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int p = 0; p < k; p++) {
      double x = v[order[p]];
      if (x != x) {
        sortByValueDescending(order, v, a, b);
        return;
      }
      long raw = Double.doubleToRawLongBits(x);
      long ascending = raw ^ ((raw >> 63) & Long.MAX_VALUE); // as signed longs, in Double.compare's order
      long key = ~ascending;
      keys[p] = key;
      min = Math.min(min, key);
      max = Math.max(max, key);
    }
    int lowBits = bits + droppedValueBits(min, max, bits, k); // at most 63
    long low = (1L << lowBits) - 1;
    long position = (1L << bits) - 1;
    for (int p = 0; p < k; p++) {
      keys[p] = (keys[p] & ~low) | p;
    }
    sortKeys(keys, lowBits); // the low bits are the positions, zeros above them: already in order
    int[] input = order.clone();
    for (int j = 0; j < k; j++) {
      order[j] = input[(int) (keys[j] & position)];
    }
    // keys whose upper bits tie: ordered by the full comparison, stably (they are in input order) — by insertion,
    // or by the merge when the run is long, so that many equal values out of weight order stay O(k log k)
    for (int start = 0; start < k; ) {
      long upper = keys[start] & ~low;
      int end = start + 1;
      while (end < k && (keys[end] & ~low) == upper) {
        end++;
      }
      if (end - start > MIN_RUN) {
        int[] run = Arrays.copyOfRange(order, start, end);
        sortByValueDescending(run, v, a, b);
        System.arraycopy(run, 0, order, start, run.length);
        start = end;
        continue;
      }
      insert(order, start, start + 1, end, v, a, b);
      start = end;
    }
  }

  /**
   * How many value bits, above the {@code bits} of the position, a packed value sort may zero: all but the top two radix
   * digits' worth of those in which the least and greatest key differ. Values of one sign over a few binades differ in
   * ~55 bits — six or seven radix passes; keys that tie in what is left are put in order by the full comparison
   * afterwards, as exact ties always were, so the order is the same, after two passes.
   */
  private static int droppedValueBits(long min, long max, int bits, int k) {
    if (k < RADIX_MIN) {
      return 0;
    }
    int span = 64 - Long.numberOfLeadingZeros(min ^ max);
    int keep = 2 * Math.min(RADIX_BITS, 32 - Integer.numberOfLeadingZeros(k));
    return Math.max(0, Math.min(63 - bits, span - bits - keep));
  }

  /**
   * Inserts {@code order[sorted .. to)} one by one into {@code order[from .. sorted)}, which is in order: stable, as
   * each goes after the items it does not sort before.
   */
  private static void insert(int[] order, int from, int sorted, int to, double[] v, long @Nullable [] a,
      long @Nullable [] b) {
    for (int i = sorted; i < to; i++) {
      int x = order[i];
      int j = i - 1;
      while (j >= from && before(x, order[j], v, a, b)) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = x;
    }
  }

  /**
   * Fewest candidates of a program's layer that {@link #pruneByValueOrder} sorts by packed keys rather than by merging
   * their blocks: on the benchmark's layers the radix sort of the keys took 0.71 (20 debts / 1.3), 0.96 (30 / 1.3) and
   * 0.59 (15 / 1.05) of the merge's time from 1 000 on, but more than it below (all layers: 0.75 at 20 / 1.3).
   */
  private static final int PACKED_LAYER = 1_000;

  /** Shortest run {@link #sortByValueDescending} merges: shorter ones are extended by insertion. */
  private static final int MIN_RUN = 16;

  /** Whether item x sorts strictly before item y (the NaNs, which the caller skips, sort first as before). */
  private static boolean before(int x, int y, double[] v, long @Nullable [] a,
      long @Nullable [] b) {
    int c = Double.compare(v[y], v[x]);
    if (c != 0) {
      return c < 0;
    }
    if (a == null || b == null) {
      return false;
    }
    if (a[x] != a[y]) {
      return a[x] < a[y];
    }
    return b[x] < b[y];
  }

  /** Indexes of {@code w} in ascending order, stable: a primitive sort of packed (weight, index) keys when they fit. */
  static int[] ascendingByWeight(long[] w) {
    int k = w.length;
    int[] out = new int[k];
    long max = 0;
    long min = 0;
    for (long x : w) {
      max = Math.max(max, x);
      min = Math.min(min, x);
    }
    int indexBits = indexBits(k);
    if (min >= 0 && max < (1L << (63 - indexBits))) {
      long[] keys = new long[k];
      for (int j = 0; j < k; j++) {
        keys[j] = (w[j] << indexBits) | j;
      }
      sortKeys(keys, indexBits); // the low bits are the positions: already in order
      for (int j = 0; j < k; j++) {
        out[j] = (int) (keys[j] & ((1 << indexBits) - 1));
      }
      return out;
    }
    Integer[] boxed = new Integer[k];
    for (int j = 0; j < k; j++) {
      boxed[j] = j;
    }
    Arrays.sort(boxed, (x, y) -> Long.compare(w[x], w[y]));
    for (int j = 0; j < k; j++) {
      out[j] = boxed[j];
    }
    return out;
  }

  /**
   * The staircase of {@code runs} runs of (weight, value) pairs, each ascending in weight ({@code runEnd[r]} ends run
   * r), into {@code outB} / {@code outV}, returning its length: per distinct weight its best value, kept only
   * when it beats every lighter weight's. Runs are merged in pairs, each merge keeping only its own staircase (a pair
   * beaten within a merge is beaten in the union), so the result is what sorting all the pairs by weight gives, and
   * later merges are shorter. Overwrites the inputs.
   */
  static int mergeStaircases(long[] weights, double[] values, int[] runEnd, int runs, long[] outB, double[] outV) {
    long[] fromB = weights;
    double[] fromV = values;
    long[] toB = outB;
    double[] toV = outV;
    int left = runs;
    while (true) {
      int merged = 0;
      int out = 0;
      int lo = 0;
      for (int r = 0; r < left; r += 2) {
        int mid = runEnd[r];
        int hi = r + 1 < left ? runEnd[r + 1] : mid;
        int i = lo;
        int j = mid;
        int first = out;
        while (i < mid || j < hi) {
          long w;
          double val;
          if (j >= hi || (i < mid && fromB[i] < fromB[j])) {
            w = fromB[i];
            val = fromV[i++];
          } else if (i >= mid || fromB[j] < fromB[i]) {
            w = fromB[j];
            val = fromV[j++];
          } else {
            w = fromB[i];
            val = Math.max(fromV[i++], fromV[j++]);
          }
          if (out > first && toB[out - 1] == w) { // equal weights in one run (sums saturated at the limit)
            toV[out - 1] = Math.max(toV[out - 1], val);
          } else if (out == first || val > toV[out - 1]) {
            toB[out] = w;
            toV[out] = val;
            out++;
          }
        }
        runEnd[merged++] = out;
        lo = hi;
      }
      long[] tb = fromB;
      fromB = toB;
      toB = tb;
      double[] tv = fromV;
      fromV = toV;
      toV = tv;
      if (merged <= 1) {
        break;
      }
      left = merged;
    }
    int length = left == 0 ? 0 : runEnd[0];
    if (fromB != outB) {
      System.arraycopy(fromB, 0, outB, 0, length);
      System.arraycopy(fromV, 0, outV, 0, length);
    }
    return length;
  }

  /**
   * Positions of {@code items} in ascending rank, stable: what {@link #ascendingByWeight} gives for their weights when
   * {@code rankOf} ranks the weights (below {@code ranks}), by counting. A grid has a few dozen distinct down payments,
   * and every pass orders its groups' items by them.
   */
  static int[] ascendingByRank(int[] items, int[] rankOf, int ranks) {
    int[] start = new int[ranks + 1];
    for (int idx : items) {
      start[rankOf[idx] + 1]++;
    }
    for (int r = 0; r < ranks; r++) {
      start[r + 1] += start[r];
    }
    int[] out = new int[items.length];
    for (int j = 0; j < items.length; j++) {
      out[start[rankOf[items[j]]]++] = j;
    }
    return out;
  }

  /** The entries of {@code from} at the first {@code count} positions of {@code at}, in that order. */
  private static long[] picked(long[] from, int[] at, int count) {
    long[] out = new long[count];
    for (int x = 0; x < count; x++) {
      out[x] = from[at[x]];
    }
    return out;
  }

  /** As {@link #picked(long[], int[], int)}. */
  private static double[] picked(double[] from, int[] at, int count) {
    double[] out = new double[count];
    for (int x = 0; x < count; x++) {
      out[x] = from[at[x]];
    }
    return out;
  }

  /** As {@link #picked(long[], int[], int)}. */
  private static int[] picked(int[] from, int[] at, int count) {
    int[] out = new int[count];
    for (int x = 0; x < count; x++) {
      out[x] = from[at[x]];
    }
    return out;
  }

  /** Bits that hold every index below {@code k} (at least one). */
  private static int indexBits(int k) {
    return Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(0, k - 1)));
  }

  /**
   * Sorts keys ascending (as signed longs): a least-significant-digit radix sort over the bits in which the keys
   * differ, with digits no wider than the array needs; small arrays go to {@link Arrays#sort(long[])}. 2–3× faster
   * than that on the thousands of packed (weight, index) keys of a grid, and ~1.5× on the few hundred packed
   * (value, position) keys of a group's options ({@link #sortByValueDescendingPacked}).
   */
  static void sortKeys(long[] keys) {
    sortKeys(keys, 0);
  }

  /**
   * As {@link #sortKeys(long[])} for keys whose lowest {@code orderedBits} bits already ascend with their position,
   * as the index part of packed keys does: the radix passes skip those bits, since a stable sort on the bits above
   * them leaves equal upper parts in position order (for a grid, 2–3 passes instead of 4). The bits above the highest
   * in which the least and the greatest key differ are the same in every key, and are skipped too: packed values of
   * one sign and magnitude share their sign and exponent.
   */
  static void sortKeys(long[] keys, int orderedBits) {
    int k = keys.length;
    if (k < RADIX_MIN) {
      Arrays.sort(keys);
      return;
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (long x : keys) {
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    // digits are read with the sign bit flipped, so that their unsigned order is the keys' signed order
    int low = Math.min(orderedBits, 63);
    int bits = Math.max(0, 64 - Long.numberOfLeadingZeros(min ^ max) - low);
    if (bits == 0) {
      return;
    }
    int widest = Math.min(RADIX_BITS, 32 - Integer.numberOfLeadingZeros(k)); // ~2k counters at most
    int passes = (bits + widest - 1) / widest;
    int digit = (bits + passes - 1) / passes;
    int mask = (1 << digit) - 1;
    int[] count = new int[1 << digit];
    long[] from = keys;
    long[] to = new long[k];
    for (int shift = low; shift < low + bits; shift += digit) {
      Arrays.fill(count, 0);
      for (long x : from) {
        count[(int) ((x ^ Long.MIN_VALUE) >>> shift) & mask]++;
      }
      int sum = 0;
      for (int d = 0; d < count.length; d++) {
        int c = count[d];
        count[d] = sum;
        sum += c;
      }
      for (long x : from) {
        to[count[(int) ((x ^ Long.MIN_VALUE) >>> shift) & mask]++] = x;
      }
      long[] t = from;
      from = to;
      to = t;
    }
    if (from != keys) {
      System.arraycopy(from, 0, keys, 0, k);
    }
  }

  /** Fewest keys {@link #sortKeys} sorts by radix: below, {@code Arrays.sort} is quicker (measured from 64 to 512). */
  private static final int RADIX_MIN = 128;

  /** Widest digit of {@link #sortKeys}: 2 048 counters stay in the first-level cache. */
  private static final int RADIX_BITS = 11;

  /** How many of the first {@code len} entries of {@code sorted} (ascending) are at most {@code key}. */
  static int upperBound(long[] sorted, int len, long key) {
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

  /**
   * The state of one search: arrays ordered for branching, suffix bounds, the incumbent. A pass stopped short can be
   * continued at a higher floor as a copy ({@link #raisedTo}), which replaces the fields that depend on its items —
   * hence not final — and shares the rest.
   */
  private static final class Search implements Cloneable {
    private final int n;
    private final int[] groupOf; // search depth -> original group index
    private long[][] a;
    private long[][] b;
    private double[][] v;
    private int[][] originalIndex;
    /** The groups searched, for their weight orders' ranks of weight B (see {@link #ascendingOrder}). */
    private final Group[] source;
    private final long capA;
    private final long capB;
    private long maxNodes;
    private double mu;
    private double lambda;
    private long[] suffixMinA;
    private long[] suffixMinB;
    private double[] suffixMaxValue;
    /** Per depth, each item's v − λa − μb, descending: the order the items are searched in. */
    private double[][] reduced;
    /** Σ over groups ≥ depth of the best v − λa − μb (each group's first item). */
    private double[] suffixMaxReduced;
    // LP bounds per depth over groups >= depth, one per pricing of the other weight
    private List<SuffixLp> bounds = new ArrayList<>();
    private int[] current;
    private int @Nullable [] best;
    private double bestValue = Double.NEGATIVE_INFINITY;
    private long nodes;
    /** Only solutions worth more than this count (see {@link MultipleChoiceKnapsack#solve}); −∞ for a plain search. */
    double floor = Double.NEGATIVE_INFINITY;
    private boolean foundAboveFloor;
    private long pairs;
    /**
     * Pairs of the layers this search's program ran, over all its calls (resumed or not; a layer stopped at the state
     * limit counts whole).
     */
    long examined;
    private long programStates;
    private long boundStates;
    // The program's layers so far, kept when it stops short so that the next call resumes where it stopped: the
    // last layer's partial selections (weights, value), each layer's parents and items, the next layer to build and
    // the pairs examined before it. Null until the program first runs.
    private long @Nullable [] layerA;
    private long @Nullable [] layerB;
    private double @Nullable [] layerValue;
    private int @Nullable [][] layerParent;
    private int @Nullable [][] layerItem;
    private int nextLayer;
    private long pairsBefore;
    private long layerStates;

    Search(Group[] groups, int[][] kept, long capA, long capB, long maxNodes, @Nullable Solution start) {
      this(groups, kept, capA, capB, maxNodes, start, Double.NaN);
    }

    /**
     * With {@code givenMu} ≥ 0 as the price of weight B instead of fitting one (NaN: fit).
     *
     * <p>Group order: a search that fits μ is the first search, branch and bound, and takes the most decisive group
     * first (the widest spread of reduced value). A search given μ is a pass, which runs the dynamic program, and
     * takes the most decisive <em>per item</em> first (that spread over the group's items left): each layer
     * multiplies the states by its group's items, so cheap decisive groups first keep the early layers small while
     * the bound tightens. On the 45 benchmark cases that is a third less work (BALANCED and CONSERVATIVE less than
     * half) and the same for AGGRESSIVE; for the first search it was twice the work.
     */
    Search(Group[] groups, int[][] kept, long capA, long capB, long maxNodes, @Nullable Solution start,
        double givenMu) {
      this(groups, kept, capA, capB, maxNodes, start, givenMu, null, 0);
    }

    /**
     * As above; with {@code pass} (its floor and multipliers λ and μ) a floor pass, which builds its suffix bound on B
     * (lists of at most {@code boundList}) before anything else its program needs, and stops there when that bound
     * leaves nothing above the floor at the root ({@link #deadAtRoot}); else it also gets its Lagrangian bound, from the
     * same per-group maxima.
     */
    private Search(Group[] groups, int[][] kept, long capA, long capB, long maxNodes, @Nullable Solution start,
        double givenMu, double @Nullable [] pass, int boundList) {
      this.n = groups.length;
      this.source = groups;
      this.capA = capA;
      this.capB = capB;
      this.maxNodes = maxNodes;
      // Copy the kept items into per-group arrays (original group order for now).
      long[][] ga = new long[n][];
      long[][] gb = new long[n][];
      double[][] gv = new double[n][];
      int[][] gi = new int[n][];
      for (int g = 0; g < n; g++) {
        int k = kept[g].length;
        ga[g] = new long[k];
        gb[g] = new long[k];
        gv[g] = new double[k];
        gi[g] = kept[g].clone();
        for (int j = 0; j < k; j++) {
          int idx = kept[g][j];
          ga[g][j] = groups[g].weightA()[idx];
          gb[g][j] = groups[g].weightB()[idx];
          gv[g][j] = groups[g].value()[idx];
        }
      }
      this.mu = givenMu >= 0 ? givenMu : fitMu(ga, gb, gv, true);
      this.lambda = breakSlope(ga, gb, gv, mu);
      int[] lpPart = lpIntegerPart(n); // per group, from the fill breakSlope just made
      // Most decisive group first (the widest spread of reduced value), or for the program the most decisive per item.
      boolean program = givenMu >= 0;
      Integer[] order = new Integer[n];
      double[] spread = new double[n];
      double[][] reducedOf = new double[n][]; // per group in kept order; the items are sorted by it below
      for (int g = 0; g < n; g++) {
        order[g] = g;
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        double[] rg = new double[gv[g].length];
        for (int j = 0; j < rg.length; j++) {
          double r = gv[g][j] - lambda * ga[g][j] - mu * gb[g][j];
          rg[j] = r;
          max = Math.max(max, r);
          min = Math.min(min, r);
        }
        reducedOf[g] = rg;
        spread[g] = max - min;
        if (program) {
          spread[g] /= Math.max(1, gv[g].length);
        }
      }
      Arrays.sort(order, (x, y) -> Double.compare(spread[y], spread[x]));
      groupOf = new int[n];
      a = new long[n][];
      b = new long[n][];
      v = new double[n][];
      reduced = new double[n][];
      originalIndex = new int[n][];
      for (int depth = 0; depth < n; depth++) {
        groupOf[depth] = order[depth];
      }
      current = new int[n];
      // The items in their kept order first, the groups in search order: enough for the start, and for a pass's suffix
      // bound on B, which needs the pass's threshold (its floor, start and the LP's integer part) and the order of the
      // groups but none of what follows — a pass whose bound leaves nothing above its floor at the root ends here.
      for (int depth = 0; depth < n; depth++) {
        int g = groupOf[depth];
        a[depth] = ga[g];
        b[depth] = gb[g];
        v[depth] = gv[g];
        originalIndex[depth] = gi[g];
      }
      adoptStart(lpPart, start);
      double[] passMaxima = null;
      if (pass != null) {
        floor = pass[0];
        passMaxima = maxReduced(pass[1], pass[2]); // per group: the same after the items are renumbered below
        addSuffixBoundOnB(pass[1], pass[2], passMaxima, boundList, maxNodes);
        if (deadAtRoot()) {
          dead = true;
          return;
        }
        ascending.remove(b); // positions change below
      }
      int[][] byA = ascending.get(ga); // sorted for the root LP; the search order's follows from it
      int[][] searchByA = byA == null ? null : new int[n][];
      int[][] items = new int[n][];
      for (int depth = 0; depth < n; depth++) {
        int g = groupOf[depth];
        int k = gv[g].length;
        int[] sorted = new int[k];
        double[] r = reducedOf[g];
        for (int j = 0; j < k; j++) {
          sorted[j] = j;
        }
        sortByValueDescendingPacked(sorted, r, null, null);
        items[depth] = sorted;
        a[depth] = new long[k];
        b[depth] = new long[k];
        v[depth] = new double[k];
        reduced[depth] = new double[k];
        originalIndex[depth] = new int[k];
        for (int j = 0; j < k; j++) {
          int idx = sorted[j];
          a[depth][j] = ga[g][idx];
          b[depth][j] = gb[g][idx];
          v[depth][j] = gv[g][idx];
          reduced[depth][j] = r[idx];
          originalIndex[depth][j] = gi[g][idx];
        }
        if (byA != null && searchByA != null) {
          searchByA[depth] = reordered(byA[g], sorted, ga[g]);
        }
      }
      if (searchByA != null) {
        ascending.put(a, searchByA);
      }
      suffixes();
      // the primary bound, which the dynamic program uses too, on the hulls breakSlope left in the buffers
      bounds.add(new SuffixLp(true, mu, groupOf));
      if (!program) {
        addSearchBounds();
      }
      int[] known = best;
      if (known != null) { // its positions renumbered as the items were
        for (int depth = 0; depth < n; depth++) {
          int j = 0;
          while (items[depth][j] != known[depth]) {
            j++;
          }
          known[depth] = j;
        }
      }
      if (passMaxima != null) { // a pass: its Lagrangian bound, from the maxima its suffix bound on B used
        addLagrangianBound(pass[1], pass[2], passMaxima);
      }
    }

    /**
     * True for a pass whose suffix bound on B already leaves nothing above its threshold at the root: then it has
     * built nothing else, and its program ({@link #dynamicProgram}) ends at once.
     */
    private boolean dead;

    /**
     * Whether the suffix bound on B, at the root, is at or below the threshold, less twice the margin the level filter
     * allows for rounding ({@link #LEVEL_BOUND_MARGIN}): no selection can beat it. Any selection's value is at most
     * λ·capacity A plus its Σ(v − λa), which the root's list bounds from above among the selections that fit capacity B
     * and can beat the threshold (its last entry is its largest value). Not for a single group, whose program's only
     * layer also keeps the best selection below the threshold ({@link #seen}).
     */
    private boolean deadAtRoot() {
      double[][] lists = suffixBestB;
      if (lists == null || n < 2) {
        return false;
      }
      double[] root = lists[0];
      if (root.length == 0) {
        return true;
      }
      double top = root[root.length - 1];
      double bound = suffixLambda * capA + top;
      double margin = 2 * LEVEL_BOUND_MARGIN * (Math.abs(top) + suffixLambda * Math.abs(capA));
      return bound + margin <= threshold();
    }

    /**
     * The best selection to start from, while the items are still in their kept order: the LP's integer part
     * ({@code lpPart}, per group an index into its kept items) when it fits both capacities, or {@code start} when it
     * is worth more and its items are all here.
     */
    private void adoptStart(int @Nullable [] lpPart, @Nullable Solution start) {
      if (lpPart != null) {
        int[] choice = new int[n];
        long usedA = 0;
        long usedB = 0;
        double value = 0;
        for (int depth = 0; depth < n; depth++) {
          int j = lpPart[groupOf[depth]];
          choice[depth] = j;
          usedA += a[depth][j];
          usedB += b[depth][j];
          value += v[depth][j];
        }
        if (usedA <= capA && usedB <= capB) {
          best = choice;
          bestValue = value;
        }
      }
      if (start != null && start.value() > bestValue) {
        // map the given solution's original indexes to this search's positions
        int[] pos = new int[n];
        for (int depth = 0; depth < n; depth++) {
          int want = start.choice()[groupOf[depth]];
          pos[depth] = -1;
          for (int j = 0; j < originalIndex[depth].length; j++) {
            if (originalIndex[depth][j] == want) {
              pos[depth] = j;
            }
          }
        }
        if (Arrays.stream(pos).allMatch(x -> x >= 0)) {
          best = pos;
          bestValue = start.value();
        }
      }
    }

    /** The suffix minima of the weights and maxima of the value and reduced value, from the items per depth. */
    private void suffixes() {
      suffixMinA = new long[n + 1];
      suffixMinB = new long[n + 1];
      suffixMaxValue = new double[n + 1];
      suffixMaxReduced = new double[n + 1];
      for (int depth = n - 1; depth >= 0; depth--) {
        long minA = Long.MAX_VALUE;
        long minB = Long.MAX_VALUE;
        double maxV = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < v[depth].length; j++) {
          minA = Math.min(minA, a[depth][j]);
          minB = Math.min(minB, b[depth][j]);
          maxV = Math.max(maxV, v[depth][j]);
        }
        suffixMinA[depth] = saturatingAdd(suffixMinA[depth + 1], minA);
        suffixMinB[depth] = saturatingAdd(suffixMinB[depth + 1], minB);
        suffixMaxValue[depth] = suffixMaxValue[depth + 1] + maxV;
        suffixMaxReduced[depth] = suffixMaxReduced[depth + 1] + (reduced[depth].length == 0 ? 0 : reduced[depth][0]);
      }
    }

    double lambda() {
      return lambda;
    }

    double mu() {
      return mu;
    }

    /**
     * Per weight array (by identity): each group's item indexes in ascending weight, once per search — sorted, or for
     * the weights B of a group with a {@link WeightOrder} counted over its ranks ({@link #ascendingByRank}).
     */
    private java.util.Map<long[][], int[][]> ascending = new java.util.IdentityHashMap<>();

    private int[][] ascendingOrder(long[][] w) {
      return ascending.computeIfAbsent(w, key -> {
        int[][] out = new int[key.length][];
        for (int g = 0; g < key.length; g++) {
          WeightOrder order = key == b ? source[groupOf[g]].order() : null;
          out[g] = order != null ? ascendingByRank(originalIndex[g], order.rankB, order.ranksB)
              : ascendingByWeight(key[g]);
        }
        return out;
      });
    }

    /**
     * A group's ascending order of weight {@code w} for its items renumbered by {@code items} (new position j holds
     * old item items[j]), from the old numbering's order: what {@link #ascendingByWeight} would return for the
     * renumbered weights, equal weights by new position, without sorting them again.
     */
    private static int[] reordered(int[] ascendingOld, int[] items, long[] w) {
      int k = items.length;
      int[] position = new int[k];
      for (int j = 0; j < k; j++) {
        position[items[j]] = j;
      }
      int[] out = new int[k];
      for (int q = 0; q < k; ) {
        long weight = w[ascendingOld[q]];
        int end = q;
        while (end < k && w[ascendingOld[end]] == weight) {
          out[end] = position[ascendingOld[end]];
          end++;
        }
        if (end - q > 1) {
          Arrays.sort(out, q, end);
        }
        q = end;
      }
      return out;
    }

    /**
     * Each group's upper hull of (weight A, v − μ·weight B) in ascending weight A into the hull buffers (group g's
     * points from {@code hullStart[g]} to {@code hullEnd[g]}); returns the lightest points' total weight A. The
     * buffers are kept between calls: fitting μ asks for the hulls twenty-odd times a search, and fresh arrays per
     * call were ~200 KB each.
     */
    private long buildHulls(long[][] ga, long[][] gb, double[][] gv, double mu) {
      int groups = ga.length;
      int total = 0;
      for (double[] values : gv) {
        total += values.length;
      }
      if (hullX.length < total) {
        hullX = new long[total];
        hullY = new double[total];
        hullItem = new int[total];
      }
      if (hullStart.length < groups) {
        hullStart = new int[groups];
        hullEnd = new int[groups];
        hullAt = new int[groups];
        hullHeadSlope = new double[groups];
      }
      long[] hx = hullX;
      double[] hy = hullY;
      int[] hull = hullItem;
      long baseA = 0;
      int next = 0;
      int[][] ascendingA = ascendingOrder(ga);
      for (int g = 0; g < groups; g++) {
        int start = next;
        int h = start;
        long[] x0 = ga[g];
        long[] b0 = gb[g];
        double[] v0 = gv[g];
        for (int idx : ascendingA[g]) {
          long x = x0[idx];
          double y = v0[idx] - mu * b0[idx];
          if (h > start && hx[h - 1] == x) {
            if (y <= hy[h - 1]) {
              continue;
            }
            h--; // the same weight with a higher value replaces the last point
          }
          if (h > start && y <= hy[h - 1]) {
            continue;
          }
          while (h >= start + 2 && (hy[h - 1] - hy[h - 2]) * (x - hx[h - 2]) <= (y - hy[h - 2]) * (hx[h - 1] - hx[h - 2])) {
            h--;
          }
          hx[h] = x;
          hy[h] = y;
          hull[h] = idx;
          h++;
        }
        hullStart[g] = start;
        hullEnd[g] = h;
        baseA = saturatingAdd(baseA, hx[start]);
        next = h;
      }
      return baseA;
    }

    /**
     * The LP solution on the hulls {@link #buildHulls} left, with {@code room} = capacity A minus their lightest
     * points' weight (≥ 0): increments by slope, each moving its group one hull point up, until the room is spent.
     * Leaves each group's last point fully paid for in {@code hullAt} and the increment taken only in part, if any,
     * in {@code hullBreakGroup} (−1 for none) and {@code hullBreakFraction}. The next increment comes from a heap of
     * the groups by the slope of their next one, the earlier group first on a tie — the increment a scan of every
     * group would pick, for a logarithm of the groups instead of all of them per increment (the fills of a dozen LPs
     * per first search were ~3 % of a case, scanning).
     */
    private void fillHulls(int groups, long room) {
      for (int g = 0; g < groups; g++) {
        hullAt[g] = hullStart[g];
        hullHeadSlope[g] = headSlope(g);
      }
      hullBreakGroup = -1;
      hullBreakFraction = 0;
      if (fillHeap.length < groups) {
        fillHeap = new int[groups];
      }
      int[] heap = fillHeap;
      int size = 0;
      for (int g = 0; g < groups; g++) {
        if (hullAt[g] + 1 < hullEnd[g] && hullHeadSlope[g] > 0) {
          heap[size++] = g;
        }
      }
      for (int i = size / 2 - 1; i >= 0; i--) {
        siftDown(heap, size, i);
      }
      while (room > 0 && size > 0) {
        int g = heap[0];
        int at = hullAt[g];
        long dx = hullX[at + 1] - hullX[at];
        if (dx > room) {
          hullBreakGroup = g;
          hullBreakFraction = (double) room / dx;
          return;
        }
        room -= dx;
        hullAt[g] = at + 1;
        hullHeadSlope[g] = headSlope(g);
        if (!(hullAt[g] + 1 < hullEnd[g] && hullHeadSlope[g] > 0)) {
          heap[0] = heap[--size]; // its last increment taken, or none left worth taking
        }
        if (size > 0) {
          siftDown(heap, size, 0);
        }
      }
    }

    /** {@link #fillHulls}' heap of the groups with an increment left, by its slope: kept between calls. */
    private int[] fillHeap = new int[0];

    /** Restores the heap's order below position {@code i}: the greater slope first, the earlier group on a tie. */
    private void siftDown(int[] heap, int size, int i) {
      int g = heap[i];
      double slope = hullHeadSlope[g];
      while (true) {
        int child = 2 * i + 1;
        if (child >= size) {
          break;
        }
        int c = heap[child];
        if (child + 1 < size) {
          int d = heap[child + 1];
          if (hullHeadSlope[d] > hullHeadSlope[c] || (hullHeadSlope[d] == hullHeadSlope[c] && d < c)) {
            child++;
            c = d;
          }
        }
        if (hullHeadSlope[c] > slope || (hullHeadSlope[c] == slope && c < g)) {
          heap[i] = c;
          i = child;
        } else {
          break;
        }
      }
      heap[i] = g;
    }

    /**
     * The LP's integer part after {@link #breakSlope}: per group the index of its last hull point fully paid for, or
     * null when the lightest points alone exceed capacity A. A search seeds its incumbent with it; it once built the
     * hulls again on its renumbered items for that, which gives the same selection bar exact ties (of hull points, or
     * of slopes between groups) and cost a hull build per search.
     */
    private int @Nullable [] lpIntegerPart(int groups) {
      if (!filled) {
        return null;
      }
      int[] part = new int[groups];
      for (int g = 0; g < groups; g++) {
        part[g] = hullItem[hullAt[g]];
      }
      return part;
    }

    /** Whether the last {@link #breakSlope} filled the hulls (the lightest points fit capacity A). */
    private boolean filled;

    /** The slope of group g's next hull increment (unused past its last point). */
    private double headSlope(int g) {
      int at = hullAt[g];
      return at + 1 < hullEnd[g] ? (hullY[at + 1] - hullY[at]) / (double) (hullX[at + 1] - hullX[at]) : 0;
    }

    // The hull buffers: every group's hull points, group g's from hullStart[g] to hullEnd[g]; hullAt[g] is its LP point
    private long[] hullX = new long[0];
    private double[] hullY = new double[0];
    private int[] hullItem = new int[0];
    private int[] hullStart = new int[0];
    private int[] hullEnd = new int[0];
    private int[] hullAt = new int[0];
    private double[] hullHeadSlope = new double[0];
    private int hullBreakGroup;
    private double hullBreakFraction;

    /**
     * The LP's break slope with weight B priced at μ (λ): the slope of the hull increment the greedy fill of capacity A
     * takes in part, or, when the increments it takes fill it exactly, of the one it would take next; 0 when no
     * increment left has a positive slope, and when the lightest points alone exceed capacity A. The same break as all
     * the increments sorted by slope (the earlier group first on a tie) and summed until capacity A, as this once did:
     * the fill takes them in that order, since a group's own slopes fall along its hull; but without copying the hulls
     * and sorting every increment, as the search needs nothing else of its root LP.
     */
    private double breakSlope(long[][] ga, long[][] gb, double[][] gv, double mu) {
      long room = capA - buildHulls(ga, gb, gv, mu);
      filled = room >= 0;
      if (room < 0) {
        return 0;
      }
      fillHulls(ga.length, room);
      if (hullBreakGroup >= 0) {
        return hullHeadSlope[hullBreakGroup];
      }
      double next = 0;
      for (int g = 0; g < ga.length; g++) {
        if (hullAt[g] + 1 < hullEnd[g]) {
          next = Math.max(next, hullHeadSlope[g]);
        }
      }
      return next;
    }

    /**
     * μ ≥ 0 such that the LP solution respects capacity B (0 when it already does, and 0 when no μ up to 1e−9·4^80
     * makes it: then the LP cannot trade weight A for weight B, and a price that large would only wreck the bounds —
     * multipliers near 1e39 cancel in floating point against values near 1, and the Lagrangian "bound" dropped the
     * optimum's items; found by the brute-force property). The μ is the end of a bisection on the LP's weight B; with
     * {@code viaCrossing} the bisection asks where the {@link #crossing} lies instead of solving each LP.
     */
    private double fitMu(long[][] ga, long[][] gb, double[][] gv, boolean viaCrossing) {
      fittedCrossing = Double.NaN;
      double usedAtZero = usageB(ga, gb, gv, 0);
      if (usedAtZero <= capB) {
        return 0;
      }
      double valueAtZero = usageValue;
      double high = 1e-9 * Math.pow(4, 80);
      double usedAtHigh = usageB(ga, gb, gv, high);
      if (usedAtHigh > capB) {
        return 0;
      }
      double crossing = viaCrossing
          ? crossing(ga, gb, gv, usedAtZero, valueAtZero, high, usedAtHigh, usageValue)
          : Double.NaN;
      fittedCrossing = crossing;
      // Whether the LP solution at μ still uses more than capacity B: μ below the crossing when that was found — the
      // LP's own answers for ~8 LPs instead of ~19 (the same μ to the bit in 360 first searches over five benchmark
      // regimes and in 60 000 random cases) — except within rounding of it, where the LP's tie-breaking decides, and
      // else the LP itself.
      java.util.function.DoublePredicate askLp = mu -> usageB(ga, gb, gv, mu) > capB;
      java.util.function.DoublePredicate over = crossing >= 0
          ? mu -> Math.abs(mu - crossing) <= 1e-9 * crossing ? askLp.test(mu) : mu < crossing
          : askLp;
      // The bracket [1e−9·4^(m−1), 1e−9·4^m] (lo = 0 for m = 0) of the least m ≤ 80 whose μ fits, m found by binary
      // search: the weight B of the LP solution does not grow with μ (it is capacity B minus the slope of a convex
      // bound), so this is the bracket the walk up by ×4 found, in ~7 evaluations instead of up to 81.
      int fails = -1; // the largest exponent known not to fit (−1: none yet)
      int fits = 80;
      while (fits - fails > 1) {
        int m = (fails + fits) >>> 1;
        if (over.test(1e-9 * Math.pow(4, m))) {
          fails = m;
        } else {
          fits = m;
        }
      }
      double hi = 1e-9 * Math.pow(4, fits);
      double lo = fits == 0 ? 0 : 1e-9 * Math.pow(4, fits - 1);
      // To 0.02 % of the bracket. μ only steers the pruning, never the answer, but the work depends on it erratically:
      // 6 or 20 steps made some benchmark cases several times more work (benchmarks/README.md, sixth session).
      for (int i = 0; i < 12; i++) {
        double mid = (lo + hi) / 2;
        if (over.test(mid)) {
          lo = mid;
        } else {
          hi = mid;
        }
      }
      return hi;
    }

    /**
     * Weight B of the LP solution with weight B priced at μ, its part-taken increment included: the LP bound's
     * slope in μ is capacity B minus this, so the bisection on it ends at the μ of the tightest bound (the LP
     * relaxation of both capacities). Its integer part alone is no guide when one increment trades much weight B
     * for weight A (a down payment dropped for a higher installment): on a tight-budget case that put μ at twice the
     * best and left the Lagrangian bound nine times as far from the optimum (10 debts, budget 1.1, seed 40).
     */
    private double usageB(long[][] ga, long[][] gb, double[][] gv, double mu) {
      int groups = ga.length;
      long room = capA - buildHulls(ga, gb, gv, mu);
      long sum = 0;
      double value = 0;
      if (room < 0) {
        for (int g = 0; g < groups; g++) {
          sum = saturatingAdd(sum, gb[g][hullItem[hullStart[g]]]);
          value += gv[g][hullItem[hullStart[g]]];
        }
        usageValue = value;
        return sum;
      }
      fillHulls(groups, room);
      for (int g = 0; g < groups; g++) {
        sum = saturatingAdd(sum, gb[g][hullItem[hullAt[g]]]);
        value += gv[g][hullItem[hullAt[g]]];
      }
      int g = hullBreakGroup;
      if (g < 0) {
        usageValue = value;
        return sum;
      }
      int at = hullAt[g];
      usageValue = value + hullBreakFraction * (gv[g][hullItem[at + 1]] - gv[g][hullItem[at]]);
      return sum + hullBreakFraction * (gb[g][hullItem[at + 1]] - gb[g][hullItem[at]]);
    }

    /** {@link MultipleChoiceKnapsack#fittedMu}, on this search's items. */
    double[] fitBothWays() {
      double viaCrossing = fitMu(a, b, v, true);
      double crossing = fittedCrossing;
      double byBisection = fitMu(a, b, v, false);
      double below = crossing >= 0 ? usageB(a, b, v, crossing * (1 - 1e-9)) : Double.NaN;
      double above = crossing >= 0 ? usageB(a, b, v, crossing * (1 + 1e-9)) : Double.NaN;
      return new double[] {viaCrossing, byBisection, crossing, below, above};
    }

    /** The crossing the last {@link #fitMu} used, or NaN (none to find, or the tangents did not settle). */
    private double fittedCrossing = Double.NaN;

    /** Σ value of the LP solution {@link #usageB} last found (its part-taken increment included). */
    private double usageValue;

    /**
     * The μ at which the LP solution's weight B falls to capacity B: the minimum of the convex, piecewise-linear
     * {@code Φ(μ) = max over the LP of Σ(v − μb) + μ·capB}, whose slope at μ is {@code capB − usageB(μ)}. Each LP
     * solution found gives a tangent {@code Σv + μ·(capB − Σb)}; the tangents of the last solutions left and right of
     * the minimum meet at the next μ to try (Kelley's cutting planes in one dimension), and when Φ there lies on both,
     * there is its kink. NaN when the iteration does not settle (then the caller bisects on {@link #usageB}).
     */
    private double crossing(long[][] ga, long[][] gb, double[][] gv, double usedAtZero, double valueAtZero,
        double high, double usedAtHigh, double valueAtHigh) {
      double left = 0;
      double usedLeft = usedAtZero;
      double valueLeft = valueAtZero;
      double right = high;
      double usedRight = usedAtHigh;
      double valueRight = valueAtHigh;
      for (int step = 0; step < CROSSING_STEPS; step++) {
        if (!(usedLeft > usedRight)) {
          return Double.NaN;
        }
        double mu = (valueLeft - valueRight) / (usedLeft - usedRight);
        if (!(mu > left && mu < right)) {
          return Double.NaN;
        }
        double used = usageB(ga, gb, gv, mu);
        double value = usageValue;
        double phi = value + mu * (capB - used);
        double tangent = valueLeft + mu * (capB - usedLeft);
        double scale = Math.abs(value) + Math.abs(valueLeft) + mu * (capB + used + usedLeft);
        if (Math.abs(phi - tangent) <= 1e-12 * scale) {
          return mu;
        }
        if (used > capB) {
          left = mu;
          usedLeft = used;
          valueLeft = value;
        } else {
          right = mu;
          usedRight = used;
          valueRight = value;
        }
      }
      return Double.NaN;
    }

    /**
     * LP bound data of every suffix of groups, for one constraint ({@code onA}: weight A, else weight B) with
     * the other weight priced at {@code price}: the hull increments of all groups sorted by slope once, each
     * suffix keeping its own groups' increments in that order.
     */
    private final class SuffixLp {
      final boolean onA;
      final double price;
      final double[] baseValue = new double[n + 1];
      final long[] baseW = new long[n + 1];
      final long[][] incW = new long[n + 1][];
      final double[][] incV = new double[n + 1][];

      SuffixLp(boolean onA, double price) {
        this(onA, price, null);
      }

      /**
       * With {@code built} not null, the hulls are those in the hull buffers, group {@code built[depth]}'s for each
       * depth: the search's primary bound reads the ones {@link #breakSlope} built on the items in their kept order at
       * the same μ instead of building them again on the renumbered items — the same points, as a hull's points do not
       * depend on the order its items are walked in (of equal points it keeps one).
       */
      SuffixLp(boolean onA, double price, int @Nullable [] built) {
        this.onA = onA;
        this.price = price;
        int[] groupAt = built;
        if (groupAt == null) {
          long[][] w = onA ? a : b;
          long[][] other = onA ? b : a;
          buildHulls(w, other, v, price); // read from the hull buffers below, before anything builds them again
          groupAt = new int[n];
          for (int depth = 0; depth < n; depth++) {
            groupAt[depth] = depth;
          }
        }
        long[] hx = hullX;
        double[] hy = hullY;
        int total = 0;
        for (int g : groupAt) {
          total += hullEnd[g] - hullStart[g] - 1;
        }
        int[] incGroup = new int[total];
        long[] incDw = new long[total];
        double[] incDv = new double[total];
        double[] slope = new double[total];
        int[] order = new int[total];
        double[] groupBase = new double[n];
        long[] groupBaseW = new long[n];
        int pos = 0;
        for (int g = 0; g < n; g++) {
          int start = hullStart[groupAt[g]];
          groupBase[g] = hy[start];
          groupBaseW[g] = hx[start];
          for (int j = start + 1; j < hullEnd[groupAt[g]]; j++) {
            incGroup[pos] = g;
            incDw[pos] = hx[j] - hx[j - 1];
            incDv[pos] = hy[j] - hy[j - 1];
            slope[pos] = incDv[pos] / incDw[pos];
            order[pos] = pos;
            pos++;
          }
        }
        sortByValueDescendingPacked(order, slope, null, null);
        incW[n] = new long[] {0};
        incV[n] = new double[] {0};
        for (int depth = n - 1; depth >= 0; depth--) {
          baseValue[depth] = baseValue[depth + 1] + groupBase[depth];
          baseW[depth] = saturatingAdd(baseW[depth + 1], groupBaseW[depth]);
        }
        // From the root down: a depth's increments, in slope order, are the depth before's without that depth's own
        // group's, dropped from `order` in place as its prefix sums are taken — so each depth walks its own increments,
        // not all of them (filtering all of them at every depth took 1.5× as long: 0.34 against 0.22 ms per 20-debt case)
        int count = total;
        for (int depth = 0; depth < n; depth++) {
          long[] pw = new long[count + 1];
          double[] pv = new double[count + 1];
          int kept = 0;
          for (int x = 0; x < count; x++) {
            int idx = order[x];
            pw[x + 1] = saturatingAdd(pw[x], incDw[idx]);
            pv[x + 1] = pv[x] + incDv[idx];
            if (incGroup[idx] != depth) {
              order[kept++] = idx;
            }
          }
          count = kept;
          incW[depth] = pw;
          incV[depth] = pv;
        }
      }

      /** Upper bound of groups >= depth with the capacities left, or -inf when the lightest choices do not fit. */
      double bound(int depth, long leftA, long leftB) {
        long left = onA ? leftA : leftB;
        long room = left - baseW[depth];
        if (room < 0) {
          return Double.NEGATIVE_INFINITY;
        }
        long[] pw = incW[depth];
        double[] pv = incV[depth];
        int j = upperBound(pw, pw.length, room) - 1;
        double fill = pv[j];
        if (j + 1 < pw.length) {
          fill += (pv[j + 1] - pv[j]) / (double) (pw[j + 1] - pw[j]) * (room - pw[j]);
        }
        return baseValue[depth] + fill + price * (onA ? leftB : leftA);
      }
    }

    /**
     * The LP bounds the search checks at every node besides the primary one (capacity A with weight B priced at μ,
     * built with the search because the dynamic program uses it too): capacity A with weight B free, and capacity B
     * with weight A priced at λ. A pass's program never reads them, so a pass builds them only when its search runs.
     * Four more at μ/2, 2μ, λ/2 and 2λ changed the total work on the 45 benchmark cases by 0.3 % and cost 5 % of the
     * time.
     */
    private void addSearchBounds() {
      if (bounds.size() > 1) {
        return;
      }
      if (mu > 0) {
        bounds.add(new SuffixLp(true, 0));
      }
      bounds.add(new SuffixLp(false, lambda));
    }

    // Lagrangian bound with fixed multipliers: Σ_{g ≥ depth} max(v − λa − μb) + λ·leftA + μ·leftB, O(1).
    private double[] lagrangeSuffix;
    private double lagLambda;
    private double lagMu;

    /** Per depth, the largest v − λa − μb of its items: the group's term of the Lagrangian bound with λ and μ. */
    private double[] maxReduced(double lambda, double mu) {
      double[] max = new double[n];
      for (int depth = 0; depth < n; depth++) {
        double m = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < v[depth].length; j++) {
          m = Math.max(m, v[depth][j] - lambda * a[depth][j] - mu * b[depth][j]);
        }
        max[depth] = m;
      }
      return max;
    }

    /** The Lagrangian bound with λ and μ, from {@code max} = {@link #maxReduced}{@code (λ, μ)}. */
    private void addLagrangianBound(double lambda, double mu, double[] max) {
      lagLambda = lambda;
      lagMu = mu;
      lagrangeSuffix = new double[n + 1];
      for (int depth = n - 1; depth >= 0; depth--) {
        lagrangeSuffix[depth] = lagrangeSuffix[depth + 1] + max[depth];
      }
    }

    // Suffix bound exact in weight B: per depth, ascending weight B and the best Σ(v − λa) of the groups from there
    // within it; null until built.
    private long @Nullable [][] suffixB;
    private double @Nullable [][] suffixBestB;
    private double suffixLambda;

    /**
     * Builds the bound {@code λ·leftA + max Σ_{g ≥ depth} (v − λa) over selections with Σb ≤ leftB}: weight A is
     * priced by λ as in the Lagrangian, but weight B is kept exact. Down payments come in a few coarse levels, so
     * pricing them (as the LP and Lagrangian bounds do) is what leaves most of the duality gap; this bound closes
     * most of it. Built backwards as lists of non-dominated (Σb, value) pairs; a pair that cannot beat the
     * threshold with any completion of the groups before it (Lagrangian bound with λ, μ) is dropped, and lists
     * longer than {@code listLimit} are coarsened into buckets of weight B that keep their best value at their
     * lightest weight — both keep it an upper bound for every selection that can beat the threshold. Not built
     * when it would exceed {@code maxStates}. {@code max} is {@link #maxReduced}{@code (λ, μ)}.
     */
    private void addSuffixBoundOnB(double lambda, double mu, double[] max, int listLimit, long maxStates) {
      double[] prefixLagrangian = new double[n + 1];
      long[] prefixMinB = new long[n + 1];
      for (int depth = 0; depth < n; depth++) {
        long minB = Long.MAX_VALUE;
        for (long w : b[depth]) {
          minB = Math.min(minB, w);
        }
        prefixLagrangian[depth + 1] = prefixLagrangian[depth] + max[depth];
        prefixMinB[depth + 1] = saturatingAdd(prefixMinB[depth], minB);
      }
      double threshold = threshold();
      long[][] listB = new long[n + 1][];
      double[][] listV = new double[n + 1][];
      listB[n] = new long[] {0};
      listV[n] = new double[] {0};
      long states = 1;
      for (int depth = n - 1; depth >= 0; depth--) {
        long[] sb = listB[depth + 1];
        double[] sv = listV[depth + 1];
        // The group's steps: per weight B its best v − λa, only where no lighter weight B has as much. Other items
        // only ever make dominated pairs, and weight B (down payments) has far fewer levels than the group items.
        long[] stepB = new long[v[depth].length];
        double[] stepV = new double[v[depth].length];
        int k = 0;
        for (int j : ascendingOrder(b)[depth]) {
          double r = v[depth][j] - lambda * a[depth][j];
          if (k > 0 && stepB[k - 1] == b[depth][j]) {
            stepV[k - 1] = Math.max(stepV[k - 1], r);
          } else if (k == 0 || r > stepV[k - 1]) {
            stepB[k] = b[depth][j];
            stepV[k] = r;
            k++;
          }
        }
        long candidates = (long) sb.length * k;
        if (states + candidates > maxStates || candidates > Integer.MAX_VALUE - 8) {
          boundStates += states;
          return;
        }
        long[] cb = new long[(int) candidates];
        double[] cv = new double[(int) candidates];
        int[] runEnd = new int[k];
        int count = 0;
        long limit = capB - prefixMinB[depth];
        double before = lambda * capA + mu * capB + prefixLagrangian[depth];
        // one run per step, each ascending in weight B as the list it extends is
        for (int j = 0; j < k; j++) {
          for (int st = 0; st < sb.length; st++) {
            long nb = saturatingAdd(sb[st], stepB[j]);
            double nv = sv[st] + stepV[j];
            if (nb > limit || nv + before - mu * nb <= threshold) {
              continue;
            }
            cb[count] = nb;
            cv[count] = nv;
            count++;
          }
          runEnd[j] = count;
        }
        long[] kb = new long[count];
        double[] kv = new double[count];
        int kept = mergeStaircases(cb, cv, runEnd, k, kb, kv);
        if (kept > listLimit) {
          long width = (kb[kept - 1] - kb[0]) / listLimit + 1;
          int merged = 0;
          for (int x = 0; x < kept; ) {
            long lightest = kb[x];
            double top = kv[x];
            while (x < kept && kb[x] - lightest < width) {
              top = kv[x]; // values ascend with weight within the list
              x++;
            }
            kb[merged] = lightest;
            kv[merged] = top;
            merged++;
          }
          kept = merged;
        }
        listB[depth] = Arrays.copyOf(kb, kept);
        listV[depth] = Arrays.copyOf(kv, kept);
        states += kept;
      }
      boundStates += states;
      suffixB = listB;
      suffixBestB = listV;
      suffixLambda = lambda;
    }

    /**
     * The Σ max value, Lagrangian, suffix-on-B (when built) and primary LP bounds: cheap enough to check before every
     * branch.
     */
    private double quickBound(int depth, long leftA, long leftB) {
      return quickBound(depth, leftA, leftB, Double.NEGATIVE_INFINITY);
    }

    /**
     * As {@link #quickBound(int, long, long)}, but stops at the O(1) bounds when they are already at or below
     * {@code atMost} (the caller prunes then, whatever the LP would say).
     */
    private double quickBound(int depth, long leftA, long leftB, double atMost) {
      return quickBound(depth, leftA, leftB, atMost, null, 0);
    }

    /**
     * What {@link #quickBound(int, long, long, double)} returns — the Σ max value and Lagrangian bounds, the suffix
     * bound exact in weight B (−∞ when no selection of the remaining groups fits {@code leftB}), the primary LP bound,
     * stopping at the first that is at or below {@code atMost} — with the suffix bound's list entry for {@code leftB}
     * taken from {@code answers[at]} when the program keeps one there (NaN: not asked yet; −∞: no entry fits), and kept
     * there once searched for; {@code answers} null searches every time. One method for both, so that the program's
     * loop has one call to compile.
     */
    private double quickBound(int depth, long leftA, long leftB, double atMost, double @Nullable [] answers, int at) {
      double q = suffixMaxValue[depth];
      if (lagrangeSuffix != null) {
        q = Math.min(q, lagrangeSuffix[depth] + lagLambda * leftA + lagMu * leftB);
      }
      if (q <= atMost) {
        return q;
      }
      long[][] lists = suffixB;
      double[][] best = suffixBestB;
      if (lists != null && best != null) {
        double entry = answers == null ? Double.NaN : answers[at];
        if (entry != entry) {
          long[] weights = lists[depth];
          int j = upperBound(weights, weights.length, leftB) - 1;
          entry = j < 0 ? Double.NEGATIVE_INFINITY : best[depth][j];
          if (answers != null) {
            answers[at] = entry;
          }
        }
        q = Math.min(q, entry == Double.NEGATIVE_INFINITY ? entry : suffixLambda * leftA + entry);
        if (q <= atMost) {
          return q;
        }
      }
      return Math.min(q, bounds.get(0).bound(depth, leftA, leftB));
    }

    /** The program's buffer of suffix-bound answers, grown as its layers need. */
    private double @Nullable [] keptAnswers;
    /** Tests: false asks the suffix bound on B pair by pair, as the program did before it kept answers. */
    boolean keepAnswers = true;
    /** Layers that kept answers (tests: coverage). */
    long layersWithKeptAnswers;

    private double[] answerBuffer(int size) {
      double[] buffer = keptAnswers;
      if (buffer == null || buffer.length < size) {
        buffer = new double[Math.max(size, buffer == null ? 0 : buffer.length * 2)];
        keptAnswers = buffer;
      }
      return buffer;
    }

    /**
     * Per item of the group at {@code depth}, the rank of its weight B among the group's distinct ones, and their
     * number at index k; null when the suffix bound on B is not built or the weights B are mostly distinct (then
     * the answers would be asked once each anyway).
     */
    private int @Nullable [] suffixAnswerRanks(int depth) {
      if (suffixB == null || suffixBestB == null || !keepAnswers) {
        return null;
      }
      Levels lv = levels(depth);
      return lv.shared() ? lv.rank() : null;
    }

    /**
     * The items of one group by distinct weight B (ascending): each item's level in {@code rank} (their number at
     * index k), and per level the weight B, the least weight A and the largest value of its items — what a partial
     * selection must pass for any item of the level to stand a chance.
     */
    private record Levels(int[] rank, long[] weightB, long[] leastA, double[] mostValue) {
      /**
       * Whether the items share their weights B — at most half as many levels as items — so that work per level
       * (a kept answer, a filter check) is less than work per item; down payments usually are.
       */
      boolean shared() {
        return weightB.length * 2 <= rank.length - 1;
      }
    }

    /** Per depth, {@link Levels}; null until first asked. */
    private Levels @Nullable [] levels;

    private Levels levels(int depth) {
      if (levels == null) {
        levels = new Levels[n];
      }
      Levels l = levels[depth];
      if (l == null) {
        int k = b[depth].length;
        int[] ranks = new int[k + 1];
        long[] weightB = new long[k];
        long[] leastA = new long[k];
        double[] mostValue = new double[k];
        int distinct = 0;
        for (int j : ascendingOrder(b)[depth]) {
          long w = b[depth][j];
          if (distinct == 0 || w != weightB[distinct - 1]) {
            weightB[distinct] = w;
            leastA[distinct] = a[depth][j];
            mostValue[distinct] = v[depth][j];
            distinct++;
          } else {
            leastA[distinct - 1] = Math.min(leastA[distinct - 1], a[depth][j]);
            mostValue[distinct - 1] = Math.max(mostValue[distinct - 1], v[depth][j]);
          }
          ranks[j] = distinct - 1;
        }
        ranks[k] = distinct;
        l = new Levels(ranks, Arrays.copyOf(weightB, distinct), Arrays.copyOf(leastA, distinct),
            Arrays.copyOf(mostValue, distinct));
        levels[depth] = l;
      }
      return l;
    }

    /** The program's buffer of the partial selections each level of weight B can extend, grown as needed. */
    private int @Nullable [] extendable;

    /**
     * Relative margin of the level-wise bounds in {@link #extendable}, far above their rounding error (a few units of
     * 1e−16 relative to the terms summed): so they leave out no pair the program's own checks would keep.
     */
    private static final double LEVEL_BOUND_MARGIN = 1e-9;
    /** Tests: false lets every partial selection meet every item, as the program did before {@link #extendable}. */
    boolean filterLevels = true;
    /**
     * Tests: the (partial selection, level) entries {@link #extendable} left out, by what decided — the weights left,
     * the Σ max value, the Lagrangian and the suffix bound on B.
     */
    long[] leftOut = new long[4];

    /**
     * Per level of weight B of the group at {@code depth}, the partial selections of the layer (ascending, so in value
     * order) that some item of the level might extend; the level's ones are {@code ext[range[2l]]} to before
     * {@code ext[range[2l + 1]]}. The pairs of the others would all fail the program's checks: the savings left, the
     * budget left with the level's least weight A, or one of the bounds with the level's best value for it — the Σ
     * max value, the Lagrangian with its λ and μ, and the suffix bound on B, whose answer for the level is kept in
     * {@code answers} (when the layer keeps answers). Those bounds are checked less a margin far above their
     * rounding, so that no pair the program would keep is left out.
     *
     * <p>A level's checks stand for all of its items, so this pays where the items share their weights B
     * ({@link Levels#shared}). Elsewhere the levels' checks are the pairs' own, made twice for the pairs that pass
     * (filtering those layers too measured 1.04–1.18 against the build without the filter on tight 15-debt budgets,
     * though 0.97 against this rule directly — this host's noise): there, when the levels times the partial
     * selections would pass {@link #MAX_KEPT_ANSWERS}, and when the tests switch it off, every level gets every
     * partial selection — null, with every range 0 to the layer's size.
     */
    private int @Nullable [] extendable(int depth, double threshold, Levels lv, double @Nullable [] answers,
        int[] range) {
      long[] sa = layerA;
      long[] sb = layerB;
      double[] sv = layerValue;
      int states = sa.length;
      int levels = lv.weightB().length;
      if (!lv.shared() || (long) levels * states > MAX_KEPT_ANSWERS || !filterLevels) {
        for (int l = 0; l < levels; l++) {
          range[2 * l] = 0;
          range[2 * l + 1] = states;
        }
        return null;
      }
      int[] ext = extendable;
      if (ext == null || ext.length < levels * states) {
        ext = new int[Math.max(levels * states, ext == null ? 0 : Math.min(MAX_KEPT_ANSWERS, ext.length * 2))];
        extendable = ext;
      }
      boolean last = depth + 1 == n;
      double restMax = last ? 0 : suffixMaxValue[depth + 1];
      long roomA = capA - suffixMinA[depth + 1];
      long roomB = capB - suffixMinB[depth + 1];
      double[] rest = lagrangeSuffix;
      boolean lagrange = !last && rest != null;
      long[] suffixWeights = last || suffixB == null ? null : suffixB[depth + 1];
      double[] suffixBest = last || suffixBestB == null ? null : suffixBestB[depth + 1];
      boolean onB = answers != null && suffixWeights != null && suffixBest != null;
      double lambda = lagLambda;
      double mu = lagMu;
      double priceA = suffixLambda;
      // per level, the best v − λa of its items for the Lagrangian and for the suffix bound on B
      double[] bestLagrangian = new double[levels];
      double[] bestOnB = new double[levels];
      Arrays.fill(bestLagrangian, Double.NEGATIVE_INFINITY);
      Arrays.fill(bestOnB, Double.NEGATIVE_INFINITY);
      int[] rank = lv.rank();
      long[] ga = a[depth];
      double[] gv = v[depth];
      for (int j = 0; j < ga.length; j++) {
        bestLagrangian[rank[j]] = Math.max(bestLagrangian[rank[j]], gv[j] - lambda * ga[j]);
        bestOnB[rank[j]] = Math.max(bestOnB[rank[j]], gv[j] - priceA * ga[j]);
      }
      int m = 0;
      int byWeights = 0;
      int byMaxValue = 0;
      int byLagrangian = 0;
      int byOnB = 0;
      for (int l = 0; l < levels; l++) {
        range[2 * l] = m;
        long weightB = lv.weightB()[l];
        long leastA = lv.leastA()[l];
        double mostValue = lv.mostValue()[l];
        double lagrangian = 0;
        double lagrangianScale = 0;
        if (lagrange) {
          lagrangian = bestLagrangian[l] + rest[depth + 1] + lambda * capA + mu * (capB - weightB);
          lagrangianScale = Math.abs(bestLagrangian[l]) + Math.abs(rest[depth + 1]) + lambda * Math.abs(capA)
              + mu * Math.abs(capB - weightB);
        }
        double onBConst = bestOnB[l] + priceA * capA;
        double onBScale = Math.abs(bestOnB[l]) + priceA * Math.abs(capA);
        for (int st = 0; st < states; st++) {
          if (sb[st] + weightB > roomB || sa[st] + leastA > roomA) {
            byWeights++;
            continue;
          }
          if (!last && sv[st] + mostValue + restMax <= threshold) {
            byMaxValue++;
            continue;
          }
          if (lagrange) {
            double bound = sv[st] - lambda * sa[st] - mu * sb[st] + lagrangian;
            double margin = LEVEL_BOUND_MARGIN * (Math.abs(sv[st]) + lambda * sa[st] + mu * sb[st] + lagrangianScale);
            if (bound + margin <= threshold) {
              byLagrangian++;
              continue;
            }
          }
          if (onB) {
            int at = upperBound(suffixWeights, suffixWeights.length, capB - sb[st] - weightB) - 1;
            double entry = at < 0 ? Double.NEGATIVE_INFINITY : suffixBest[at];
            answers[l * states + st] = entry;
            if (entry == Double.NEGATIVE_INFINITY) {
              byOnB++;
              continue;
            }
            double bound = sv[st] - priceA * sa[st] + onBConst + entry;
            double margin = LEVEL_BOUND_MARGIN * (Math.abs(sv[st]) + priceA * sa[st] + onBScale + Math.abs(entry));
            if (bound + margin <= threshold) {
              byOnB++;
              continue;
            }
          }
          ext[m++] = st;
        }
        range[2 * l + 1] = m;
      }
      leftOut[0] += byWeights;
      leftOut[1] += byMaxValue;
      leftOut[2] += byLagrangian;
      leftOut[3] += byOnB;
      return ext;
    }

    /** The smallest of every bound: checked once per node. */
    private double bound(int depth, long leftA, long leftB) {
      double best = quickBound(depth, leftA, leftB);
      for (SuffixLp lp : bounds) {
        double b = lp.bound(depth, leftA, leftB);
        if (b < best) {
          best = b;
        }
      }
      return best;
    }

    /**
     * Exact dynamic program over the groups in search order: a layer holds partial selections (weight A, weight
     * B, value) that no other partial selection dominates and whose bound can still beat the incumbent. Exact
     * like the search, but near-ties that make branch and bound enumerate many equal-looking combinations
     * collapse into one state. Stops short (not exhaustive) when a layer exceeds {@code maxStates}, or before a layer
     * that would take the (partial selection, item) pairs examined beyond {@code maxPairs} ({@link #pairs}).
     *
     * <p>Called again after stopping short, it resumes at the layer it stopped before, with the layers built so far:
     * the same result as a fresh program with the new limits (the floor and the search's own start have not changed,
     * and the threshold is what a fresh program's completions of the same layers would have raised it to), without
     * building those layers again. The floor schedule retries a floor whose pass ran out
     * of pairs once its budget has grown, and this is that pass's search.
     */
    Result dynamicProgram(int maxStates, long maxPairs) {
      // A pass ended at its root: its first layer's pairs, all failing, as the program would have counted them. (With
      // a pair budget below them the program would have stopped before that layer instead; the pass has nothing above
      // its floor either way, so it finishes — only tests give budgets that small.)
      if (dead) {
        if (layerA == null) {
          layerA = new long[0];
          layerB = new long[0];
          layerValue = new double[0];
          nextLayer = 1;
          pairsBefore = v[0].length;
          examined += pairsBefore;
          layerStates = 1;
          programStates += 1;
        }
        pairs = pairsBefore;
        return best == null ? new Result(Optional.empty(), true, layerStates) : finish(best, layerStates);
      }
      if (layerA == null) {
        layerA = new long[] {0};
        layerB = new long[] {0};
        layerValue = new double[] {0};
        layerParent = new int[n][];
        layerItem = new int[n][];
        nextLayer = 0;
        pairsBefore = 0;
        layerStates = 1;
        programStates += 1;
      }
      long[] sa = layerA;
      long[] sb = layerB;
      double[] sv = layerValue;
      int[][] parent = layerParent;
      int[][] item = layerItem;
      pairs = pairsBefore;
      for (int depth = nextLayer; depth < n; depth++) {
        long restMinA = suffixMinA[depth + 1];
        long restMinB = suffixMinB[depth + 1];
        int k = v[depth].length;
        pairs = Search.saturatingAdd(pairsBefore, (long) sa.length * k);
        if (pairs > maxPairs) {
          return new Result(Optional.empty(), false, layerStates);
        }
        examined += (long) sa.length * k;
        int count = 0;
        double threshold = threshold();
        double seen = Math.max(bestValue, seenValue);
        seen += tolerance(seen); // strictly better than what is known, not the same selection summed otherwise
        int seenState = -1;
        int seenItem = -1;
        // Items with the same weight B ask the suffix bound on B the same question for a partial selection: the
        // answers are kept per (distinct weight B of this group, partial selection) and looked up once.
        int states = sa.length;
        int[] rankB = depth + 1 < n ? suffixAnswerRanks(depth) : null;
        long answerCount = rankB == null ? 0 : (long) rankB[k] * states; // rankB[k]: the distinct weights B
        if (answerCount > MAX_KEPT_ANSWERS) {
          rankB = null;
        }
        double[] answers = null;
        if (rankB != null) {
          answers = answerBuffer((int) answerCount);
          Arrays.fill(answers, 0, (int) answerCount, Double.NaN);
          layersWithKeptAnswers++;
        }
        Levels lv = levels(depth);
        int[] range = new int[2 * lv.weightB().length];
        int[] ext = extendable(depth, threshold, lv, answers, range);
        // The candidates' arrays, for the pairs the level filter lets through: every pair left out makes no candidate,
        // and sized for all states × items they were mostly zeroed and never written (half the bytes a solve
        // allocated; 0.96–0.97 of the time at 10, 20 and 30 debts). Candidates beyond maxStates end the program
        // anyway: never more (states × items overflows int and would need gigabytes on large cores).
        long filtered = 0;
        int[] itemLevel = lv.rank();
        for (int j = 0; j < k; j++) {
          filtered += range[2 * itemLevel[j] + 1] - range[2 * itemLevel[j]];
        }
        int size = (int) Math.min(filtered, (long) maxStates + 1);
        long[] ca = new long[size];
        long[] cb = new long[size];
        double[] cv = new double[size];
        int[] cp = new int[size];
        int[] ci = new int[size];
        // item by item, so the candidates come in blocks already in value order (the states are): cheap to sort
        for (int j = 0; j < k; j++) {
          int answerBase = rankB == null ? 0 : rankB[j] * states;
          int level = lv.rank()[j];
          for (int x = range[2 * level], end = range[2 * level + 1]; x < end; x++) {
            int st = ext == null ? x : ext[x];
            long na = sa[st] + a[depth][j];
            long nb = sb[st] + b[depth][j];
            if (na > capA - restMinA || nb > capB - restMinB) {
              continue;
            }
            double nv = sv[st] + v[depth][j];
            if (depth + 1 < n) {
              double q = quickBound(depth + 1, capA - na, capB - nb, threshold - nv, answers, answerBase + st);
              if (nv + q <= threshold) {
                continue;
              }
            } else if (nv <= threshold) {
              if (nv > seen) { // a complete selection below the threshold: the best one is kept (see seen())
                seen = nv;
                seenState = st;
                seenItem = j;
              }
              continue;
            }
            if (count == size) {
              programStates += count;
              return new Result(Optional.empty(), false, layerStates + count);
            }
            ca[count] = na;
            cb[count] = nb;
            cv[count] = nv;
            cp[count] = st;
            ci[count] = j;
            count++;
          }
        }
        if (seenState >= 0) {
          int[] choice = new int[n];
          choice[depth] = seenItem;
          seenChoice = traceBack(choice, depth - 1, seenState, parent, item);
          seenValue = seen; // the selection's value as the program summed it
        }
        if (count > maxStates || layerStates + count > maxStates * 4L) {
          return new Result(Optional.empty(), false, layerStates);
        }
        int[] keep = pruneByValueOrder(ca, cb, cv, count); // drops dominated partial selections
        layerStates += keep.length;
        programStates += keep.length;
        sa = picked(ca, keep, keep.length);
        sb = picked(cb, keep, keep.length);
        sv = picked(cv, keep, keep.length);
        parent[depth] = picked(cp, keep, keep.length);
        item[depth] = picked(ci, keep, keep.length);
        layerA = sa;
        layerB = sb;
        layerValue = sv;
        nextLayer = depth + 1;
        pairsBefore = pairs;
        if (keep.length == 0) {
          break;
        }
        if (completeLayers && best != null && depth + 1 < n) {
          completeWithBest(depth, best, sa, sb, sv, parent, item);
        }
      }
      long states = layerStates;
      if (sa.length == 0 || parent[n - 1] == null || parent[n - 1].length == 0) {
        // nothing beats the incumbent and the floor: with no floor, the incumbent is optimal (or there is no solution)
        return best == null ? new Result(Optional.empty(), true, states) : finish(best, states);
      }
      int[] choice = traceBack(new int[n], n - 1, 0, parent, item); // prune() returns best value first
      bestValue = sv[0];
      foundAboveFloor = true;
      return finish(choice, states);
    }

    /**
     * Completes each partial selection of the layer just built (at {@code depth}) with the items {@code known}, the
     * best selection the search knows, takes after it; the best completion that fits and is worth more becomes the
     * best selection. Above the floor it also raises the threshold the following layers must beat, so a pass whose
     * floor lies well below the optimum stops keeping partial selections that only the lower floor let through; below
     * it, a failing pass hands a better plan to the next ({@link #bestKnown}). Every selection worth more than the
     * new best still has a bound above it, so nothing the pass must find is lost. O(states) per layer, beside the
     * layer's states × items pairs.
     */
    private void completeWithBest(int depth, int[] known, long[] sa, long[] sb, double[] sv, int[][] parent,
        int[][] item) {
      long restA = 0;
      long restB = 0;
      double restValue = 0;
      for (int d = depth + 1; d < n; d++) {
        restA = saturatingAdd(restA, a[d][known[d]]); // saturated: never a room that wrapped around
        restB = saturatingAdd(restB, b[d][known[d]]);
        restValue += v[d][known[d]];
      }
      long roomA = capA - restA;
      long roomB = capB - restB;
      double top = bestValue + tolerance(bestValue); // strictly better, not the same selection summed otherwise
      int state = -1;
      for (int st = 0; st < sa.length; st++) {
        if (sv[st] + restValue > top && sa[st] <= roomA && sb[st] <= roomB) {
          top = sv[st] + restValue;
          state = st;
        }
      }
      if (state < 0) {
        return;
      }
      int[] choice = traceBack(known.clone(), depth, state, parent, item);
      double value = 0;
      for (int d = 0; d < n; d++) { // summed as finish() sums it
        value += v[d][choice[d]];
      }
      if (value > bestValue) {
        // found only above what the program's own layers must beat (the floor plus its tolerance, while nothing above
        // it is known): a completion within the tolerance is kept as the best plan but, as in the last layer, no find
        boolean found = value > threshold();
        best = choice;
        bestValue = value;
        completions++;
        foundAboveFloor |= found;
      }
    }

    /** Tests: false leaves the program's layers uncompleted (as before completions). */
    boolean completeLayers = true;
    /** Tests: how often a completion became the best selection (coverage). */
    long completions;

    /**
     * Fills {@code choice} for layers {@code layer} down to 0 with the items of partial selection {@code state} of
     * that layer and of its parents; returns it.
     */
    private static int[] traceBack(int[] choice, int layer, int state, int[][] parent, int[][] item) {
      int top = state;
      for (int d = layer; d >= 0; d--) {
        choice[d] = item[d][top];
        top = parent[d][top];
      }
      return choice;
    }

    /**
     * The best complete selection the program's last layer met below the threshold (search positions), or null, and
     * its value. A pass that finds nothing above its floor still completes the partial selections that reach its last
     * layer; the best of them is a feasible selection, often far better than the incumbent.
     */
    private int @Nullable [] seenChoice;
    private double seenValue = Double.NEGATIVE_INFINITY;

    /** The best complete selection below the threshold that the program met in its last layer. */
    Optional<Solution> seen() {
      return selection(seenChoice);
    }

    private Result finish(int[] found, long work) {
      int[] choice = new int[n];
      long totalA = 0;
      long totalB = 0;
      double value = 0;
      for (int depth = 0; depth < n; depth++) {
        int j = found[depth];
        choice[groupOf[depth]] = originalIndex[depth][j];
        totalA += a[depth][j];
        totalB += b[depth][j];
        value += v[depth][j];
      }
      return new Result(Optional.of(new Solution(choice, value, totalA, totalB)), true, work);
    }

    Result run() {
      addSearchBounds(); // a pass builds them only when its program gives up and the search takes over
      if (suffixMinA[0] > capA || suffixMinB[0] > capB) {
        return new Result(Optional.empty(), true, 0);
      }
      descend(0, 0.0, capA, capB);
      boolean exhaustive = nodes <= maxNodes;
      int[] found = best;
      if (found == null) {
        return new Result(Optional.empty(), exhaustive, nodes);
      }
      int[] choice = new int[n];
      long totalA = 0;
      long totalB = 0;
      for (int depth = 0; depth < n; depth++) {
        int j = found[depth];
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
        if (value > bestValue && value > floor) {
          bestValue = value;
          best = current.clone();
          foundAboveFloor = true;
        }
        return;
      }
      if (value + bound(depth, leftA, leftB) <= threshold()) {
        return;
      }
      long restMinA = suffixMinA[depth + 1];
      long restMinB = suffixMinB[depth + 1];
      long[] ad = a[depth];
      long[] bd = b[depth];
      double[] vd = v[depth];
      double[] rd = reduced[depth];
      // Every child's bound is at most its Lagrangian bound value + r_j + λ·leftA + μ·leftB + Σ_{g > depth} max r,
      // and the items come in descending r = v − λa − μb: once that is clearly below what a child must beat, so
      // is every later child's (the margin covers rounding, so exactly the children the bounds below would cut).
      double lagrangeRest = value + lambda * leftA + mu * leftB + suffixMaxReduced[depth + 1];
      double scale = Math.abs(value) + lambda * Math.abs(leftA) + mu * Math.abs(leftB)
          + Math.abs(suffixMaxReduced[depth + 1]);
      for (int j = 0; j < vd.length; j++) {
        double need = threshold();
        double lagrange = lagrangeRest + rd[j];
        if (lagrange < need - 1e-9 * (scale + Math.abs(need) + Math.abs(vd[j]) + lambda * ad[j] + mu * bd[j])) {
          break;
        }
        long na = leftA - ad[j];
        long nb = leftB - bd[j];
        if (na < restMinA || nb < restMinB) {
          continue;
        }
        if (value + vd[j] + quickBound(depth + 1, na, nb, need - value - vd[j]) <= need) {
          continue;
        }
        current[depth] = j;
        descend(depth + 1, value + vd[j], na, nb);
        if (nodes > maxNodes) {
          return;
        }
      }
    }

    /** What a partial selection's bound must exceed to be worth following: the incumbent or the floor. */
    private double threshold() {
      double t = Math.max(bestValue, floor);
      return t + tolerance(t);
    }

    /**
     * The best selection this search knows: its start, the LP's integer part, a completion of a program layer, or what
     * it found.
     */
    Optional<Solution> bestKnown() {
      return selection(best);
    }

    /** The selection of these search positions, with its value and weights (empty for null). */
    private Optional<Solution> selection(int @Nullable [] positions) {
      return positions == null ? Optional.empty() : finish(positions, 0).best();
    }

    /** True when the search or program finished without a solution worth more than the floor. */
    boolean nothingAboveFloor() {
      return !foundAboveFloor;
    }

    /**
     * The (partial selection, item) pairs of the last dynamic program's layers, up to where it stopped — including
     * those its level filter left out without looking at them one by one.
     */
    long pairs() {
      return pairs;
    }

    /** States of the dynamic program and of the suffix bound built so far (search nodes are counted by run). */
    long work() {
      return programStates + boundStates;
    }

    /**
     * This pass, stopped short, continued at {@code higher} (above its floor) instead of a fresh pass there: a copy
     * that keeps its built layers and bounds — still valid, since whatever can beat the higher floor can beat its own
     * — without the items of the groups not yet layered that cannot beat the higher floor (by the Lagrangian bound
     * with that item fixed, as {@link MultipleChoiceKnapsack#fixByReducedCost} keeps a fresh pass's items) and
     * without the last layer's partial selections that cannot. The copy saves the fresh pass's setup and the layers
     * this one built; what it gives up is the fresh pass's bounds, which its smaller items would make a little tighter.
     * This pass is left as it was, so that its own floor can still resume. The copy's {@link #pairs}, which its budget
     * limits and the floor schedule grows the next budgets from, are only those it examines itself (counting the
     * inherited ones too, as a fresh pass would have examined them, gave the schedule larger budgets, 12 % more pairs
     * on {@code SolverWorkReport}'s cases and no gain in time).
     */
    Search raisedTo(double higher) {
      Search fork;
      try {
        fork = (Search) clone();
      } catch (CloneNotSupportedException e) {
        throw new AssertionError(e);
      }
      fork.floor = higher;
      fork.bounds = new ArrayList<>(bounds);
      fork.current = new int[n];
      fork.leftOut = leftOut.clone();
      fork.pairsBefore = 0;
      fork.foundAboveFloor = false;
      fork.ascending = new java.util.IdentityHashMap<>(); // both depend on the items, which the copy may drop
      fork.levels = null;
      // the scratch buffers (hulls, kept answers, extendable partial selections) are filled and read within one call,
      // and the copy and this pass never run at once: shared
      long[] sa = layerA;
      long[] sb = layerB;
      double[] sv = layerValue;
      int[][] parent = layerParent;
      int[][] item = layerItem;
      boolean layered = sa != null && sb != null && sv != null && parent != null && item != null;
      if (layered) { // the layers built so far are shared; the copy's own go into arrays of its own
        fork.layerParent = parent.clone();
        fork.layerItem = item.clone();
      }
      int depth = layered ? nextLayer : 0;
      fork.dropItemsBelow(higher, depth);
      if (!layered || depth == 0 || depth >= n) {
        return fork;
      }
      double threshold = fork.threshold();
      int[] keep = new int[sa.length];
      int kept = 0;
      for (int st = 0; st < sa.length; st++) {
        if (sv[st] + fork.quickBound(depth, capA - sa[st], capB - sb[st], threshold - sv[st]) > threshold) {
          keep[kept++] = st;
        }
      }
      fork.layerA = picked(sa, keep, kept);
      fork.layerB = picked(sb, keep, kept);
      fork.layerValue = picked(sv, keep, kept);
      fork.layerParent[depth - 1] = picked(parent[depth - 1], keep, kept);
      fork.layerItem[depth - 1] = picked(item[depth - 1], keep, kept);
      return fork;
    }

    /**
     * Drops the items of the groups from {@code from} on that cannot be in a selection worth more than {@code target}
     * (keeping those of the best and the last seen selection, which refer to them), and works out again what depends
     * on the items: the suffix minima and maxima and the Lagrangian bound. Only on a copy ({@link #raisedTo}).
     */
    private void dropItemsBelow(double target, int from) {
      if (lagrangeSuffix == null) {
        return; // a pass always has its Lagrangian bound: nothing to fix items by otherwise
      }
      double[] max = maxReduced(lagLambda, lagMu);
      double bound = lagLambda * capA + lagMu * capB;
      double magnitude = Math.abs(lagLambda * capA) + Math.abs(lagMu * capB);
      for (double m : max) {
        bound += m;
        magnitude += Math.abs(m);
      }
      if (!(bound < Double.POSITIVE_INFINITY)) {
        return;
      }
      double tolerance = fixingTolerance(target, magnitude);
      a = a.clone();
      b = b.clone();
      v = v.clone();
      reduced = reduced.clone();
      originalIndex = originalIndex.clone();
      int[] bestAt = best == null ? null : best.clone();
      int[] seenAt = seenChoice == null ? null : seenChoice.clone();
      for (int d = from; d < n; d++) {
        int k = v[d].length;
        int[] keep = new int[k];
        int[] position = new int[k];
        int kept = 0;
        for (int j = 0; j < k; j++) {
          double r = v[d][j] - lagLambda * a[d][j] - lagMu * b[d][j];
          boolean needed = (bestAt != null && bestAt[d] == j) || (seenAt != null && seenAt[d] == j);
          position[j] = -1;
          if (needed || bound - max[d] + r > target - tolerance) {
            position[j] = kept;
            keep[kept++] = j;
          }
        }
        if (kept == k) {
          continue;
        }
        a[d] = picked(a[d], keep, kept);
        b[d] = picked(b[d], keep, kept);
        v[d] = picked(v[d], keep, kept);
        reduced[d] = picked(reduced[d], keep, kept);
        originalIndex[d] = picked(originalIndex[d], keep, kept);
        if (bestAt != null) {
          bestAt[d] = position[bestAt[d]];
        }
        if (seenAt != null) {
          seenAt[d] = position[seenAt[d]];
        }
      }
      best = bestAt;
      seenChoice = seenAt;
      suffixes();
      addLagrangianBound(lagLambda, lagMu, maxReduced(lagLambda, lagMu));
    }

    private static double tolerance(double reference) {
      return Double.isInfinite(reference) ? 0 : 1e-12 * Math.max(1.0, Math.abs(reference));
    }

    static long saturatingAdd(long x, long y) {
      long r = x + y;
      return ((x ^ r) & (y ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
  }
}
