package io.github.fenqi.core.schedule;

/**
 * How an installment plan repays the financed amount. Policies name one; the JSON form is the constant name.
 *
 * <p>Thread-safety: immutable (an enum).
 */
public enum RepaymentMethod {
  /** 等额本息: equal monthly payments of principal plus interest on the remaining balance (an annuity). */
  EQUAL_INSTALLMENT,
  /** 等额本金: equal principal parts each month, interest on the remaining balance, so payments fall. */
  EQUAL_PRINCIPAL,
  /** 分期手续费: equal principal parts plus a fixed monthly fee on the financed amount, as credit-card installments do. */
  FEE_INSTALLMENT,
  /** 停息挂账: interest stopped, the principal split evenly, no fee. */
  INTEREST_FREE
}
