package io.github.fenqi.core.schedule;

import io.github.fenqi.core.money.Money;

/**
 * One month of a schedule. {@code payment = principal + interest + fee}; {@code remaining} is the principal
 * still owed after this payment.
 *
 * <p>Thread-safety: immutable.
 *
 * @param period 1-based month number
 * @param payment what the borrower pays this month
 * @param principal the part that repays the financed amount
 * @param interest interest on the remaining principal
 * @param fee the monthly fee
 * @param remaining principal left after this payment
 */
public record Installment(int period, Money payment, Money principal, Money interest, Money fee, Money remaining) {}
