package io.github.fenqi.nlp;

/**
 * The financial terms a policy text can mention, recognised by an {@link io.github.fenqi.nlp.spi.EntityRecognizer}.
 * The names are also the entity labels a token-classification model emits ({@code B-PENALTY_INTEREST}, ...).
 *
 * <p>Thread-safety: immutable.
 */
public enum FinancialTerm {
  /** 罚息: penalty interest on overdue amounts. */
  PENALTY_INTEREST,
  /** 复利: compound interest. */
  COMPOUND_INTEREST,
  /** 违约金 / 滞纳金: late fees. */
  LATE_FEE,
  /** 手续费 / 服务费: installment or service fees. */
  SERVICE_FEE,
  /** 担保费: guarantee fees. */
  GUARANTEE_FEE,
  /** 利息: contractual interest. */
  INTEREST,
  /** 本金: principal. */
  PRINCIPAL
}
