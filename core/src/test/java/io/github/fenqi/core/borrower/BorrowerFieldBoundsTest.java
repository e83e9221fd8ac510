package io.github.fenqi.core.borrower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.TextFields;
import io.github.fenqi.core.money.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The documented bounds of a borrower's fields, on both sides, each refused naming its field. */
class BorrowerFieldBoundsTest {

  private static Borrower borrower(String name, int householdSize, Money income, Money expenses, Money savings,
      List<Hardship> hardships) {
    return new Borrower(name, null, null, "310000", householdSize, income, expenses, savings, hardships, false);
  }

  private static List<Problem> refused(Runnable build) {
    return assertThrows(InvalidInputException.class, build::run).problems();
  }

  /** A household of {@link Borrower#MAX_HOUSEHOLD_SIZE} (20) people is the largest; 21 is refused. */
  @Test
  void aHouseholdOfTwentyIsTheLargest() {
    assertEquals(20, borrower("张三", 20, null, null, Money.ZERO, List.of()).householdSize());
    assertEquals(List.of(Problem.of("householdSize", "21 is outside 1..20")),
        refused(() -> borrower("张三", 21, null, null, Money.ZERO, List.of())));
  }

  /**
   * In JSON, a household beyond an {@code int} is told the field's range, as 21 is: it had been told "expected a whole
   * number from -2147483648 to 2147483647".
   */
  @Test
  void aHouseholdBeyondAnIntInJsonIsToldTheFieldsRange() {
    for (String size : List.of("3000000000", "-3000000000", "21")) {
      byte[] json = ("{\"name\":\"张三\",\"regionCode\":\"310000\",\"householdSize\":" + size
          + ",\"liquidSavings\":\"0.00\",\"hardships\":[],\"hasHardshipProof\":false}")
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      List<Problem> problems = assertThrows(InvalidInputException.class, () -> io.github.fenqi.core.json.FenqiJson
          .read(io.github.fenqi.core.json.FenqiJson.newMapper(), json, Borrower.class, "b.json")).problems();
      assertEquals(List.of("b.json: householdSize: " + size + " is outside 1..20"),
          problems.stream().map(Problem::toString).toList());
    }
  }

  /** A name of {@link TextFields#MAX_NAME_LENGTH} (60) characters passes; 61 is refused, without echoing it. */
  @Test
  void aNameOfSixtyCharactersIsTheLongest() {
    String longest = "欧".repeat(TextFields.MAX_NAME_LENGTH);
    assertEquals(longest, borrower(longest, 1, null, null, Money.ZERO, List.of()).name());
    assertEquals(List.of(Problem.of("name", "is 61 characters; at most 60")),
        refused(() -> borrower(longest + "阳", 1, null, null, Money.ZERO, List.of())));
  }

  /** Liquid savings are required ("0.00" for none); a declared amount, income, expenses or savings, is not negative. */
  @Test
  void savingsAreRequiredAndNoDeclaredAmountIsNegative() {
    assertEquals(List.of(Problem.of("liquidSavings", "is required (use \"0.00\" for none)")),
        refused(() -> borrower("张三", 1, null, null, null, List.of())));
    Money minus = Money.ofFen(-1);
    assertEquals(List.of(Problem.of("monthlyNetIncome", "'-0.01' is negative"),
            Problem.of("essentialExpenses", "'-0.01' is negative"), Problem.of("liquidSavings", "'-0.01' is negative")),
        refused(() -> borrower("张三", 1, minus, minus, minus, List.of())));
    assertEquals(Money.ZERO, borrower("张三", 1, Money.ZERO, Money.ZERO, Money.ZERO, List.of()).monthlyNetIncome());
  }

  /** A hardship repeated right after itself is a repeat too: {@code MEDICAL, MEDICAL} had counted as two. */
  @Test
  void aHardshipRepeatedRightAfterItselfIsRefused() {
    assertEquals(List.of(Problem.of("hardships[1]",
            "MEDICAL is already declared at hardships[0]; list each hardship once")),
        refused(() -> borrower("张三", 1, null, null, Money.ZERO, List.of(Hardship.MEDICAL, Hardship.MEDICAL))));
  }

  /**
   * A borrower is immutable (its Javadoc): the hardships are a copy of the list given, which the caller may change
   * afterwards without changing the borrower, and cannot be changed through {@code hardships()} (kills round-25 mutant
   * B17, which kept the caller's list).
   */
  @Test
  void theHardshipsAreACopyThatCannotBeChanged() {
    List<Hardship> given = new java.util.ArrayList<>(List.of(Hardship.MEDICAL));
    Borrower b = borrower("张三", 1, null, null, Money.ZERO, given);
    given.add(Hardship.JOB_LOSS);
    assertEquals(List.of(Hardship.MEDICAL), b.hardships());
    assertThrows(UnsupportedOperationException.class, () -> b.hardships().add(Hardship.DISASTER));
  }
}
