package io.github.fenqi.core.security.audit;

import io.github.fenqi.core.FenqiException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link AuditLog#inMemory}: the chain in a list. Thread-safe (all methods synchronized). */
final class InMemoryAuditLog implements AuditLog {
  private static final Logger LOG = LoggerFactory.getLogger(InMemoryAuditLog.class);

  private final AuditKey key;
  private final Clock clock;
  private final List<AuditSink> sinks;
  private final AuditChain chain;
  private final List<String> lines = new ArrayList<>();
  private boolean closed;

  InMemoryAuditLog(AuditKey key, Clock clock, List<AuditSink> sinks) {
    this.key = key;
    this.clock = clock;
    this.sinks = List.copyOf(sinks);
    this.chain = new AuditChain(key);
  }

  @Override
  public synchronized CompletableFuture<List<AuditEntry>> appendAllAsync(List<AuditEvent> events) {
    if (closed) {
      return CompletableFuture.failedFuture(new FenqiException("audit log is closed"));
    }
    List<AuditEvent> batch = List.copyOf(events);
    List<AuditEntry> entries = new ArrayList<>(batch.size());
    long sequence = chain.lastSequence();
    String head = chain.headHash();
    try {
      for (AuditEvent e : batch) {
        entries.add(chain.seal(e, clock.instant()));
      }
    } catch (RuntimeException e) { // a custom clock: the entries sealed before it had been stored, the call threw
      chain.rewind(sequence, head);
      return CompletableFuture.failedFuture(new FenqiException("audit append failed (" + e + "); nothing of the "
          + "batch was appended", e));
    }
    entries.forEach(entry -> lines.add(entry.toJsonLine()));
    if (!entries.isEmpty()) {
      publish(sinks, entries, LOG);
    }
    return CompletableFuture.completedFuture(List.copyOf(entries));
  }

  /** The stored lines, in order (what a file log would hold). */
  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public synchronized AuditCheckpoint checkpoint() {
    return AuditCheckpoint.sign(chain.lastSequence(), chain.headHash(), key);
  }

  @Override
  public synchronized AuditVerification verify(Optional<AuditCheckpoint> checkpoint) {
    return Verifier.verify(lines, key, checkpoint);
  }

  @Override
  public synchronized void close() {
    closed = true;
  }

  static void publish(List<AuditSink> sinks, List<AuditEntry> batch, Logger log) {
    for (AuditSink sink : sinks) {
      try {
        sink.publish(batch);
      } catch (Exception e) {
        log.warn("audit sink {} failed on entries {}..{}: {}", sink, batch.get(0).sequence(),
            batch.get(batch.size() - 1).sequence(), e.toString());
      }
    }
  }
}
