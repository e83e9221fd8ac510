/**
 * Exact money and rates. {@link io.github.fenqi.core.money.Money} is a {@code long} of fen (CNY 0.01);
 * arithmetic is checked and never silently rounds. Rates and ratios are {@link java.math.BigDecimal}
 * so that policy values such as {@code "0.006"} stay exactly what the lender wrote.
 * A null argument to any of their factories is a {@link java.lang.NullPointerException} naming the parameter.
 */
@NullMarked
package io.github.fenqi.core.money;

import org.jspecify.annotations.NullMarked;
