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
}
