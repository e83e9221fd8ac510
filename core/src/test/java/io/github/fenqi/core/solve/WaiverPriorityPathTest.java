package io.github.fenqi.core.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.debt.DebtComponent;
import io.github.fenqi.core.debt.ProductType;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.money.Rate;
import io.github.fenqi.core.money.Ratio;
import io.github.fenqi.core.schedule.RepaymentMethod;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A waiver level is filled along {@code GridConfig.waiverPriority}, each component up to its own cap before the next.
 * The grid tests compare the amounts waived in all, which are the same in any order: a grid that filled the components
 * in their declaration order (principal first) had passed every one of them.
 */
class WaiverPriorityPathTest {

  /** Principal 100.00 (cap 50 %), interest 10.00 (cap 100 %), penalty interest 10.00 (cap 100 %): 70.00 waivable. */
  private static Map<Long, Map<DebtComponent, Money>> levels(List<DebtComponent> priority) {
    Debt debt = new Debt("d", "p", ProductType.CONSUMER_LOAN, Money.of("100.00"), Money.of("10.00"), Money.of("10.00"),
        Money.ZERO, Money.ZERO, Money.ZERO, Rate.of("0.18"), 120);
    DebtTerms terms = new DebtTerms(debt, "v1", List.of(6), RepaymentMethod.INTEREST_FREE, Rate.ZERO, Rate.ZERO,
        Map.of(DebtComponent.PRINCIPAL, Ratio.of("0.5"), DebtComponent.INTEREST, Ratio.ONE,
            DebtComponent.PENALTY_INTEREST, Ratio.ONE), Ratio.ZERO, false);
    GridConfig config = new GridConfig(0.25, priority, 1, 0.05, 0.3, 0.01, 1000);
    OptionGrid grid = OptionGrid.of(terms, config, AcceptanceModel.defaults());
    Map<Long, Map<DebtComponent, Money>> byTotal = new TreeMap<>();
    for (int i = 0; i < grid.size(); i++) {
      byTotal.put(grid.waivedFen(i), grid.option(i).waived());
    }
    return byTotal;
  }

  @Test
  void theDefaultPathWaivesPenaltyInterestThenInterestThenPrincipal() {
    Map<Long, Map<DebtComponent, Money>> levels = levels(GridConfig.DEFAULTS.waiverPriority());
    // 0, 17.50, 35.00, 52.50, 70.00 of the 70.00 waivable
    assertEquals(Map.of(), levels.get(0L));
    assertEquals(Map.of(DebtComponent.PENALTY_INTEREST, Money.of("10.00"), DebtComponent.INTEREST, Money.of("7.50")),
        levels.get(1_750L));
    assertEquals(Map.of(DebtComponent.PENALTY_INTEREST, Money.of("10.00"), DebtComponent.INTEREST, Money.of("10.00"),
        DebtComponent.PRINCIPAL, Money.of("15.00")), levels.get(3_500L));
    assertEquals(Map.of(DebtComponent.PENALTY_INTEREST, Money.of("10.00"), DebtComponent.INTEREST, Money.of("10.00"),
        DebtComponent.PRINCIPAL, Money.of("50.00")), levels.get(7_000L));
    assertEquals(5, levels.size());
  }

  @Test
  void aConfiguredPathIsFollowed() {
    List<DebtComponent> principalFirst = List.of(DebtComponent.PRINCIPAL, DebtComponent.INTEREST,
        DebtComponent.PENALTY_INTEREST, DebtComponent.COMPOUND_INTEREST, DebtComponent.LATE_FEES,
        DebtComponent.OTHER_FEES);
    List<DebtComponent> interestFirst = List.of(DebtComponent.INTEREST, DebtComponent.PRINCIPAL,
        DebtComponent.PENALTY_INTEREST, DebtComponent.COMPOUND_INTEREST, DebtComponent.LATE_FEES,
        DebtComponent.OTHER_FEES);
    assertEquals(Map.of(DebtComponent.PRINCIPAL, Money.of("17.50")), levels(principalFirst).get(1_750L));
    assertEquals(Map.of(DebtComponent.PRINCIPAL, Money.of("50.00"), DebtComponent.INTEREST, Money.of("2.50")),
        levels(principalFirst).get(5_250L));
    assertEquals(Map.of(DebtComponent.INTEREST, Money.of("10.00"), DebtComponent.PRINCIPAL, Money.of("7.50")),
        levels(interestFirst).get(1_750L));
  }
}
