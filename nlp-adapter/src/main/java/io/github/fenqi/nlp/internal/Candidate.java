package io.github.fenqi.nlp.internal;

import io.github.fenqi.nlp.PolicyField;

/**
 * A value one rule read, with its span {@code [start, end)} in the normalised text, a confidence, whether it is
 * the field's value or only a bound on it, and the index of the sentence it was read in (-1 until
 * {@link PolicyRules#apply} numbers it).
 *
 * <p>Thread-safety: immutable.
 */
public record Candidate(PolicyField field, Object value, int start, int end, double confidence, Bound bound,
    int sentence) {

  /**
   * Whether a candidate states the field's value, or only the most or the least it can be.
   *
   * <p>Thread-safety: immutable (an enum).
   */
  public enum Bound {
    /** The value of the field. */
    VALUE,
    /** The most it can be ("每月手续费不超过0.6%", the 90 of "逾期30-90天"): not the value. */
    AT_MOST,
    /** The least it can be ("每月手续费不低于0.5%"): not the value. */
    AT_LEAST,
    /** Its value for the plan's first months or installments only ("前3个月免手续费"): not the value. */
    FIRST_MONTHS
  }

  /** A value of the field, not yet numbered with its sentence. */
  public Candidate(PolicyField field, Object value, int start, int end, double confidence) {
    this(field, value, start, end, confidence, Bound.VALUE, -1);
  }

  /** A bound on the field, not yet numbered with its sentence. */
  static Candidate bound(PolicyField field, Object value, int start, int end, double confidence, Bound bound) {
    return new Candidate(field, value, start, end, confidence, bound, -1);
  }

  Candidate inSentence(int index) {
    return new Candidate(field, value, start, end, confidence, bound, index);
  }
}
