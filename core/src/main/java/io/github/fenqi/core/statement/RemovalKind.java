package io.github.fenqi.core.statement;

/**
 * Why cleaning removed a row: it is not real income or spending.
 *
 * <p>Thread-safety: immutable.
 */
public enum RemovalKind {
  /** Never executed (交易关闭, 支付失败). */
  CLOSED,
  /**
   * A second copy of a row already kept (same serial, direction and amount, or an identical bank row), or a card's
   * row of a payment the wallet's statement holds (paid in WeChat or Alipay with that card).
   */
  DUPLICATE,
  /** A bank 冲正 row (with or without its original in the statements). */
  REVERSAL,
  /** The original a 冲正 cancelled. */
  REVERSED,
  /** A refund (退款): returns money spent, it is not income. */
  REFUND,
  /** A purchase refunded in full. */
  REFUNDED,
  /** Money moved between the holder's own accounts. */
  INTERNAL_TRANSFER;

  /** Whether the kind belongs to a reversal or refund pair (both rows count as reversals in reports). */
  public boolean isReversal() {
    return this == REVERSAL || this == REVERSED || this == REFUND || this == REFUNDED;
  }
}
