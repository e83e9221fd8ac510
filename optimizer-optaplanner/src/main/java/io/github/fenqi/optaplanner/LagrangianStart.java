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
 *       {@code value − λ·firstInstallment − μ·downPayment}; bisection on λ (and, only when savings bind, on μ) finds
 *       the least multipliers whose choice fits both limits;</li>
 *   <li>greedy filling: while some single change fits and raises the objective, take the one with the best gain per
 *       unit of the resources it uses (relative to the limits);</li>
 *   <li>pair exchange: while changing two debts at once fits and raises the objective, take the best such pair
 *       (one debt gives up budget or savings the other puts to better use), then fill greedily again.</li>
 * </ol>
 * Every step is deterministic (no randomness, no clock), so deterministic mode stays reproducible.
 *
 * <p>Thread-safety: stateless; OptaPlanner calls it on the solver thread.
 */
final class LagrangianStart implements CustomPhaseCommand<ProposalPlanning> {
  /** Bound on pair-exchange rounds, so a pathological case cannot eat the whole time limit. */
  private static final int PAIR_ROUNDS = 200;

  @Override
  public void changeWorkingSolution(ScoreDirector<ProposalPlanning> scoreDirector) {
    ProposalPlanning planning = scoreDirector.getWorkingSolution();
    List<DebtChoice> choices = planning.getChoices();
    Debts debts = Debts.of(choices);
    int[] pick = choose(debts, planning.getLimits().budgetFen(), planning.getLimits().savingsFen());
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
  record Debts(int[][] option, double[][] value, long[][] installment, long[][] down) {
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
      return new Debts(option, value, installment, down);
    }

    int size() {
      return option.length;
    }
  }

  /** The chosen candidate position per debt (a position in {@code debts.option[d]}, not a grid index). */
  static int[] choose(Debts debts, long budget, long savings) {
    int[] pick = relaxation(debts, budget, savings);
    State s = new State(debts, pick, budget, savings);
    fill(s);
    for (int round = 0; round < PAIR_ROUNDS && s.fits() && exchangePair(s); round++) {
      fill(s);
    }
    return s.pick;
  }

  /** The mutable search state: the choice and its resource sums. */
  private static final class State {
    final Debts debts;
    final int[] pick;
    final long budget;
    final long savings;
    long installments;
    long downs;

    State(Debts debts, int[] pick, long budget, long savings) {
      this.debts = debts;
      this.pick = pick;
      this.budget = budget;
      this.savings = savings;
      for (int d = 0; d < pick.length; d++) {
        installments += debts.installment[d][pick[d]];
        downs += debts.down[d][pick[d]];
      }
    }

    boolean fits() {
      return installments <= budget && downs <= savings;
    }

    void set(int d, int k) {
      installments += debts.installment[d][k] - debts.installment[d][pick[d]];
      downs += debts.down[d][k] - debts.down[d][pick[d]];
      pick[d] = k;
    }
  }

  /** Least multipliers whose Lagrangian choice fits both limits (or the cheapest choice if none does). */
  private static int[] relaxation(Debts debts, long budget, long savings) {
    int[] free = lagrangian(debts, 0, 0);
    if (fits(debts, free, budget, savings)) {
      return free;
    }
    double mu = 0;
    int[] best = fitBudget(debts, mu, budget);
    if (sum(debts.down, best) > savings) {
      // savings bind too: the least μ whose budget-fitted choice also fits the savings
      double lo = 1e-15;
      double hi = 1e15;
      int[] hiPick = fitBudget(debts, hi, budget);
      for (int i = 0; i < 80; i++) {
        double mid = Math.sqrt(lo * hi);
        int[] p = fitBudget(debts, mid, budget);
        if (sum(debts.down, p) <= savings) {
          hi = mid;
          hiPick = p;
        } else {
          lo = mid;
        }
      }
      best = hiPick;
    }
    return best;
  }

  /** For a fixed μ, the choice at the least λ whose Σ first installments fits the budget (geometric bisection). */
  private static int[] fitBudget(Debts debts, double mu, long budget) {
    int[] p0 = lagrangian(debts, 0, mu);
    if (sum(debts.installment, p0) <= budget) {
      return p0;
    }
    double lo = 1e-15;
    double hi = 1e15;
    int[] hiPick = lagrangian(debts, hi, mu);
    for (int i = 0; i < 80; i++) {
      double mid = Math.sqrt(lo * hi);
      int[] p = lagrangian(debts, mid, mu);
      if (sum(debts.installment, p) <= budget) {
        hi = mid;
        hiPick = p;
      } else {
        lo = mid;
      }
    }
    return hiPick;
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
    while (true) {
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
    double bestGain = 1e-9 * Math.max(1, Math.abs(total(s)));
    int bd1 = -1;
    int bk1 = -1;
    int bd2 = -1;
    int bk2 = -1;
    for (int d1 = 0; d1 < debts.size(); d1++) {
      int c1 = s.pick[d1];
      for (int k1 = 0; k1 < debts.option[d1].length; k1++) {
        if (k1 == c1 || debts.value[d1][k1] == Double.NEGATIVE_INFINITY) {
          continue;
        }
        double g1 = debts.value[d1][k1] - debts.value[d1][c1];
        long a1 = s.installments + debts.installment[d1][k1] - debts.installment[d1][c1];
        long b1 = s.downs + debts.down[d1][k1] - debts.down[d1][c1];
        for (int d2 = d1 + 1; d2 < debts.size(); d2++) {
          int c2 = s.pick[d2];
          long a2Room = s.budget - a1 + debts.installment[d2][c2];
          long b2Room = s.savings - b1 + debts.down[d2][c2];
          double need = bestGain - g1 + debts.value[d2][c2];
          double[] v2 = debts.value[d2];
          long[] inst2 = debts.installment[d2];
          long[] down2 = debts.down[d2];
          for (int k2 = 0; k2 < v2.length; k2++) {
            if (v2[k2] > need && inst2[k2] <= a2Room && down2[k2] <= b2Room) {
              need = v2[k2];
              bestGain = g1 + v2[k2] - debts.value[d2][c2];
              bd1 = d1;
              bk1 = k1;
              bd2 = d2;
              bk2 = k2;
            }
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

  private static double total(State s) {
    double t = 0;
    for (int d = 0; d < s.pick.length; d++) {
      t += s.debts.value[d][s.pick[d]];
    }
    return t;
  }

  private static boolean fits(Debts debts, int[] pick, long budget, long savings) {
    return sum(debts.installment, pick) <= budget && sum(debts.down, pick) <= savings;
  }

  private static long sum(long[][] figure, int[] pick) {
    long s = 0;
    for (int d = 0; d < pick.length; d++) {
      s = Math.addExact(s, figure[d][pick[d]]);
    }
    return s;
  }
}
