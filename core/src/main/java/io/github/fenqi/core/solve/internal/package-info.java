/**
 * Implementation detail of the exact proposal solver. Unsupported: may change without notice.
 */
@NullMarked
package io.github.fenqi.core.solve.internal;

import org.jspecify.annotations.NullMarked;
