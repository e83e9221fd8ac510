package io.github.fenqi.core.schedule;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.money.Money;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One month of a schedule. {@code payment = principal + interest + fee}; {@code remaining} is the principal
 * still owed after this payment. Validated when built: a schedule is shown to borrowers and lenders as what they
 * agree, so a month whose parts do not add up to its payment, or with a negative amount, is refused naming the field.
 *
 * <p>Thread-safety: immutable.
 *
 * @param period 1-based month number
 * @param payment what the borrower pays this month
 * @param principal the part that repays the financed amount
 * @param interest interest on the remaining principal
 * @param fee the monthly fee
 * @param remaining principal left after this payment
 */
public record Installment(int period, Money payment, Money principal, Money interest, Money fee, Money remaining) {

  public Installment {
    List<Problem> problems = new ArrayList<>();
    if (period < 1) {
      problems.add(Problem.of("period", period + " is below 1; months are numbered from 1"));
    }
    nonNegative(problems, "payment", payment);
    nonNegative(problems, "principal", principal);
    nonNegative(problems, "interest", interest);
    nonNegative(problems, "fee", fee);
    nonNegative(problems, "remaining", remaining);
    if (problems.isEmpty()) {
      // three non-negative longs: their sum may pass Long.MAX_VALUE, never wrap below it twice
      long partial = principal.fen() + interest.fen();
      long parts = partial + fee.fen();
      if (partial < 0 || parts < 0 || parts != payment.fen()) {
        problems.add(Problem.of("payment", "'" + payment + "' is not principal + interest + fee (" + principal + " + "
            + interest + " + " + fee + ")"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  private static void nonNegative(List<Problem> problems, String field, @Nullable Money amount) {
    if (amount == null) {
      problems.add(Problem.of(field, "is required"));
    } else if (amount.isNegative()) {
      problems.add(Problem.of(field, "'" + amount + "' is negative"));
    }
  }
}
