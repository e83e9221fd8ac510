/**
 * Third-party credit and anti-fraud checks: the {@link io.github.fenqi.core.security.risk.RiskCheck} extension
 * point, with bounded latency and an explicit {@link io.github.fenqi.core.security.risk.FailureMode}, and
 * {@link io.github.fenqi.core.security.risk.HttpRiskCheck}, an HTTP/JSON example.
 */
@NullMarked
package io.github.fenqi.core.security.risk;

import org.jspecify.annotations.NullMarked;
