package io.github.fenqi.core.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * A rate or a ratio is equal to another of the same value whatever the scale it was written at (0.10 and 0.1), with the
 * same hash code, so one written either way finds the other in a set or a map (as {@code BigDecimal}'s own equals,
 * which a record would have used, does not); each keeps the scale it was written at in its text and JSON.
 */
class RateAndRatioEqualityProperties {

  @Property(tries = 300)
  void theSameValueAtAnotherScaleIsEqualWithTheSameHashAndKeepsItsText(
      @ForAll @LongRange(min = 0, max = 99_999) long unscaled, @ForAll @IntRange(min = 0, max = 6) int scale,
      @ForAll @IntRange(min = 1, max = 5) int zeros) {
    BigDecimal value = BigDecimal.valueOf(unscaled, scale + 5); // 0 .. 0.99999: within both 0..1 and 0..10
    String written = value.toPlainString();
    String padded = (written.contains(".") ? written : written + ".") + "0".repeat(zeros);
    Rate rate = Rate.of(written);
    Rate paddedRate = Rate.of(padded);
    assertEquals(rate, paddedRate);
    assertEquals(rate.hashCode(), paddedRate.hashCode());
    assertEquals(1, Set.of(rate).stream().filter(paddedRate::equals).count());
    assertEquals(padded, paddedRate.toString());
    Ratio ratio = Ratio.of(written);
    Ratio paddedRatio = Ratio.of(padded);
    assertEquals(ratio, paddedRatio);
    assertEquals(ratio.hashCode(), paddedRatio.hashCode());
    assertEquals(padded, paddedRatio.toString());
    // a different value is a different rate
    Rate next = Rate.of(value.add(BigDecimal.valueOf(1, 40)));
    assertNotEquals(rate, next);
    assertNotEquals(ratio, Ratio.of(value.add(BigDecimal.valueOf(1, 40))));
  }
}
