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
 * @param alpha the one-sided significance level of each test, in (0, 0.5)
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

  /** Recent 50, baseline up to 200 (at least 50), α = 0.0001, a drop of at least 10 percentage points. */
  public static MonitorConfig defaults() {
    return new MonitorConfig(50, 200, 50, 0.0001, 0.10);
  }
}
