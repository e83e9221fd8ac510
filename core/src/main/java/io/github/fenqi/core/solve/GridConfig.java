package io.github.fenqi.core.solve;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.debt.DebtComponent;
import io.github.fenqi.core.solve.internal.MultipleChoiceKnapsack;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * How finely the option grid of each debt is drawn, and the solver's business parameters.
 *
 * <p>Waivers: a debt's waiver options are levels of {@code waiverStep} (default 5 %) of the most the
 * policy lets be waived, filled component by component in {@code waiverPriority} order, each up to its own
 * cap. Lenders give up penalty interest, compound interest and fees far more readily than contractual
 * interest, and principal last; a plan that asks for interest relief while penalty interest is still owed
 * is one no collector accepts. Per-component levels in every combination would multiply the grid by
 * ~20^5 without adding options a lender would choose over these.
 *
 * <p>Down payments: {@code downPaymentLevels} levels from the policy minimum ratio upward in steps of
 * {@code downPaymentStep} of the settled amount (capped at 100 %).
 *
 * <p>It round-trips through JSON, and JSON that lacks a field is refused with any Jackson mapper rather than read as 0.
 *
 * <p>Thread-safety: immutable.
 *
 * @param waiverStep fraction of the maximum waivable amount per level, in [0.001, 1]
 * @param waiverPriority components in the order they are waived; every component exactly once
 * @param downPaymentLevels number of down-payment levels, 1..20
 * @param downPaymentStep ratio added per level, in (0, 1]
 * @param acceptanceFloor AGGRESSIVE only uses options whose acceptance is at least this, in [0, 1)
 * @param lenderMonthlyDiscountRate the lender's monthly discount rate for the recovery's present value, in [0, 0.2]
 * @param maxSearchNodes node budget of the exact search per strategy (see {@code MultipleChoiceKnapsack}); a budget that
 *     runs out before any plan is found or ruled out is a {@link io.github.fenqi.core.SearchBudgetExhaustedException}
 *     (see core/README)
 */
public record GridConfig(
    // required: a configuration kept as JSON that lacks a field had been read as 0 by a plain ObjectMapper — an
    // acceptance floor of 0 or a discount rate of 0 is valid, and silently another configuration
    @JsonProperty(required = true) double waiverStep,
    @JsonProperty(required = true) List<DebtComponent> waiverPriority,
    @JsonProperty(required = true) int downPaymentLevels,
    @JsonProperty(required = true) double downPaymentStep,
    @JsonProperty(required = true) double acceptanceFloor,
    @JsonProperty(required = true) double lenderMonthlyDiscountRate,
    @JsonProperty(required = true) long maxSearchNodes) {

  /**
   * The finest waiver step, a thousandth of the waivable amount: 1e-6 drew a million levels per debt (times the terms
   * and down payments) and ran the JVM out of memory instead of answering.
   */
  public static final double MIN_WAIVER_STEP = 0.001;

  /**
   * The most options the grids of one problem may hold in all, counted as each debt's waiver levels × down-payment
   * levels × allowed terms (its most; a debt with nothing to waive has one level): about 100 bytes of heap each while the
   * grids are drawn and searched. Without it the finest grid the fields allow (a thousandth of the waiver, twenty down
   * payments) on debts whose policy allows every term of 1..360 months ran a 2 GB JVM out of memory on three debts,
   * after half a minute, instead of answering. The defaults draw under 2 000 000 for 60 such debts.
   *
   * <p>The limit bounds memory (about 1 GB at the limit), not time, and is kept as it is. A problem just under it
   * solves in about 9 seconds of one core, and about a minute on the 2-core build machine shared with other builds (one
   * debt of every term 1..360, a thousandth waiver step, twenty down payments: 7.2 million options, measured once
   * outside JMH): drawing the grid is 5.5 s of it, as a schedule that charges interest is walked month by month — 1.3
   * billion months, 180 for the average option (the same grid at a rate of 0 draws in a tenth of the time) — ordering
   * the weights 1.6 s and the three searches 1.5 s. Time therefore grows with the options times their terms, which this
   * count does not weigh; a lower limit would refuse grids that answer correctly and that only a configuration far
   * finer than the defaults draws (those take milliseconds), so the time of such a grid is left to whoever asks for it.
   */
  public static final long MAX_OPTIONS = 10_000_000L;

  /**
   * How the solvers' notes and errors name the node budget, {@code GridConfig.maxSearchNodes}: adapters that set it
   * under another name (the CLI's {@code --max-search-nodes}, the service's {@code fenqi.max-search-nodes}) replace
   * this text in {@link io.github.fenqi.core.NegotiationResult#withNotes notes}, so writer and reader share it.
   */
  public static final String MAX_SEARCH_NODES_NAME = "GridConfig.maxSearchNodes";

  /** The default {@link #maxSearchNodes}, a constant for where a default must be named at compile time (help texts). */
  public static final long DEFAULT_MAX_SEARCH_NODES = MultipleChoiceKnapsack.DEFAULT_MAX_NODES;

  /**
   * 5 % waiver steps, penalty first and principal last, four down-payment levels 5 % apart, floor 0.3, 1 %/month, and
   * a budget of 5 000 000 nodes and states per strategy: benchmark-sized cases need a few ten thousand, but budgets
   * near the least possible installments and 30–40 debts can need a few million to prove the optimum (about a second
   * per million on the build machine; benchmarks/README.md, eighth session).
   */
  public static final GridConfig DEFAULTS = new GridConfig(0.05,
      List.of(DebtComponent.PENALTY_INTEREST, DebtComponent.COMPOUND_INTEREST, DebtComponent.LATE_FEES,
          DebtComponent.OTHER_FEES, DebtComponent.INTEREST, DebtComponent.PRINCIPAL),
      4, 0.05, 0.3, 0.01, DEFAULT_MAX_SEARCH_NODES);

  public GridConfig {
    List<Problem> problems = new ArrayList<>();
    if (!(waiverStep >= MIN_WAIVER_STEP && waiverStep <= 1)) {
      problems.add(Problem.of("waiverStep", waiverStep + " is outside [" + MIN_WAIVER_STEP + ", 1]"
          + (waiverStep > 0 && waiverStep < MIN_WAIVER_STEP ? ": each debt's grid grows by one block of terms and "
              + "down payments per level, and a finer step than a thousand levels only makes it larger" : "")));
    }
    if (waiverPriority == null || waiverPriority.size() != DebtComponent.values().length
        || waiverPriority.stream().anyMatch(java.util.Objects::isNull) // EnumSet.copyOf would throw a bare NPE
        || !EnumSet.copyOf(waiverPriority).equals(EnumSet.allOf(DebtComponent.class))) {
      problems.add(Problem.of("waiverPriority", "must list every debt component exactly once"));
    }
    if (downPaymentLevels < 1 || downPaymentLevels > 20) {
      problems.add(Problem.of("downPaymentLevels", downPaymentLevels + " is outside 1..20"));
    }
    if (!(downPaymentStep > 0 && downPaymentStep <= 1)) {
      problems.add(Problem.of("downPaymentStep", downPaymentStep + " is outside (0, 1]"));
    }
    if (!(acceptanceFloor >= 0 && acceptanceFloor < 1)) {
      problems.add(Problem.of("acceptanceFloor", acceptanceFloor + " is outside [0, 1)"));
    }
    if (!(lenderMonthlyDiscountRate >= 0 && lenderMonthlyDiscountRate <= 0.2)) {
      problems.add(Problem.of("lenderMonthlyDiscountRate", lenderMonthlyDiscountRate + " is outside [0, 0.2]"));
    }
    if (maxSearchNodes < 1) {
      problems.add(Problem.of("maxSearchNodes", maxSearchNodes + " must be positive"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    waiverPriority = List.copyOf(waiverPriority);
  }

  /**
   * The most options the grid of {@code debt} holds under this configuration (see {@link #MAX_OPTIONS}): its waiver
   * levels are distinct amounts, so no more than the fen of the waivable amount plus one.
   */
  long mostOptions(DebtTerms debt) {
    long waivable = 0;
    for (DebtComponent c : DebtComponent.values()) {
      waivable = Math.addExact(waivable, debt.waivableAmount(c).fen());
    }
    long levels = Math.min(waiverLevelCount(), waivable + 1);
    return levels * downPaymentLevels * debt.allowedTerms().size();
  }

  /**
   * How many waiver levels there are: 0, step, 2·step, ... below 1, and 1 (the last partial step when the step does
   * not divide 1).
   */
  int waiverLevelCount() {
    int whole = (int) Math.floor(1.0 / waiverStep + 1e-9);
    boolean exact = Math.abs(whole * waiverStep - 1.0) < 1e-9;
    return exact ? whole + 1 : whole + 2;
  }

  /**
   * Waiver levels as fractions of the maximum waivable amount: 0, step, 2·step, ..., 1, k · step computed in decimal:
   * in doubles 3 · 0.3 is 0.8999999999999999 and 3 · 0.15 is 0.44999999999999996, so the 90 % level of a 10 000-fen
   * cap had been drawn as 8 999 fen and the 45 % level as 4 499.
   */
  BigDecimal[] waiverLevels() {
    int count = waiverLevelCount();
    BigDecimal step = BigDecimal.valueOf(waiverStep);
    BigDecimal[] out = new BigDecimal[count];
    for (int k = 0; k < count - 1; k++) {
      out[k] = step.multiply(BigDecimal.valueOf(k)).min(BigDecimal.ONE);
    }
    out[count - 1] = BigDecimal.ONE;
    return out;
  }

  public GridConfig withAcceptanceFloor(double floor) {
    return new GridConfig(waiverStep, waiverPriority, downPaymentLevels, downPaymentStep, floor,
        lenderMonthlyDiscountRate, maxSearchNodes);
  }

  public GridConfig withWaiverStep(double step) {
    return new GridConfig(step, waiverPriority, downPaymentLevels, downPaymentStep, acceptanceFloor,
        lenderMonthlyDiscountRate, maxSearchNodes);
  }

  public GridConfig withMaxSearchNodes(long nodes) {
    return new GridConfig(waiverStep, waiverPriority, downPaymentLevels, downPaymentStep, acceptanceFloor,
        lenderMonthlyDiscountRate, nodes);
  }

  public GridConfig withDownPayments(int levels, double step) {
    return new GridConfig(waiverStep, waiverPriority, levels, step, acceptanceFloor, lenderMonthlyDiscountRate,
        maxSearchNodes);
  }
}
