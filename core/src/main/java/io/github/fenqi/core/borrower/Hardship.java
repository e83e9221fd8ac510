package io.github.fenqi.core.borrower;

/**
 * A reason the borrower fell behind, as declared; scripts describe it and proof may be required.
 *
 * <p>Thread-safety: immutable (an enum).
 */
public enum Hardship {
  /** 失业: lost their job. */
  JOB_LOSS,
  /** 工作变动: changed job, lower or interrupted income. */
  JOB_CHANGE,
  /** 收入下降: income fell. */
  INCOME_DROP,
  /** 疾病: illness or medical expense, their own or family's. */
  MEDICAL,
  /** 经营困难: their business failed or struggles. */
  BUSINESS_FAILURE,
  /** 家庭变故: a family emergency. */
  FAMILY_EMERGENCY,
  /** 自然灾害 / 意外: disaster or accident. */
  DISASTER,
  /** Anything else (described in free text). */
  OTHER
}
