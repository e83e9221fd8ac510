/**
 * HTTP exchanges with a bound on both time and size, for fenqi's adapters that call other services (risk checks,
 * lenders' announcement pages): {@link io.github.fenqi.core.net.BoundedHttp}. Not a general HTTP client.
 */
@NullMarked
package io.github.fenqi.core.net;

import org.jspecify.annotations.NullMarked;
