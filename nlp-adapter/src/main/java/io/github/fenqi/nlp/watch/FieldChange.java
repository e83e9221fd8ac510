package io.github.fenqi.nlp.watch;

import io.github.fenqi.nlp.ExtractedField;
import io.github.fenqi.nlp.PolicyField;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One field on which an announcement disagrees with the live policy: the live value (absent if the live policy
 * has none, or there is no live policy) and what the text says, with its evidence.
 *
 * <p>Thread-safety: immutable.
 */
public record FieldChange(PolicyField field, Optional<Object> liveValue, ExtractedField proposed) {
  public FieldChange {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(liveValue, "liveValue");
    Objects.requireNonNull(proposed, "proposed");
    if (proposed.field() != field) {
      throw new IllegalArgumentException("proposed value is for " + proposed.field() + ", not " + field);
    }
  }

  static FieldChange of(PolicyField field, @Nullable Object live, ExtractedField proposed) {
    return new FieldChange(field, Optional.ofNullable(live), proposed);
  }
}
