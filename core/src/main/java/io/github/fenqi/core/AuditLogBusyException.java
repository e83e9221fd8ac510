package io.github.fenqi.core;

/**
 * Another writer — another process, or another open log in this one — holds the audit log: one log has one writer.
 * A service that meets it at start runs beside another instance on the same log; short-lived writers can wait their
 * turn ({@code FileAuditLog.open(file, key, wait)}).
 *
 * <p>Thread-safety: immutable.
 */
public class AuditLogBusyException extends FenqiException {
  private static final long serialVersionUID = 1L;

  public AuditLogBusyException(String message) {
    super(message);
  }
}
