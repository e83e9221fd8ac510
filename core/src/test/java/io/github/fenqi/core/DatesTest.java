package io.github.fenqi.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fenqi.core.json.FenqiJson;
import io.github.fenqi.core.policy.Policy;
import io.github.fenqi.core.policy.PolicyValidator;
import io.github.fenqi.core.testkit.Samples;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatesTest {
  private static String refusedDay(String text) {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> Dates.day("asOf", text), text);
    assertEquals("asOf", e.problems().get(0).location());
    return e.problems().get(0).reason();
  }

  @Test
  void readsExactlyFourDigitsOfYearThenMonthAndDay() {
    assertEquals(LocalDate.of(2026, 1, 5), Dates.day("asOf", "2026-01-05"));
    assertEquals(LocalDate.of(2028, 2, 29), Dates.day("asOf", "2028-02-29"));
    assertEquals(YearMonth.of(2026, 12), Dates.month("month", "2026-12"));
  }

  /** java.time's ISO reader takes an expanded year: "+12026-01-01" was the year 12026, "-0001-01-01" 2 BC. */
  @Test
  void aSignedOrLongerYearIsRefusedNotReadAsAnotherMillennium() {
    for (String text : new String[] {"+12026-01-01", "-0001-01-01", "+2026-01-01", "-2026-01-01", "12026-01-01"}) {
      assertEquals("'" + text + "' is not a valid date YYYY-MM-DD: the year is four digits without a sign",
          refusedDay(text));
    }
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> Dates.month("month", "+12026-01"));
    assertEquals("month: '+12026-01' is not a valid month YYYY-MM: the year is four digits without a sign",
        e.getMessage());
  }

  @Test
  void aValueNearTheFormSaysWhatIsWrongWithIt() {
    assertEquals("'2026-02-30' is not a valid date YYYY-MM-DD: February 2026 has days 01 to 28",
        refusedDay("2026-02-30"));
    assertEquals("'2026-13-01' is not a valid date YYYY-MM-DD: there is no month 13", refusedDay("2026-13-01"));
    assertEquals("'2026-1-5' is not a valid date YYYY-MM-DD: the month and the day take two digits each",
        refusedDay("2026-1-5"));
    assertEquals("'２０２６-01-05' is not a valid date YYYY-MM-DD: write its digits as ASCII 0-9, not full-width "
        + "or other digits", refusedDay("２０２６-01-05"));
    assertEquals("' 2026-01-05' is not a valid date YYYY-MM-DD: it has spaces around it", refusedDay(" 2026-01-05"));
    assertEquals("'2026-01-05\\n' is not a valid date YYYY-MM-DD: it has spaces around it",
        refusedDay("2026-01-05\n"));
    assertEquals("'2026/01/05' is not a valid date YYYY-MM-DD", refusedDay("2026/01/05"));
    assertEquals("'2026-01-05T00:00' is not a valid date YYYY-MM-DD", refusedDay("2026-01-05T00:00"));
    assertEquals("'' is not a valid date YYYY-MM-DD", refusedDay(""));
  }

  /**
   * A date built in code beyond the year 9999 ({@code LocalDate.MAX} for "no end") had been written as
   * "+999999999-12-31", which no reader of YYYY-MM-DD takes back: a case and a policy refuse it when built.
   */
  @Test
  void aCaseOrPolicyBuiltInCodeRefusesADateYyyyMmDdCannotWrite() {
    ObjectMapper mapper = FenqiJson.newMapper();
    NegotiationRequest c = NegotiationRequest.read(mapper, Samples.bytes("samples/cases/" + Samples.CASE), "case.json");
    InvalidInputException late = assertThrows(InvalidInputException.class,
        () -> new NegotiationRequest(c.caseId(), LocalDate.of(10_000, 1, 1), c.borrower(), c.debts()));
    assertEquals(List.of(Problem.of("asOf", "+10000-01-01 is outside the years 0000 to 9999, which a date YYYY-MM-DD "
        + "can write")), late.problems());
    Policy p = new PolicyValidator().validate(Samples.bytes("samples/policies/demo-consumer-finance.json"), "p.json")
        .orElseThrow();
    InvalidInputException forever = assertThrows(InvalidInputException.class, () -> new Policy(p.schemaVersion(),
        p.platformId(), p.platformName(), p.productTypes(), p.version(), LocalDate.of(-1, 1, 1), LocalDate.MAX,
        p.eligibility(), p.installments(), p.waivers(), p.downPayment(), p.legalBasis(), p.source()));
    assertEquals(List.of("effectiveFrom", "effectiveTo"), forever.problems().stream().map(Problem::location).toList(),
        forever.getMessage());
    // the last day it writes is read back
    assertEquals(LocalDate.of(9999, 12, 31), Dates.day("asOf", new NegotiationRequest(c.caseId(),
        LocalDate.of(9999, 12, 31), c.borrower(), c.debts()).asOf().toString()));
  }

  private static String refusedInstant(String text) {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> Dates.instant("time", text), text);
    assertEquals("time", e.problems().get(0).location());
    return e.problems().get(0).reason();
  }

  /** An instant is written ISO-8601 in UTC, YYYY-MM-DDTHH:MM:SS with an optional fraction and Z, read back as such. */
  @Test
  void readsAnInstantInUtcWithFourDigitsOfYear() {
    assertEquals(Instant.parse("2026-12-04T06:00:00Z"), Dates.instant("time", "2026-12-04T06:00:00Z"));
    assertEquals(Instant.parse("2026-12-04T06:00:00.123456789Z"),
        Dates.instant("time", "2026-12-04T06:00:00.123456789Z"));
    assertEquals(Instant.parse("0000-01-01T00:00:00Z"), Dates.instant("time", "0000-01-01T00:00:00Z"));
    Instant last = Instant.parse("9999-12-31T23:59:59.999999999Z");
    assertEquals(last, Dates.instant("time", last.toString()));
  }

  /**
   * {@link Instant#parse} takes an expanded year ({@code +12026-…}, {@code -0001-…}), an offset other than Z (read as
   * another instant), a lower-case t or z, a leap second (read as the second before) and the hour 24 (read as the next
   * day): none is an instant written ISO-8601 in UTC with four digits of year, and each had been read without a word.
   */
  @Test
  void anExpandedYearAnOffsetOrAnOddTimeIsRefused() {
    for (String text : new String[] {"+12026-12-04T06:00:00Z", "-0001-12-04T06:00:00Z", "12026-12-04T06:00:00Z"}) {
      assertEquals("'" + text + "' is not a valid instant YYYY-MM-DDTHH:MM:SSZ (ISO-8601, UTC): the year is four "
          + "digits without a sign", refusedInstant(text));
    }
    assertEquals("'2026-12-04T06:00:00+08:00' is not a valid instant YYYY-MM-DDTHH:MM:SSZ (ISO-8601, UTC): write it "
        + "in UTC, ending in Z", refusedInstant("2026-12-04T06:00:00+08:00"));
    for (String text : new String[] {"2026-12-04t06:00:00z", "2026-06-30T23:59:60Z", "2026-12-04T24:00:00Z",
        "2026-12-04T06:00Z", "2026-02-30T06:00:00Z", "２０２６-12-04T06:00:00Z", " 2026-12-04T06:00:00Z", ""}) {
      assertTrue(refusedInstant(text).startsWith("'" + Problem.excerpt(text) + "' is not a valid instant "
          + "YYYY-MM-DDTHH:MM:SSZ (ISO-8601, UTC)"), text);
    }
  }

  /**
   * What fenqi writes spans the years 0000 to 9999 on both ends: the first day and instant of 0000 and the last of
   * 9999 are in range, a day or a nanosecond beyond either is not.
   */
  @Test
  void theYearsZeroToNineThousandNineHundredNinetyNineAreInRangeToTheirEnds() {
    assertEquals(java.util.Optional.empty(), Dates.outOfRange("asOf", LocalDate.of(0, 1, 1)));
    assertEquals(java.util.Optional.of(Problem.of("asOf", "-0001-12-31 is outside the years 0000 to 9999, which a date "
        + "YYYY-MM-DD can write")), Dates.outOfRange("asOf", LocalDate.of(0, 1, 1).minusDays(1)));
    Instant first = Instant.parse("0000-01-01T00:00:00Z");
    Instant last = Instant.parse("9999-12-31T23:59:59.999999999Z");
    assertEquals(java.util.Optional.empty(), Dates.outOfRange("time", first));
    assertEquals(java.util.Optional.empty(), Dates.outOfRange("time", last));
    assertEquals(java.util.Optional.of(Problem.of("time", "+10000-01-01T00:00:00Z is outside the years 0000 to 9999, "
        + "which an instant YYYY-MM-DDTHH:MM:SSZ (ISO-8601, UTC) can write")), Dates.outOfRange("time", last.plusNanos(1)));
    assertEquals(List.of("time"), Dates.outOfRange("time", first.minusNanos(1)).stream().map(Problem::location).toList());
  }

  /** The part at fault is named: a day of one digit, an instant's year of three. */
  @Test
  void aDayOfOneDigitAndAnInstantsShortYearAreNamed() {
    assertEquals("'2026-01-5' is not a valid date YYYY-MM-DD: the month and the day take two digits each",
        refusedDay("2026-01-5"));
    assertEquals("'202-12-04T06:00:00Z' is not a valid instant YYYY-MM-DDTHH:MM:SSZ (ISO-8601, UTC): the year is four "
        + "digits without a sign", refusedInstant("202-12-04T06:00:00Z"));
  }
}
