/**
 * Repayment schedules: how a financed amount is repaid over a term by each {@link
 * io.github.fenqi.core.schedule.RepaymentMethod}, in whole fen, and the annualised rate lenders must disclose.
 *
 * <h2>Rounding</h2>
 * <ul>
 *   <li>Monthly interest = remaining principal × annual rate / 12, rounded half-up to the fen.</li>
 *   <li>Monthly fee = financed amount × monthly fee rate, rounded half-up, the same every month (any method
 *       may carry a fee; credit-card installments, FEE_INSTALLMENT, usually have only the fee).</li>
 *   <li>EQUAL_INSTALLMENT: the annuity payment financed × i / (1 − (1 + i)^−n), i = annual / 12, rounded
 *       half-up; principal = payment − interest.</li>
 *   <li>EQUAL_PRINCIPAL, FEE_INSTALLMENT, INTEREST_FREE: principal = floor(financed / n) a month.</li>
 *   <li>The last installment repays whatever principal remains, so principal parts sum exactly to the
 *       financed amount and no amount is negative.</li>
 *   <li>INTEREST_FREE (停息挂账) charges neither interest nor fee, whatever rates the policy names.</li>
 *   <li>A financed amount of zero gives a schedule of zero installments of zero; terms run 1..360.</li>
 *   <li>The rounded annuity is level only to within a fen's error compounded over the term, so on small amounts
 *       or at high rates it is not level, within the 12–60 months of installment policies too: it can repay the
 *       balance before the last month, the installments after that being zero apart from any fee (10.00 yuan at
 *       0.36 a year over 48 months: 0.40 a month, then nothing), or leave principal to the last installment
 *       (100 000 yuan at 9.99 over 60 months: 83 250.00 a month, 183 250.00 at the end, as the principal part is
 *       below a fen). The principal sum stays exact either way.</li>
 * </ul>
 */
@NullMarked
package io.github.fenqi.core.schedule;

import org.jspecify.annotations.NullMarked;
