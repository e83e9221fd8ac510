/** The plain-Java quick start. */
@NullMarked
package io.github.fenqi.examples;

import org.jspecify.annotations.NullMarked;
