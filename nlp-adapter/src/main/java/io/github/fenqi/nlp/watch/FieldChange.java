package io.github.fenqi.nlp.watch;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.RequiredParts;
import io.github.fenqi.nlp.ExtractedField;
import io.github.fenqi.nlp.PolicyField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One field on which an announcement disagrees with the live policy: the live value (absent if the live policy
 * has none, or there is no live policy) and what the text says, with its evidence.
 *
 * <p>Thread-safety: immutable.
 */
public record FieldChange(PolicyField field, Optional<Object> liveValue, ExtractedField proposed) {
  /** Every bad part is an {@link InvalidInputException} naming it, all at once, as for the SDK's other records. */
  public FieldChange {
    List<Problem> problems = new ArrayList<>(RequiredParts.problems(new String[] {"field", "liveValue", "proposed"},
        field, liveValue, proposed));
    if (field != null && proposed != null && proposed.field() != field) {
      problems.add(Problem.of("proposed.field", "is " + proposed.field() + " in a change of " + field));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  static FieldChange of(PolicyField field, @Nullable Object live, ExtractedField proposed) {
    return new FieldChange(field, Optional.ofNullable(live), proposed);
  }
}
