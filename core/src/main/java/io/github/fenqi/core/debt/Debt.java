package io.github.fenqi.core.debt;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.TextFields;
import io.github.fenqi.core.json.WholeRange;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.money.Rate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One overdue debt owed to one platform, broken into its components. The JSON form is the flat
 * object of case files ({@code id, platformId, productType, principal, interest, penaltyInterest,
 * compoundInterest, lateFees, otherFees, annualRate, overdueDays}).
 *
 * <p>Validation lists every problem at once: an empty id, a negative component, overdue days negative or more than
 * {@link #MAX_OVERDUE_DAYS} (100 years: {@code 2000000000} days, a figure in the wrong unit or a typo, was accepted
 * and planned as a debt overdue for five million years).
 *
 * <p>Thread-safety: immutable.
 *
 * @param id caller's identifier of the debt, unique within a case
 * @param platformId the lender's platform, as in its policy
 * @param productType the kind of product
 * @param principal 本金 outstanding
 * @param interest 利息 accrued and unpaid
 * @param penaltyInterest 罚息
 * @param compoundInterest 复利
 * @param lateFees 违约金 / 滞纳金
 * @param otherFees other fees
 * @param annualRate the contractual annual rate
 * @param overdueDays days overdue as of the case date, 0..{@link #MAX_OVERDUE_DAYS}
 */
public record Debt(
    String id,
    String platformId,
    ProductType productType,
    Money principal,
    Money interest,
    Money penaltyInterest,
    Money compoundInterest,
    Money lateFees,
    Money otherFees,
    Rate annualRate,
    @WholeRange(min = 0, max = MAX_OVERDUE_DAYS) int overdueDays) {

  /**
   * The most days a debt can be overdue: 100 years (36 525 days). No borrower's debt is older — consumer credit in
   * China dates from after 1949 — so more is a value in the wrong unit or a typo, refused naming the field rather than
   * planned for.
   */
  public static final int MAX_OVERDUE_DAYS = 36_525;

  public Debt {
    List<Problem> problems = new ArrayList<>();
    TextFields.check("id", id, TextFields.MAX_ID_LENGTH).ifPresent(problems::add);
    TextFields.check("platformId", platformId, TextFields.MAX_ID_LENGTH).ifPresent(problems::add);
    if (productType == null) {
      problems.add(Problem.of("productType", "is required; one of " + List.of(ProductType.values())));
    }
    checkComponent(problems, "principal", principal);
    checkComponent(problems, "interest", interest);
    checkComponent(problems, "penaltyInterest", penaltyInterest);
    checkComponent(problems, "compoundInterest", compoundInterest);
    checkComponent(problems, "lateFees", lateFees);
    checkComponent(problems, "otherFees", otherFees);
    if (annualRate == null) {
      problems.add(Problem.of("annualRate", "is required, e.g. \"0.18\""));
    }
    if (overdueDays < 0) {
      problems.add(Problem.of("overdueDays", overdueDays + " is negative"));
    } else if (overdueDays > MAX_OVERDUE_DAYS) {
      problems.add(Problem.of("overdueDays", overdueDays + " is more than " + MAX_OVERDUE_DAYS
          + " (100 years): not a plausible number of days overdue"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    Objects.requireNonNull(principal); // for the null checker; validated above
  }

  private static void checkComponent(List<Problem> problems, String field, Money amount) {
    if (amount == null) {
      problems.add(Problem.of(field, "is required (use \"0.00\" when nothing is owed)"));
    } else if (amount.isNegative()) {
      problems.add(Problem.of(field, "'" + amount + "' is negative"));
    } else if (amount.isGreaterThan(Money.LARGEST_INPUT)) { // two such components overflowed totalOwed()
      problems.add(Problem.of(field, "'" + amount + "' is out of range; amounts are limited to ±10^15 yuan"));
    }
  }

  /** The amount of one component. */
  public Money amount(DebtComponent component) {
    return switch (component) {
      case PRINCIPAL -> principal;
      case INTEREST -> interest;
      case PENALTY_INTEREST -> penaltyInterest;
      case COMPOUND_INTEREST -> compoundInterest;
      case LATE_FEES -> lateFees;
      case OTHER_FEES -> otherFees;
    };
  }

  /** Every component's amount, in {@link DebtComponent} order. */
  public Map<DebtComponent, Money> components() {
    Map<DebtComponent, Money> map = new EnumMap<>(DebtComponent.class);
    for (DebtComponent c : DebtComponent.values()) {
      map.put(c, amount(c));
    }
    return map;
  }

  /** Everything owed: the sum of all components. */
  public Money totalOwed() {
    return principal.plus(interest).plus(penaltyInterest).plus(compoundInterest).plus(lateFees).plus(otherFees);
  }
}
