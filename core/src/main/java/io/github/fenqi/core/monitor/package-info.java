/**
 * Watches lenders' answers to submitted proposals and raises an alert when a platform's acceptance rate for a
 * strategy drops abnormally: the usual sign that the lender changed its internal policy and the policy file
 * fenqi uses is out of date.
 *
 * <h2>Test</h2>
 * Per (platform, strategy), the last {@code recentWindow} outcomes are compared with the up to
 * {@code baselineWindow} outcomes before them by a one-sided two-proportion z-test with pooled variance:
 * H0: p_recent ≥ p_baseline against H1: p_recent &lt; p_baseline,
 * z = (p̂_baseline − p̂_recent) / √(p̂(1 − p̂)(1/n_baseline + 1/n_recent)), p̂ the pooled rate, p-value = 1 − Φ(z).
 * The test runs only when the recent window is full, the baseline holds at least {@code minBaseline} outcomes,
 * and the normal approximation is fair (at least 5 expected acceptances and 5 expected rejections in each
 * sample under the pooled rate). An alert needs both statistical significance (p-value below {@code alpha}) and
 * practical significance (a drop of at least {@code minDrop}). Because the test is repeated after every outcome,
 * {@code alpha} is a per-test level, not a family-wise one. Simulated with the defaults (α = 0.0001, windows of
 * 50 and 200, minimum drop 10 points) on a stable platform accepting 60 %, about 2 % of runs of 1000 outcomes
 * see one false alarm (at α = 0.001 it would be about 15 %); a drop from 70 % to 10 % is caught within the
 * recent window (in all but 2 of 2000 simulated runs).
 *
 * <p>An alert is raised once when a platform enters the alerting state and cleared only when the p-value is
 * back at {@link io.github.fenqi.core.monitor.MonitorConfig#clearLevel() max(0.05, min(2·alpha, 0.5))} or above, or
 * the recent rate is back at or above the baseline's whether or not the samples can be tested (hysteresis:
 * one episode, one alert; a fixed 0.05 left no band between raising and clearing for alpha ≥ 0.05, and a stable
 * platform at alpha 0.2 raised about 13 alerts in 1000 outcomes, now about 5 — at such an alpha false alarms are
 * what was asked for, but each episode is paged once); as outcomes age out of the recent window into the baseline, a lasting new rate becomes the
 * new baseline.
 */
@NullMarked
package io.github.fenqi.core.monitor;

import org.jspecify.annotations.NullMarked;
