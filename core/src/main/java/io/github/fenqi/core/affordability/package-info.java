/**
 * What a borrower can really afford each month: the weighted ability model
 * ({@code score = income × 0.6 − essentials × 1.2}, budget = min(score, 50 % of income)), a regional
 * minimum-living-cost floor under essentials, and the explanation of every step.
 *
 * <p>Income and essentials come from statements ({@link io.github.fenqi.core.statement.StatementAnalysis#monthlyFigures()}:
 * the median of the last six months the statements cover in whole, robust to one bonus or one missing salary; a
 * month covered only in part is left out and named, since its income is that of the days covered, not a month's),
 * from declared figures, or both, in which case a difference of more than 10 % of the larger figure is reported.
 *
 * <h2>Calibration</h2>
 * The weights are a policy choice, and {@link io.github.fenqi.core.affordability.AffordabilityCalibration} makes it
 * from evidence: given past plans (income, essentials, installment, whether the plan later defaulted), it replays
 * every weight pair of a grid over them — a plan counts as <em>allowed</em> by a pair when its installment fits that
 * pair's budget — and keeps the pairs whose allowed plans defaulted at no more than the target rate (and that allow
 * enough plans to be trusted). Of those it picks the pair that allows the largest total of installments: the most
 * generous model the history says is still safe. Ties go to the more cautious pair. If no pair meets the target the
 * result says so and names the lowest rate reached. It is a grid search, not a fit: with the history's own noise a
 * finer grid only adds spurious precision, and the chosen pair is easy to explain to a risk committee.
 */
@NullMarked
package io.github.fenqi.core.affordability;

import org.jspecify.annotations.NullMarked;
