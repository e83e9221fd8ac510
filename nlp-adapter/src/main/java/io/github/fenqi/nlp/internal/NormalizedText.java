package io.github.fenqi.nlp.internal;

import java.util.BitSet;
import java.util.Objects;

/**
 * A text after normalisation (full-width to ASCII, traditional to simplified script, Chinese numerals to
 * Arabic digits), with a map from every normalised character back to the original characters it came from,
 * so that evidence found in the normalised text is reported as a span of the original.
 *
 * <p>Thread-safety: immutable.
 */
public final class NormalizedText {
  private final String original;
  private final String text;
  private final int[] originalStart;
  private final int[] originalEnd;
  private final BitSet roundedDown;

  NormalizedText(String original, String text, int[] originalStart, int[] originalEnd) {
    this(original, text, originalStart, originalEnd, new BitSet());
  }

  NormalizedText(String original, String text, int[] originalStart, int[] originalEnd, BitSet roundedDown) {
    this.original = Objects.requireNonNull(original);
    this.text = Objects.requireNonNull(text);
    if (originalStart.length != text.length() || originalEnd.length != text.length()) {
      throw new IllegalArgumentException("offset map must cover every normalised character");
    }
    this.originalStart = originalStart;
    this.originalEnd = originalEnd;
    this.roundedDown = (BitSet) roundedDown.clone();
  }

  /**
   * Whether a number in {@code [start, end)} of the normalised text was rounded down from a fraction with no exact
   * decimal (三分之一 written as 33.33%): a minimum read from it must round up instead.
   */
  public boolean roundedDown(int start, int end) {
    int next = roundedDown.nextSetBit(Math.max(0, start));
    return next >= 0 && next < end;
  }

  /** The text as given. */
  public String original() {
    return original;
  }

  /** The normalised text the rules read. */
  public String text() {
    return text;
  }

  /** Start offset in the original text of the normalised range starting at {@code start}. */
  public int originalStart(int start) {
    if (text.isEmpty()) {
      return 0;
    }
    return start >= text.length() ? original.length() : originalStart[start];
  }

  /** End offset (exclusive) in the original text of the normalised range ending (exclusive) at {@code end}. */
  public int originalEnd(int end) {
    if (end <= 0) {
      return 0;
    }
    return originalEnd[Math.min(end, text.length()) - 1];
  }
}
