package io.github.fenqi.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fenqi.core.policy.InMemoryPolicyRepository;
import io.github.fenqi.core.statement.ForensicVerdict;
import io.github.fenqi.core.statement.StatementParser;
import io.github.fenqi.core.testkit.Samples;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A case's dates are China's whatever zone the engine's clock carries: only the clock's instant counts. A clock in
 * UTC ({@code Clock.systemUTC()}, a common choice for a service) had made "today" the UTC date — a case dated today
 * in Beijing refused as "in the future" until 08:00 there, and a statement holding a row of that morning blocked as
 * forged.
 */
class NegotiationEngineClockZoneProperties {
  private static final NegotiationRequest SAMPLE = Samples.sampleCase();

  private static NegotiationEngine engine(Clock clock) {
    return NegotiationEngine.builder().policies(InMemoryPolicyRepository.of(Samples.policies())).clock(clock).build();
  }

  /** Any instant, any zone on the clock: today is the date in Beijing, accepted; the day after it is the future. */
  @Property(tries = 30)
  void todayIsTheDateInChinaWhateverTheClocksZone(@ForAll("instants") Instant now, @ForAll("offsets") ZoneOffset zone) {
    NegotiationEngine engine = engine(Clock.fixed(now, zone));
    LocalDate beijing = LocalDate.ofInstant(now, NegotiationEngine.CASE_ZONE);
    assertEquals(beijing, engine.calculate(new NegotiationRequest("c", beijing, SAMPLE.borrower(), SAMPLE.debts()))
        .asOf());
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> engine.calculate(
        new NegotiationRequest("c", beijing.plusDays(1), SAMPLE.borrower(), SAMPLE.debts())));
    assertEquals(List.of(Problem.of("asOf", beijing.plusDays(1) + " is in the future (today is " + beijing + ")")),
        e.problems());
  }

  /**
   * 00:30 on 22 October in Beijing, on a UTC clock (still the 21st there): the sample bank statement's last row, a
   * 燃气费 debit at 03:20 on the 22nd, had happened — it is not FUTURE_DATED, and the case is not blocked as forged.
   */
  @Example
  void aStatementRowOfThisMorningInBeijingIsNotFromTheFuture() {
    Instant now = Instant.parse("2026-10-21T16:30:00Z");
    assertNotEquals(LocalDate.ofInstant(now, ZoneOffset.UTC), LocalDate.ofInstant(now, NegotiationEngine.CASE_ZONE));
    NegotiationRequest request = new NegotiationRequest("c", LocalDate.of(2026, 10, 21), SAMPLE.borrower(),
        SAMPLE.debts());
    NegotiationResult result = engine(Clock.fixed(now, ZoneOffset.UTC)).calculate(request,
        List.of(StatementParser.parseDetected("bank_A.csv", Samples.bytes("samples/statements/bank_A.csv"))));
    assertEquals(ForensicVerdict.PASS, result.screening().verdict(), result.screening().reasons().toString());
  }

  @Provide
  Arbitrary<Instant> instants() { // while the sample policies are in effect, every hour of the day
    long from = Instant.parse("2026-03-02T00:00:00Z").getEpochSecond();
    long to = Instant.parse("2027-03-01T00:00:00Z").getEpochSecond();
    return Arbitraries.longs().between(from, to).map(Instant::ofEpochSecond);
  }

  @Provide
  Arbitrary<ZoneOffset> offsets() { // UTC−12 .. UTC+14, in quarter hours, UTC and UTC+8 among them
    return Arbitraries.integers().between(-48, 56).map(q -> ZoneOffset.ofTotalSeconds(q * 15 * 60))
        .edgeCases(c -> c.includeOnly(ZoneOffset.UTC, ZoneOffset.ofHours(8)));
  }
}
