package io.github.fenqi.core.security.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fenqi.core.AuditIntegrityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class AuditLogProperties {
  private final AuditKey key = FileAuditLogTest.newKey();

  private List<String> chain(int n) {
    AuditLog log = AuditLog.inMemory(key, Clock.fixed(Instant.parse("2026-11-25T06:00:00Z"), ZoneOffset.UTC),
        List.of());
    for (int i = 1; i <= n; i++) {
      log.append(AuditEvent.of("actor", AuditAction.values()[i % AuditAction.values().length], "case-" + i,
          Map.of("n", Integer.toString(i))));
    }
    return ((InMemoryAuditLog) log).lines();
  }

  private long firstBad(List<String> lines) {
    return assertThrows(AuditIntegrityException.class, () -> Verifier.verify(lines, key, Optional.empty()))
        .sequence();
  }

  // Positions are drawn as raw ints and mapped into range, so no try is rejected.

  @Property(tries = 100)
  void anyEditIsLocated(@ForAll @IntRange(min = 2, max = 12) int n, @ForAll @IntRange(min = 0, max = 99) int raw) {
    int k = 1 + raw % n;
    List<String> lines = new ArrayList<>(chain(n));
    lines.set(k - 1, lines.get(k - 1).replace("case-" + k, "case-X"));
    assertEquals(k, firstBad(lines));
  }

  @Property(tries = 100)
  void anyDeletionIsLocated(@ForAll @IntRange(min = 2, max = 12) int n, @ForAll @IntRange(min = 0, max = 99) int raw) {
    int k = 1 + raw % (n - 1);
    List<String> lines = new ArrayList<>(chain(n));
    lines.remove(k - 1);
    assertEquals(k, firstBad(lines));
  }

  @Property(tries = 100)
  void anyInsertionOfAnExistingEntryIsLocated(@ForAll @IntRange(min = 2, max = 12) int n,
      @ForAll @IntRange(min = 0, max = 99) int rawAt, @ForAll @IntRange(min = 0, max = 99) int rawCopied) {
    int k = 1 + rawAt % (n + 1);
    int copied = 1 + rawCopied % n;
    if (copied == k) {
      copied = k == 1 ? 2 : k - 1;
    }
    List<String> lines = new ArrayList<>(chain(n));
    lines.add(k - 1, lines.get(copied - 1));
    assertEquals(k, firstBad(lines));
  }

  @Property(tries = 100)
  void anyReorderIsLocated(@ForAll @IntRange(min = 2, max = 12) int n, @ForAll @IntRange(min = 0, max = 99) int rawK,
      @ForAll @IntRange(min = 0, max = 99) int rawDistance) {
    int k = 1 + rawK % (n - 1);
    int distance = 1 + rawDistance % (n - k);
    List<String> lines = new ArrayList<>(chain(n));
    Collections.swap(lines, k - 1, k - 1 + distance);
    assertEquals(k, firstBad(lines));
  }

  @Property(tries = 100)
  void anyTailTruncationIsLocatedAgainstACheckpoint(@ForAll @IntRange(min = 1, max = 12) int n,
      @ForAll @IntRange(min = 0, max = 99) int raw) {
    int removed = 1 + raw % n;
    AuditLog log = AuditLog.inMemory(key, Clock.systemUTC(), List.of());
    for (int i = 0; i < n; i++) {
      log.append(AuditEvent.of("a", AuditAction.SUBMISSION, "s" + i));
    }
    AuditCheckpoint checkpoint = log.checkpoint();
    List<String> lines = ((InMemoryAuditLog) log).lines().subList(0, n - removed);
    assertEquals(n - removed + 1, assertThrows(AuditIntegrityException.class,
        () -> Verifier.verify(lines, key, Optional.of(checkpoint))).sequence());
  }
}
