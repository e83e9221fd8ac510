package io.github.fenqi.core.monitor;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.TextFields;
import io.github.fenqi.core.json.SdkOutput;
import io.github.fenqi.core.security.Masking;
import io.github.fenqi.core.solve.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * Where one platform and strategy stand: the two samples, the latest test and whether an alert is active.
 *
 * <p>Thread-safety: immutable.
 *
 * @param pValue the one-sided p-value of the latest test; empty when the samples were too small to test
 */
@SdkOutput
public record AcceptanceStatus(String platformId, Strategy strategy, int baselineAccepted, int baselineTotal,
    int recentAccepted, int recentTotal, OptionalDouble pValue, boolean alerting) {

  /**
   * Every problem at once, each field named: a status built in code or read back from JSON had been taken as it was —
   * 9 acceptances in 3 outcomes, an acceptance rate of 3.0; a p-value of 7; a platform id with a line break. A missing
   * p-value means none (JSON omits an empty one); one of -0.0 is 0. A status alerting with no outcomes, or a recent
   * rate not below the baseline's, is refused as well: the monitor ends an alert as soon as the recent rate is back.
   */
  public AcceptanceStatus {
    List<Problem> problems = new ArrayList<>();
    identity(platformId, strategy, problems);
    count("baselineAccepted", baselineAccepted, "baselineTotal", baselineTotal, problems);
    count("recentAccepted", recentAccepted, "recentTotal", recentTotal, problems);
    if (alerting && problems.isEmpty()) {
      alertingProblem(baselineAccepted, baselineTotal, recentAccepted, recentTotal).ifPresent(problems::add);
    }
    // -0.0 is 0: it had been kept and shown as "-0.0"
    pValue = pValue == null || pValue.isEmpty() ? OptionalDouble.empty()
        : OptionalDouble.of(pValue.getAsDouble() + 0.0);
    if (pValue.isPresent()) {
      share("pValue", pValue.getAsDouble(), problems);
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  /**
   * Why a status with these counts cannot be alerting, if it cannot: an alert needs a recent rate below the baseline's
   * (the monitor ends one as soon as the recent rate is back), so outcomes in both windows.
   */
  private static Optional<Problem> alertingProblem(int baselineAccepted, int baselineTotal, int recentAccepted,
      int recentTotal) {
    String needs = "; an alert needs a recent rate below the baseline's";
    if (baselineTotal == 0 || recentTotal == 0) {
      return Optional.of(Problem.of("alerting", "is true though there are no "
          + (baselineTotal == 0 && recentTotal == 0 ? "baseline and no recent" : baselineTotal == 0 ? "baseline"
          : "recent") + " outcomes" + needs));
    }
    if ((long) recentAccepted * baselineTotal >= (long) baselineAccepted * recentTotal) {
      return Optional.of(Problem.of("alerting", "is true though the recent rate (" + recentAccepted + " of "
          + recentTotal + ") is not below the baseline's (" + baselineAccepted + " of " + baselineTotal + ")"));
    }
    return Optional.empty();
  }

  /** Adds the problems of a platform id that is not one line of visible text, and of a missing strategy. */
  static void identity(@Nullable String platformId, @Nullable Strategy strategy, List<Problem> problems) {
    TextFields.check("platformId", platformId, TextFields.MAX_ID_LENGTH).ifPresent(problems::add);
    if (strategy == null) {
      problems.add(Problem.of("strategy", "is required"));
    }
  }

  /** Adds the problem of a share (a rate, a p-value) outside 0..1, NaN included. */
  static void share(String field, double value, List<Problem> problems) {
    if (!(value >= 0 && value <= 1)) {
      problems.add(Problem.of(field, value + " is not within 0..1"));
    }
  }

  private static void count(String field, int accepted, String totalField, int total, List<Problem> problems) {
    if (total < 0) {
      problems.add(Problem.of(totalField, total + " is negative"));
    } else if (accepted < 0 || accepted > total) {
      problems.add(Problem.of(field, accepted + " is not within 0.." + totalField + " " + total));
    }
  }

  /**
   * Acceptances over all outcomes seen in both windows; 0 when there are none. The counts are added as longs: two
   * windows of up to Integer.MAX_VALUE outcomes each had wrapped an int sum and given a negative rate.
   */
  public double acceptanceRate() {
    long total = (long) baselineTotal + recentTotal;
    return total == 0 ? 0 : (double) ((long) baselineAccepted + recentAccepted) / total;
  }

  /** The recent window's acceptance rate; 0 when empty. */
  public double recentRate() {
    return recentTotal == 0 ? 0 : (double) recentAccepted / recentTotal;
  }

  /** The baseline's acceptance rate; 0 when empty. */
  public double baselineRate() {
    return baselineTotal == 0 ? 0 : (double) baselineAccepted / baselineTotal;
  }

  /**
   * The record's fields, the platform id with any identifier in it masked as {@link AcceptanceDropAlert#message}
   * masks it: a status is logged or printed whole, and a borrower's mobile or ID number typed as the platform id had
   * been shown in clear; {@link #platformId()} stays as recorded.
   */
  @Override
  public String toString() {
    return "AcceptanceStatus[platformId=" + Masking.defaults().redact(platformId) + ", strategy=" + strategy
        + ", baselineAccepted=" + baselineAccepted + ", baselineTotal=" + baselineTotal + ", recentAccepted="
        + recentAccepted + ", recentTotal=" + recentTotal + ", pValue=" + pValue + ", alerting=" + alerting + "]";
  }
}
