/**
 * The {@code fenqi} command line: JSON in, JSON or text out. Exit 0 on success, 1 on a rejected input
 * with a one-line reason on stderr, 2 on an internal error. Never a stack trace for bad input.
 */
@NullMarked
package io.github.fenqi.cli;

import org.jspecify.annotations.NullMarked;
