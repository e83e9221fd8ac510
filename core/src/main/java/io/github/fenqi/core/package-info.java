/**
 * fenqi core: the domain values, the pure interfaces and their default implementations.
 *
 * <p>Every exception fenqi throws on purpose is a {@link io.github.fenqi.core.FenqiException};
 * callers catch its subtypes by meaning. Packages named {@code internal} are implementation
 * detail and may change without notice; everything else is public API.
 */
@NullMarked
package io.github.fenqi.core;

import org.jspecify.annotations.NullMarked;
