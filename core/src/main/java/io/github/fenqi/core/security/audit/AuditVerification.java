package io.github.fenqi.core.security.audit;

/**
 * The result of a successful verification: how many entries, and the head of the chain (which a caller may
 * compare with a checkpoint of its own or turn into a new one).
 *
 * <p>Thread-safety: immutable.
 *
 * @param entries number of verified entries
 * @param lastSequence sequence of the last entry (equals {@code entries}; 0 for an empty log)
 * @param headHash hash of the last entry, or {@link AuditEntry#GENESIS_HASH} for an empty log
 */
public record AuditVerification(long entries, long lastSequence, String headHash) {}
