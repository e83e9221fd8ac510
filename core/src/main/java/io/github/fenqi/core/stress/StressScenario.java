package io.github.fenqi.core.stress;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.money.Money;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A named deterministic what-if: from month {@code fromMonth}, for {@code months} months, income is multiplied by
 * {@code incomeFactor} (0..1; -0.0 is read as 0.0); in month {@code fromMonth} an extra expense is due. No
 * randomness: the plan passes or fails at a month.
 *
 * <p>Thread-safety: immutable.
 */
public record StressScenario(String name, int fromMonth, int months, double incomeFactor, Money extraExpense) {
  /**
   * Each problem names its field and the scenario (a missing extra expense had thrown a NullPointerException). An
   * {@code incomeFactor} of -0.0 is taken as 0.0, no income: the same factor, which had been kept with its sign, shown
   * as "-0.0" and unequal to the scenario with 0.0 that runs exactly like it.
   */
  public StressScenario {
    List<Problem> p = new ArrayList<>();
    if (name == null || name.isBlank()) {
      p.add(Problem.of("name", "must not be empty"));
    }
    String of = " (" + named(name) + ")";
    if (fromMonth < 1) {
      p.add(Problem.of("fromMonth", fromMonth + " is below 1" + of));
    }
    if (months < 0) {
      p.add(Problem.of("months", months + " is negative" + of));
    }
    if (!(incomeFactor >= 0 && incomeFactor <= 1)) {
      p.add(Problem.of("incomeFactor", incomeFactor + " is outside 0..1" + of));
    }
    if (extraExpense == null || extraExpense.isNegative()) {
      p.add(Problem.of("extraExpense", (extraExpense == null ? "is missing" : "'" + extraExpense + "' is negative") + of));
    }
    if (!p.isEmpty()) {
      throw new InvalidInputException(p);
    }
    incomeFactor += 0.0; // -0.0 + 0.0 is 0.0; every other factor is unchanged
  }

  /**
   * {@code scenario 'name'} as a problem names a scenario, the name quoted as a value from outside ({@link
   * Problem#excerpt}): scenarios are configured and outcomes read back from a response, and a name with a line break
   * had been quoted raw, its second half a forged line of a log, and one of 10 000 characters whole.
   */
  static String named(@Nullable String name) {
    return "scenario '" + (name == null ? "null" : Problem.excerpt(name)) + "'";
  }

  /** Medical expense of 20 000 in month 3; income −30 % from month 2; no income in months 2 and 3. */
  public static List<StressScenario> defaults() {
    return List.of(
        new StressScenario("medical expense of 20000 in month 3", 3, 0, 1.0, Money.ofYuan(20_000)),
        new StressScenario("income -30% from month 2", 2, 12, 0.7, Money.ZERO),
        new StressScenario("no income for 2 months from month 2", 2, 2, 0.0, Money.ZERO));
  }

  /** Whether {@code month} is one of the scenario's months of reduced income. */
  boolean cutsIncomeIn(int month) {
    // month - fromMonth rather than fromMonth + months, which overflowed for months = Integer.MAX_VALUE ("to the end")
    return month >= fromMonth && month - fromMonth < months;
  }

  /**
   * The income of one of the scenario's months from the declared {@code incomeFen}: exactly floor(income × factor), the
   * factor read as the decimal it was written as. The product had been taken in doubles, where 0.7 is a hair below
   * seven tenths: 1 639.00 yuan a month came to 1 147.29 under the default cut of 30 %, not 1 147.30.
   */
  long reducedIncome(long incomeFen) {
    return MonteCarloStressTester.share(incomeFen, MonteCarloStressTester.decimal(incomeFactor));
  }

  long extraExpenseIn(int month) {
    return month == fromMonth ? extraExpense.fen() : 0;
  }
}
