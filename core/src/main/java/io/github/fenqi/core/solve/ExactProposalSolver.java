package io.github.fenqi.core.solve;

import io.github.fenqi.core.SearchBudgetExhaustedException;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.solve.Infeasibility.BindingConstraint;
import io.github.fenqi.core.solve.internal.MultipleChoiceKnapsack;
import io.github.fenqi.core.solve.internal.MultipleChoiceKnapsack.Group;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * {@link ProposalSolver#exact()}: each strategy's objective is separable over debts, so each strategy is a
 * two-resource multiple-choice knapsack solved exactly by {@link MultipleChoiceKnapsack}. The grids are
 * drawn once and shared by the three strategies.
 *
 * <p>Objectives: {@link StrategyObjective}.
 *
 * <p>Thread-safety: stateless (the executor, when given, is the caller's).
 */
final class ExactProposalSolver implements ProposalSolver {
  private final @Nullable Executor executor;

  /** With {@code executor} null the strategies are solved one after the other on the calling thread. */
  ExactProposalSolver(@Nullable Executor executor) {
    this.executor = executor;
  }

  @Override
  public ProposalSet solve(ProposalProblem problem) {
    if (problem.debts().isEmpty()) {
      return infeasible(new Infeasibility(BindingConstraint.NO_ELIGIBLE_DEBT, Money.ZERO, Money.ZERO, Money.ZERO,
          // not "no debt is eligible": a debt its policy admits can still have no plan (its least down payment settles it)
          "No debt can be put into installments under its lender's current policy: each one's reasons are listed.",
          Infeasibility.NO_ELIGIBLE));
    }
    List<OptionGrid> grids = problem.grids();
    return solve(problem, grids);
  }

  ProposalSet solve(ProposalProblem problem, List<OptionGrid> grids) {
    long budget = problem.monthlyBudget().fen();
    long savings = problem.liquidSavings().fen();
    long totalOwed = 0;
    for (OptionGrid g : grids) {
      totalOwed = Math.addExact(totalOwed, g.totalOwedFen());
    }
    List<Proposal> proposals = new ArrayList<>();
    Map<Strategy, String> notes = new EnumMap<>(Strategy.class);
    Weights[] weights = weights(grids);
    Map<Strategy, MultipleChoiceKnapsack.Result> results = searches(problem, grids, weights, budget, savings);
    for (Strategy strategy : Strategy.values()) {
      MultipleChoiceKnapsack.Result result = results.get(strategy);
      if (result.best().isPresent()) {
        int[] choice = result.best().get().choice();
        List<PlanOption> plans = new ArrayList<>(grids.size());
        for (int d = 0; d < grids.size(); d++) {
          plans.add(grids.get(d).option(choice[d]));
        }
        proposals.add(Proposal.of(strategy, plans, Money.ofFen(totalOwed), result.proven()));
        if (!result.proven()) {
          notes.put(strategy, stopped(result, problem.config()) + "; this is the best plan found, optimality is not "
              + "proven" + RAISE);
        }
      } else if (!result.proven()) { // AGGRESSIVE's too: running out is no proof that the floor cannot be met
        notes.put(strategy, stopped(result, problem.config()) + ", without finding a plan" + RAISE);
      } else if (strategy == Strategy.AGGRESSIVE) {
        notes.put(strategy, belowFloor(problem.config()));
      }
    }
    if (proposals.isEmpty()) {
      return withoutProposals(problem, grids, budget, savings, Money.ofFen(totalOwed), results);
    }
    return new ProposalSet(proposals, Optional.empty(), notes);
  }

  /**
   * How a note says that a strategy's search stopped: its count beside its limit. The count is the work the search
   * did, the node it stopped at included, and can pass a small limit (each stage searches at least one node): notes
   * that said "stopped after 2 nodes" and "after 5 nodes" beside a limit of 1 they did not name read as a miscount.
   */
  private static String stopped(MultipleChoiceKnapsack.Result result, GridConfig config) {
    return "the search stopped after " + result.nodes() + " nodes, limit " + config.maxSearchNodes();
  }

  /**
   * What ends every note of a search that stopped at the limit: the limit to raise. Only the note of a case no strategy
   * had a proven plan for said it, and a plan whose optimality was not proven, or a strategy left without one beside
   * the others' plans, named no way to a better answer (an adapter renames it as its own setting: the CLI's
   * {@code --max-search-nodes}).
   */
  private static final String RAISE = " (raise " + GridConfig.MAX_SEARCH_NODES_NAME + ")";

  private static String belowFloor(GridConfig config) {
    return "no combination keeps every lender's acceptance at or above " + config.acceptanceFloor()
        + " within the budget and savings";
  }

  /**
   * No strategy found a plan. That proves the case infeasible only when CONSERVATIVE's or BALANCED's search (both
   * over every option, no floor) finished; a search that ran out of nodes first proves nothing, and a small
   * {@link GridConfig#maxSearchNodes} had the case called infeasible with "at least 8329.94, above the affordable
   * 8338.38" and a shortfall of 0.00. The diagnosis's own search (the least first-month total within the savings)
   * settles it: its plan, when it fits the budget, is a plan of every strategy it meets the constraints of (unproven);
   * above the budget, or none, it is the infeasibility when either proof is there, and otherwise nobody knows.
   *
   * @throws SearchBudgetExhaustedException when the node budget ran out before any plan was found or ruled out
   */
  private static ProposalSet withoutProposals(ProposalProblem problem, List<OptionGrid> grids, long budget,
      long savings, Money totalOwed, Map<Strategy, MultipleChoiceKnapsack.Result> results) {
    GridConfig config = problem.config();
    Diagnosis diagnosis = diagnosis(grids, budget, savings, config);
    if (diagnosis.leastWithinSavings() == null) { // the budget or the savings alone bind: proven by the least sums
      return infeasible(diagnosis.infeasibility());
    }
    MultipleChoiceKnapsack.Result least = diagnosis.leastWithinSavings();
    boolean searched = results.get(Strategy.CONSERVATIVE).proven() || results.get(Strategy.BALANCED).proven();
    if (least.best().isPresent() && firstInstallments(grids, least.best().get().choice()) <= budget) {
      int[] choice = least.best().get().choice();
      List<PlanOption> plans = new ArrayList<>(grids.size());
      boolean aboveFloor = true;
      for (int d = 0; d < grids.size(); d++) {
        plans.add(grids.get(d).option(choice[d]));
        aboveFloor &= grids.get(d).acceptance(choice[d]) >= config.acceptanceFloor();
      }
      List<Proposal> proposals = new ArrayList<>();
      Map<Strategy, String> notes = new EnumMap<>(Strategy.class);
      for (Strategy strategy : Strategy.values()) {
        String stopped = stopped(results.get(strategy), config) + ", without finding a plan";
        if (strategy == Strategy.AGGRESSIVE && !aboveFloor) { // proven, its search found none above the floor
          notes.put(strategy, results.get(strategy).proven() ? belowFloor(config) : stopped + "; the plan of least "
              + "first-month installments keeps some lender's acceptance below " + config.acceptanceFloor() + RAISE);
          continue;
        }
        proposals.add(Proposal.of(strategy, plans, totalOwed, false));
        notes.put(strategy, stopped + "; this is the plan of least first-month installments within the savings, not "
            + "this strategy's proven optimum" + RAISE);
      }
      return new ProposalSet(proposals, Optional.empty(), notes);
    }
    if (least.proven() || searched) {
      return infeasible(diagnosis.infeasibility());
    }
    Strategy first = Strategy.CONSERVATIVE;
    for (Strategy strategy : Strategy.values()) {
      if (!results.get(strategy).proven()) {
        first = strategy;
        break;
      }
    }
    throw new SearchBudgetExhaustedException(config.maxSearchNodes(), first);
  }

  /**
   * Each strategy's search, on the executor (without one, on the calling thread: each runs as it is submitted).
   * The first search that fails fails the call, with its own exception.
   */
  private Map<Strategy, MultipleChoiceKnapsack.Result> searches(ProposalProblem problem, List<OptionGrid> grids,
      Weights[] weights, long budget, long savings) {
    Executor on = executor != null ? executor : Runnable::run;
    Map<Strategy, CompletableFuture<MultipleChoiceKnapsack.Result>> running = new EnumMap<>(Strategy.class);
    for (Strategy strategy : Strategy.values()) {
      running.put(strategy,
          CompletableFuture.supplyAsync(() -> search(strategy, problem, grids, weights, budget, savings), on));
    }
    Map<Strategy, MultipleChoiceKnapsack.Result> results = new EnumMap<>(Strategy.class);
    try {
      running.forEach((strategy, future) -> results.put(strategy, future.join()));
    } catch (CompletionException e) {
      running.values().forEach(f -> f.cancel(false));
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
    return results;
  }

  private static MultipleChoiceKnapsack.Result search(Strategy strategy, ProposalProblem problem,
      List<OptionGrid> grids, Weights[] weights, long budget, long savings) {
    return MultipleChoiceKnapsack.solve(groups(strategy, grids, weights, problem.config()), budget, savings,
        problem.config().maxSearchNodes());
  }

  private static ProposalSet infeasible(Infeasibility why) {
    return new ProposalSet(List.of(), Optional.of(why), Map.of());
  }

  /** One grid's weights (first installment, down payment) and their order: the same for every strategy. */
  record Weights(long[] firstInstallment, long[] downPayment, MultipleChoiceKnapsack.WeightOrder order) {}

  static Weights[] weights(List<OptionGrid> grids) {
    Weights[] weights = new Weights[grids.size()];
    for (int d = 0; d < grids.size(); d++) {
      OptionGrid g = grids.get(d);
      long[] a = new long[g.size()];
      long[] b = new long[g.size()];
      for (int i = 0; i < g.size(); i++) {
        a[i] = g.firstInstallmentFen(i);
        b[i] = g.downPaymentFen(i);
      }
      weights[d] = new Weights(a, b, MultipleChoiceKnapsack.WeightOrder.of(a, b));
    }
    return weights;
  }

  static Group[] groups(Strategy strategy, List<OptionGrid> grids, Weights[] weights, GridConfig config) {
    Group[] groups = new Group[grids.size()];
    for (int d = 0; d < grids.size(); d++) {
      Weights w = weights[d];
      groups[d] = new Group(w.firstInstallment(), w.downPayment(),
          StrategyObjective.values(strategy, grids.get(d), config, grids.size()), w.order());
    }
    return groups;
  }

  /** Which constraint binds, and by how much, when not even CONSERVATIVE (which has no floor) fits. */
  static Infeasibility diagnoseGrids(List<OptionGrid> grids, long budget, long savings, GridConfig config) {
    return diagnosis(grids, budget, savings, config).infeasibility();
  }

  /**
   * An infeasibility and, when it is that the budget and the savings do not fit together, the search for the least
   * first-month total within the savings it was measured by (null when the budget or the savings alone bind).
   */
  private record Diagnosis(Infeasibility infeasibility, MultipleChoiceKnapsack.@Nullable Result leastWithinSavings) {}

  private static Diagnosis diagnosis(List<OptionGrid> grids, long budget, long savings, GridConfig config) {
    long minFirst = 0;
    long minDown = 0;
    for (OptionGrid g : grids) {
      minFirst = Math.addExact(minFirst, g.leastFirstInstallmentFen());
      minDown = Math.addExact(minDown, g.leastDownPaymentFen());
    }
    if (minDown > savings) {
      // no budget has a plan then: the savings bind, and a budget short as well is said too (it had been blamed alone,
      // in the words a borrower with savings enough is told, the savings never mentioned)
      return new Diagnosis(new Infeasibility(BindingConstraint.LIQUID_SAVINGS, Money.ofFen(minDown),
          Money.ofFen(savings), Money.ofFen(minDown - savings), "The policies' minimum down payments total "
              + Money.ofFen(minDown) + ", " + Money.ofFen(minDown - savings) + " above liquid savings of "
              + Money.ofFen(savings) + (minFirst > budget ? "; the smallest possible first-month installments total "
              + Money.ofFen(minFirst) + ", " + Money.ofFen(minFirst - budget) + " above the affordable "
              + Money.ofFen(budget) + ", too." : "."), Infeasibility.RESTRUCTURE), null);
    }
    if (minFirst > budget) {
      // the smallest first installments may need down payments beyond the savings: then the least total within
      // them is what the budget must reach (the sample case's 1984.89 needed 17 540.00 down against savings of
      // 6 000.00, and was called 844.89 short where no budget below 2 243.26 has a plan)
      MultipleChoiceKnapsack.Result least = leastFirstWithin(grids, savings, config);
      long required = least.proven() && least.best().isPresent()
          ? firstInstallments(grids, least.best().get().choice()) : minFirst;
      String reason = budget == 0
          ? "The affordability assessment leaves nothing for installments; the smallest possible first-month total is "
              + Money.ofFen(required) + (required > minFirst ? " with down payments within savings of "
              + Money.ofFen(savings) : "") + "."
          : required > minFirst
          ? "The smallest possible first-month installments total " + Money.ofFen(minFirst) + ", but with down "
              + "payments beyond the savings; within savings of " + Money.ofFen(savings) + " they total at least "
              + Money.ofFen(required) + ", " + Money.ofFen(required - budget) + " above the affordable "
              + Money.ofFen(budget) + "."
          : "The smallest possible first-month installments total " + Money.ofFen(minFirst)
              + ", " + Money.ofFen(minFirst - budget) + " above the affordable " + Money.ofFen(budget) + ".";
      return new Diagnosis(new Infeasibility(BindingConstraint.MONTHLY_BUDGET, Money.ofFen(required),
          Money.ofFen(budget), Money.ofFen(required - budget), reason, Infeasibility.RESTRUCTURE), null);
    }
    // Each fits alone: the least first-month total whose down payments fit the savings.
    MultipleChoiceKnapsack.Result least = leastFirstWithin(grids, savings, config);
    long required = least.best().map(s -> firstInstallments(grids, s.choice())).orElse(minFirst);
    String reason = least.proven()
        ? "With down payments limited to savings of " + Money.ofFen(savings) + ", the first-month installments total "
            + "at least " + Money.ofFen(required) + ", above the affordable " + Money.ofFen(budget) + "."
        : "With down payments limited to savings of " + Money.ofFen(savings) + ", no plan's first-month installments "
            + "fit the affordable " + Money.ofFen(budget) + "; the least total found is " + Money.ofFen(required)
            + " (the search for the least stopped after " + least.nodes() + " nodes: it may be lower).";
    return new Diagnosis(new Infeasibility(BindingConstraint.BUDGET_AND_SAVINGS_TOGETHER, Money.ofFen(required),
        Money.ofFen(budget), Money.ofFen(Math.max(0, required - budget)), reason, Infeasibility.RESTRUCTURE), least);
  }

  /**
   * Σ first installments of a choice, in fen: the search's objective is a double, exact only below 2^53 fen, and the
   * required amount read back from it had been a fen off for 91 debts of 10^12 yuan due in one month.
   */
  private static long firstInstallments(List<OptionGrid> grids, int[] choice) {
    long sum = 0;
    for (int d = 0; d < grids.size(); d++) {
      sum = Math.addExact(sum, grids.get(d).firstInstallmentFen(choice[d]));
    }
    return sum;
  }

  /** The search for the least Σ first installments whose down payments fit {@code savings}. */
  private static MultipleChoiceKnapsack.Result leastFirstWithin(List<OptionGrid> grids, long savings,
      GridConfig config) {
    Group[] groups = new Group[grids.size()];
    for (int d = 0; d < grids.size(); d++) {
      OptionGrid g = grids.get(d);
      long[] a = new long[g.size()];
      long[] b = new long[g.size()];
      double[] v = new double[g.size()];
      for (int i = 0; i < g.size(); i++) {
        b[i] = g.downPaymentFen(i);
        v[i] = -(double) g.firstInstallmentFen(i);
      }
      groups[d] = new Group(a, b, v);
    }
    return MultipleChoiceKnapsack.solve(groups, 0, savings, config.maxSearchNodes());
  }
}
