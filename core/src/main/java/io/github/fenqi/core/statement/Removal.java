package io.github.fenqi.core.statement;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A row cleaning removed, and why. The analyzer states the reason as the rule and the rows involved, and renders
 * the text when {@link #explanation()} is first asked for.
 *
 * <p>Thread-safety: immutable (the explanation's text is rendered at most once per thread from immutable values;
 * every rendering gives the same text).
 */
public final class Removal {
  private final Transaction transaction;
  private final RemovalKind kind;
  private final @Nullable String pairedWith;
  private final Explanation explanation;

  /**
   * A removed row.
   *
   * @param transaction the row
   * @param kind why
   * @param explanation in words, naming the rule and the matched row
   * @param pairedWith {@code file:line} of the row it was matched with (the original of a refund, the other side of
   *     a transfer, the first copy of a duplicate), or null
   */
  public Removal(Transaction transaction, RemovalKind kind, String explanation, @Nullable String pairedWith) {
    this(transaction, kind, Explanation.of(explanation), pairedWith);
  }

  private Removal(Transaction transaction, RemovalKind kind, Explanation explanation, @Nullable String pairedWith) {
    this.transaction = transaction;
    this.kind = kind;
    this.explanation = explanation;
    this.pairedWith = pairedWith;
  }

  /** A removed row whose explanation {@code explain} renders on first use (it must be pure). */
  static Removal explainedBy(Transaction transaction, RemovalKind kind, Supplier<String> explain, @Nullable String pairedWith) {
    return new Removal(transaction, kind, Explanation.renderedBy(explain), pairedWith);
  }

  /** The row. */
  public Transaction transaction() {
    return transaction;
  }

  /** Why. */
  public RemovalKind kind() {
    return kind;
  }

  /** In words, naming the rule and the matched row. */
  public String explanation() {
    return explanation.text();
  }

  /**
   * {@code file:line} of the row it was matched with (the original of a refund, the other side of a transfer, the
   * first copy of a duplicate), or null.
   */
  public @Nullable String pairedWith() {
    return pairedWith;
  }

  /** The matched row's location, if any. */
  public Optional<String> paired() {
    return Optional.ofNullable(pairedWith);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Removal r && transaction.equals(r.transaction) && kind == r.kind
        && explanation().equals(r.explanation()) && Objects.equals(pairedWith, r.pairedWith);
  }

  @Override
  public int hashCode() {
    return Objects.hash(transaction, kind, explanation(), pairedWith);
  }

  @Override
  public String toString() {
    return "Removal[transaction=" + transaction + ", kind=" + kind + ", explanation=" + explanation() + ", pairedWith="
        + pairedWith + "]";
  }
}
