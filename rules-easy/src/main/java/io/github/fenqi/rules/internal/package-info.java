/**
 * Implementation detail of {@code fenqi-rules-easy} (unsupported; may change): the condition tokenizer and
 * parser with its allow-list, the action vocabulary, the fact views and the rule-file reader.
 */
@NullMarked
package io.github.fenqi.rules.internal;

import org.jspecify.annotations.NullMarked;
