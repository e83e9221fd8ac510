package io.github.fenqi.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fenqi.core.borrower.Borrower;
import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.debt.DebtComponent;
import io.github.fenqi.core.debt.ProductType;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.money.Rate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * Amounts built in code ({@code Money.ofFen}) are held to the bound of amounts read from text, 10^15 yuan: a debt with
 * two components of {@code Money.ofFen(Long.MAX_VALUE)} was accepted and then overflowed {@code totalOwed()} with a bare
 * ArithmeticException inside the engine, and so did a borrower's essential expenses in the affordability model.
 */
class AmountsBuiltInCodeTest {
  private static final long LARGEST = Money.LARGEST_INPUT.fen();

  private static Debt debt(Map<DebtComponent, Money> amounts) {
    return new Debt("d1", "p1", ProductType.CREDIT_CARD, amounts.get(DebtComponent.PRINCIPAL),
        amounts.get(DebtComponent.INTEREST), amounts.get(DebtComponent.PENALTY_INTEREST),
        amounts.get(DebtComponent.COMPOUND_INTEREST), amounts.get(DebtComponent.LATE_FEES),
        amounts.get(DebtComponent.OTHER_FEES), Rate.of("0.18"), 30);
  }

  private static Map<DebtComponent, Money> every(Money amount) {
    Map<DebtComponent, Money> amounts = new EnumMap<>(DebtComponent.class);
    for (DebtComponent c : DebtComponent.values()) {
      amounts.put(c, amount);
    }
    return amounts;
  }

  @Property(tries = 200)
  void aDebtComponentBeyondTheBoundIsNamedAndWithinItTheTotalIsExact(
      @ForAll @LongRange(min = 1, max = Long.MAX_VALUE - 100_000_000_000_000_000L) long beyond,
      @ForAll @LongRange(min = 0, max = 100_000_000_000_000_000L) long within) {
    for (DebtComponent c : DebtComponent.values()) {
      Map<DebtComponent, Money> amounts = every(Money.ofFen(within));
      amounts.put(c, Money.ofFen(LARGEST + beyond));
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> debt(amounts));
      assertEquals(List.of(c.jsonName()), e.problems().stream().map(Problem::location).toList(), e.getMessage());
      assertEquals("'" + Money.ofFen(LARGEST + beyond) + "' is out of range; amounts are limited to ±10^15 yuan",
          e.problems().get(0).reason());
    }
    assertEquals(Money.ofFen(6 * within), debt(every(Money.ofFen(within))).totalOwed());
  }

  @Property(tries = 200)
  void aBorrowersAmountBeyondTheBoundIsNamed(
      @ForAll @LongRange(min = 1, max = Long.MAX_VALUE - 100_000_000_000_000_000L) long beyond) {
    Money huge = Money.ofFen(LARGEST + beyond);
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> new Borrower("张三", null, null, "310000", 1, huge, huge, huge, List.of(), false));
    assertEquals(List.of("monthlyNetIncome", "essentialExpenses", "liquidSavings"),
        e.problems().stream().map(Problem::location).toList(), e.getMessage());
    Money largest = Money.LARGEST_INPUT;
    assertEquals(largest, new Borrower("张三", null, null, "310000", 1, largest, largest, largest, List.of(), false)
        .liquidSavings());
  }
}
