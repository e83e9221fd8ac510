package io.github.fenqi.optaplanner;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Where the construction phase stops, as the README says: its iterated tabu search in deterministic mode after 300
 * kicks or 150 million options looked at, whichever comes first (no clock), with a time limit once half of it has
 * passed or once no kick has found a better plan for the unimproved time limit, counted from the last better kick; and
 * every step of it once the solver thread is interrupted, with or without a clock.
 */
class ConstructionBoundsTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void deterministicModeKicksThreeHundredTimesOrUntilAHundredAndFiftyMillionOptions() {
    LagrangianStart.Kicks counted = LagrangianStart.Kicks.counted();
    assertTrue(counted.goOn(299, 0, 0, 0), "the 300th kick");
    assertFalse(counted.goOn(300, 0, 0, 0), "a 301st kick");
    assertTrue(counted.goOn(0, 149_999_999, 0, 0), "below 150 million options");
    assertFalse(counted.goOn(0, 150_000_000, 0, 0), "at 150 million options");
  }

  @Test
  void timedKicksEndAtHalfTheLimit() {
    LagrangianStart.Kicks timed = LagrangianStart.Kicks.timed(20 * SECOND, Long.MAX_VALUE);
    long now = System.nanoTime();
    assertTrue(timed.goOn(0, 0, now - 5 * SECOND, now), "a quarter of the limit has passed");
    assertFalse(timed.goOn(0, 0, now - 15 * SECOND, now), "three quarters of the limit have passed");
  }

  @Test
  void theUnimprovedLimitCountsFromTheLastBetterKick() {
    LagrangianStart.Kicks timed = LagrangianStart.Kicks.timed(100 * SECOND, 5 * SECOND);
    long now = System.nanoTime();
    assertTrue(timed.goOn(0, 0, now - 20 * SECOND, now - SECOND), "a better plan a second ago, 20 s after the start");
    assertFalse(timed.goOn(0, 0, now - 20 * SECOND, now - 10 * SECOND), "none better for 10 s");
  }

  @Test
  void everyStepAndKickStopsOnceTheThreadIsInterruptedWithOrWithoutAClock() {
    LagrangianStart.Deadline hour = new LagrangianStart.Deadline(System.nanoTime(), 3600 * SECOND);
    assertFalse(LagrangianStart.Deadline.NONE.passed(), "no clock, not interrupted");
    assertFalse(hour.passed(), "an hour to go, not interrupted");
    Thread.currentThread().interrupt();
    try {
      assertTrue(LagrangianStart.Deadline.NONE.passed(), "deterministic mode, interrupted");
      assertTrue(hour.passed(), "an hour to go, interrupted");
      assertFalse(LagrangianStart.Kicks.counted().goOn(0, 0, 0, 0), "no kick once interrupted");
    } finally {
      Thread.interrupted();
    }
  }
}
