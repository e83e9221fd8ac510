package io.github.fenqi.core.policy;

import io.github.fenqi.core.RequiredParts;
/**
 * One condition an evaluator checked, passed or not, with the values it compared — so a decision explains
 * itself ("overdueDays 45 &lt; minOverdueDays 91").
 *
 * <p>Thread-safety: immutable.
 *
 * @param code stable identifier of the condition, e.g. {@code MIN_OVERDUE_DAYS} or a rule's name
 * @param passed whether the condition holds
 * @param actual the value the debt or borrower has
 * @param required what the policy or rule requires
 * @param message one sentence for people
 */
public record EligibilityCheck(String code, boolean passed, String actual, String required, String message) {
  public EligibilityCheck {
    RequiredParts.check(new String[] {"code", "actual", "required", "message"}, code, actual, required, message);
  }
}
