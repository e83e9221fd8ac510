package io.github.fenqi.core.statement;

import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A reason in words, given as text or as a pure function that renders it on first use (the analyzer states most
 * reasons as a rule and the values it read, and most callers never read them).
 *
 * <p>Thread-safety: safe to share; a rendering race renders the same text twice, and a {@code String} is safely
 * published without synchronisation.
 */
final class Explanation {
  private final @Nullable Supplier<String> render;
  private @Nullable String text;

  private Explanation(@Nullable Supplier<String> render, @Nullable String text) {
    this.render = render;
    this.text = text;
  }

  static Explanation of(String text) {
    return new Explanation(null, Objects.requireNonNull(text, "text"));
  }

  static Explanation renderedBy(Supplier<String> render) {
    return new Explanation(render, null);
  }

  /** The text, rendered now if it was not yet. */
  String text() {
    String t = text;
    if (t == null) {
      t = Objects.requireNonNull(render).get();
      text = t;
    }
    return t;
  }
}
