package io.github.fenqi.core.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.fenqi.core.money.Money;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * A default is the plan's own when the path without its events would miss a payment too, by as little as one fen. Every
 * existing case missed by yuan, so a replay that started a fen richer than the path (the calm path's shortfall of 1 fen
 * taken as paid) named the shock the driver and passed them all (mutation round 87, M41).
 */
class StressOwnDriverFenTest {
  /** A shock of exactly 100.00 yuan every month, no other event, no income noise. */
  private static final StressConfig SHOCKS = StressConfig.builder().paths(100).jobLoss(0, 3, 0).incomeDrop(0, 0.3, 4)
      .shockExpense(1.0, Money.ofYuan(100), 0).scenarios(List.of()).build();

  private static final FinancialProfile NO_SAVINGS = new FinancialProfile(Money.ofYuan(9_500), OptionalDouble.of(0),
      Money.ofYuan(3_800), Money.ZERO);

  private static StressResult firstMonth(long dueFen) {
    return StressTester.monteCarlo(SHOCKS).test(NO_SAVINGS,
        PlanCashflow.ofMonthlyTotals(List.of(Money.ofFen(dueFen)), Money.ZERO));
  }

  @Test
  void aPlanAFenTooHeavyOnItsOwnIsItsOwnDriver() {
    StressResult r = firstMonth(570_001); // 5 700.01 where 5 700.00 is left after essentials
    assertEquals(1.0, r.defaultProbability(), r.toString());
    assertEquals(Money.ofFen(10_001), r.worstShortfall95(), r.toString());
    assertEquals(Optional.of(StressDriver.PLAN_TOO_HEAVY), r.dominantDriver(), r.toString());
    assertEquals(1.0, r.defaultsByDriver().get(StressDriver.PLAN_TOO_HEAVY), r.toString());
  }

  @Test
  void aPlanThatFitsToTheFenIsFailedByTheShock() {
    StressResult r = firstMonth(570_000);
    assertEquals(1.0, r.defaultProbability(), r.toString());
    assertEquals(Money.ofYuan(100), r.worstShortfall95(), r.toString());
    assertEquals(Optional.of(StressDriver.SHOCK_EXPENSE), r.dominantDriver(), r.toString());
    assertEquals(1.0, r.defaultsByDriver().get(StressDriver.SHOCK_EXPENSE), r.toString());
  }

  /**
   * The replay without events takes a steady income whole as generation does, beyond a double's fen too: an income of
   * 2^53 + 1 fen that the plan takes to the fen is paid without the shock, so the shock is the driver. A replay that
   * took it through a double (2^53 fen) was a fen short and put the default on the plan (mutation round 100, M40).
   */
  @Test
  void theReplayTakesASteadyIncomeBeyondADoublesFenWhole() {
    Money income = Money.ofFen((1L << 53) + 1);
    StressResult r = StressTester.monteCarlo(SHOCKS).test(new FinancialProfile(income, OptionalDouble.of(0),
        Money.ZERO, Money.ZERO), PlanCashflow.ofMonthlyTotals(List.of(income), Money.ZERO));
    assertEquals(1.0, r.defaultProbability(), r.toString());
    assertEquals(Money.ofYuan(100), r.worstShortfall95(), r.toString());
    assertEquals(Optional.of(StressDriver.SHOCK_EXPENSE), r.dominantDriver(), r.toString());
  }
}
