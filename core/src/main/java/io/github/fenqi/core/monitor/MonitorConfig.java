package io.github.fenqi.core.monitor;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * The windows and thresholds of an {@link OutcomeMonitor} (see the package documentation for the test).
 *
 * <p>Thread-safety: immutable.
 *
 * @param recentWindow how many latest outcomes form the recent sample (at least 10)
 * @param baselineWindow how many outcomes before them, at most, form the baseline (at least 10)
 * @param minBaseline how many baseline outcomes are needed before testing (10..baselineWindow)
 * @param alpha the one-sided significance level of each test, in (0, 0.5); an alert raised below it clears at
 *     {@link #clearLevel()}, which is always above it and at most 0.5, or when the recent rate is back at the baseline's
 * @param minDrop the smallest drop of the acceptance rate worth an alert, in [0, 1)
 */
public record MonitorConfig(int recentWindow, int baselineWindow, int minBaseline, double alpha, double minDrop) {

  public MonitorConfig {
    List<Problem> problems = new ArrayList<>();
    if (recentWindow < 10) {
      problems.add(Problem.of("recentWindow", "must be at least 10, found " + recentWindow));
    }
    if (baselineWindow < 10) {
      problems.add(Problem.of("baselineWindow", "must be at least 10, found " + baselineWindow));
    }
    if (minBaseline < 10 || minBaseline > baselineWindow) {
      problems.add(Problem.of("minBaseline", "must be between 10 and the baseline window (" + baselineWindow + "), found "
          + minBaseline));
    }
    if (!(alpha > 0 && alpha < 0.5)) {
      problems.add(Problem.of("alpha", "must be in (0, 0.5), found " + alpha));
    }
    if (!(minDrop >= 0 && minDrop < 1)) {
      problems.add(Problem.of("minDrop", "must be in [0, 1), found " + minDrop));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  /** The p-value at or above which an active alert clears, unless {@link #alpha()} asks for a higher one. */
  public static final double MIN_CLEAR_LEVEL = 0.05;

  /**
   * The highest clear level: a p-value of 0.5 is a recent rate equal to the baseline's, no drop at all. Twice an
   * {@code alpha} above 0.25 asked for more — at 0.45 the recent rate had to rise significantly above the baseline
   * (p ≥ 0.9) before an alert ended, so a platform back at its old rate, or a stable one, was shown alerting half the
   * time.
   */
  public static final double MAX_CLEAR_LEVEL = 0.5;

  /**
   * The p-value at or above which an active alert clears: {@code max(0.05, min(2·alpha, 0.5))}, always above
   * {@code alpha}, which is below 0.5. It must lie above {@code alpha}, or nothing separates raising from clearing: a
   * fixed 0.05 at {@code alpha} 0.2 cleared an alert whenever its p-value passed 0.05 and raised a new one when it fell
   * back below 0.2, so a stable platform whose p-value hovered there was paged again on every crossing. Twice
   * {@code alpha} keeps the band as wide, relative to {@code alpha}, as at 0.025, and leaves the defaults' 0.05 as it
   * was; it stops at {@link #MAX_CLEAR_LEVEL}, where the drop is gone. An alert also clears whenever the recent rate is
   * not below the baseline's, even when the samples are too small to test.
   */
  public double clearLevel() {
    return Math.max(MIN_CLEAR_LEVEL, Math.min(2 * alpha, MAX_CLEAR_LEVEL));
  }

  /** Recent 50, baseline up to 200 (at least 50), α = 0.0001, a drop of at least 10 percentage points. */
  public static MonitorConfig defaults() {
    return new MonitorConfig(50, 200, 50, 0.0001, 0.10);
  }
}
