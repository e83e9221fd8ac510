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
  /** No shock: income minus essentials does not cover the installments (plus income noise). */
  PLAN_TOO_HEAVY
}
