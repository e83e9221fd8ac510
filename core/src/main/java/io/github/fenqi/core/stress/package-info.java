/**
 * Will a plan survive the next 6–12 months? Monte Carlo over income and expense shocks with seeded, common
 * random numbers, named deterministic scenarios, and a {@link io.github.fenqi.core.stress.RiskLevel}.
 *
 * <h2>Model</h2>
 * Each month of each path: income = declared or median income × a noise factor max(0, 1 + cv·Z), Z standard
 * normal (drawn from 4096 equal-probability quantiles, so |Z| ≤ 3.49; events use 16-bit uniforms, enough for
 * monthly probabilities down to 0.01 %, {@link io.github.fenqi.core.stress.StressConfig#MIN_EVENT_PROBABILITY}, below
 * which a positive probability is refused), cv the income volatility measured from statements (else the configured default); a job loss starts
 * with the monthly hazard and lasts a geometric number of months with the configured mean, during which income
 * is the configured replacement share (that income, and at a volatility of 0 every income the noise would touch, is
 * exact to the fen, each share read as the decimal written); an income drop starts with its monthly probability,
 * cuts income by its size and lasts a geometric number of months; a medical or family expense occurs with its monthly probability,
 * its amount lognormal (heavy-tailed) with the configured median and log-sd. The cash buffer starts at liquid
 * savings minus down payments and each month adds income and subtracts essentials, the shock expense and the
 * plan's installment. A month with an installment due that ends with the buffer below zero is a missed payment:
 * the path re-defaults and is not followed further. A month with nothing due cannot miss a payment; its deficit
 * carries into the buffer, which the next months' income repays first (a plan settled by its down payments never
 * re-defaults, and a plan shorter than the horizon is not charged with the shocks after its last month). Down payments above the savings cannot be paid at all: every path re-defaults in
 * month 0 (as the deterministic scenarios fail in month 0), its shortfall the part of the down payments not
 * covered, attributed to the plan itself. Sums of fen saturate at the bounds of a {@code long} instead of wrapping.
 *
 * <h2>Figures</h2>
 * Default probability = share of paths that re-default within the horizon; expected first default month = mean
 * over those paths; 95 % worst shortfall = the 95th percentile, over all paths, of the cash missing in the
 * month of default (0 for paths that never default). Each default is attributed to a driver: the plan itself
 * (income minus essentials does not cover the installments) when the same path without its events — its income
 * noise alone, no job loss, drop or shock — would miss a payment within the horizon too; else job loss if the path
 * saw one up to the default, else an income drop, else a shock expense. Only an event that costs something counts:
 * a job loss whose replacement share is the whole income, a drop of 0 and a shock of 0 yuan drive no default. (Any
 * event seen had been the driver, so a plan that used up the savings by month 6 on every path was "mostly" failed
 * by shocks of 1 yuan when they came in 30 % of months.)
 *
 * <h2>Reproducibility and common random numbers</h2>
 * The shocks of path k depend only on the seed and k (SplittableRandom seeded per path with a mix of both, so the
 * paths are independent draws and the sampling error is the binomial one), never on the plan or thread count; {@link io.github.fenqi.core.stress.StressTester#compare} evaluates several plans for one borrower
 * on the same paths. A plan that costs no more in any month, with no larger down payment, therefore never shows
 * a higher default probability. The figures are the same on every platform and JDK from 17 on: the draws are
 * SplittableRandom's longs (its algorithm is specified), turned into normal variates by a fixed quantile function
 * with {@code StrictMath} — not {@code nextGaussian}, whose rejection test uses {@code Math.exp}, which may differ
 * in the last bit between platforms — and the rest is IEEE arithmetic.
 */
@NullMarked
package io.github.fenqi.core.stress;

import org.jspecify.annotations.NullMarked;
