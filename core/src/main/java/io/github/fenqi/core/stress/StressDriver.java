package io.github.fenqi.core.stress;

/**
 * What caused a simulated re-default.
 *
 * <p>Thread-safety: immutable (an enum).
 */
public enum StressDriver {
  JOB_LOSS,
  INCOME_DROP,
  SHOCK_EXPENSE,
  /**
   * The plan itself: income minus essentials does not cover the installments (plus income noise), so the path would
   * re-default within the horizon without any of its events, whichever it met.
   */
  PLAN_TOO_HEAVY
}
