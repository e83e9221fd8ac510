/**
 * A borrower's overdue debts: what is owed, component by component, to which platform.
 */
@NullMarked
package io.github.fenqi.core.debt;

import org.jspecify.annotations.NullMarked;
