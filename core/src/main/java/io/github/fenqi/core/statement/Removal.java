package io.github.fenqi.core.statement;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A row cleaning removed, and why.
 *
 * <p>Thread-safety: immutable.
 *
 * @param transaction the row
 * @param kind why
 * @param explanation in words, naming the rule and the matched row
 * @param pairedWith {@code file:line} of the row it was matched with (the original of a refund, the other side of
 *     a transfer, the first copy of a duplicate), or null
 */
public record Removal(Transaction transaction, RemovalKind kind, String explanation, @Nullable String pairedWith) {

  /** The matched row's location, if any. */
  public Optional<String> paired() {
    return Optional.ofNullable(pairedWith);
  }
}
