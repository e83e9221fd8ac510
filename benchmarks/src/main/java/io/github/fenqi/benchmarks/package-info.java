/** JMH benchmarks, one class per hot path. Results and how to rerun them: benchmarks/README.md. */
@NullMarked
package io.github.fenqi.benchmarks;

import org.jspecify.annotations.NullMarked;
