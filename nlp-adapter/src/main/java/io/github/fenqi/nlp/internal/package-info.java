/** Implementation detail of the extractor (normalisation, numerals, rules, HTML). Unsupported; may change without notice. */
@NullMarked
package io.github.fenqi.nlp.internal;

import org.jspecify.annotations.NullMarked;
