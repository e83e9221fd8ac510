package io.github.fenqi.core.schedule;

/**
 * The figures of a schedule that a solver needs, in fen, computed without building the installment list.
 * Always equal to the corresponding figures of {@link Amortizer#schedule}.
 *
 * <p>Thread-safety: immutable.
 *
 * @param firstPayment the first installment
 * @param lastPayment the last installment
 * @param totalInstallments the sum of all installments (without any down payment)
 * @param totalInterest the sum of interest parts
 * @param totalFee the sum of fees
 */
public record ScheduleSummary(long firstPayment, long lastPayment, long totalInstallments, long totalInterest, long totalFee) {}
