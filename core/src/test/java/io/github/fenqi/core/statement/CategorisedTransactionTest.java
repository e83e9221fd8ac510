package io.github.fenqi.core.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.fenqi.core.money.Money;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A categorised row is a value: equal by its row, category, reason's text and platform, however the reason was made. */
class CategorisedTransactionTest {
  private static Transaction row(String description) {
    return new Transaction("t.csv", 2, 1, LocalDateTime.of(2026, 5, 1, 10, 0), Direction.DEBIT, Money.ofFen(100),
        "禾信消费金融有限公司", "", description, "", "", "", "", "", null);
  }

  @Test
  void equalByRowCategoryReasonTextAndPlatform() {
    Transaction t = row("还款");
    CategorisedTransaction given = new CategorisedTransaction(t, TransactionCategory.LOAN_REPAYMENT, "rule r", "禾信");
    CategorisedTransaction rendered = CategorisedTransaction.explainedBy(t, TransactionCategory.LOAN_REPAYMENT,
        () -> "rule " + "r", "禾信");
    assertEquals(given, rendered, "a reason rendered on first use equals the same text given");
    assertEquals(given.hashCode(), rendered.hashCode());
    List<CategorisedTransaction> others = List.of(
        new CategorisedTransaction(row("还款 "), TransactionCategory.LOAN_REPAYMENT, "rule r", "禾信"),
        new CategorisedTransaction(t, TransactionCategory.OTHER_SPENDING, "rule r", "禾信"),
        new CategorisedTransaction(t, TransactionCategory.LOAN_REPAYMENT, "rule s", "禾信"),
        new CategorisedTransaction(t, TransactionCategory.LOAN_REPAYMENT, "rule r", null));
    for (CategorisedTransaction other : others) {
      assertNotEquals(given, other, other.toString());
    }
  }
}
