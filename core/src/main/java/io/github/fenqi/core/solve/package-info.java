/**
 * The proposal problem: for every eligible debt choose one option (term, waiver, down payment) so that the
 * borrower can pay every first-month installment from the assessed budget and every down payment from
 * savings, optimising one {@link io.github.fenqi.core.solve.Strategy}.
 *
 * <p>With a separable objective this is a multiple-choice knapsack with two resources; the default
 * solver is exact on the option grid (see {@code internal.MultipleChoiceKnapsack}). Acceptance is
 * estimated by an {@link io.github.fenqi.core.solve.AcceptanceModel}.
 */
@NullMarked
package io.github.fenqi.core.solve;

import org.jspecify.annotations.NullMarked;
