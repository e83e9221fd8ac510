/** Chinese policy-text extraction: {@link io.github.fenqi.nlp.PolicyTextExtractor} is the entry point. */
@NullMarked
package io.github.fenqi.nlp;

import org.jspecify.annotations.NullMarked;
