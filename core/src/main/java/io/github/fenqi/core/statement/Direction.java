package io.github.fenqi.core.statement;

/**
 * Which way money moved as the statement states it.
 *
 * <p>Thread-safety: immutable.
 */
public enum Direction {
  /** Money in (收入). */
  CREDIT,
  /** Money out (支出). */
  DEBIT,
  /** Neither income nor spending by the export's own account (Alipay 不计收支, WeChat {@code /}): fund moves,
   *  refunds, credit-card repayments. Cleaning and categorising decide what it really is. */
  NEUTRAL
}
