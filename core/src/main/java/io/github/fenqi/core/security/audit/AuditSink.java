package io.github.fenqi.core.security.audit;

import java.util.List;

/**
 * Extension point: receives every batch of entries once it is durable in the log, in sequence order, before the
 * appenders are acknowledged. Implement it to copy the log to WORM storage (object lock, an append-only ledger,
 * a SIEM) so that even a compromised host cannot rewrite history unnoticed.
 *
 * <p>Called from the log's single writer thread, so implementations need not be thread-safe but must be quick
 * (they delay acknowledgements). An exception is logged and does not fail the append (the entry is already
 * durable locally); a sink that must not miss entries should keep its own cursor and re-read the log. An
 * {@link Error} (an {@code AssertionError} too) stops a {@link FileAuditLog}: the batch's appenders get an exception
 * saying which entries are durable, and the log refuses appends until it is reopened. A sink of a
 * {@link FileAuditLog} runs on its writer thread, so it cannot append to that log and wait, nor close it (both waited
 * for the writer, that is for themselves, for ever): both throw there; {@link AuditLog#appendAllAsync} does not wait.
 */
@FunctionalInterface
public interface AuditSink {
  /** Called with each durable batch, never empty, in sequence order. */
  void publish(List<AuditEntry> batch) throws Exception;
}
