/**
 * The borrower: who they are (personal identifiers, always masked in output), where they live (for the
 * regional living-cost floor), what they declare they earn, spend and hold, and their hardships.
 */
@NullMarked
package io.github.fenqi.core.borrower;

import org.jspecify.annotations.NullMarked;
