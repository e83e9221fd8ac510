package io.github.fenqi.core.policy;

import io.github.fenqi.core.borrower.Borrower;
import io.github.fenqi.core.debt.Debt;
import java.time.LocalDate;

/**
 * Decides whether a debt may be negotiated under a policy (SPI). The built-in {@link #declarative()}
 * evaluates the policy's eligibility block; {@code fenqi-rules-easy} adds operator-written rules.
 *
 * <p>Implementations must be thread-safe and must explain every decision with its checks.
 */
@FunctionalInterface
public interface EligibilityEvaluator {

  /** Evaluates one debt of {@code borrower} under {@code policy} as of {@code asOf}. */
  EligibilityDecision evaluate(Debt debt, Borrower borrower, Policy policy, LocalDate asOf);

  /** The built-in evaluator of the policy's own eligibility block. */
  static EligibilityEvaluator declarative() {
    return DeclarativeEligibilityEvaluator.INSTANCE;
  }
}
