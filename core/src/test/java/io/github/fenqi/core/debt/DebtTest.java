package io.github.fenqi.core.debt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.money.Rate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** A debt's days overdue are bounded on both sides, and a value outside is refused naming the field. */
class DebtTest {

  @Property
  void overdueDaysFromZeroToAHundredYearsAreAccepted(@ForAll @IntRange(min = 0, max = Debt.MAX_OVERDUE_DAYS) int days) {
    assertEquals(days, debt(days).overdueDays());
  }

  /** 2 000 000 000 days (five million years) was accepted and planned for. */
  @Property
  void moreThanAHundredYearsOverdueIsRefusedNamingTheField(
      @ForAll @IntRange(min = Debt.MAX_OVERDUE_DAYS + 1, max = Integer.MAX_VALUE) int days) {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> debt(days));
    assertEquals(java.util.List.of(Problem.of("overdueDays",
        days + " is more than 36525 (100 years): not a plausible number of days overdue")), e.problems());
  }

  /**
   * The lower bound, -1 day included: the class says days are bounded on both sides, and only the upper one had been
   * held here (a check refusing from -2 on was caught only by a JSON reader's test that happened to use -1).
   */
  @Property
  void negativeDaysOverdueAreRefusedNamingTheField(@ForAll @IntRange(min = Integer.MIN_VALUE, max = -1) int days) {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> debt(days));
    assertEquals(java.util.List.of(Problem.of("overdueDays", days + " is negative")), e.problems());
  }

  @org.junit.jupiter.api.Test
  void minusOneDayOverdueIsRefused() {
    assertEquals(java.util.List.of(Problem.of("overdueDays", "-1 is negative")),
        assertThrows(InvalidInputException.class, () -> debt(-1)).problems());
  }

  private static Debt debt(int overdueDays) {
    return new Debt("d-1", "demo-online-lender", ProductType.values()[0], Money.ofYuan(1000), Money.ZERO, Money.ZERO,
        Money.ZERO, Money.ZERO, Money.ZERO, Rate.of("0.18"), overdueDays);
  }

  /** A case file's amount of a million digits had held the reader for hours before it was refused. */
  @org.junit.jupiter.api.Test
  void aCaseFilesAmountOfAMillionDigitsIsRefusedAtOnceNamingTheField() {
    byte[] json = ("{\"id\":\"d-1\",\"platformId\":\"demo\",\"productType\":\"CREDIT_CARD\",\"principal\":\""
        + "1".repeat(1_000_000) + "\",\"interest\":\"0\",\"penaltyInterest\":\"0\",\"compoundInterest\":\"0\","
        + "\"lateFees\":\"0\",\"otherFees\":\"0\",\"annualRate\":\"0.18\",\"overdueDays\":30}").getBytes(
            java.nio.charset.StandardCharsets.UTF_8);
    InvalidInputException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
        () -> assertThrows(InvalidInputException.class, () -> io.github.fenqi.core.json.FenqiJson.read(
            io.github.fenqi.core.json.FenqiJson.newMapper(), json, Debt.class, "case.json")));
    assertEquals("case.json: principal: '" + "1".repeat(37) + "...' is out of range; amounts are limited to ±10^15 yuan",
        e.getMessage());
  }

  /**
   * A debt's id and platform id are identifiers: up to {@link io.github.fenqi.core.TextFields#MAX_ID_LENGTH} (128)
   * characters each, as a case id, and one more is refused naming the field.
   */
  @org.junit.jupiter.api.Test
  void anIdAndAPlatformIdOf128CharactersAreTheLongest() {
    String longest = "p".repeat(128);
    Debt d = new Debt(longest, longest, ProductType.values()[0], Money.ofYuan(1000), Money.ZERO, Money.ZERO,
        Money.ZERO, Money.ZERO, Money.ZERO, Rate.of("0.18"), 30);
    assertEquals(longest, d.platformId());
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Debt(longest + "d", longest + "p",
        ProductType.values()[0], Money.ofYuan(1000), Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO,
        Rate.of("0.18"), 30));
    assertEquals(java.util.List.of(Problem.of("id", "is 129 characters; at most 128"),
        Problem.of("platformId", "is 129 characters; at most 128")), e.problems());
  }

  /**
   * No component is negative, by as little as one fen, and each is named: -0.01 yuan of principal, of late fees and so
   * on is refused naming the field, 0.00 of each is owed nothing (kills round-25 mutant D14, which let -0.01 through).
   */
  @org.junit.jupiter.api.Test
  void aComponentOfMinusOneFenIsNegativeNamingTheField() {
    Money minus = Money.ofFen(-1);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Debt("d-1", "demo-online-lender",
        ProductType.CREDIT_CARD, minus, minus, minus, minus, minus, minus, Rate.of("0.18"), 30));
    assertEquals(java.util.stream.Stream.of("principal", "interest", "penaltyInterest", "compoundInterest", "lateFees",
        "otherFees").map(f -> Problem.of(f, "'-0.01' is negative")).toList(), e.problems());
    assertEquals(Money.ZERO, new Debt("d-1", "demo-online-lender", ProductType.CREDIT_CARD, Money.ZERO, Money.ZERO,
        Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Rate.of("0.18"), 30).totalOwed());
  }

  /**
   * {@code components()} holds every component's own amount in {@link DebtComponent} order, and {@code totalOwed()} is
   * their sum (kills round-25 mutant D15, which gave every component the principal).
   */
  @org.junit.jupiter.api.Test
  void theComponentsAreEachTheirOwnAmountInOrder() {
    Debt d = new Debt("d-1", "demo-online-lender", ProductType.CREDIT_CARD, Money.ofFen(100_000), Money.ofFen(2_000),
        Money.ofFen(300), Money.ofFen(40), Money.ofFen(5), Money.ofFen(1), Rate.of("0.18"), 30);
    assertEquals(java.util.List.of(DebtComponent.values()), java.util.List.copyOf(d.components().keySet()));
    assertEquals(java.util.List.of(Money.ofFen(100_000), Money.ofFen(2_000), Money.ofFen(300), Money.ofFen(40),
        Money.ofFen(5), Money.ofFen(1)), java.util.List.copyOf(d.components().values()));
    for (DebtComponent c : DebtComponent.values()) {
      assertEquals(d.amount(c), d.components().get(c), c.jsonName());
    }
    assertEquals(Money.ofFen(102_346), d.totalOwed());
  }
}
