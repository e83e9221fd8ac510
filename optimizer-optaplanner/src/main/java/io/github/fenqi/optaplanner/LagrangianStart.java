package io.github.fenqi.optaplanner;

import java.util.List;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;

/**
 * The construction phase: a heuristic start for local search, built from the built-in model only (objective, first
 * installment, down payment, budget, savings). It knows nothing of the user's {@link ProposalConstraint}s; local
 * search starts from here and repairs whatever they reject.
 *
 * <p>The built-in problem is a multiple-choice knapsack with two resources. The start is
 * <ol>
 *   <li>the Lagrangian relaxation: for multipliers λ (budget) and μ (savings) every debt takes the option maximising
 *       {@code value − λ·firstInstallment − μ·downPayment}; coordinate descent on the dual bisects alternately for
 *       the λ at which Σ first installments crosses the budget and the μ at which Σ down payments crosses the
 *       savings. The choices on both sides of each crossing are made to fit by greedy repair (least objective lost
 *       per unit of excess removed) and then greedily filled (best gain per unit of resource used, relative to the
 *       limits); the best of them is kept. Then the same crossing for λ once more with the down payments kept exact
 *       ({@link #exactInDown}: a dynamic program over Σ down payments instead of the price μ), repaired and filled
 *       likewise — the down payments' few coarse levels are what pricing handles worst;</li>
 *   <li>pair exchange: while changing two debts at once fits and raises the objective, take the best such pair
 *       (one debt gives up budget or savings the other puts to better use), then fill greedily again;</li>
 *   <li>a short tabu search over compensated moves ({@link #tabu}), which walks through worse plans to find chains
 *       of trades among three or more debts;</li>
 *   <li>iterated tabu search: kick a few debts to random nearby options (seeded), repair, fill, search again, and
 *       keep the result when it is better — some optima sit behind a trade among four or five debts that no
 *       sequence of tabu steps reaches from the first local optimum.</li>
 * </ol>
 * Every step is deterministic (seeded randomness) and bounded by counts of work. In time-limited mode the iterated
 * tabu search runs on until half the time limit has passed (or no kick has found a better plan for the unimproved
 * time limit), and every step stops once the whole limit has passed
 * ({@link Kicks#timed}), keeping the best plan so far (one with an option for every debt, which may break the budget or
 * the savings when the limit ends even the first repair): on 100 sample-shaped debts the work-bounded steps had taken
 * 5–7 s with a limit of 50 ms. Deterministic mode never reads the clock ({@link Kicks#counted}), so it stays
 * reproducible. The rest of the time goes to OptaPlanner's local search.
 *
 * <p>Thread-safety: immutable; OptaPlanner calls it on the solver thread.
 */
final class LagrangianStart implements CustomPhaseCommand<ProposalPlanning> {
  /** Bound on pair-exchange rounds, so a pathological case cannot eat the whole time limit. */
  private static final int PAIR_ROUNDS = 200;
  /** Bounds on the number of dual coordinate rounds and on bisection steps per crossing. */
  private static final int DUAL_ROUNDS = 8;
  private static final int BISECTION_STEPS = 60;
  /** Bisection steps for the crossing with down payments exact, and the longest layer of its dynamic program. */
  private static final int EXACT_BISECTION_STEPS = 12;
  private static final int EXACT_LAYER = 256;
  /**
   * Tabu search: options per debt it moves to (by reduced value at the multipliers), steps a left option stays
   * forbidden, options looked at in all, steps without a new best before it stops.
   */
  private static final int NEAR = 40;
  private static final int TENURE = 7;
  private static final long TABU_WORK = 2_000_000;
  private static final int PATIENCE = 100;
  /**
   * Iterated tabu search: each kick moves this many randomly drawn debts (fixed seed) to random options of their
   * {@link #NEAR} ones before repair, fill and a tabu search of at most this much work; {@link Kicks} bounds the
   * whole.
   */
  private static final int KICK_SIZE = 4;
  private static final long KICK_TABU_WORK = 2_000_000;
  private static final long KICK_SEED = 20_261_125L;

  private final Kicks kicks;

  /**
   * How long the iterated tabu search goes on: at most {@code count} kicks, {@code work} options looked at in all,
   * until {@code nanos} after the phase started (measured with {@link System#nanoTime()}) and while a kick has found
   * a better plan within the last {@code unimproved} nanoseconds (or since the kicks began); and when every step
   * of the phase stops: {@code limit} after it started ({@link Long#MAX_VALUE}: never, and the clock is not read).
   */
  record Kicks(int count, long work, long nanos, long limit, long unimproved) {
    /** Deterministic mode: 300 kicks or 150 million options looked at, whichever comes first; no clock. */
    static Kicks counted() {
      return new Kicks(300, 150_000_000, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE);
    }

    /**
     * Time-limited mode with a limit of {@code limit} nanoseconds: kicks (at most 10 000) until half of it has
     * passed since the phase started, or until none has found a better plan for {@code unimproved} nanoseconds
     * ({@link Long#MAX_VALUE}: no such bound), every step until all of the limit has passed. The solver's
     * {@code unimprovedTimeLimit} had ended only OptaPlanner's local search, so the kicks ran on to half the limit:
     * with 10 s per strategy and 10 ms unimproved, a 20-debt case took 16 s.
     */
    static Kicks timed(long limit, long unimproved) {
      return new Kicks(10_000, Long.MAX_VALUE, limit / 2, limit, unimproved);
    }

    /**
     * Whether the kicks go on after {@code done} of them and {@code work}, {@code started} and {@code better}; not
     * once the solver thread is interrupted (see {@link Deadline#passed}).
     */
    boolean goOn(int done, long workDone, long started, long better) {
      return done < count && workDone < work && !Thread.currentThread().isInterrupted()
          && (nanos == Long.MAX_VALUE || System.nanoTime() - started < nanos)
          && (unimproved == Long.MAX_VALUE || System.nanoTime() - better < unimproved);
    }
  }

  /**
   * When the phase must end: {@code nanos} after {@code start} ({@link System#nanoTime()}), or never when
   * {@code nanos} is {@link Long#MAX_VALUE}, without reading the clock (deterministic mode); and in either mode as
   * soon as the solver thread is interrupted. The solve is then cancelled (OptaPlanner's local search stops at once
   * and the solver throws), so no step need finish: the phase had run on to half the time limit, and with 20 s per
   * strategy a solve interrupted at 0.5 s was cancelled only 9.6 s later.
   */
  record Deadline(long start, long nanos) {
    static final Deadline NONE = new Deadline(0, Long.MAX_VALUE);

    boolean passed() {
      return Thread.currentThread().isInterrupted() || nanos != Long.MAX_VALUE && System.nanoTime() - start >= nanos;
    }
  }

  LagrangianStart(Kicks kicks) {
    this.kicks = kicks;
  }

  @Override
  public void changeWorkingSolution(ScoreDirector<ProposalPlanning> scoreDirector) {
    long started = kicks.limit() == Long.MAX_VALUE ? 0 : System.nanoTime();
    ProposalPlanning planning = scoreDirector.getWorkingSolution();
    List<DebtChoice> choices = planning.getChoices();
    Debts debts = Debts.of(choices);
    int[] pick = choose(debts, planning.getLimits().budgetFen(), planning.getLimits().savingsFen(), kicks, started);
    for (int d = 0; d < choices.size(); d++) {
      DebtChoice c = choices.get(d);
      scoreDirector.beforeVariableChanged(c, "option");
      c.setOption(debts.option[d][pick[d]]);
      scoreDirector.afterVariableChanged(c, "option");
    }
    scoreDirector.triggerVariableListeners();
  }

  /**
   * The debts' candidate options as flat arrays: {@code option[d][k]} is the grid index of debt d's k-th candidate,
   * with its objective {@code value[d][k]} (−∞ when the strategy does not allow it), first installment and down
   * payment.
   */
  record Debts(int[][] option, double[][] value, long[][] installment, long[][] down, int[][] byInstallment,
      long[][] sortedInstallment, int[][] prefixBest, int[][] byValue) {
    static Debts of(List<DebtChoice> choices) {
      int n = choices.size();
      int[][] option = new int[n][];
      double[][] value = new double[n][];
      long[][] installment = new long[n][];
      long[][] down = new long[n][];
      for (int d = 0; d < n; d++) {
        DebtChoice c = choices.get(d);
        List<Integer> range = c.getOptionRange();
        int m = range.size();
        option[d] = new int[m];
        value[d] = new double[m];
        installment[d] = new long[m];
        down[d] = new long[m];
        for (int k = 0; k < m; k++) {
          int i = range.get(k);
          option[d][k] = i;
          double v = c.valueOf(i);
          value[d][k] = Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
          installment[d][k] = c.grid().firstInstallmentFen(i);
          down[d][k] = c.grid().downPaymentFen(i);
        }
      }
      int[][] byInstallment = new int[n][];
      long[][] sortedInstallment = new long[n][];
      int[][] prefixBest = new int[n][];
      int[][] byValue = new int[n][];
      for (int d = 0; d < n; d++) {
        long[] inst = installment[d];
        double[] v = value[d];
        byInstallment[d] = java.util.stream.IntStream.range(0, inst.length).boxed()
            .sorted(java.util.Comparator.comparingLong(k -> inst[k])).mapToInt(Integer::intValue).toArray();
        byValue[d] = java.util.stream.IntStream.range(0, inst.length).boxed()
            .sorted(java.util.Comparator.comparingDouble(k -> -v[k])).mapToInt(Integer::intValue).toArray();
        sortedInstallment[d] = new long[inst.length];
        prefixBest[d] = new int[inst.length];
        for (int j = 0; j < inst.length; j++) {
          int k = byInstallment[d][j];
          sortedInstallment[d][j] = inst[k];
          prefixBest[d][j] = j > 0 && v[prefixBest[d][j - 1]] >= v[k] ? prefixBest[d][j - 1] : k;
        }
      }
      return new Debts(option, value, installment, down, byInstallment, sortedInstallment, prefixBest, byValue);
    }

    /**
     * Debt d's best candidate with installment ≤ {@code roomA}, down payment ≤ {@code roomB} and value above
     * {@code floor}, or −1. A binary search over the installment-sorted prefix maxima answers at once when the best
     * option under the installment room also fits the down-payment room (savings rarely bind); otherwise the options
     * are scanned from the most valuable down to {@code floor}. {@code work[0]} counts the options looked at.
     */
    int bestWithin(int d, long roomA, long roomB, double floor, long[] work) {
      int j = upperBound(sortedInstallment[d], roomA) - 1;
      work[0]++;
      if (j < 0) {
        return -1;
      }
      int k = prefixBest[d][j];
      if (down[d][k] <= roomB) {
        return value[d][k] > floor ? k : -1;
      }
      for (int c : byValue[d]) {
        work[0]++;
        if (!(value[d][c] > floor)) {
          return -1;
        }
        if (installment[d][c] <= roomA && down[d][c] <= roomB) {
          return c;
        }
      }
      return -1;
    }

    private static int upperBound(long[] sorted, long key) {
      int lo = 0;
      int hi = sorted.length;
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

    int size() {
      return option.length;
    }
  }

  /** The chosen candidate position per debt (a position in {@code debts.option[d]}, not a grid index). */
  static int[] choose(Debts debts, long budget, long savings, Kicks kicks, long started) {
    Deadline deadline = kicks.limit() == Long.MAX_VALUE ? Deadline.NONE : new Deadline(started, kicks.limit());
    State s = relaxation(debts, budget, savings, deadline);
    if (s.optimal) {
      return s.pick;
    }
    for (int round = 0; round < PAIR_ROUNDS && s.fits() && !deadline.passed() && exchangePair(s); round++) {
      fill(s);
    }
    if (s.fits() && !deadline.passed()) {
      int[][] near = nearest(debts, s.lambda, s.mu);
      long work = tabu(s, near, TABU_WORK);
      java.util.Random random = new java.util.Random(KICK_SEED);
      long better = kicks.unimproved() == Long.MAX_VALUE ? 0 : System.nanoTime(); // when a kick last found a better plan
      for (int kick = 0; kicks.goOn(kick, work, started, better); kick++) {
        State t = new State(debts, s.pick.clone(), budget, savings, deadline);
        for (int j = 0; j < KICK_SIZE; j++) {
          int d = random.nextInt(debts.size());
          if (near[d].length > 0) {
            t.set(d, near[d][random.nextInt(near[d].length)]);
          }
        }
        repair(t, deadline);
        fill(t);
        if (t.fits()) {
          work += tabu(t, near, KICK_TABU_WORK);
          if (t.total() > s.total()) {
            for (int d = 0; d < debts.size(); d++) {
              s.set(d, t.pick[d]);
            }
            better = kicks.unimproved() == Long.MAX_VALUE ? 0 : System.nanoTime();
          }
        }
      }
    }
    return s.pick;
  }


  /**
   * Tabu search over compensated moves: change one debt to one of its {@link #NEAR} options of best reduced value,
   * alone if that fits or together with the best fitting option of a second debt. Each step takes the best move,
   * improving or not, that does not put a debt back on an option it left within the last {@link #TENURE} steps
   * (unless it beats the best plan so far), so chains of trades — one debt frees savings another uses to lower its
   * installment, freeing budget for a third — are found that no single improving pair shows. Bounded by a count of
   * evaluated pairs, not by the clock, so it is deterministic; ends with the best plan seen.
   */
  private static long tabu(State s, int[][] near, long maxWork) {
    Debts debts = s.debts;
    int n = debts.size();
    int[][] tabuUntil = new int[n][];
    for (int d = 0; d < n; d++) {
      tabuUntil[d] = new int[debts.option[d].length];
    }
    int[] bestPick = s.pick.clone();
    double bestTotal = s.total();
    double eps = 1e-12 * Math.max(1, Math.abs(bestTotal));
    long[] work = new long[1];
    int sinceBest = 0;
    for (int step = 1; work[0] < maxWork && sinceBest < PATIENCE && !s.deadline.passed(); step++) {
      double current = s.total();
      double bestGain = Double.NEGATIVE_INFINITY;
      int bd1 = -1;
      int bk1 = -1;
      int bd2 = -1;
      int bk2 = -1;
      for (int d1 = 0; d1 < n; d1++) {
        int c1 = s.pick[d1];
        for (int k1 : near[d1]) {
          if (k1 == c1) {
            continue;
          }
          double g1 = debts.value[d1][k1] - debts.value[d1][c1];
          long a1 = s.installments + debts.installment[d1][k1] - debts.installment[d1][c1];
          long b1 = s.downs + debts.down[d1][k1] - debts.down[d1][c1];
          boolean tabu1 = tabuUntil[d1][k1] > step;
          if (a1 <= s.budget && b1 <= s.savings && g1 > bestGain && (!tabu1 || current + g1 > bestTotal + eps)) {
            bestGain = g1;
            bd1 = d1;
            bk1 = k1;
            bd2 = -1;
          }
          for (int d2 = 0; d2 < n; d2++) {
            if (d2 == d1) {
              continue;
            }
            int c2 = s.pick[d2];
            int k2 = debts.bestWithin(d2, s.budget - a1 + debts.installment[d2][c2], s.savings - b1 + debts.down[d2][c2],
                bestGain - g1 + debts.value[d2][c2], work);
            if (k2 < 0 || k2 == c2) {
              continue;
            }
            double gain = g1 + debts.value[d2][k2] - debts.value[d2][c2];
            boolean tabu = tabu1 || tabuUntil[d2][k2] > step;
            if (gain > bestGain && (!tabu || current + gain > bestTotal + eps)) {
              bestGain = gain;
              bd1 = d1;
              bk1 = k1;
              bd2 = d2;
              bk2 = k2;
            }
          }
        }
      }
      if (bd1 < 0) {
        break;
      }
      tabuUntil[bd1][s.pick[bd1]] = step + TENURE;
      s.set(bd1, bk1);
      if (bd2 >= 0) {
        tabuUntil[bd2][s.pick[bd2]] = step + TENURE;
        s.set(bd2, bk2);
      }
      if (s.total() > bestTotal + eps) {
        bestTotal = s.total();
        bestPick = s.pick.clone();
        sinceBest = 0;
      } else {
        sinceBest++;
      }
    }
    for (int d = 0; d < n; d++) {
      s.set(d, bestPick[d]);
    }
    return work[0];
  }

  /** Per debt the positions of its {@link #NEAR} allowed options of highest value − λ·installment − μ·down. */
  private static int[][] nearest(Debts debts, double lambda, double mu) {
    int[][] near = new int[debts.size()][];
    for (int d = 0; d < near.length; d++) {
      double[] v = debts.value[d];
      long[] a = debts.installment[d];
      long[] b = debts.down[d];
      near[d] = java.util.stream.IntStream.range(0, v.length).filter(k -> v[k] != Double.NEGATIVE_INFINITY).boxed()
          .sorted(java.util.Comparator.comparingDouble(k -> -(v[k] - lambda * a[k] - mu * b[k])))
          .limit(NEAR).mapToInt(Integer::intValue).toArray();
    }
    return near;
  }

  /** The mutable search state: the choice and its resource sums. */
  private static final class State {
    final Debts debts;
    final int[] pick;
    final long budget;
    final long savings;
    /** When repair, fill and search stop, keeping the plan they have (a whole plan, perhaps not yet fitting). */
    final Deadline deadline;
    long installments;
    long downs;
    /** The multipliers the relaxation ended at; whether the choice is the unconstrained optimum. */
    double lambda;
    double mu;
    boolean optimal;

    State(Debts debts, int[] pick, long budget, long savings, Deadline deadline) {
      this.debts = debts;
      this.pick = pick;
      this.budget = budget;
      this.savings = savings;
      this.deadline = deadline;
      for (int d = 0; d < pick.length; d++) {
        installments += debts.installment[d][pick[d]];
        downs += debts.down[d][pick[d]];
      }
    }

    boolean fits() {
      return installments <= budget && downs <= savings;
    }

    double total() {
      double t = 0;
      for (int d = 0; d < pick.length; d++) {
        t += debts.value[d][pick[d]];
      }
      return t;
    }

    void set(int d, int k) {
      installments += debts.installment[d][k] - debts.installment[d][pick[d]];
      downs += debts.down[d][k] - debts.down[d][pick[d]];
      pick[d] = k;
    }
  }

  /**
   * Coordinate descent on the Lagrangian dual: alternately the λ at which Σ first installments crosses the budget
   * (for the current μ) and the μ at which Σ down payments crosses the savings (for the current λ). The choices on
   * both sides of every crossing are made to fit ({@link #repair}) and filled ({@link #fill}); the best of them is
   * the start.
   */
  private static State relaxation(Debts debts, long budget, long savings, Deadline deadline) {
    // the first plan is repaired to the end whatever the time limit: cut short it may break the budget, and a strategy
    // without a plan costs the exact solver's check (on 100 debts, seconds); only an interrupt, which cancels the
    // solve, cuts it short
    State best = new State(debts, lagrangian(debts, 0, 0), budget, savings, deadline);
    repair(best, Deadline.NONE);
    fill(best);
    if (best.fits() && best.total() >= unconstrainedTotal(debts)) {
      best.optimal = true; // every debt has its best option and it fits
      return best;
    }
    double lambda = 0;
    double mu = 0;
    for (int round = 0; round < DUAL_ROUNDS && !deadline.passed(); round++) {
      double m = mu;
      Crossing l = crossing(debts, x -> lagrangian(debts, x, m), debts.installment, budget, deadline);
      best = better(best, complete(debts, l.below, budget, savings, deadline));
      best = better(best, complete(debts, l.above, budget, savings, deadline));
      double lam = l.multiplier;
      Crossing u = crossing(debts, x -> lagrangian(debts, lam, x), debts.down, savings, deadline);
      best = better(best, complete(debts, u.below, budget, savings, deadline));
      best = better(best, complete(debts, u.above, budget, savings, deadline));
      if (lam == lambda && u.multiplier == mu) {
        break;
      }
      lambda = lam;
      mu = u.multiplier;
    }
    if (lambda > 0 && !deadline.passed()) {
      // the same crossing for λ with the down payments kept exact instead of priced: their few coarse levels are
      // what pricing handles worst (see MultipleChoiceKnapsack's bound exact in weight B)
      Crossing e = crossing(debts, x -> exactInDown(debts, x, savings, deadline), debts.installment, budget,
          lambda / 16, lambda * 16, EXACT_BISECTION_STEPS, deadline);
      best = better(best, complete(debts, e.below, budget, savings, deadline));
      best = better(best, complete(debts, e.above, budget, savings, deadline));
    }
    best.lambda = lambda;
    best.mu = mu;
    return best;
  }

  /**
   * Per debt one candidate maximising Σ (value − λ·installment) subject to Σ down payments ≤ {@code savings}: the
   * down payments kept exact. A dynamic program over the debts keeps, per Σ down payment, the best partial choice
   * (each debt contributes only its best candidate per distinct down payment); layers longer than
   * {@link #EXACT_LAYER} keep the best state per bucket of Σ down payment, so it is a heuristic, but its states are
   * real choices. Falls back to the priced choice when nothing fits the savings, or when {@code deadline} passes.
   */
  private static int[] exactInDown(Debts debts, double lambda, long savings, Deadline deadline) {
    int n = debts.size();
    long[] sums = {0};
    double[] values = {0};
    int[][] parent = new int[n][];
    int[][] candidate = new int[n][];
    for (int d = 0; d < n; d++) {
      // best candidate per distinct down payment of this debt (LinkedHashMap: deterministic order)
      java.util.Map<Long, Integer> bestPerDown = new java.util.LinkedHashMap<>();
      for (int k = 0; k < debts.option[d].length; k++) {
        if (debts.value[d][k] == Double.NEGATIVE_INFINITY) {
          continue;
        }
        Integer held = bestPerDown.get(debts.down[d][k]);
        if (held == null || reduced(debts, d, k, lambda) > reduced(debts, d, held, lambda)) {
          bestPerDown.put(debts.down[d][k], k);
        }
      }
      int[] cands = bestPerDown.values().stream().mapToInt(Integer::intValue).toArray();
      int count = sums.length * cands.length;
      if (savings >= 1L << 40 || count >= 1 << 23 || deadline.passed()) {
        return lagrangian(debts, lambda, 0); // beyond the packed sort's range: no such case in practice
      }
      long[] cs = new long[count];
      double[] cv = new double[count];
      int[] cp = new int[count];
      int[] cc = new int[count];
      int c = 0;
      for (int st = 0; st < sums.length; st++) {
        for (int k : cands) {
          long sum = sums[st] + debts.down[d][k];
          if (sum > savings) {
            continue;
          }
          cs[c] = sum;
          cv[c] = values[st] + reduced(debts, d, k, lambda);
          cp[c] = st;
          cc[c] = k;
          c++;
        }
      }
      if (c == 0) {
        return lagrangian(debts, lambda, 0);
      }
      // ascending Σ down payment (packed with the index: sums < 2^40 fen, candidates < 2^23), then per sum the best
      // value, keeping only sums whose value beats every lighter one
      long[] key = new long[c];
      for (int i = 0; i < c; i++) {
        key[i] = cs[i] << 23 | i;
      }
      java.util.Arrays.sort(key);
      int[] keep = new int[c];
      int kept = 0;
      for (int x = 0; x < c; ) {
        int top = (int) (key[x] & ((1 << 23) - 1));
        long sum = cs[top];
        for (x++; x < c && cs[(int) (key[x] & ((1 << 23) - 1))] == sum; x++) {
          int i = (int) (key[x] & ((1 << 23) - 1));
          if (cv[i] > cv[top]) {
            top = i;
          }
        }
        if (kept == 0 || cv[top] > cv[keep[kept - 1]]) {
          keep[kept++] = top;
        }
      }
      if (kept > EXACT_LAYER) {
        long width = (cs[keep[kept - 1]] - cs[keep[0]]) / EXACT_LAYER + 1;
        int thinned = 0;
        for (int x = 0; x < kept; ) {
          long start = cs[keep[x]];
          int top = keep[x];
          while (x < kept && cs[keep[x]] - start < width) {
            top = keep[x]; // values ascend within the list: the bucket's last state is its best
            x++;
          }
          keep[thinned++] = top;
        }
        kept = thinned;
      }
      sums = new long[kept];
      values = new double[kept];
      parent[d] = new int[kept];
      candidate[d] = new int[kept];
      for (int x = 0; x < kept; x++) {
        int i = keep[x];
        sums[x] = cs[i];
        values[x] = cv[i];
        parent[d][x] = cp[i];
        candidate[d][x] = cc[i];
      }
    }
    int top = values.length - 1; // the best value is the last
    int[] pick = new int[n];
    for (int d = n - 1; d >= 0; d--) {
      pick[d] = candidate[d][top];
      top = parent[d][top];
    }
    return pick;
  }

  private static double reduced(Debts debts, int d, int k, double lambda) {
    return debts.value[d][k] - lambda * debts.installment[d][k];
  }

  /**
   * The least multiplier (geometric bisection over 10⁻¹⁵..10¹⁵, 0 if it is not needed) at which the choice's Σ
   * {@code figure} fits {@code limit}; {@code below} is the choice just under it (over the limit), {@code above}
   * the one at it.
   */
  private record Crossing(double multiplier, int[] below, int[] above) {}

  private static Crossing crossing(Debts debts, java.util.function.DoubleFunction<int[]> choice, long[][] figure,
      long limit, Deadline deadline) {
    return crossing(debts, choice, figure, limit, 1e-15, 1e15, BISECTION_STEPS, deadline);
  }

  /**
   * As above, searching between {@code from} and {@code to} only (the caller knows about where it is); the bisection
   * stops early when {@code deadline} passes.
   */
  private static Crossing crossing(Debts debts, java.util.function.DoubleFunction<int[]> choice, long[][] figure,
      long limit, double from, double to, int steps, Deadline deadline) {
    int[] zero = choice.apply(0);
    if (sum(figure, zero) <= limit) {
      return new Crossing(0, zero, zero);
    }
    double lo = from;
    double hi = to;
    int[] loPick = from <= 1e-15 ? zero : choice.apply(lo);
    int[] hiPick = choice.apply(hi);
    for (int i = 0; i < steps && !deadline.passed(); i++) {
      double mid = Math.sqrt(lo * hi);
      int[] p = choice.apply(mid);
      if (sum(figure, p) <= limit) {
        hi = mid;
        hiPick = p;
      } else {
        lo = mid;
        loPick = p;
      }
    }
    return new Crossing(hi, loPick, hiPick);
  }

  /** A Lagrangian choice made to fit and then filled. */
  private static State complete(Debts debts, int[] pick, long budget, long savings, Deadline deadline) {
    State s = new State(debts, pick.clone(), budget, savings, deadline);
    repair(s, deadline);
    fill(s);
    return s;
  }

  private static State better(State a, State b) {
    if (a.fits() != b.fits()) {
      return a.fits() ? a : b;
    }
    return b.total() > a.total() ? b : a;
  }

  /**
   * Greedy repair: while a limit is exceeded, take the single change that loses the least objective per unit of
   * excess it removes (relative to the limits) without pushing a satisfied limit over.
   */
  private static void repair(State s, Deadline deadline) {
    Debts debts = s.debts;
    double budgetUnit = Math.max(1, s.budget);
    double savingsUnit = Math.max(1, s.savings);
    while (!s.fits() && !deadline.passed()) {
      boolean overA = s.installments > s.budget;
      boolean overB = s.downs > s.savings;
      double bestRate = Double.POSITIVE_INFINITY;
      int bestD = -1;
      int bestK = -1;
      for (int d = 0; d < debts.size(); d++) {
        int cur = s.pick[d];
        for (int k = 0; k < debts.option[d].length; k++) {
          if (debts.value[d][k] == Double.NEGATIVE_INFINITY) {
            continue;
          }
          long dA = debts.installment[d][k] - debts.installment[d][cur];
          long dB = debts.down[d][k] - debts.down[d][cur];
          if ((!overA && s.installments + dA > s.budget) || (!overB && s.downs + dB > s.savings)) {
            continue;
          }
          double freed = (overA ? -dA / budgetUnit : 0) + (overB ? -dB / savingsUnit : 0);
          if (freed <= 0) {
            continue;
          }
          double rate = (debts.value[d][cur] - debts.value[d][k]) / freed;
          if (rate < bestRate) {
            bestRate = rate;
            bestD = d;
            bestK = k;
          }
        }
      }
      if (bestD < 0) {
        return; // nothing frees the exceeded limit: local search gets the least bad start
      }
      s.set(bestD, bestK);
    }
  }

  /** Per debt the candidate maximising value − λ·installment − μ·down; ties go to the cheaper one. */
  private static int[] lagrangian(Debts debts, double lambda, double mu) {
    int[] pick = new int[debts.size()];
    for (int d = 0; d < pick.length; d++) {
      double best = Double.NEGATIVE_INFINITY;
      long bestCost = Long.MAX_VALUE;
      int arg = -1;
      for (int k = 0; k < debts.option[d].length; k++) {
        double v = debts.value[d][k];
        double reduced = v == Double.NEGATIVE_INFINITY ? v : v - lambda * debts.installment[d][k] - mu * debts.down[d][k];
        long cost = debts.installment[d][k] + debts.down[d][k];
        if (arg < 0 || reduced > best || (reduced == best && cost < bestCost)) {
          best = reduced;
          bestCost = cost;
          arg = k;
        }
      }
      pick[d] = arg;
    }
    return pick;
  }

  /** Greedy: apply the fitting single change with the best gain per unit of resource until none raises the value. */
  private static void fill(State s) {
    Debts debts = s.debts;
    double budgetUnit = Math.max(1, s.budget);
    double savingsUnit = Math.max(1, s.savings);
    while (!s.deadline.passed()) {
      double bestRate = 0;
      int bestD = -1;
      int bestK = -1;
      for (int d = 0; d < debts.size(); d++) {
        int cur = s.pick[d];
        for (int k = 0; k < debts.option[d].length; k++) {
          double gain = debts.value[d][k] - debts.value[d][cur];
          if (!(gain > 0)) {
            continue;
          }
          long dA = debts.installment[d][k] - debts.installment[d][cur];
          long dB = debts.down[d][k] - debts.down[d][cur];
          if (s.installments + dA > s.budget || s.downs + dB > s.savings) {
            continue;
          }
          double use = Math.max(0, dA) / budgetUnit + Math.max(0, dB) / savingsUnit;
          double rate = use <= 0 ? Double.POSITIVE_INFINITY : gain / use;
          if (rate > bestRate || (rate == bestRate && bestD >= 0 && gain > debts.value[bestD][bestK] - debts.value[bestD][s.pick[bestD]])) {
            bestRate = rate;
            bestD = d;
            bestK = k;
          }
        }
      }
      if (bestD < 0) {
        return;
      }
      s.set(bestD, bestK);
    }
  }

  /** Applies the best fitting change of two debts at once that raises the value; false when there is none. */
  private static boolean exchangePair(State s) {
    Debts debts = s.debts;
    long[] work = new long[1];
    double bestGain = 1e-9 * Math.max(1, Math.abs(s.total()));
    int bd1 = -1;
    int bk1 = -1;
    int bd2 = -1;
    int bk2 = -1;
    for (int d1 = 0; d1 < debts.size() && !s.deadline.passed(); d1++) {
      int c1 = s.pick[d1];
      for (int k1 = 0; k1 < debts.option[d1].length; k1++) {
        double g1 = debts.value[d1][k1] - debts.value[d1][c1];
        if (!(g1 > 0)) {
          continue; // an improving pair has a gaining half; let d1 be it
        }
        long a1 = s.installments + debts.installment[d1][k1] - debts.installment[d1][c1];
        long b1 = s.downs + debts.down[d1][k1] - debts.down[d1][c1];
        for (int d2 = 0; d2 < debts.size(); d2++) {
          if (d2 == d1) {
            continue;
          }
          int c2 = s.pick[d2];
          long a2Room = s.budget - a1 + debts.installment[d2][c2];
          long b2Room = s.savings - b1 + debts.down[d2][c2];
          int k2 = debts.bestWithin(d2, a2Room, b2Room, bestGain - g1 + debts.value[d2][c2], work);
          if (k2 >= 0) {
            bestGain = g1 + debts.value[d2][k2] - debts.value[d2][c2];
            bd1 = d1;
            bk1 = k1;
            bd2 = d2;
            bk2 = k2;
          }
        }
      }
    }
    if (bd1 < 0) {
      return false;
    }
    s.set(bd1, bk1);
    s.set(bd2, bk2);
    return true;
  }

  private static double unconstrainedTotal(Debts debts) {
    double t = 0;
    for (double[] v : debts.value) {
      t += java.util.Arrays.stream(v).max().orElse(Double.NEGATIVE_INFINITY);
    }
    return t;
  }

  private static long sum(long[][] figure, int[] pick) {
    long s = 0;
    for (int d = 0; d < pick.length; d++) {
      s = Math.addExact(s, figure[d][pick[d]]);
    }
    return s;
  }
}
