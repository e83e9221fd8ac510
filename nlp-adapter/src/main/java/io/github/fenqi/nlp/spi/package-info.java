/** Extension points: entity recognisers, including the adapter point for a user-supplied token-classification model. */
@NullMarked
package io.github.fenqi.nlp.spi;

import org.jspecify.annotations.NullMarked;
