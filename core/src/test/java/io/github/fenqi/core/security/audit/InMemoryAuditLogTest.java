package io.github.fenqi.core.security.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.FenqiException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class InMemoryAuditLogTest {
  /** {@link AuditLog#close()}: a closed log stops accepting appends, and says so. */
  @Test
  void aClosedLogRefusesAppends() {
    AuditLog log = AuditLog.inMemory(FileAuditLogTest.newKey(), Clock.systemUTC(), List.of());
    log.append(AuditEvent.of("t", AuditAction.OTHER, "case-1"));
    log.close();
    CompletionException e = assertThrows(CompletionException.class,
        () -> log.appendAllAsync(List.of(AuditEvent.of("t", AuditAction.OTHER, "case-2"))).join());
    assertTrue(e.getCause() instanceof FenqiException && e.getCause().getMessage().contains("closed"), e.toString());
    assertEquals(1, log.verify(Optional.empty()).entries());
  }

  private final AuditKey key = FileAuditLogTest.newKey();

  /**
   * A clock whose readings (counted from 1) fail where {@code fails} says, with "clock source unavailable", and read a
   * fixed instant otherwise: a custom clock's source gone.
   */
  static Clock failing(IntPredicate fails) {
    AtomicInteger readings = new AtomicInteger();
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        if (fails.test(readings.incrementAndGet())) {
          throw new IllegalStateException("clock source unavailable");
        }
        return Instant.parse("2026-12-04T06:00:00Z");
      }
    };
  }

  /**
   * A batch that fails part-way (the clock fails on its second event) is not appended at all, and says so through its
   * future: its first entry had been stored and chained, never handed to the sinks, and the call threw instead of
   * returning the failed future; a caller that retried the batch recorded its first event twice.
   */
  @Test
  void aBatchThatFailsPartWayLeavesNoEntryAndFailsItsFuture() {
    List<AuditEntry> sunk = new ArrayList<>();
    AuditLog log = AuditLog.inMemory(key, failing(n -> n == 2), List.of(sunk::addAll));
    CompletableFuture<List<AuditEntry>> failed = log.appendAllAsync(List.of(
        AuditEvent.of("t", AuditAction.OTHER, "one"), AuditEvent.of("t", AuditAction.OTHER, "two")));
    CompletionException e = assertThrows(CompletionException.class, failed::join);
    assertTrue(e.getCause() instanceof FenqiException && e.getCause().getMessage().contains("clock source unavailable")
        && e.getCause().getMessage().contains("nothing of the batch was appended"), e.getCause().toString());
    assertEquals(0, log.verify(Optional.empty()).entries());
    assertEquals(List.of(), sunk);
    assertEquals(1, log.append(AuditEvent.of("t", AuditAction.OTHER, "one")).sequence());
    assertEquals(1, log.verify(Optional.of(log.checkpoint())).entries());
    assertEquals(1, sunk.size());
  }

  /**
   * A clock reading before the year 0000 or after 9999 has no ISO-8601 form with four digits of year: it had been
   * sealed as {@code +12026-…} or {@code -0001-…}. The batch is refused naming the time, and the log goes on.
   */
  @Test
  void aTimeOutsideTheYearsOfFourDigitsIsRefusedAndNothingAppended() {
    for (Instant wrong : List.of(Instant.parse("+12026-12-04T06:00:00Z"), Instant.parse("-0001-12-31T23:59:59Z"))) {
      AuditLog log = AuditLog.inMemory(key, Clock.fixed(wrong, ZoneOffset.UTC), List.of());
      CompletionException e = assertThrows(CompletionException.class,
          () -> log.appendAllAsync(List.of(AuditEvent.of("t", AuditAction.OTHER, "one"))).join());
      assertTrue(e.getCause().getMessage().contains("time: " + wrong + " is outside the years 0000 to 9999"),
          e.getCause().getMessage());
      assertEquals(0, log.verify(Optional.empty()).entries());
    }
  }
}
