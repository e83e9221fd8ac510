package io.github.fenqi.core.affordability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.fenqi.core.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The target is met exactly when the default rate is at most the target written as a percentage (a third of the tries
 * at the target itself, where 0.29 × 100 in doubles had fallen short of 29).
 */
class AffordabilityCalibrationProperties {
  private static final AffordabilityCalibration ONE_PAIR = new AffordabilityCalibration(List.of(new BigDecimal("0.5")),
      List.of(BigDecimal.ONE), new BigDecimal("0.5"));

  @Property(tries = 300)
  void aTargetIsMetExactlyWhenTheRateIsAtMostIt(@ForAll @IntRange(min = 1, max = 4) int hundreds,
      @ForAll @IntRange(min = 0, max = 99) int targetPercent, @ForAll @IntRange(min = -1, max = 1) int offset) {
    int percentDefaulted = Math.max(0, Math.min(99, targetPercent + offset)); // at, just under or just over the target
    int plans = 100 * hundreds;
    List<RepaymentOutcome> history = new ArrayList<>(plans);
    for (int i = 0; i < plans; i++) {
      history.add(new RepaymentOutcome(Money.ofYuan(10_000), Money.ofYuan(1_000), Money.ofYuan(100),
          i < percentDefaulted * hundreds));
    }
    double target = Double.parseDouble("0." + (targetPercent < 10 ? "0" : "") + targetPercent);
    assertEquals(percentDefaulted <= targetPercent, ONE_PAIR.calibrate(history, target, 1).targetMet(),
        percentDefaulted + " % defaulted, target " + target);
  }
}
