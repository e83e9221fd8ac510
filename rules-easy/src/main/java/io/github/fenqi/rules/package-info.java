/**
 * Eligibility rules on Easy Rules + MVEL: {@link io.github.fenqi.rules.EasyRulesEligibilityEvaluator} reads
 * operator-written rule files (Easy Rules' YAML rule-definition format), checks every condition against an
 * allow-list before MVEL ever sees it, hot-reloads edited files and explains every decision.
 */
@NullMarked
package io.github.fenqi.rules;

import org.jspecify.annotations.NullMarked;
