package io.github.fenqi.optaplanner;

import io.github.fenqi.core.ComponentContractException;
import io.github.fenqi.core.FenqiException;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.SearchBudgetExhaustedException;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.solve.GridConfig;
import io.github.fenqi.core.solve.Infeasibility;
import io.github.fenqi.core.solve.OptionGrid;
import io.github.fenqi.core.solve.PlanOption;
import io.github.fenqi.core.solve.Proposal;
import io.github.fenqi.core.solve.ProposalProblem;
import io.github.fenqi.core.solve.ProposalSet;
import io.github.fenqi.core.solve.ProposalSolver;
import io.github.fenqi.core.solve.Strategy;
import io.github.fenqi.core.solve.StrategyObjective;
import java.lang.reflect.Modifier;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.optaplanner.core.api.score.ScoreExplanation;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.score.constraint.ConstraintMatchTotal;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.heuristic.selector.move.composite.CartesianProductMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.localsearch.LocalSearchType;
import org.optaplanner.core.config.phase.PhaseConfig;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.score.director.ScoreDirectorFactoryConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationCompositionStyle;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * A {@link ProposalSolver} on OptaPlanner: each strategy is one solve of {@link ProposalPlanning} with the built-in
 * constraints of {@link ProposalConstraintProvider} and any {@link ProposalConstraint}s the user adds: a heuristic
 * construction phase on the built-in model ({@link LagrangianStart}, within the time limit), then OptaPlanner's
 * tabu search on the full score, which also repairs what user constraints reject. Proposals it finds are never
 * marked proven optimal (local search proves nothing), and their notes say so and what bounded the search; compare
 * with {@link ProposalSolver#exact()}. A strategy it finds
 * no plan for is settled by the exact solver (see the README): its plan, when it meets the user constraints, fills the
 * miss, and "infeasible" is answered only when the exact solver proves it, or when user constraints bind.
 *
 * <pre>{@code
 * ProposalSolver solver = OptaPlannerProposalSolver.builder()
 *     .timeLimit(Duration.ofSeconds(1))
 *     .constraint(AtMostTwoWithoutDownPayment.class)
 *     .build();
 * NegotiationEngine engine = NegotiationEngine.builder().policies(repo).solver(solver).build();
 * }</pre>
 *
 * <p>Interrupting the calling thread cancels a solve with a {@link FenqiException} (the interrupt status stays set).
 *
 * <p>Thread-safety: immutable; each {@link #solve} builds its own OptaPlanner solvers.
 */
public final class OptaPlannerProposalSolver implements ProposalSolver {
  /** The least score of a plan with an option for every debt: every initialised score is at least this. */
  private static final String ANY_WHOLE_PLAN = Long.MIN_VALUE + "hard/" + Long.MIN_VALUE + "soft";
  private final Duration timeLimit;
  private final @Nullable Duration unimprovedTimeLimit;
  private final @Nullable Long stepLimit;
  private final long seed;
  /** The classes of every user constraint, given as a class or as an instance: for naming them. */
  private final List<Class<? extends ProposalConstraint>> constraints;
  /** The user constraints given as classes, which OptaPlanner's constraint provider instantiates. */
  private final List<Class<? extends ProposalConstraint>> classes;
  /** The user constraints given as instances, handed to the constraint provider as they are. */
  private final List<ProposalConstraint> instances;

  private OptaPlannerProposalSolver(Builder b) {
    this.timeLimit = b.timeLimit;
    this.unimprovedTimeLimit = b.unimprovedTimeLimit;
    this.stepLimit = b.stepLimit;
    this.seed = b.seed;
    this.classes = List.copyOf(b.constraints);
    this.instances = List.copyOf(b.instances);
    List<Class<? extends ProposalConstraint>> all = new ArrayList<>(classes);
    instances.forEach(c -> all.add(c.getClass()));
    this.constraints = List.copyOf(all);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public ProposalSet solve(ProposalProblem problem) {
    if (problem.debts().isEmpty()) {
      return ProposalSolver.exact().solve(problem); // the same "no eligible debt" answer
    }
    List<OptionGrid> grids = problem.grids();
    long totalOwed = grids.stream().mapToLong(OptionGrid::totalOwedFen).reduce(0, Math::addExact);
    List<Proposal> proposals = new ArrayList<>();
    Map<Strategy, String> notes = new EnumMap<>(Strategy.class);
    Set<String> broken = new TreeSet<>(BUILT_IN_LAST); // the hard constraints the failed strategies' best plans break
    Map<Strategy, Miss> missed = new EnumMap<>(Strategy.class);
    for (Strategy strategy : Strategy.values()) {
      List<double[]> objective = grids.stream()
          .map(g -> StrategyObjective.values(strategy, g, problem.config(), grids.size())).toList();
      double scale = softScale(strategy == Strategy.CONSERVATIVE ? ProposalConstraintProvider.SCALE : 1000.0, objective);
      List<DebtChoice> choices = new ArrayList<>();
      for (int d = 0; d < grids.size(); d++) {
        OptionGrid g = grids.get(d);
        double[] values = objective.get(d);
        choices.add(new DebtChoice(g, values, scale, constraints.isEmpty() ? nonDominated(g, values) : allowed(values)));
      }
      ProposalPlanning planning = new ProposalPlanning(choices,
          new ProposalLimits(problem.monthlyBudget().fen(), problem.liquidSavings().fen(), grids.size()));
      boolean anyChoice = choices.stream().anyMatch(c -> c.getOptionRange().size() > 1);
      SolverFactory<ProposalPlanning> factory = withConstraintLoader(() -> SolverFactory.create(config(anyChoice)));
      Solver<ProposalPlanning> solver = withConstraintLoader(factory::buildSolver);
      ProposalPlanning best = scoring(() -> solver.solve(planning));
      refuseInterrupted("while solving " + strategy);
      // a plan with a debt left without an option (which the termination rules out) has no constraints to name
      boolean whole = best.getChoices().stream().noneMatch(c -> c.getOption() == null);
      boolean feasible = whole && best.getScore() != null && best.getScore().isFeasible();
      List<ConstraintMatchTotal<HardSoftLongScore>> totals = whole && (!feasible || !constraints.isEmpty())
          ? totals(factory, best) : List.of();
      refuseOverflow(totals, best.getScore());
      List<ConstraintMatchTotal<HardSoftLongScore>> hard = totals.stream()
          .filter(total -> total.getScore().hardScore() != 0).toList();
      refuseHardRewards(hard);
      if (!feasible) {
        List<String> breaks = hard.stream().filter(total -> total.getScore().hardScore() < 0)
            .map(ConstraintMatchTotal::getConstraintName).sorted(BUILT_IN_LAST).toList();
        broken.addAll(breaks);
        missed.put(strategy, new Miss(factory, best, "OptaPlanner found no plan within every hard constraint"
            + (breaks.isEmpty() ? "" : "; its best plan breaks " + quoted(breaks)) + " (best score " + best.getScore() + ")"));
        continue;
      }
      List<PlanOption> plans = new ArrayList<>();
      for (int d = 0; d < grids.size(); d++) {
        plans.add(grids.get(d).option(best.getChoices().get(d).getOption()));
      }
      proposals.add(Proposal.of(strategy, plans, Money.ofFen(totalOwed), false));
      notes.put(strategy, "OptaPlanner's best plan within " + bound() + " (a heuristic: optimality is not proven)");
    }
    if (!missed.isEmpty()) {
      Optional<Infeasibility> proven = exactCheck(problem, grids, missed, proposals, notes, broken);
      if (proposals.isEmpty()) {
        return new ProposalSet(List.of(), Optional.of(proven.orElseGet(() -> userConstraintBinds(broken,
            Infeasibility.diagnose(grids, problem.monthlyBudget(), problem.liquidSavings(), problem.config())))), notes);
      }
      proposals.sort(Comparator.comparing(Proposal::strategy));
    }
    return new ProposalSet(proposals, Optional.empty(), notes);
  }

  /**
   * What bounded each strategy's search, for the note on a plan of OptaPlanner's own: the notes say why a proposal is
   * not proven optimal (as the exact solver's do when its node budget runs out), and OptaPlanner's never are, yet theirs
   * had said nothing, so a reader of the CLI's text took the heuristic's plans for proven ones.
   */
  private String bound() {
    if (stepLimit != null) {
      return stepLimit + " score calculations";
    }
    return timeLimit.toMillis() + " ms" + (unimprovedTimeLimit == null ? ""
        : ", or " + unimprovedTimeLimit.toMillis() + " ms without a better plan");
  }

  /** The most the built-in soft score may reach either way: half a long's range, the rest left to user constraints. */
  private static final double SOFT_RANGE = 0x1p62;

  /**
   * {@code scale}, or less where the objective scaled by it could leave a long: OptaPlanner adds the soft score in
   * plain longs, which wrap, and AGGRESSIVE's (the total payable in thousandths of a fen) wrapped to +7.6 × 10¹⁸ on 120
   * debts of 800 billion yuan each; the overflow check then blamed a user constraint rewarding one unit per plan.
   * Cases that small leave the scale as it is, so their scores are unchanged.
   *
   * @param objective each debt's objective per option (NaN: not allowed)
   */
  static double softScale(double scale, List<double[]> objective) {
    double most = 0;
    for (double[] values : objective) {
      double largest = 0;
      for (double v : values) {
        if (!Double.isNaN(v)) {
          largest = Math.max(largest, Math.abs(v));
        }
      }
      most += largest;
    }
    return most * scale <= SOFT_RANGE ? scale : SOFT_RANGE / most;
  }

  /** A strategy OptaPlanner found no plan for: its solver factory, its best (infeasible) plan and what to say of it. */
  private record Miss(SolverFactory<ProposalPlanning> factory, ProposalPlanning best, String note) {}

  /**
   * Settles the strategies OptaPlanner found no plan for with core's exact solver, which proves whether a plan exists:
   * a heuristic's miss is no proof, and at a knife-edge budget (20 sample-shaped debts, the budget exactly the least
   * Σ first installments within the savings) OptaPlanner had found no plan for any strategy where the exact solver
   * finds two, and answered "infeasible" with a shortfall of 0.00. Each missed strategy takes the exact solver's plan
   * when it has one and it meets the user constraints' hard scores (then it is also the strategy's optimum under them,
   * which can only lower the optimum; a soft score they add is not weighed); otherwise its note says why not. It runs only when a strategy missed, and costs what the exact
   * solver does on all three strategies (bounded by {@code GridConfig.maxSearchNodes} each, not by the clock: 39-46 s
   * on a 60-debt knife edge where all three ran out of nodes).
   *
   * @return the exact solver's infeasibility when it proves that the budget and the savings admit no plan, else empty
   * @throws SearchBudgetExhaustedException the exact solver's, when its node budget ran out before it found or ruled
   *     out a plan and OptaPlanner found none either (the case may fit: it is not called infeasible)
   */
  private Optional<Infeasibility> exactCheck(ProposalProblem problem, List<OptionGrid> grids,
      Map<Strategy, Miss> missed, List<Proposal> proposals, Map<Strategy, String> notes, Set<String> broken) {
    ProposalSet exact;
    try {
      exact = ProposalSolver.exact().solve(problem);
    } catch (SearchBudgetExhaustedException e) {
      if (proposals.isEmpty()) {
        throw e;
      }
      missed.forEach((strategy, miss) -> notes.put(strategy, miss.note() + "; the exact solver's check ran out of search "
          + "nodes, so a plan may exist (raise " + GridConfig.MAX_SEARCH_NODES_NAME + ")"));
      return Optional.empty();
    }
    refuseInterrupted("while the exact solver checked " + missed.keySet() + ", which OptaPlanner found no plan for (the "
        + "check does not stop on an interrupt: it ended first)");
    if (!exact.feasible()) {
      missed.forEach((strategy, miss) -> notes.put(strategy, miss.note()));
      return exact.infeasibility();
    }
    for (Map.Entry<Strategy, Miss> entry : missed.entrySet()) {
      Strategy strategy = entry.getKey();
      Miss miss = entry.getValue();
      Optional<Proposal> plan = exact.proposal(strategy);
      if (plan.isEmpty()) {
        notes.put(strategy, miss.note() + "; the exact solver has none either: "
            + exact.notes().getOrDefault(strategy, "no plan"));
        continue;
      }
      List<String> breaks = constraints.isEmpty() ? List.of() : userConstraintsBroken(miss, plan.get(), grids);
      if (breaks.isEmpty()) {
        proposals.add(plan.get());
        // an unproven plan keeps the exact solver's reason (its node budget ran out): it had been dropped, so the
        // note read like that of a proven plan
        notes.put(strategy, miss.note() + "; this is the exact solver's plan" + (plan.get().provenOptimal()
            ? ", proven optimal" : ", not proven optimal: " + exact.notes().getOrDefault(strategy, "no reason given")));
      } else {
        broken.addAll(breaks);
        notes.put(strategy, miss.note() + "; the exact solver's optimum within the budget and savings breaks "
            + quoted(breaks));
      }
    }
    return Optional.empty();
  }

  /** The user constraints that {@code proposal} (within every built-in constraint) breaks, by name. */
  private List<String> userConstraintsBroken(Miss miss, Proposal proposal, List<OptionGrid> grids) {
    ProposalPlanning planning = miss.best();
    for (int d = 0; d < grids.size(); d++) {
      planning.getChoices().get(d).setOption(indexOf(grids.get(d), proposal.plans().get(d)));
    }
    List<ConstraintMatchTotal<HardSoftLongScore>> totals = totals(miss.factory(), planning);
    HardSoftLongScore score = totals.stream().map(ConstraintMatchTotal::getScore)
        .reduce(HardSoftLongScore.ZERO, HardSoftLongScore::add);
    refuseOverflow(totals, score);
    List<ConstraintMatchTotal<HardSoftLongScore>> hard = totals.stream()
        .filter(total -> total.getScore().hardScore() != 0).toList();
    refuseHardRewards(hard);
    return hard.stream().map(ConstraintMatchTotal::getConstraintName).sorted(BUILT_IN_LAST).toList();
  }

  /** The index of {@code plan} in {@code grid}, which drew it. */
  private static int indexOf(OptionGrid grid, PlanOption plan) {
    for (int i = 0; i < grid.size(); i++) {
      if (grid.term(i) == plan.term() && grid.firstInstallmentFen(i) == plan.firstInstallment().fen()
          && grid.downPaymentFen(i) == plan.downPayment().fen() && grid.option(i).equals(plan)) {
        return i;
      }
    }
    throw new IllegalStateException("the exact solver's plan for " + plan.debtId() + " is not in its grid");
  }

  /**
   * Runs {@code action}, which scores plans, naming the user constraint whose code threw. Its lambdas run inside
   * OptaPlanner's scoring, so an exception they threw (an index out of range, a null) had left {@link #solve} bare,
   * with nothing saying which constraint failed; it is found by the frames of the constraint's class in the stack.
   */
  private <T> T scoring(Supplier<T> action) {
    try {
      return action.get();
    } catch (RuntimeException e) { // the SDK's own exceptions too: one a constraint's code throws is its fault
      for (Class<? extends ProposalConstraint> user : constraints) {
        if (thrownBy(e, user)) {
          ComponentContractException named = new ComponentContractException("a user constraint (" + host(user) + ")",
              List.of(Problem.of("scoring", "threw " + e + " while scoring a plan")));
          named.initCause(e);
          throw named;
        }
      }
      throw e;
    }
  }

  /** Whether code of {@code type} (its lambdas and nested classes included) is on the stack of {@code e} or a cause. */
  private static boolean thrownBy(Throwable e, Class<?> type) {
    String name = host(type);
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      for (StackTraceElement frame : t.getStackTrace()) {
        String c = frame.getClassName();
        if (c.equals(name) || c.startsWith(name + "$")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The name of {@code type}, or for a lambda (a constraint given as an instance may be one) the class it was written
   * in, whose frames its code runs in.
   */
  private static String host(Class<?> type) {
    String name = type.getName();
    int lambda = name.indexOf("$$Lambda");
    return lambda > 0 ? name.substring(0, lambda) : name;
  }

  /** User constraints first (by name), then the built-in ones. */
  private static final Comparator<String> BUILT_IN_LAST = Comparator
      .comparing((String name) -> ProposalConstraintProvider.BUILT_IN.contains(name))
      .thenComparing(Comparator.naturalOrder());

  /** Every constraint's total in {@code best}. */
  private List<ConstraintMatchTotal<HardSoftLongScore>> totals(SolverFactory<ProposalPlanning> factory,
      ProposalPlanning best) {
    ScoreExplanation<ProposalPlanning, HardSoftLongScore> explanation = scoring(() -> withConstraintLoader(
        () -> SolutionManager.<ProposalPlanning, HardSoftLongScore>create(factory).explain(best)));
    return List.copyOf(explanation.getConstraintMatchTotalMap().values());
  }

  /**
   * OptaPlanner's thread-interruption check ends a solve early and quietly: the strategy being solved kept the plan
   * it had so far and every later one none, so an interrupted solve of the feasible sample case answered "infeasible"
   * with a shortfall of 0.00. An interrupted solve is a cancelled one; it says so, and the interrupt stays set.
   * Core's exact solver does not look at the interrupt status, so an interrupt during its check of the missed
   * strategies takes effect when the check ends; the message says so (it had named the first missed strategy as the
   * one being solved, on a 60-debt knife edge 43 s after the interrupt).
   */
  private static void refuseInterrupted(String when) {
    if (Thread.currentThread().isInterrupted()) {
      throw new FenqiException("the OptaPlanner solve was interrupted " + when
          + ": it is cancelled, with no answer (the thread's interrupt status stays set)");
    }
  }

  /**
   * OptaPlanner adds scores in plain {@code long}s, which wrap: a user constraint penalising the hard score by
   * {@code Long.MAX_VALUE - 1000} (in a plan breaking the budget by 10.12) made the hard score positive, and the
   * solver returned plans above the budget and the savings as feasible; a soft score that wraps misleads the search
   * without a word. The score is therefore recomputed from the constraint matches exactly; when the two differ, the
   * largest user constraint on the level that wrapped is named.
   */
  private void refuseOverflow(List<ConstraintMatchTotal<HardSoftLongScore>> totals, HardSoftLongScore score) {
    if (totals.isEmpty() || constraints.isEmpty()) {
      return; // the built-in constraints alone stay within a long's range (softScale)
    }
    for (boolean hardLevel : new boolean[] {true, false}) {
      BigInteger sum = BigInteger.ZERO;
      boolean wrapped = false;
      ConstraintMatchTotal<HardSoftLongScore> largest = null;
      BigInteger largestExact = BigInteger.ZERO;
      for (ConstraintMatchTotal<HardSoftLongScore> total : totals) {
        BigInteger exact = BigInteger.ZERO;
        for (var match : total.getConstraintMatchSet()) {
          exact = exact.add(BigInteger.valueOf(level(match.getScore(), hardLevel)));
        }
        wrapped |= !exact.equals(BigInteger.valueOf(level(total.getScore(), hardLevel)));
        sum = sum.add(exact);
        if (!ProposalConstraintProvider.BUILT_IN.contains(total.getConstraintName()) && exact.abs().compareTo(largestExact.abs()) > 0) {
          largest = total;
          largestExact = exact;
        }
      }
      if ((wrapped || !sum.equals(BigInteger.valueOf(level(score, hardLevel)))) && largest != null) {
        String name = hardLevel ? "hard score" : "soft score";
        throw new ComponentContractException("a user constraint (\"" + largest.getConstraintName() + "\")",
            List.of(Problem.of(name, "its total of " + largestExact + " in the best plan takes the " + name + " beyond a "
                + "long's range, where it wraps and makes a bad plan look good; penalise in fen or a smaller unit")));
      }
    }
  }

  private static long level(HardSoftLongScore score, boolean hard) {
    return hard ? score.hardScore() : score.softScore();
  }

  /**
   * A plan is within every hard constraint when its hard score is not negative, so a constraint that rewards the hard
   * score pays for breaking another: a user constraint rewarding plans without down payment with ONE_HARD made the
   * solver return plans above the budget (2349.31 of 2300.00 on the sample case) as feasible.
   */
  private static void refuseHardRewards(List<ConstraintMatchTotal<HardSoftLongScore>> hard) {
    for (ConstraintMatchTotal<HardSoftLongScore> total : hard) {
      if (total.getScore().hardScore() > 0) {
        throw new ComponentContractException("a user constraint (\"" + total.getConstraintName() + "\")",
            List.of(Problem.of("hard score", "rewards the hard score (+" + total.getScore().hardScore() + " in the best "
                + "plan): a hard reward can pay for a plan above the budget or the savings; penalise instead, or use "
                + "the soft score")));
      }
    }
  }

  /**
   * Why a case whose budget and savings alone can be met (the built-in diagnosis finds no shortfall) has no plan: the
   * user constraints. Blaming the budget or the savings had stated "at least 2102.15, above the affordable 5040.00"
   * with a shortfall of 0.00 for a user constraint that no plan could meet.
   */
  private Infeasibility userConstraintBinds(Set<String> broken, Infeasibility builtIn) {
    List<String> users = broken.stream().filter(n -> !ProposalConstraintProvider.BUILT_IN.contains(n)).toList();
    List<String> builtIns = broken.stream()
        .filter(n -> n.equals(ProposalConstraintProvider.BUDGET) || n.equals(ProposalConstraintProvider.SAVINGS))
        .toList();
    String which = !users.isEmpty()
        ? "the user constraint" + (users.size() == 1 ? " " : "s ") + quoted(users) + " together with the other hard "
            + "constraints" + (builtIns.isEmpty() ? "" : " (the best plans found also break " + quoted(builtIns) + ")")
        : "the user constraints (" + constraints.stream().map(c -> host(c).substring(host(c).lastIndexOf('.') + 1))
            .collect(Collectors.joining(", "))
            + ") together with " + (builtIns.isEmpty() ? "the built-in ones" : quoted(builtIns));
    String reason = "OptaPlanner found no plan that meets " + which + ". Without the user constraints plans fit: first "
        + "installments from " + builtIn.required() + " within the budget of " + builtIn.available()
        + ", with the down payments within savings, so no amount is short.";
    return new Infeasibility(Infeasibility.BindingConstraint.USER_CONSTRAINT, Money.ZERO, Money.ZERO, Money.ZERO, reason,
        "Review the named constraint: it is your rule, not the borrower's means, that leaves no plan. If it must stand, "
            + "seek a debt restructuring across all lenders (债务重组) or the legal route (personal debt mediation, "
            + "court-supervised settlement).");
  }

  private static String quoted(List<String> names) {
    return names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "));
  }

  /**
   * Runs {@code action} (building a solver, or explaining a score) with this module's class loader as the thread's
   * context class loader, which
   * also answers the user constraints' names with the very classes given to the builder. OptaPlanner finds its
   * constraint-stream implementation, and {@link ProposalConstraintProvider} the user's constraints by name, through
   * the context class loader: on a thread whose context loader does not see the application's classes (a
   * common-pool thread's is the system class loader, which in a fat jar sees neither) a user constraint was "not
   * found" and reported as not being a public class with a public no-argument constructor.
   */
  private <T> T withConstraintLoader(Supplier<T> action) {
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    thread.setContextClassLoader(new ConstraintClassLoader(OptaPlannerProposalSolver.class.getClassLoader(), classes));
    List<ProposalConstraint> instancesBefore = ProposalConstraintProvider.INSTANCES.get();
    ProposalConstraintProvider.INSTANCES.set(instances);
    try {
      return action.get();
    } finally {
      thread.setContextClassLoader(before);
      if (instancesBefore == null) {
        ProposalConstraintProvider.INSTANCES.remove();
      } else {
        ProposalConstraintProvider.INSTANCES.set(instancesBefore);
      }
    }
  }

  /** Answers the user constraints' names with their classes, everything else as its parent does. */
  private static final class ConstraintClassLoader extends ClassLoader {
    private final Map<String, Class<?>> byName = new java.util.HashMap<>();

    ConstraintClassLoader(ClassLoader parent, List<Class<? extends ProposalConstraint>> constraints) {
      super(parent);
      constraints.forEach(c -> byName.put(c.getName(), c));
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      Class<?> c = byName.get(name);
      return c != null ? c : super.loadClass(name, resolve);
    }
  }

  /** Options the strategy allows (a NaN objective never satisfies the hard constraints). */
  static List<Integer> allowed(double[] values) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      if (!Double.isNaN(values[i])) {
        out.add(i);
      }
    }
    return out.isEmpty() ? List.of(0) : out; // keep one (infeasible) value so the entity can still be assigned
  }

  /**
   * The allowed options no other option beats on all three of objective (higher), first installment and down
   * payment (both lower): some optimum uses only these, since swapping a dominated choice for its dominator keeps
   * every built-in constraint satisfied and does not lower the objective. Sorted by objective, a sweep keeps the
   * (installment → least down payment) staircase of better options, so it takes O(n log n).
   */
  static List<Integer> nonDominated(OptionGrid g, double[] values) {
    List<Integer> order = new ArrayList<>(allowed(values));
    if (Double.isNaN(values[order.get(0)])) {
      return order;
    }
    order.sort((a, b) -> {
      int c = Double.compare(values[b], values[a]);
      if (c != 0) {
        return c;
      }
      c = Long.compare(g.firstInstallmentFen(a), g.firstInstallmentFen(b));
      return c != 0 ? c : Long.compare(g.downPaymentFen(a), g.downPaymentFen(b));
    });
    java.util.TreeMap<Long, Long> staircase = new java.util.TreeMap<>(); // installment → least down payment at or below it
    List<Integer> kept = new ArrayList<>();
    for (int i : order) {
      long installment = g.firstInstallmentFen(i);
      long down = g.downPaymentFen(i);
      Map.Entry<Long, Long> floor = staircase.floorEntry(installment);
      if (floor != null && floor.getValue() <= down) {
        continue; // an option at least as good is no dearer on either
      }
      kept.add(i);
      staircase.put(installment, down);
      // entries at higher installments with a down payment no lower are now redundant
      Map.Entry<Long, Long> next = staircase.higherEntry(installment);
      while (next != null && next.getValue() >= down) {
        staircase.remove(next.getKey());
        next = staircase.higherEntry(installment);
      }
    }
    return kept;
  }

  /**
   * The solver's configuration; {@code anyChoice} says whether some debt has more than one option to choose from.
   * Without one the construction's plan is the only plan, and local search is left out: it finds no move to make and,
   * in deterministic mode, whose limit counts score calculations, had looped forever (a debt whose grid has a single
   * option); with a time limit it had spun a core for the whole limit.
   */
  SolverConfig config(boolean anyChoice) {
    TerminationConfig limit = new TerminationConfig();
    if (stepLimit != null) {
      limit.setScoreCalculationCountLimit(stepLimit); // solver-level and deterministic
    } else {
      limit.setSpentLimit(timeLimit);
      if (unimprovedTimeLimit != null) {
        limit.setUnimprovedSpentLimit(unimprovedTimeLimit);
      }
    }
    // The limit stops the solver only once it has a whole plan: OptaPlanner skips every phase left when the limit
    // is reached, and a limit reached before the construction phase (1 ms, or a count of 1 spent on the first score)
    // had left every debt without an option, which solve() then reported as an infeasible case.
    TerminationConfig termination = new TerminationConfig()
        .withTerminationCompositionStyle(TerminationCompositionStyle.AND)
        .withTerminationConfigList(List.of(limit, new TerminationConfig().withBestScoreLimit(ANY_WHOLE_PLAN)));
    ScoreDirectorFactoryConfig score = new ScoreDirectorFactoryConfig()
        .withConstraintProviderClass(ProposalConstraintProvider.class)
        .withConstraintStreamImplType(ConstraintStreamImplType.BAVET)
        .withConstraintProviderCustomProperties(Map.of(
            "userConstraints", classes.stream().map(Class::getName).collect(Collectors.joining(",")),
            "userConstraintInstances", Integer.toString(instances.size())));
    // Budget and savings couple the debts: lowering one lender's installment only pays off together with
    // raising another's, so local search also tries two change moves at once.
    LocalSearchPhaseConfig localSearch = new LocalSearchPhaseConfig().withMoveSelectorConfig(new UnionMoveSelectorConfig(
        List.of(new ChangeMoveSelectorConfig(), new CartesianProductMoveSelectorConfig(
            List.of(new ChangeMoveSelectorConfig(), new ChangeMoveSelectorConfig())))));
    // Tabu search beat late acceptance and simulated annealing on the quality report (benchmarks/README.md).
    localSearch.setLocalSearchType(LocalSearchType.TABU_SEARCH);
    CustomPhaseConfig construction = new CustomPhaseConfig().withCustomPhaseCommands(new LagrangianStart(stepLimit != null
        ? LagrangianStart.Kicks.counted() : LagrangianStart.Kicks.timed(timeLimit.toNanos(),
        unimprovedTimeLimit == null ? Long.MAX_VALUE : unimprovedTimeLimit.toNanos())));
    return new SolverConfig()
        .withSolutionClass(ProposalPlanning.class)
        .withEntityClasses(DebtChoice.class)
        .withPhases(anyChoice ? new PhaseConfig<?>[] {construction, localSearch} : new PhaseConfig<?>[] {construction})
        .withScoreDirectorFactory(score)
        .withTerminationConfig(termination)
        .withEnvironmentMode(stepLimit != null ? EnvironmentMode.REPRODUCIBLE : EnvironmentMode.NON_REPRODUCIBLE)
        .withRandomSeed(seed);
  }

  /** Validating builder; {@link #build()} returns an immutable solver. Not thread-safe; reusable. */
  public static final class Builder {
    /** The longest time limit accepted: 36 500 days, far from the overflow of its nanoseconds (about 292 years). */
    public static final Duration LONGEST_LIMIT = Duration.ofDays(36_500);
    private Duration timeLimit = Duration.ofSeconds(1);
    private boolean timeLimitGiven;
    private @Nullable Duration unimprovedTimeLimit;
    private @Nullable Long stepLimit;
    private long seed = 42;
    private final List<Class<? extends ProposalConstraint>> constraints = new ArrayList<>();
    private final List<ProposalConstraint> instances = new ArrayList<>();

    private Builder() {}

    /**
     * Wall-clock limit per strategy (default 1 s): whole milliseconds, from 1 ms to {@link #LONGEST_LIMIT}. It ends
     * the construction's kicks (at half the limit), every other step of the construction and the local search; only
     * the construction's first repaired plan (so that a strategy stops with a whole plan) and the exact solver's
     * check of a strategy without a plan (bounded by {@code GridConfig.maxSearchNodes} per strategy, for all three
     * strategies: 42 s with a 50 ms limit on a 60-debt knife edge) run past it, see the README.
     * A solve with a 50 ms limit on 60 sample-shaped debts had taken 1.8–3.7 s, its construction bounded by work.
     *
     * @throws InvalidInputException naming {@code timeLimit} otherwise (OptaPlanner refused a fraction of a
     *     millisecond, and a limit of {@code Long.MAX_VALUE} seconds overflowed, both only once a case was solved)
     */
    public Builder timeLimit(Duration limit) {
      this.timeLimit = checked("timeLimit", limit);
      this.timeLimitGiven = true;
      return this;
    }

    /**
     * Stop a strategy early when its best plan has not improved for this long (whole milliseconds, as
     * {@link #timeLimit}, which still bounds it): it ends the construction's kicks once none has found a better plan for
     * this long, and OptaPlanner's local search likewise. It had ended the local search only, so the kicks ran on to
     * half the time limit (16 s for a 20-debt case with 10 s per strategy and 10 ms unimproved).
     */
    public Builder unimprovedTimeLimit(Duration limit) {
      this.unimprovedTimeLimit = checked("unimprovedTimeLimit", limit);
      return this;
    }

    private static Duration checked(String field, Duration limit) {
      Objects.requireNonNull(limit, field);
      if (limit.isNegative() || limit.isZero()) {
        throw new InvalidInputException(field, limit + " must be positive");
      }
      if (limit.getNano() % 1_000_000 != 0) {
        throw new InvalidInputException(field, limit + " is not a whole number of milliseconds");
      }
      if (limit.compareTo(LONGEST_LIMIT) > 0) {
        throw new InvalidInputException(field, limit + " is longer than " + LONGEST_LIMIT.toDays() + " days");
      }
      return limit;
    }

    /**
     * Deterministic mode for tests: a fixed seed and a fixed number of score calculations instead of a time
     * limit (and a fixed amount of construction work), so the same problem always gives the same proposals.
     */
    public Builder deterministic(long seed, long scoreCalculations) {
      if (scoreCalculations < 1) {
        throw new InvalidInputException("scoreCalculations", scoreCalculations + " must be positive");
      }
      this.seed = seed;
      this.stepLimit = scoreCalculations;
      return this;
    }

    /**
     * Adds a user constraint (a public class with a public no-argument constructor).
     *
     * @throws InvalidInputException naming the class when OptaPlanner could not create it: not public, abstract, an
     *     inner (non-static) class, or without a public no-argument constructor; or when it is already added
     */
    public Builder constraint(Class<? extends ProposalConstraint> constraint) {
      Objects.requireNonNull(constraint, "constraint");
      int modifiers = constraint.getModifiers();
      String why = !Modifier.isPublic(modifiers) ? "is not public"
          : constraint.isInterface() || Modifier.isAbstract(modifiers) ? "is abstract"
          : constraint.getEnclosingClass() != null && !Modifier.isStatic(modifiers) ? "is an inner class (make it static)"
          : publicNoArgConstructor(constraint) ? null : "has no public no-argument constructor";
      if (why != null) {
        throw new InvalidInputException("constraint", "user constraint " + constraint.getName() + " " + why
            + ": it must be a public class implementing ProposalConstraint with a public no-argument constructor");
      }
      if (constraints.contains(constraint)) {
        throw new InvalidInputException("constraint", "user constraint " + constraint.getName()
            + " is added twice: add each once (OptaPlanner refuses two constraints of one name)");
      }
      this.constraints.add(constraint);
      return this;
    }

    /**
     * Adds a user constraint instance, for one configured with parameters (a limit, a list of platforms) that a
     * public no-argument constructor cannot give. OptaPlanner's configuration names a constraint provider only by
     * class, with string properties; the instance is handed to the provider while the solver builds it, and its
     * {@code define} is called once per strategy of every solve. The same instance serves every solve, on whatever
     * threads call {@link OptaPlannerProposalSolver#solve}, so it and the lambdas it defines must be immutable (or
     * thread-safe). Two instances of one class need constraints of different names.
     *
     * @throws InvalidInputException naming {@code constraint} when this very instance is already added
     */
    public Builder constraint(ProposalConstraint constraint) {
      Objects.requireNonNull(constraint, "constraint");
      for (ProposalConstraint added : instances) {
        if (added == constraint) {
          throw new InvalidInputException("constraint", "user constraint " + constraint + " is added twice: add each "
              + "once (OptaPlanner refuses two constraints of one name)");
        }
      }
      this.instances.add(constraint);
      return this;
    }

    private static boolean publicNoArgConstructor(Class<?> type) {
      try {
        type.getConstructor();
        return true;
      } catch (NoSuchMethodException e) {
        return false;
      }
    }

    /**
     * The solver.
     *
     * @throws InvalidInputException naming {@code timeLimit} or {@code unimprovedTimeLimit} when one was set beside
     *     {@link #deterministic}, whose count of score calculations bounds the solve instead: the limit was ignored
     *     without a word, and a caller who set it believed the solve bounded by the clock; or naming
     *     {@code unimprovedTimeLimit} when it is longer than the time limit (1 s unless set), which ends each strategy
     *     first: it never applied, and a caller who set 5 s believed a strategy could run that long without improving
     */
    public OptaPlannerProposalSolver build() {
      if (stepLimit != null && (timeLimitGiven || unimprovedTimeLimit != null)) {
        throw new InvalidInputException(timeLimitGiven ? "timeLimit" : "unimprovedTimeLimit", "does not apply in "
            + "deterministic mode, which is bounded by its " + stepLimit + " score calculations; set one or the other");
      }
      if (unimprovedTimeLimit != null && unimprovedTimeLimit.compareTo(timeLimit) > 0) {
        throw new InvalidInputException("unimprovedTimeLimit", unimprovedTimeLimit.toMillis() + " ms is longer than the "
            + "time limit of " + timeLimit.toMillis() + " ms" + (timeLimitGiven ? "" : " (the default)") + ", which ends "
            + "each strategy first, so it would never apply; set it shorter, or set a longer timeLimit");
      }
      return new OptaPlannerProposalSolver(this);
    }
  }
}
