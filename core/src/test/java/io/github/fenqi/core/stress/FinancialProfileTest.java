package io.github.fenqi.core.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.money.Money;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** A {@link FinancialProfile}'s amounts are not negative, each refused naming its field, a missing one like it. */
class FinancialProfileTest {

  /**
   * Negative essentials would count as income every month of every path (a plan's negative installment had come out
   * GREEN so), and they are refused like a negative income or savings, all three at once.
   */
  @Test
  void eachNegativeOrMissingAmountIsRefusedNamingIt() {
    InvalidInputException negative = assertThrows(InvalidInputException.class, () -> new FinancialProfile(
        Money.ofYuan(-1), OptionalDouble.empty(), Money.ofYuan(-3_800), Money.ofYuan(-2)));
    assertEquals("[monthlyIncome: '-1.00' is negative, essentialExpenses: '-3800.00' is negative, "
        + "liquidSavings: '-2.00' is negative]", negative.problems().stream().map(Problem::toString).toList().toString());
    InvalidInputException missing = assertThrows(InvalidInputException.class, () -> new FinancialProfile(
        Money.ofYuan(9_500), OptionalDouble.empty(), null, Money.ZERO));
    assertEquals("essentialExpenses: is missing", missing.problems().get(0).toString());
  }

  /**
   * A measured income volatility is a coefficient of variation from 0 to 3, both ends accepted as the stress test runs
   * on them (3: an income that swings wildly from month to month); just beyond either end, or NaN, it is refused naming
   * incomeVolatility and its range.
   */
  @Test
  void theIncomeVolatilityIsZeroToThreeEndsIncluded() {
    for (double v : new double[] {0, 3}) {
      assertEquals(OptionalDouble.of(v), new FinancialProfile(Money.ofYuan(9_500), OptionalDouble.of(v), Money.ZERO,
          Money.ZERO).incomeVolatility());
    }
    for (double v : new double[] {Math.nextDown(0.0), Math.nextUp(3.0), Double.NaN}) {
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> new FinancialProfile(Money.ofYuan(9_500),
          OptionalDouble.of(v), Money.ZERO, Money.ZERO));
      assertEquals("incomeVolatility: " + v + " is outside 0..3", e.problems().get(0).toString(), e.getMessage());
    }
  }
}
