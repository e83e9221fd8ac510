package io.github.fenqi.core.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.debt.ProductType;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.money.Rate;
import io.github.fenqi.core.money.Ratio;
import io.github.fenqi.core.schedule.RepaymentMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The grids of one problem share an amortizer per pricing — method, annual rate <em>and</em> monthly fee — and only
 * per pricing: debts that differ in any one of the three are each drawn with their own, exactly as alone. The grid
 * property draws debts that share all three, so an amortizer shared on fewer of them had passed.
 */
class SharedAmortizersTest {

  private static DebtTerms terms(String id, RepaymentMethod method, String rate, String fee) {
    Debt debt = new Debt(id, "p", ProductType.CREDIT_CARD, Money.ofFen(1_234_567), Money.ofFen(54_321), Money.ZERO,
        Money.ZERO, Money.ZERO, Money.ZERO, Rate.of("0.18"), 90);
    return new DebtTerms(debt, "v1", List.of(3, 12, 24), method, Rate.of(rate), Rate.of(fee), Map.of(),
        Ratio.of("0.1"), false);
  }

  @Test
  void debtsDifferingInOnePartOfTheirPricingAreEachDrawnAsAlone() {
    List<DebtTerms> debts = new ArrayList<>();
    debts.add(terms("a", RepaymentMethod.FEE_INSTALLMENT, "0.12", "0.003"));
    debts.add(terms("b", RepaymentMethod.FEE_INSTALLMENT, "0.12", "0.006")); // another fee
    debts.add(terms("c", RepaymentMethod.FEE_INSTALLMENT, "0.18", "0.003")); // another rate
    debts.add(terms("d", RepaymentMethod.EQUAL_PRINCIPAL, "0.12", "0.003")); // another method
    GridConfig config = GridConfig.DEFAULTS;
    List<OptionGrid> together = OptionGrid.of(debts, config, AcceptanceModel.defaults());
    for (int d = 0; d < debts.size(); d++) {
      OptionGrid alone = OptionGrid.of(debts.get(d), config, AcceptanceModel.defaults());
      OptionGrid shared = together.get(d);
      assertEquals(alone.size(), shared.size());
      for (int i = 0; i < alone.size(); i++) {
        String at = debts.get(d).debt().id() + " option " + i;
        assertEquals(alone.firstInstallmentFen(i), shared.firstInstallmentFen(i), at);
        assertEquals(alone.totalPayableFen(i), shared.totalPayableFen(i), at);
      }
    }
    // the fee alone prices b apart from a
    boolean differs = false;
    for (int i = 0; i < together.get(0).size(); i++) {
      differs |= together.get(0).totalPayableFen(i) != together.get(1).totalPayableFen(i);
    }
    assertTrue(differs, "b's fee changes nothing");
  }
}
