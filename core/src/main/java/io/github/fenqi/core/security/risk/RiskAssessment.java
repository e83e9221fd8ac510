package io.github.fenqi.core.security.risk;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.RequiredParts;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A risk service's answer, or the {@link FailureMode}'s stand-in when the service failed.
 *
 * <p>Thread-safety: immutable.
 *
 * @param service the {@link RiskCheck#name()} that produced it
 * @param decision allow, review or deny
 * @param score the service's score when it gave one (its own scale), else null
 * @param reason the service's reason, or what went wrong
 * @param degraded true when the service failed and the decision comes from the failure mode
 */
public record RiskAssessment(String service, RiskDecision decision, @Nullable Double score, String reason,
    boolean degraded) implements java.io.Serializable {
  /**
   * The parts present, and a score a number: a score of NaN or Infinity from a custom check had been taken, written to
   * the audit log as {@code score=NaN} and shown as the service's score.
   */
  public RiskAssessment {
    List<Problem> problems = new ArrayList<>(RequiredParts.problems(new String[] {"service", "decision", "reason"},
        service, decision, reason));
    if (score != null && !Double.isFinite(score)) {
      problems.add(Problem.of("score", score + " is not a finite number"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }
}
