/**
 * Lenders' negotiation policies as versioned data, and eligibility.
 *
 * <p>A {@link io.github.fenqi.core.policy.Policy} is one version of one platform's policy, effective from a
 * date (and optionally to one); a platform may have several versions, and a lookup as of a date takes the one
 * in effect then with the latest {@code effectiveFrom}. A {@link io.github.fenqi.core.policy.PolicyRepository}
 * publishes immutable {@link io.github.fenqi.core.policy.PolicySnapshot}s: a reader holding a snapshot never
 * sees part of a later change, and every change increases the repository version.
 * {@link io.github.fenqi.core.policy.JsonDirectoryPolicyRepository} hot-reloads a directory of files; a broken
 * or half-written file never replaces the last good version. {@link io.github.fenqi.core.policy.PolicyValidator}
 * reports every problem of a file with its JSON path.
 *
 * <p>{@link io.github.fenqi.core.policy.EligibilityEvaluator} is the extension point for eligibility; the
 * declarative built-in checks the policy's own eligibility block and explains every decision.
 */
@NullMarked
package io.github.fenqi.core.policy;

import org.jspecify.annotations.NullMarked;
