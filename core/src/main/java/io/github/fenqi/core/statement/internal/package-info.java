/** Statement parsing and cleaning internals: CSV splitting, charset detection, the format parsers, cleaning and categorising steps. Not API. */
@NullMarked
package io.github.fenqi.core.statement.internal;

import org.jspecify.annotations.NullMarked;
