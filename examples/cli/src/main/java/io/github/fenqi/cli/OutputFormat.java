package io.github.fenqi.cli;

/**
 * How a command prints its result.
 *
 * <p>Thread-safety: immutable (an enum).
 */
public enum OutputFormat {
  /** Indented JSON with fenqi's contract (camelCase, money as decimal strings). */
  json,
  /** A human-readable table or report. */
  text,
  /** A standalone HTML page (where the command supports it). */
  html
}
