package io.github.fenqi.core.borrower;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.TextFields;
import io.github.fenqi.core.affordability.LivingCostFloor;
import io.github.fenqi.core.json.WholeRange;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.security.IdentityValidation;
import io.github.fenqi.core.security.Masking;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The borrower of a case. Identifiers are PII: {@link #toString()} never prints them unmasked.
 * Declared income and expenses are optional when statements are given.
 *
 * <p>Thread-safety: immutable.
 *
 * @param name full name (PII)
 * @param idNumber mainland resident ID number (PII), may be null when not collected
 * @param mobile mobile number (PII), may be null
 * @param regionCode administrative division code of residence (e.g. {@code "310000"} Shanghai): six digits, the first
 *     two a province-level region of GB/T 2260 ({@link LivingCostFloor#whyNoRegion})
 * @param householdSize people living on the borrower's income, at least 1
 * @param monthlyNetIncome declared monthly net income, or null when only statements are given
 * @param essentialExpenses declared monthly essential expenses, or null
 * @param liquidSavings cash the borrower can put towards down payments, not negative
 * @param hardships declared hardships, each at most once, possibly empty
 * @param hasHardshipProof whether documents proving the hardship are available
 */
public record Borrower(
    String name,
    @Nullable String idNumber,
    @Nullable String mobile,
    String regionCode,
    @WholeRange(min = 1, max = MAX_HOUSEHOLD_SIZE) int householdSize,
    @Nullable Money monthlyNetIncome,
    @Nullable Money essentialExpenses,
    Money liquidSavings,
    List<Hardship> hardships,
    boolean hasHardshipProof) {
  private static final Masking MASKING = Masking.defaults();

  /** The largest household: the living-cost floor of a table is checked up to it. */
  public static final int MAX_HOUSEHOLD_SIZE = 20;

  private static final String REGION_CODE = "a 6-digit administrative division code such as \"310000\"";

  public Borrower {
    List<Problem> problems = new ArrayList<>();
    TextFields.check("name", name, TextFields.MAX_NAME_LENGTH).ifPresent(problems::add); // never echoes the name
    List<Problem> identity = identityProblems(idNumber, mobile);
    problems.addAll(identity);
    if (regionCode == null) {
      problems.add(Problem.of("regionCode", "is missing; expected " + REGION_CODE));
    } else if (!regionCode.matches("\\d{6}")) {
      // quoted, as LivingCostFloor.floor quotes it (masked, escaped, cut): "上海 市" or "３１００００" had been told only
      // what a code must be, so the reader had to find the field's value to see what was wrong
      problems.add(Problem.of("regionCode", "'" + Problem.excerpt(regionCode) + "' is not " + REGION_CODE));
    } else { // 990000 had been built, and a case of it refused only after its screening had run
      LivingCostFloor.whyNoRegion(regionCode).ifPresent(why -> problems.add(Problem.of("regionCode", "'" + regionCode
          + "' " + why)));
    }
    if (householdSize < 1 || householdSize > MAX_HOUSEHOLD_SIZE) {
      problems.add(Problem.of("householdSize", householdSize + " is outside 1.." + MAX_HOUSEHOLD_SIZE));
    }
    checkAmount(problems, "monthlyNetIncome", monthlyNetIncome);
    checkAmount(problems, "essentialExpenses", essentialExpenses);
    if (liquidSavings == null) {
      problems.add(Problem.of("liquidSavings", "is required (use \"0.00\" for none)"));
    } else {
      checkAmount(problems, "liquidSavings", liquidSavings);
    }
    if (hardships != null) { // List.copyOf would throw a bare NullPointerException, which a case file showed as such
      for (int i = 0; i < hardships.size(); i++) {
        if (hardships.get(i) == null) {
          problems.add(Problem.of("hardships[" + i + "]", "is null; expected one of " + List.of(Hardship.values())));
        } else if (hardships.indexOf(hardships.get(i)) < i) {
          // a repeat had been kept: a deployment rule on borrower.hardshipCount counted MEDICAL, MEDICAL as two
          // hardships (and 20 000 copies as 20 000), so repeating one declaration could qualify a debt
          problems.add(Problem.of("hardships[" + i + "]", hardships.get(i) + " is already declared at hardships["
              + hardships.indexOf(hardships.get(i)) + "]; list each hardship once"));
        }
      }
    }
    if (problems.size() > identity.size()) {
      throw new InvalidInputException(problems);
    }
    hardships = hardships == null ? List.of() : List.copyOf(hardships);
  }

  /**
   * The ID number's and mobile's problems ({@link IdentityValidation}, against today's date in China), named only when
   * the record is refused for another field. The engine checks them at its door, against its own clock, so a record
   * with only these problems is built; but a case with a blank name and a mistyped ID number had been refused naming the
   * name alone, and the ID number only once the name was fixed.
   */
  private static List<Problem> identityProblems(@Nullable String idNumber, @Nullable String mobile) {
    IdentityValidation identity = IdentityValidation.system();
    List<Problem> problems = new ArrayList<>();
    if (idNumber != null) {
      identity.checkIdNumber("idNumber", idNumber).ifPresent(problems::add);
    }
    if (mobile != null) {
      identity.checkMobile("mobile", mobile).ifPresent(problems::add);
    }
    return problems;
  }

  /**
   * Not negative, and within {@link Money#LARGEST_INPUT} like an amount read from text: essential expenses built in code
   * as {@code Money.ofFen(Long.MAX_VALUE)} had overflowed the affordability model with a bare ArithmeticException.
   */
  private static void checkAmount(List<Problem> problems, String field, @Nullable Money amount) {
    if (amount != null && amount.isNegative()) {
      problems.add(Problem.of(field, "'" + amount + "' is negative"));
    } else if (amount != null && amount.isGreaterThan(Money.LARGEST_INPUT)) {
      problems.add(Problem.of(field, "'" + amount + "' is out of range; amounts are limited to ±10^15 yuan"));
    }
  }

  /** Masked with {@link Masking#defaults()}: personal identifiers never appear in logs or messages. */
  @Override
  public String toString() {
    return "Borrower[name=" + MASKING.name(name) + ", idNumber=" + (idNumber == null ? null : MASKING.idNumber(idNumber))
        + ", mobile=" + (mobile == null ? null : MASKING.mobile(mobile)) + ", regionCode=" + regionCode
        + ", householdSize=" + householdSize + ", monthlyNetIncome=" + monthlyNetIncome + ", essentialExpenses="
        + essentialExpenses + ", liquidSavings=" + liquidSavings + ", hardships=" + hardships
        + ", hasHardshipProof=" + hasHardshipProof + "]";
  }
}
