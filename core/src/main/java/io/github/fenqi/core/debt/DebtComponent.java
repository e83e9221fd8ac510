package io.github.fenqi.core.debt;

/**
 * The parts a debt's outstanding balance is made of. Policies cap the waiver of each separately.
 * The JSON name of each is {@link #jsonName()}, as in case and policy files.
 *
 * <p>Thread-safety: immutable (an enum).
 */
public enum DebtComponent {
  /** 本金. */
  PRINCIPAL("principal"),
  /** 利息. */
  INTEREST("interest"),
  /** 罚息: penalty interest on overdue amounts. */
  PENALTY_INTEREST("penaltyInterest"),
  /** 复利: interest on unpaid interest. */
  COMPOUND_INTEREST("compoundInterest"),
  /** 违约金 / 滞纳金: late fees. */
  LATE_FEES("lateFees"),
  /** Other fees (service, guarantee, ...). */
  OTHER_FEES("otherFees");

  private final String jsonName;

  DebtComponent(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The camelCase name used in JSON files. */
  public String jsonName() {
    return jsonName;
  }
}
