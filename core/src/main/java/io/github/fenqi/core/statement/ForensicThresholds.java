package io.github.fenqi.core.statement;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * When a signal is raised and when the verdict becomes BLOCK.
 *
 * <p>The defaults: a bank export never breaks its own running balance, so two breaks are tampering (BLOCK) and
 * one is REVIEW (a row may be missing from a partial export). Benford's law only holds for amounts spread over
 * orders of magnitude and needs a large sample: below 300 amounts the test is skipped (on the ~100-row sample
 * statements, genuine spending already deviates at p &lt; 0.001), and its critical value is χ² (8 d.f.) at p = 0.001.
 * A spike is the last month's income above 1.5 × the median of the months before (at least three of them); none
 * when that median is nothing, as for a first job.
 * Round amounts: at least three credits of 1 000 yuan or more, and more than half of them multiples of 1 000.
 *
 * <p>Thread-safety: immutable.
 *
 * @param balanceBreaksToBlock breaks that make the verdict BLOCK (≥ 1)
 * @param benfordMinSample fewest amounts for the Benford test
 * @param benfordChiSquare critical χ² value with 8 degrees of freedom
 * @param spikeRatio last month's income over the earlier median that counts as a spike (> 1)
 * @param roundShare share of large credits that may be round before it is a signal
 * @param roundMinCount fewest large credits for the round-amount test
 */
public record ForensicThresholds(int balanceBreaksToBlock, int benfordMinSample, double benfordChiSquare, double spikeRatio,
    double roundShare, int roundMinCount) {

  /** The defaults described above. */
  public static final ForensicThresholds DEFAULTS = new ForensicThresholds(2, 300, 26.12, 1.5, 0.5, 3);

  public ForensicThresholds {
    List<Problem> p = new ArrayList<>();
    if (balanceBreaksToBlock < 1) {
      p.add(Problem.of("balanceBreaksToBlock", balanceBreaksToBlock + " must be at least 1"));
    }
    if (benfordMinSample < 50) {
      p.add(Problem.of("benfordMinSample", benfordMinSample + " is too small for a first-digit test (≥ 50)"));
    }
    if (!(benfordChiSquare > 0)) {
      p.add(Problem.of("benfordChiSquare", benfordChiSquare + " must be positive"));
    }
    if (!(spikeRatio > 1)) {
      p.add(Problem.of("spikeRatio", spikeRatio + " must be above 1"));
    }
    if (!(roundShare > 0 && roundShare < 1)) {
      p.add(Problem.of("roundShare", roundShare + " is outside (0, 1)"));
    }
    if (roundMinCount < 1) {
      p.add(Problem.of("roundMinCount", roundMinCount + " must be at least 1"));
    }
    if (!p.isEmpty()) {
      throw new InvalidInputException(p);
    }
  }
}
