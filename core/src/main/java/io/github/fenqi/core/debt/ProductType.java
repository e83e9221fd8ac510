package io.github.fenqi.core.debt;

/**
 * The kind of credit product a debt comes from; policies list the types they cover and scripts
 * pick general legal references by it.
 *
 * <p>Thread-safety: immutable (an enum).
 */
public enum ProductType {
  /** Bank credit card (信用卡). */
  CREDIT_CARD,
  /** Licensed consumer-finance company loan (消费金融). */
  CONSUMER_LOAN,
  /** Online micro-lender or platform loan (网络小贷、网贷). */
  ONLINE_LOAN,
  /** Personal loan from a bank (银行个人贷款). */
  BANK_LOAN,
  /** Anything else. */
  OTHER
}
