package io.github.fenqi.core.statement;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A kept row with its category and the reason for it.
 *
 * <p>Thread-safety: immutable.
 *
 * @param transaction the row (its amount net of any partial refund)
 * @param category what it is
 * @param reason which rule decided, and on what (e.g. {@code rule food-merchant: counterparty contains '盒马'})
 * @param platformName for a loan repayment, the lender or card it repays; else null
 */
public record CategorisedTransaction(Transaction transaction, TransactionCategory category, String reason, @Nullable String platformName) {

  /** The lender a repayment goes to. */
  public Optional<String> platform() {
    return Optional.ofNullable(platformName);
  }
}
