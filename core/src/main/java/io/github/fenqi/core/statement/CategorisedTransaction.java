package io.github.fenqi.core.statement;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A kept row with its category and the reason for it. The analyzer states the reason as the rule and the values it
 * matched, and renders the text when {@link #reason()} is first asked for: most callers only sum categories.
 *
 * <p>Thread-safety: immutable (the reason's text is rendered at most once per thread from immutable values; every
 * rendering gives the same text).
 */
public final class CategorisedTransaction {
  private final Transaction transaction;
  private final TransactionCategory category;
  private final @Nullable String platformName;
  private final Explanation reason;

  /**
   * A categorised row.
   *
   * @param transaction the row (its amount net of any partial refund)
   * @param category what it is
   * @param reason which rule decided, and on what (e.g. {@code rule food-merchant: counterparty contains '盒马'})
   * @param platformName for a loan repayment, the lender or card it repays; else null
   */
  public CategorisedTransaction(Transaction transaction, TransactionCategory category, String reason, @Nullable String platformName) {
    this(transaction, category, Explanation.of(reason), platformName);
  }

  private CategorisedTransaction(Transaction transaction, TransactionCategory category, Explanation reason,
      @Nullable String platformName) {
    this.transaction = transaction;
    this.category = category;
    this.reason = reason;
    this.platformName = platformName;
  }

  /** A categorised row whose reason {@code explain} renders on first use (it must be pure). */
  static CategorisedTransaction explainedBy(Transaction transaction, TransactionCategory category, Supplier<String> explain,
      @Nullable String platformName) {
    return new CategorisedTransaction(transaction, category, Explanation.renderedBy(explain), platformName);
  }

  /** The row (its amount net of any partial refund). */
  public Transaction transaction() {
    return transaction;
  }

  /** What it is. */
  public TransactionCategory category() {
    return category;
  }

  /** Which rule decided, and on what (e.g. {@code rule food-merchant: counterparty '盒马鲜生' contains '盒马'}). */
  public String reason() {
    return reason.text();
  }

  /** For a loan repayment, the lender or card it repays; else null. */
  public @Nullable String platformName() {
    return platformName;
  }

  /** The lender a repayment goes to. */
  public Optional<String> platform() {
    return Optional.ofNullable(platformName);
  }

  /**
   * Equal by value, as the record this class replaced was: the row, the category, the reason's text and the platform.
   * A reason rendered on first use equals the same text given.
   */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof CategorisedTransaction c && transaction.equals(c.transaction) && category == c.category
        && reason().equals(c.reason()) && Objects.equals(platformName, c.platformName);
  }

  @Override
  public int hashCode() {
    return Objects.hash(transaction, category, reason(), platformName);
  }

  @Override
  public String toString() {
    return "CategorisedTransaction[transaction=" + transaction + ", category=" + category + ", reason=" + reason()
        + ", platformName=" + platformName + "]";
  }
}
