package io.github.fenqi.core.affordability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.borrower.Borrower;
import io.github.fenqi.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * The weighted model's documented invariants, for any coefficients the record admits, declared figures and statement
 * months alike: more income never lowers the budget, more spending or a larger household never raises it, and the
 * budget lies between 0 and the share of income (never more than half).
 */
class AffordabilityModelProperties {
  private static final LivingCostFloor FLOOR = LivingCostFloor.defaults();
  private static final long MOST = 100_000_000_000L; // a billion yuan, in fen

  private static AffordabilityModel model(int incomeHundredths, int essentialsHundredths, int shareHundredths) {
    return AffordabilityModel.weighted(new AffordabilityCoefficients(BigDecimal.valueOf(incomeHundredths, 2),
        BigDecimal.valueOf(essentialsHundredths, 2), BigDecimal.valueOf(shareHundredths, 2)), FLOOR);
  }

  private static Borrower declared(long income, long essentials, int household) {
    return new Borrower("王五", null, null, "440106", household, Money.ofFen(income), Money.ofFen(essentials), Money.ZERO,
        List.of(), false);
  }

  private static AffordabilityInput months(List<Long> incomes, List<Long> essentials) {
    List<MonthlyFigures> months = new ArrayList<>();
    for (int i = 0; i < incomes.size(); i++) {
      months.add(new MonthlyFigures(YearMonth.of(2026, 1).plusMonths(i), Money.ofFen(incomes.get(i)), Money.ZERO,
          Money.ofFen(essentials.get(i % essentials.size())), Money.ZERO));
    }
    Borrower b = new Borrower("王五", null, null, "310000", 1, null, null, Money.ZERO, List.of(), false);
    return new AffordabilityInput(b, months);
  }

  private static Money budget(AffordabilityModel m, AffordabilityInput in) {
    return m.assess(in).maxAffordableInstallment();
  }

  @Property(tries = 500)
  void moreDeclaredIncomeNeverLowersTheBudgetAndMoreEssentialsNeverRaiseIt(
      @ForAll @IntRange(min = 1, max = 100) int w1, @ForAll @IntRange(min = 100, max = 300) int w2,
      @ForAll @IntRange(min = 1, max = 50) int share, @ForAll @LongRange(min = 0, max = MOST) long income,
      @ForAll @LongRange(min = 0, max = MOST) long essentials, @ForAll @LongRange(min = 0, max = MOST) long more,
      @ForAll @IntRange(min = 1, max = Borrower.MAX_HOUSEHOLD_SIZE) int household) {
    AffordabilityModel m = model(w1, w2, share);
    Money base = budget(m, AffordabilityInput.declared(declared(income, essentials, household)));
    Money richer = budget(m, AffordabilityInput.declared(declared(income + more, essentials, household)));
    Money costlier = budget(m, AffordabilityInput.declared(declared(income, essentials + more, household)));
    assertFalse(richer.isLessThan(base), "income " + income + " + " + more + ": " + base + " → " + richer);
    assertFalse(costlier.isGreaterThan(base), "essentials " + essentials + " + " + more + ": " + base + " → " + costlier);
    if (household < Borrower.MAX_HOUSEHOLD_SIZE) {
      Money larger = budget(m, AffordabilityInput.declared(declared(income, essentials, household + 1)));
      assertFalse(larger.isGreaterThan(base), "household " + household + " + 1: " + base + " → " + larger);
    }
  }

  @Property(tries = 500)
  void moreIncomeOrSpendingInAnyStatementMonthMovesTheBudgetTheRightWay(
      @ForAll @Size(min = 1, max = 9) List<@LongRange(min = 0, max = MOST) Long> incomes,
      @ForAll @Size(min = 1, max = 9) List<@LongRange(min = 0, max = MOST) Long> essentials,
      @ForAll @IntRange(min = 0, max = 8) int month, @ForAll @LongRange(min = 0, max = MOST) long more) {
    AffordabilityModel m = AffordabilityModel.defaults();
    int at = month % incomes.size();
    Money base = budget(m, months(incomes, essentials));
    List<Long> richer = new ArrayList<>(incomes);
    richer.set(at, richer.get(at) + more);
    assertFalse(budget(m, months(richer, essentials)).isLessThan(base), "income of month " + at + " + " + more);
    List<Long> costlier = new ArrayList<>(essentials);
    costlier.set(month % costlier.size(), costlier.get(month % costlier.size()) + more);
    assertFalse(budget(m, months(incomes, costlier)).isGreaterThan(base), "essentials + " + more);
  }

  @Property(tries = 500)
  void theBudgetIsTheScoreCappedAtTheShareOfIncomeAndNeverNegative(
      @ForAll @IntRange(min = 1, max = 100) int w1, @ForAll @IntRange(min = 100, max = 300) int w2,
      @ForAll @IntRange(min = 1, max = 50) int share, @ForAll @LongRange(min = 0, max = 100_000_000_000_000_000L) long income,
      @ForAll @LongRange(min = 0, max = 100_000_000_000_000_000L) long essentials,
      @ForAll @IntRange(min = 1, max = Borrower.MAX_HOUSEHOLD_SIZE) int household) {
    AffordabilityAssessment a = model(w1, w2, share).assess(AffordabilityInput.declared(declared(income, essentials, household)));
    Money cap = Money.ofFen(income).multiply(BigDecimal.valueOf(share, 2), RoundingMode.DOWN);
    assertFalse(a.maxAffordableInstallment().isNegative());
    assertFalse(a.maxAffordableInstallment().isGreaterThan(cap), a.maxAffordableInstallment() + " above " + cap);
    assertTrue(a.maxAffordableInstallment().fen() <= income / 2, "never more than half of " + income);
    assertEquals(a.abilityScore().isPositive(), a.canSupportPlan());
    assertEquals(a.canSupportPlan() ? a.abilityScore().min(cap) : Money.ZERO, a.maxAffordableInstallment());
    assertFalse(a.essentialExpenses().isLessThan(a.livingCostFloor().floor()), "essentials below the floor");
    assertFalse(a.essentialExpenses().isLessThan(Money.ofFen(essentials)), "essentials below what was declared");
  }

  /**
   * What the budget leaves of the income covers the essentials, and so the regional floor, for any coefficients the
   * record admits (income weight at most 1, essentials weight at least 1): a plan of the whole budget never leaves the
   * borrower below the 低保 line the floor stands for.
   */
  @Property(tries = 500)
  void theIncomeLeftAfterTheBudgetCoversTheEssentialsAndTheFloor(
      @ForAll @IntRange(min = 1, max = 100) int w1, @ForAll @IntRange(min = 100, max = 300) int w2,
      @ForAll @IntRange(min = 1, max = 50) int share, @ForAll @LongRange(min = 0, max = MOST) long income,
      @ForAll @LongRange(min = 0, max = MOST) long essentials,
      @ForAll @IntRange(min = 1, max = Borrower.MAX_HOUSEHOLD_SIZE) int household) {
    AffordabilityAssessment a = model(w1, w2, share).assess(AffordabilityInput.declared(declared(income, essentials, household)));
    Money left = a.monthlyNetIncome().minus(a.maxAffordableInstallment());
    if (a.canSupportPlan()) {
      assertFalse(left.isLessThan(a.essentialExpenses()), left + " left, essentials " + a.essentialExpenses());
      assertFalse(left.isLessThan(a.livingCostFloor().floor()), left + " left, floor " + a.livingCostFloor().floor());
    }
  }
}
