package io.github.fenqi.core.affordability;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.RequiredParts;
import io.github.fenqi.core.money.Decimals;
import io.github.fenqi.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Picks the ability-score coefficients from recorded outcomes (see the package documentation for the method).
 *
 * <p>For every pair (income weight, essentials weight) on the grid, the plans the model would have allowed are
 * those whose installment fits {@code min(income × w1 − essentials × w2, income × maxIncomeShare)}. A pair is
 * admissible when it allows at least {@code minPlans} historical plans and their default rate is at most the
 * target. Among admissible pairs the one allowing the largest sum of installments wins (ties: fewer defaults,
 * then the smaller income weight, then the larger essentials weight — the more cautious pair).
 *
 * <p>Thread-safety: immutable.
 *
 * @param incomeWeights the income weights to try, each in (0, 1]
 * @param essentialsWeights the essentials weights to try, each in [1, 3]
 * @param maxIncomeShare the installment cap as a share of income, kept as is
 */
public record AffordabilityCalibration(List<BigDecimal> incomeWeights, List<BigDecimal> essentialsWeights, BigDecimal maxIncomeShare) {

  /**
   * Every weight is checked up front and named by its index, all problems at once: each grid pair had been built as
   * {@link AffordabilityCoefficients}, so only the first bad pair was reported, as {@code essentialsWeight} (no such
   * parameter here, and not which entry), and a bad income weight behind it surfaced only after that was fixed.
   */
  public AffordabilityCalibration {
    List<Problem> problems = new ArrayList<>();
    nulls("incomeWeights", incomeWeights, problems);
    nulls("essentialsWeights", essentialsWeights, problems);
    if (maxIncomeShare == null) {
      problems.add(Problem.of("maxIncomeShare", "is missing"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    if (incomeWeights.isEmpty() || essentialsWeights.isEmpty()) {
      throw new InvalidInputException("grid", "both weight lists must be non-empty");
    }
    incomeWeights = List.copyOf(incomeWeights);
    essentialsWeights = List.copyOf(essentialsWeights);
    for (int i = 0; i < incomeWeights.size(); i++) {
      AffordabilityCoefficients.incomeWeight("incomeWeights[" + i + "]", incomeWeights.get(i), problems);
    }
    for (int i = 0; i < essentialsWeights.size(); i++) {
      AffordabilityCoefficients.essentialsWeight("essentialsWeights[" + i + "]", essentialsWeights.get(i), problems);
    }
    AffordabilityCoefficients.maxIncomeShare("maxIncomeShare", maxIncomeShare, problems);
    twice("incomeWeights", incomeWeights, problems);
    twice("essentialsWeights", essentialsWeights, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  /** Adds a problem for a missing list or for each missing entry, named by its index. */
  private static void nulls(String name, List<?> list, List<Problem> problems) {
    if (list == null) {
      problems.add(Problem.of(name, "is missing"));
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == null) {
        problems.add(Problem.of(name + "[" + i + "]", "is missing"));
      }
    }
  }

  /**
   * Adds a problem for each weight equal to an earlier one ({@code 0.50} after {@code 0.5}): the pair was tried twice
   * and counted twice among the admissible pairs a result reports.
   */
  private static void twice(String name, List<BigDecimal> weights, List<Problem> problems) {
    for (int i = 0; i < weights.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (weights.get(i).compareTo(weights.get(j)) == 0) {
          problems.add(Problem.of(name + "[" + i + "]", Decimals.shown(weights.get(i)) + " is also " + name + "[" + j
              + "]: each weight once"));
          break;
        }
      }
    }
  }

  /** The default grid: income weight 0.30–0.80 and essentials weight 1.0–2.0, both in steps of 0.05, cap 50 %. */
  public static AffordabilityCalibration defaultGrid() {
    return new AffordabilityCalibration(steps("0.30", "0.80", "0.05"), steps("1.00", "2.00", "0.05"), new BigDecimal("0.5"));
  }

  private static List<BigDecimal> steps(String from, String to, String step) {
    List<BigDecimal> out = new ArrayList<>();
    for (BigDecimal v = new BigDecimal(from); v.compareTo(new BigDecimal(to)) <= 0; v = v.add(new BigDecimal(step))) {
      out.add(v);
    }
    return out;
  }

  /**
   * The outcome of a calibration.
   *
   * <p>Thread-safety: immutable.
   *
   * @param coefficients the chosen pair (when no pair is admissible: the one with the lowest default rate)
   * @param targetMet whether the chosen pair meets the target
   * @param plansAllowed historical plans the chosen pair allows
   * @param defaultsAllowed how many of those defaulted
   * @param installmentsAllowed the sum of their installments
   * @param admissiblePairs how many grid pairs met the target
   * @param explanation the choice in words
   */
  public record Result(AffordabilityCoefficients coefficients, boolean targetMet, int plansAllowed, int defaultsAllowed,
      Money installmentsAllowed, int admissiblePairs, String explanation) {

    /**
     * Every problem at once, each field named: a result built in code or read back from JSON had been taken as it was
     * — 5 defaults among 2 allowed plans (a default rate of 2.5), installments of -1.00 or of more than 0 with no plan
     * allowed, a target met with no admissible pair or missed with some.
     */
    public Result {
      RequiredParts.check(new String[] {"coefficients", "installmentsAllowed", "explanation"}, coefficients,
          installmentsAllowed, explanation);
      List<Problem> problems = new ArrayList<>();
      if (plansAllowed < 0) {
        problems.add(Problem.of("plansAllowed", plansAllowed + " is negative"));
      } else if (defaultsAllowed < 0 || defaultsAllowed > plansAllowed) {
        problems.add(Problem.of("defaultsAllowed", defaultsAllowed + " is not within 0..plansAllowed " + plansAllowed));
      }
      if (plansAllowed > 0 && !installmentsAllowed.isPositive()) {
        problems.add(Problem.of("installmentsAllowed", installmentsAllowed + " is not more than 0, though "
            + plansAllowed + " plans are allowed"));
      } else if (plansAllowed <= 0 && !installmentsAllowed.isZero()) {
        problems.add(Problem.of("installmentsAllowed", installmentsAllowed + " with no plan allowed: 0.00"));
      }
      if (admissiblePairs < 0) {
        problems.add(Problem.of("admissiblePairs", admissiblePairs + " is negative"));
      } else if (targetMet != admissiblePairs > 0) {
        problems.add(Problem.of("targetMet", targetMet + " with " + admissiblePairs + " admissible pairs: the target "
            + "is met exactly when a pair meets it"));
      }
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
    }

    /** The historical default rate among the allowed plans (0 when none are allowed). */
    public double defaultRate() {
      return plansAllowed == 0 ? 0 : (double) defaultsAllowed / plansAllowed;
    }
  }

  /**
   * Calibrates on {@code history}.
   *
   * @param maxDefaultRate the target, in [0, 1)
   * @param minPlans the fewest historical plans a pair must allow to be trusted (≥ 1)
   * @throws InvalidInputException naming {@code history} when no pair allows any of its plans, and {@code minPlans}
   *     with the most any pair allows when no pair allows that many
   */
  public Result calibrate(List<RepaymentOutcome> history, double maxDefaultRate, int minPlans) {
    List<Problem> problems = new ArrayList<>();
    nulls("history", history, problems);
    if (history != null && history.isEmpty()) {
      problems.add(Problem.of("history", "no outcomes to calibrate on"));
    }
    if (!(maxDefaultRate >= 0 && maxDefaultRate < 1)) {
      problems.add(Problem.of("maxDefaultRate", maxDefaultRate + " is outside [0, 1)"));
    }
    if (minPlans < 1) {
      problems.add(Problem.of("minPlans", minPlans + " must be at least 1"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    long sum = 0;
    for (RepaymentOutcome o : history) {
      sum += o.installment().fen();
      if (sum < 0) { // every installment is positive, so the running sum only wraps by overflow
        throw new InvalidInputException("history", "the installments add up to more than " + Money.ofFen(Long.MAX_VALUE));
      }
    }
    BigDecimal target = BigDecimal.valueOf(maxDefaultRate);
    Candidate best = null;
    Candidate safest = null;
    int admissible = 0;
    int mostAllowed = 0;
    for (BigDecimal w1 : incomeWeights) {
      for (BigDecimal w2 : essentialsWeights) {
        Candidate c = evaluate(history, w1, w2);
        mostAllowed = Math.max(mostAllowed, c.plans);
        if (c.plans >= minPlans && withinTarget(c, target)) {
          admissible++;
          if (best == null || c.betterThan(best)) {
            best = c;
          }
        }
        if (c.plans >= minPlans && (safest == null || c.rate() < safest.rate() || c.rate() == safest.rate() && c.betterThan(safest))) {
          safest = c;
        }
      }
    }
    if (best != null) {
      return result(best, true, admissible, String.format(Locale.ROOT,
          "income × %s − essentials × %s allows %d of %d historical plans (installments %s) with a default rate of %.2f %% ≤ target %.2f %%; %d grid pairs met the target",
          best.w1.toPlainString(), best.w2.toPlainString(), best.plans, history.size(), Money.ofFen(best.installments),
          100 * best.rate(), 100 * maxDefaultRate, admissible));
    }
    if (safest == null) {
      // a history none of whose plans any pair allows is the problem, not minPlans (which may be 1, the least it can be)
      if (mostAllowed == 0) {
        throw new InvalidInputException("history", "no grid pair allows any of the " + history.size() + " historical "
            + "plans: each installment is above the budget of every pair (income × " + range(incomeWeights)
            + " − essentials × " + range(essentialsWeights) + ", at most " + maxIncomeShare.toPlainString() + " × income)");
      }
      throw new InvalidInputException("minPlans", "no grid pair allows " + minPlans + " of the " + history.size()
          + " historical plans; the most any pair allows is " + mostAllowed);
    }
    return result(safest, false, 0, String.format(Locale.ROOT,
        "no grid pair keeps the default rate under %.2f %%; the lowest is %.2f %% at income × %s − essentials × %s",
        100 * maxDefaultRate, 100 * safest.rate(), safest.w1.toPlainString(), safest.w2.toPlainString()));
  }

  /** The least and the largest of {@code weights}, {@code 0.30..0.80}. */
  private static String range(List<BigDecimal> weights) {
    BigDecimal least = weights.stream().min(BigDecimal::compareTo).orElseThrow();
    BigDecimal largest = weights.stream().max(BigDecimal::compareTo).orElseThrow();
    return least.compareTo(largest) == 0 ? least.toPlainString() : least.toPlainString() + ".." + largest.toPlainString();
  }

  /**
   * Whether the pair's defaults are at most {@code target} × its plans, in exact decimals: the target as written
   * ({@code 0.29}, the shortest decimal of the double) times the count. In doubles {@code 0.29 × 100} is
   * 28.999999999999996, so 29 defaults of 100 plans had missed a 29 % target they meet.
   */
  private static boolean withinTarget(Candidate c, BigDecimal target) {
    return BigDecimal.valueOf(c.defaults).compareTo(target.multiply(BigDecimal.valueOf(c.plans))) <= 0;
  }

  private Result result(Candidate c, boolean met, int admissible, String why) {
    return new Result(new AffordabilityCoefficients(c.w1, c.w2, maxIncomeShare), met, c.plans, c.defaults,
        Money.ofFen(c.installments), admissible, why);
  }

  private Candidate evaluate(List<RepaymentOutcome> history, BigDecimal w1, BigDecimal w2) {
    int plans = 0;
    int defaults = 0;
    long installments = 0;
    for (RepaymentOutcome o : history) {
      Money score = o.monthlyNetIncome().multiply(w1, RoundingMode.DOWN).minus(o.essentialExpenses().multiply(w2, RoundingMode.UP));
      Money budget = score.min(o.monthlyNetIncome().multiply(maxIncomeShare, RoundingMode.DOWN));
      if (!o.installment().isGreaterThan(budget)) {
        plans++;
        installments = Math.addExact(installments, o.installment().fen());
        if (o.defaulted()) {
          defaults++;
        }
      }
    }
    return new Candidate(w1, w2, plans, defaults, installments);
  }

  private record Candidate(BigDecimal w1, BigDecimal w2, int plans, int defaults, long installments) {
    double rate() {
      return plans == 0 ? 0 : (double) defaults / plans;
    }

    boolean betterThan(Candidate o) {
      if (installments != o.installments) {
        return installments > o.installments;
      }
      if (defaults != o.defaults) {
        return defaults < o.defaults;
      }
      if (w1.compareTo(o.w1) != 0) {
        return w1.compareTo(o.w1) < 0;
      }
      return w2.compareTo(o.w2) > 0;
    }
  }
}
