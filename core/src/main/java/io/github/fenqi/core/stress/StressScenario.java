package io.github.fenqi.core.stress;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.money.Money;
import java.util.ArrayList;
import java.util.List;

/**
 * A named deterministic what-if: from month {@code fromMonth}, for {@code months} months, income is multiplied by
 * {@code incomeFactor}; in month {@code fromMonth} an extra expense is due. No randomness: the plan passes
 * or fails at a month.
 *
 * <p>Thread-safety: immutable.
 */
public record StressScenario(String name, int fromMonth, int months, double incomeFactor, Money extraExpense) {
  /** Each problem names its field and the scenario (a missing extra expense had thrown a NullPointerException). */
  public StressScenario {
    List<Problem> p = new ArrayList<>();
    if (name == null || name.isBlank()) {
      p.add(Problem.of("name", "must not be empty"));
    }
    String of = " (scenario '" + name + "')";
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
  }

  /** Medical expense of 20 000 in month 3; income −30 % from month 2; no income in months 2 and 3. */
  public static List<StressScenario> defaults() {
    return List.of(
        new StressScenario("medical expense of 20000 in month 3", 3, 0, 1.0, Money.ofYuan(20_000)),
        new StressScenario("income -30% from month 2", 2, 12, 0.7, Money.ZERO),
        new StressScenario("no income for 2 months from month 2", 2, 2, 0.0, Money.ZERO));
  }

  double incomeFactorIn(int month) {
    // month - fromMonth rather than fromMonth + months, which overflowed for months = Integer.MAX_VALUE ("to the end")
    return month >= fromMonth && month - fromMonth < months ? incomeFactor : 1.0;
  }

  long extraExpenseIn(int month) {
    return month == fromMonth ? extraExpense.fen() : 0;
  }
}
