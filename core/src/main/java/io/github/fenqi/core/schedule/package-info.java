/**
 * Repayment schedules: how a financed amount is repaid over a term by each {@link
 * io.github.fenqi.core.schedule.RepaymentMethod}, in whole fen, and the annualised rate lenders must disclose.
 */
@NullMarked
package io.github.fenqi.core.schedule;

import org.jspecify.annotations.NullMarked;
