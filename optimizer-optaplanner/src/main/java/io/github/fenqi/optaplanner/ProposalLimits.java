package io.github.fenqi.optaplanner;

/**
 * The problem fact with the case's limits, for constraints that need them.
 *
 * <p>Thread-safety: immutable.
 *
 * @param budgetFen the monthly budget for first installments
 * @param savingsFen the savings for down payments
 * @param debts how many debts the plan has
 */
public record ProposalLimits(long budgetFen, long savingsFen, int debts) {}
