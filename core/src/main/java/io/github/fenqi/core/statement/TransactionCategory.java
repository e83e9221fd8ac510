package io.github.fenqi.core.statement;

/**
 * What a kept statement row is, for the affordability model. Income categories add to monthly income;
 * {@link #RENT}, {@link #UTILITIES} (water, electricity, gas — not telecom) and {@link #FOOD} are the essential
 * expenses; {@link #LOAN_REPAYMENT} is tracked by platform.
 *
 * <p>Thread-safety: immutable.
 */
public enum TransactionCategory {
  /** Wages (代发工资, a payroll counterparty, or regular monthly credits from an organisation). */
  SALARY(Kind.INCOME),
  /** Platform gig payouts (众包, 骑手, 劳务费). */
  GIG_INCOME(Kind.INCOME),
  /** Transfers and red packets from other people. */
  TRANSFER_IN(Kind.INCOME),
  /** Unemployment insurance, subsidies, relief. */
  BENEFIT(Kind.INCOME),
  /** Bank interest (结息). */
  INTEREST_INCOME(Kind.INCOME),
  /** A credit no rule recognised. */
  OTHER_INCOME(Kind.INCOME),
  /** Rent. Essential. */
  RENT(Kind.ESSENTIAL),
  /** Water, electricity, gas, heating. Essential. */
  UTILITIES(Kind.ESSENTIAL),
  /** Meals, takeaway, groceries, supermarkets, fresh markets. Essential. */
  FOOD(Kind.ESSENTIAL),
  /** Phone and broadband. */
  TELECOM(Kind.SPENDING),
  /** Repayment to a lender or credit card. */
  LOAN_REPAYMENT(Kind.REPAYMENT),
  /** Goods that are not food. */
  SHOPPING(Kind.SPENDING),
  /** Metro, bus, taxi, bikes, fuel. */
  TRANSPORT(Kind.SPENDING),
  /** Transfers and red packets to other people. */
  TRANSFER_OUT(Kind.SPENDING),
  /** Cash taken out (where it goes is unknown). */
  CASH_WITHDRAWAL(Kind.SPENDING),
  /**
   * What a payment wallet kept of a withdrawal to the holder's bank (the 0.1 % 服务费 of a WeChat 零钱提现): the two
   * sides of the move are the holder's own money, but the fee left the holder's accounts. The months also count here
   * the fee a kept row states ({@link Transaction#fee}), on top of the row's own category.
   */
  FEE(Kind.SPENDING),
  /** A debit no rule recognised. */
  OTHER_SPENDING(Kind.SPENDING),
  /** Between the holder's own accounts; removed by cleaning, never income or spending. */
  INTERNAL_TRANSFER(Kind.NEUTRAL),
  /** A neutral row no rule recognised; neither income nor spending. */
  NEUTRAL(Kind.NEUTRAL);

  /**
   * How a category counts.
   *
   * <p>Thread-safety: immutable (an enum).
   */
  public enum Kind {
    /** Adds to income. */
    INCOME,
    /** Essential expense. */
    ESSENTIAL,
    /** Other spending. */
    SPENDING,
    /** Loan repayment. */
    REPAYMENT,
    /** Neither. */
    NEUTRAL
  }

  private final Kind kind;

  TransactionCategory(Kind kind) {
    this.kind = kind;
  }

  /** How this category counts. */
  public Kind kind() {
    return kind;
  }
}
