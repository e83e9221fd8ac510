package io.github.fenqi.cli;

import io.github.fenqi.core.security.audit.AuditCheckpoint;
import io.github.fenqi.core.security.audit.AuditEntry;
import io.github.fenqi.core.security.audit.AuditEvent;
import io.github.fenqi.core.security.audit.AuditLog;
import io.github.fenqi.core.security.audit.AuditVerification;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * An audit log not yet on disk, opened by its first use: a run refused for its input (a statement not there, a case
 * the engine refuses) writes no entry, and so leaves no empty log behind, where opening it first had created one.
 * Thread-safety: safe; the first use opens the log once.
 */
final class FirstEntryAuditLog implements AuditLog {
  private final Supplier<AuditLog> open;
  private @Nullable AuditLog log;

  FirstEntryAuditLog(Supplier<AuditLog> open) {
    this.open = open;
  }

  private synchronized AuditLog log() {
    if (log == null) {
      log = open.get();
    }
    return log;
  }

  @Override
  public CompletableFuture<List<AuditEntry>> appendAllAsync(List<AuditEvent> events) {
    return log().appendAllAsync(events);
  }

  @Override
  public AuditCheckpoint checkpoint() {
    return log().checkpoint();
  }

  @Override
  public AuditVerification verify(Optional<AuditCheckpoint> checkpoint) {
    return log().verify(checkpoint);
  }

  @Override
  public synchronized void close() {
    if (log != null) {
      log.close();
    }
  }
}
