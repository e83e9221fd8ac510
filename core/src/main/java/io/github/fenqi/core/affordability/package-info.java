/**
 * What a borrower can really afford each month: the weighted ability model
 * ({@code score = income × 0.6 − essentials × 1.2}, budget = min(score, 50 % of income)), a regional
 * minimum-living-cost floor under essentials, and the explanation of every step.
 */
@NullMarked
package io.github.fenqi.core.affordability;

import org.jspecify.annotations.NullMarked;
