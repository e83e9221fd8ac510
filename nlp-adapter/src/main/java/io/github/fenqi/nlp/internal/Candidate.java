package io.github.fenqi.nlp.internal;

import io.github.fenqi.nlp.PolicyField;

/**
 * A value one rule read, with its span {@code [start, end)} in the normalised text and a confidence.
 *
 * <p>Thread-safety: immutable.
 */
public record Candidate(PolicyField field, Object value, int start, int end, double confidence) {}
