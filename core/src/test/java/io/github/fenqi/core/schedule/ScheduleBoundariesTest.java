package io.github.fenqi.core.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.json.FenqiJson;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.money.Rate;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The documented limits of a schedule taken exactly at their value: the longest term, the largest amount, the most
 * decimals of a rate, and the fee of an INTEREST_FREE month; and a stated rate compared by value, not by its digits.
 */
class ScheduleBoundariesTest {
  private static final Amortizer ANNUITY = Amortizer.of(RepaymentMethod.EQUAL_INSTALLMENT, Rate.of("0.12"), Rate.ZERO);

  @Test
  void theLongestTermAndTheLargestAmountAreAccepted() {
    assertEquals(Amortizer.MAX_TERM, ANNUITY.schedule(Money.of("1000"), Amortizer.MAX_TERM).installments().size());
    assertEquals(Amortizer.MAX_FINANCED, ANNUITY.schedule(Amortizer.MAX_FINANCED, 12).financedAmount());
    assertTrue(ANNUITY.summarize(Amortizer.MAX_FINANCED.fen(), Amortizer.MAX_TERM).totalInstallments()
        > Amortizer.MAX_FINANCED.fen());
    InvalidInputException beyond = assertThrows(InvalidInputException.class,
        () -> ANNUITY.schedule(Money.ofFen(Amortizer.MAX_FINANCED.fen() + 1), Amortizer.MAX_TERM + 1));
    assertEquals(List.of("amount", "term"), beyond.problems().stream().map(Problem::location).toList());
  }

  @Test
  void aRateOfExactlyTheMostDecimalsIsAcceptedAndOneMoreIsNot() {
    Rate twelve = Rate.of("0.123456789012");
    assertEquals(Optional.empty(), Amortizer.checkAnnualRate("annualRate", twelve));
    assertEquals(12, Amortizer.of(RepaymentMethod.EQUAL_PRINCIPAL, twelve, Rate.ZERO).schedule(Money.of("100"), 12)
        .installments().size());
    assertTrue(Amortizer.checkAnnualRate("annualRate", Rate.of("0.1234567890123")).isPresent());
  }

  /**
   * The fee is financed × monthlyFeeRate, half-up, however many digits the rate has: a product near a long's limit
   * takes the exact branch rather than wrapping round.
   */
  @Test
  void aFeeWhoseProductNearsALongsLimitIsStillHalfUp() {
    Amortizer fine = Amortizer.of(RepaymentMethod.FEE_INSTALLMENT, Rate.ZERO, Rate.of("0.050000000000000001"));
    assertEquals(Money.ofFen(9), fine.schedule(Money.ofFen(180), 1).installments().get(0).fee());
  }

  /** An INTEREST_FREE schedule charges no fee either: a month with a fee alone is refused naming it. */
  @Test
  void anInterestFreeMonthWithAFeeAloneIsRefused() {
    Installment feeOnly = new Installment(1, Money.ofFen(1_001), Money.ofFen(1_000), Money.ZERO, Money.ofFen(1),
        Money.ZERO);
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> new Schedule(RepaymentMethod.INTEREST_FREE, Money.ofFen(1_000), Money.ZERO, 1, List.of(feeOnly)));
    assertEquals(List.of("installments[0].fee"), e.problems().stream().map(Problem::location).toList());
  }

  /** A stated rate is the schedule's own when its value is, however many trailing zeros it is written with. */
  @Test
  void aStatedRateIsComparedByValue() throws Exception {
    ObjectMapper mapper = FenqiJson.newMapper();
    Schedule s = Amortizer.of(RepaymentMethod.FEE_INSTALLMENT, Rate.ZERO, Rate.of("0.006")).schedule(Money.of("12000"), 12);
    String written = mapper.writeValueAsString(s);
    assertTrue(written.contains("\"annualizedRate\" : 0.130342"), written);
    String padded = written.replace("\"annualizedRate\" : 0.130342", "\"annualizedRate\" : 0.13034200");
    assertEquals(s, FenqiJson.read(mapper, padded.getBytes(StandardCharsets.UTF_8), Schedule.class, "s.json"));
  }

  /**
   * Interest is remaining × annualRate / 12 half-up also where the product passes a long and is worked out in
   * BigDecimal: 5 000 000 000.00 at 0.240000000012 a year owes 100 000 000.005 the first month, 100 000 000.01.
   */
  @Test
  void anInterestOfExactlyHalfAFenOnTheExactBranchRoundsUp() {
    Amortizer a = Amortizer.of(RepaymentMethod.EQUAL_PRINCIPAL, Rate.of("0.240000000012"), Rate.ZERO);
    assertEquals(Money.of("100000000.01"), a.schedule(Money.of("5000000000"), 12).installments().get(0).interest());
  }

  /**
   * The fee is half-up also for a rate of more digits than a long holds: 2 621.44 × 0.0000019073486328125 is exactly half
   * a fen (2^18 × 5^19 / 10^19), one fen a month.
   */
  @Test
  void aFeeOfExactlyHalfAFenOnTheExactBranchRoundsUp() {
    Amortizer a = Amortizer.of(RepaymentMethod.FEE_INSTALLMENT, Rate.ZERO, Rate.of("0.0000019073486328125"));
    assertEquals(Money.of("0.01"), a.schedule(Money.of("2621.44"), 12).installments().get(0).fee());
    assertEquals(12, a.summarize(262_144, 12).totalFee());
  }

  /**
   * A term of 0 months is refused by the summaries as by the schedule, naming the term (let through, the even principal
   * financed / 0 had never been found).
   */
  @Test
  void aTermOfNoMonthIsRefusedBySummariesToo() {
    Amortizer even = Amortizer.of(RepaymentMethod.EQUAL_PRINCIPAL, Rate.ZERO, Rate.ZERO);
    List<Problem> one = assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> assertThrows(InvalidInputException.class, () -> even.summarize(100_000, 0)).problems());
    assertEquals(List.of(Problem.of("term", "0 is outside 1..360 months")), one);
    List<Problem> many = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(InvalidInputException.class,
        () -> even.summarize(100_000, new int[] {12, 0}, new long[2], new long[2])).problems());
    assertEquals(List.of(Problem.of("term", "0 is outside 1..360 months")), many);
  }

  /** A fen above the largest amount is refused naming the amount at any term, by the schedule and the summary alike. */
  @Test
  void aFenAboveTheLargestAmountIsRefusedAtATermWithinRange() {
    long beyond = Amortizer.MAX_FINANCED.fen() + 1;
    List<Problem> want = List.of(Problem.of("amount", "'1000000000000.01' is above the largest amount a schedule handles "
        + "(10^12 yuan)"));
    assertEquals(want, assertThrows(InvalidInputException.class, () -> ANNUITY.schedule(Money.ofFen(beyond), 12))
        .problems());
    assertEquals(want, assertThrows(InvalidInputException.class, () -> ANNUITY.summarize(beyond, 12)).problems());
  }

  /**
   * Beside a value out of range, the largest amount and the longest term are still within it: only the one out of
   * range is named (the limits are checked again when a problem is reported, and must be the same there).
   */
  @Test
  void theLimitsBesideAValueOutOfRangeAreNotNamed() {
    assertEquals(List.of(Problem.of("term", "361 is outside 1..360 months")), assertThrows(InvalidInputException.class,
        () -> ANNUITY.schedule(Amortizer.MAX_FINANCED, Amortizer.MAX_TERM + 1)).problems());
    assertEquals(List.of(Problem.of("amount", "'-0.01' is negative")), assertThrows(InvalidInputException.class,
        () -> ANNUITY.summarize(-1, Amortizer.MAX_TERM)).problems());
  }

  /**
   * At a high rate over a long term the annuity factor is, to its 34 digits, the monthly rate itself, and on a few fen
   * the rounded payment can fall below the month's interest: 1.62 at 700 % a year over 360 months pays
   * 162 × 0.58333…3 = 94.4999… fen, rounded 94, where a month's interest is 94.5, rounded 95. The month then repays no
   * principal (a negative part would raise the balance and be refused as negative), pays its interest, 0.95, and the
   * last month repays the 1.62 with it.
   */
  @Test
  void anAnnuityBelowTheMonthsInterestRepaysNoPrincipalRatherThanANegativePart() {
    Amortizer a = Amortizer.of(RepaymentMethod.EQUAL_INSTALLMENT, Rate.of("7"), Rate.ZERO);
    Schedule s = a.schedule(Money.ofFen(162), 360);
    for (Installment i : s.installments().subList(0, 359)) {
      assertEquals(new Installment(i.period(), Money.ofFen(95), Money.ZERO, Money.ofFen(95), Money.ZERO,
          Money.ofFen(162)), i);
    }
    assertEquals(new Installment(360, Money.ofFen(257), Money.ofFen(162), Money.ofFen(95), Money.ZERO, Money.ZERO),
        s.installments().get(359));
    assertEquals(new ScheduleSummary(95, 257, 34_362, 34_200, 0), a.summarize(162, 360));
    long[] first = new long[2];
    long[] total = new long[2];
    a.summarize(162, new int[] {360, 360}, first, total); // the terms walked side by side
    assertEquals(List.of(95L, 95L, 34_362L, 34_362L), List.of(first[0], first[1], total[0], total[1]));
  }
}
