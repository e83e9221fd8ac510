/**
 * Negotiation scripts: for each proposal and each lender, what the borrower says — hardship, willingness to
 * repay, the concrete proposal (amounts in figures and, in Chinese, in 大写 amount words) and the legal basis —
 * in zh-CN or English, from template resources, free of sensitive words and with personal identifiers masked.
 *
 * <p>Entry points: {@link io.github.fenqi.core.script.ScriptGenerator#defaults()} and
 * {@link io.github.fenqi.core.script.SensitiveWordFilter#defaults()}.
 */
@NullMarked
package io.github.fenqi.core.script;

import org.jspecify.annotations.NullMarked;
