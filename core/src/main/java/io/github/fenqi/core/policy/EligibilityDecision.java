package io.github.fenqi.core.policy;

import java.util.List;

/**
 * Whether one debt may be negotiated under its lender's policy, with every condition checked and any
 * tightening of the policy a rule recorded.
 *
 * <p>Thread-safety: immutable.
 *
 * @param debtId the debt
 * @param platformId its lender
 * @param policyVersion the policy version applied
 * @param eligible true when every condition passed
 * @param checks every condition, passed or failed, in evaluation order
 * @param adjustment tightenings to apply when building the debt's options
 */
public record EligibilityDecision(String debtId, String platformId, String policyVersion, boolean eligible,
    List<EligibilityCheck> checks, PolicyAdjustment adjustment) {

  public EligibilityDecision {
    checks = List.copyOf(checks);
  }

  /** The failed conditions' messages: why the debt is not eligible. */
  public List<String> reasons() {
    return checks.stream().filter(c -> !c.passed()).map(EligibilityCheck::message).toList();
  }
}
