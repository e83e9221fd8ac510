package io.github.fenqi.core.security.audit;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * An append-only, tamper-evident record of data access, policy and rule changes, proposals, submissions and
 * fraud blocks. Entries are chained by SHA-256 and authenticated by HMAC-SHA-256 under an {@link AuditKey} kept
 * apart from the log (formats in {@link AuditEntry} and {@link AuditCheckpoint}).
 *
 * <p>Wiring in an engine: hold one {@code AuditLog} (e.g. {@link FileAuditLog#open}), and after each step call
 * {@code log.append(AuditEvent.of("fenqi-engine", AuditAction.PROPOSAL_GENERATED, caseId, details))} or collect a
 * run's events and call {@link #appendAll} once (one fsync).
 *
 * <p>Thread-safety: implementations are thread-safe; appends from many threads are serialised into one chain.
 */
public interface AuditLog extends AutoCloseable {

  /** Appends one event; returns once the entry is durable. */
  default AuditEntry append(AuditEvent event) {
    return appendAll(List.of(event)).get(0);
  }

  /** Appends events as consecutive entries; returns once all are durable. */
  default List<AuditEntry> appendAll(List<AuditEvent> events) {
    return Futures.join(appendAllAsync(events));
  }

  /** Appends events as consecutive entries; the future completes once they are durable. */
  CompletableFuture<List<AuditEntry>> appendAllAsync(List<AuditEvent> events);

  /** A signed checkpoint of the current durable head, to be stored elsewhere. */
  AuditCheckpoint checkpoint();

  /** Verifies the whole log; with a checkpoint, also that nothing it covers was cut off or rewritten. */
  AuditVerification verify(Optional<AuditCheckpoint> checkpoint);

  /** Stops accepting appends and releases resources; waits for pending appends. */
  @Override
  void close();

  /**
   * A log kept in memory (tests, embedders that only forward to sinks); durable only through its sinks. A batch whose
   * clock reading fails is not appended at all, and its future fails saying so; the log goes on taking appends.
   */
  static AuditLog inMemory(AuditKey key, Clock clock, List<AuditSink> sinks) {
    return new InMemoryAuditLog(key, clock, sinks);
  }
}
