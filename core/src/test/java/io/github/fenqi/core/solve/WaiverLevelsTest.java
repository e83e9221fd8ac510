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
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The waiver levels of a grid are 0, step, 2·step, … of the most that may be waived, and the full amount last even
 * when the step does not divide it (GridConfig's "the last partial step"). The grid test compares the grid with a
 * reference that reads the same fractions, so a lost last level or a lost level before it passed there.
 */
class WaiverLevelsTest {

  private static List<Long> levels(double step) {
    Debt debt = new Debt("d", "p", ProductType.CREDIT_CARD, Money.ofFen(100_000), Money.ZERO, Money.ofFen(10_000),
        Money.ZERO, Money.ZERO, Money.ZERO, Rate.of("0.18"), 200);
    DebtTerms terms = new DebtTerms(debt, "v1", List.of(6), RepaymentMethod.INTEREST_FREE, Rate.ZERO, Rate.ZERO,
        Map.of(DebtComponent.PENALTY_INTEREST, Ratio.ONE), Ratio.ZERO, false);
    OptionGrid grid = OptionGrid.of(terms, GridConfig.DEFAULTS.withWaiverStep(step), AcceptanceModel.defaults());
    TreeSet<Long> waived = new TreeSet<>();
    for (int i = 0; i < grid.size(); i++) {
      waived.add(grid.waivedFen(i));
    }
    return List.copyOf(waived);
  }

  @Test
  void aStepThatDoesNotDivideTheCapEndsWithTheFullAmount() {
    assertEquals(List.of(0L, 3_400L, 6_800L, 10_000L), levels(0.34));
    assertEquals(List.of(0L, 4_000L, 8_000L, 10_000L), levels(0.4));
  }

  /**
   * A level is k · step of the cap in decimal: in doubles 3 · 0.3 is 0.8999999999999999 and 3 · 0.15 is
   * 0.44999999999999996, and the 90 % and 45 % levels of 10 000 fen had been drawn a fen short, 8 999 and 4 499.
   */
  @Test
  void aLevelIsTheStepTimesItsIndexInDecimal() {
    assertEquals(List.of(0L, 3_000L, 6_000L, 9_000L, 10_000L), levels(0.3));
    assertEquals(List.of(0L, 1_500L, 3_000L, 4_500L, 6_000L, 7_500L, 9_000L, 10_000L), levels(0.15));
    assertEquals(List.of(0L, 700L, 1_400L, 2_100L, 2_800L, 3_500L, 4_200L, 4_900L, 5_600L, 6_300L, 7_000L, 7_700L,
        8_400L, 9_100L, 9_800L, 10_000L), levels(0.07));
  }

  @Test
  void aStepThatDividesTheCapReachesItExactlyOnce() {
    assertEquals(List.of(0L, 2_500L, 5_000L, 7_500L, 10_000L), levels(0.25));
    assertEquals(List.of(0L, 10_000L), levels(1));
  }
}
