/** Shared test fixtures and contract tests, published in fenqi-core's test-jar. */
@NullMarked
package io.github.fenqi.core.testkit;

import org.jspecify.annotations.NullMarked;
