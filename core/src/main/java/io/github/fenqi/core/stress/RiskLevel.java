package io.github.fenqi.core.stress;

/**
 * The traffic light of a stress test, from the default probability and the configured thresholds.
 *
 * <p>Thread-safety: immutable (an enum).
 */
public enum RiskLevel {
  /** Default probability at or below the green threshold (default 10 %). */
  GREEN,
  /** Between the thresholds. */
  YELLOW,
  /** Above the red threshold (default 30 %): do not negotiate this plan; seek restructuring or the legal route. */
  RED
}
