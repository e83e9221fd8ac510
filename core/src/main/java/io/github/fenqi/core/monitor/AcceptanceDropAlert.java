package io.github.fenqi.core.monitor;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.security.Masking;
import io.github.fenqi.core.solve.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Raised when a platform's recent acceptance rate for a strategy is significantly below its baseline.
 *
 * <p>Thread-safety: immutable.
 *
 * @param z the test statistic; {@code pValue} its one-sided p-value
 */
public record AcceptanceDropAlert(String platformId, Strategy strategy, double baselineRate, int baselineTotal,
    double recentRate, int recentTotal, double z, double pValue) {

  /**
   * Every problem at once, each field named: an alert built in code or read back from JSON had been taken as it was —
   * "dropped" from 40 % to 90 %, from a baseline of no outcomes, with a p-value of 7 or a z of NaN, or a platform id
   * with a line break, which forged a second line in this one-line message; a z of −3 with a p-value of 0.9, a rise by
   * its own figures (the monitor raises an alert only at a p-value below an alpha under 0.5, so of a positive z).
   */
  public AcceptanceDropAlert {
    baselineRate += 0.0; // -0.0 is 0: it had been kept, and shown in the message as "-0.0%"
    recentRate += 0.0;
    pValue += 0.0;
    List<Problem> problems = new ArrayList<>();
    AcceptanceStatus.identity(platformId, strategy, problems);
    AcceptanceStatus.share("baselineRate", baselineRate, problems);
    if (baselineTotal < 1) {
      problems.add(Problem.of("baselineTotal", baselineTotal + " is not at least 1"));
    }
    AcceptanceStatus.share("recentRate", recentRate, problems);
    if (recentTotal < 1) {
      problems.add(Problem.of("recentTotal", recentTotal + " is not at least 1"));
    }
    boolean shares = baselineRate >= 0 && baselineRate <= 1 && recentRate >= 0 && recentRate <= 1;
    if (shares && !(recentRate < baselineRate)) {
      problems.add(Problem.of("recentRate", recentRate + " is not below baselineRate " + baselineRate
          + ": an alert is a drop"));
    }
    if (!Double.isFinite(z)) {
      problems.add(Problem.of("z", z + " is not a finite number"));
    } else if (!(z > 0)) {
      problems.add(Problem.of("z", z + " is not above 0: an alert's statistic is positive, the baseline rate being "
          + "above the recent one"));
    }
    if (pValue >= 0.5 && pValue <= 1) {
      problems.add(Problem.of("pValue", pValue + " is not below 0.5: an alert is significant at some alpha below 0.5"));
    } else {
      AcceptanceStatus.share("pValue", pValue, problems);
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  /**
   * One line for a log or a pager, naming the platform and the likely cause. The platform id is shown with any
   * identifier in it masked, as a policy lookup quotes one ({@link Masking#redact}): a borrower's mobile or ID number
   * typed into the platform field had been printed in clear to the service's log; {@link #platformId()} stays as
   * recorded.
   */
  public String message() {
    return String.format(Locale.ROOT,
        "acceptance of %s proposals by platform %s dropped from %.1f%% (n=%d) to %.1f%% (last %d), z=%.2f, p=%.2g: "
            + "the platform's policy may have changed; review its policy file",
        strategy, Masking.defaults().redact(platformId), baselineRate * 100, baselineTotal, recentRate * 100,
        recentTotal, z, pValue);
  }

  /**
   * The record's fields, the platform id masked as in {@link #message}: the alert is handed to listeners that log it
   * whole, and the id had been printed in clear there; {@link #platformId()} stays as recorded.
   */
  @Override
  public String toString() {
    return "AcceptanceDropAlert[platformId=" + Masking.defaults().redact(platformId) + ", strategy=" + strategy
        + ", baselineRate=" + baselineRate + ", baselineTotal=" + baselineTotal + ", recentRate=" + recentRate
        + ", recentTotal=" + recentTotal + ", z=" + z + ", pValue=" + pValue + "]";
  }
}
