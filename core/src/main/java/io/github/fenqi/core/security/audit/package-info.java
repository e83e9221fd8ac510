/**
 * The tamper-evident audit log: {@link io.github.fenqi.core.security.audit.AuditLog},
 * {@link io.github.fenqi.core.security.audit.FileAuditLog} (JSON lines, fsync, group commit, crash repair),
 * signed {@link io.github.fenqi.core.security.audit.AuditCheckpoint}s and the
 * {@link io.github.fenqi.core.security.audit.AuditSink} extension point for WORM copies.
 *
 * <h2>Format</h2>
 * One JSON object per line, UTF-8, {@code \n}-terminated; the canonical form, hash and HMAC are defined in
 * {@link io.github.fenqi.core.security.audit.AuditEntry}; sequence numbers start at 1 and equal line numbers.
 * Checkpoints: {@link io.github.fenqi.core.security.audit.AuditCheckpoint}.
 *
 * <h2>Threat model</h2>
 * Detected by {@code verify}, located at the first bad entry: an edited entry (hash or HMAC mismatch), a deleted,
 * inserted or reordered entry (sequence and predecessor-hash mismatch), a forged entry (HMAC needs the audit key,
 * which is kept apart from the log), a torn line, and, given a checkpoint exported earlier, truncation of the tail
 * or a rewrite of the covered history. Not detected: truncation of entries written after the newest checkpoint
 * you hold (export checkpoints often, or forward entries to an {@code AuditSink} on WORM storage); anything done
 * by someone holding the audit key (they can rewrite and re-sign the whole log); denial of service (deleting
 * the file is noticed only by a checkpoint or a sink). Subjects and details are masked on the way in
 * ({@link io.github.fenqi.core.security.Masking#redact}), so the log itself holds no unmasked identifiers, but it
 * is not encrypted: what is recorded is readable by whoever can read the file.
 */
@NullMarked
package io.github.fenqi.core.security.audit;

import org.jspecify.annotations.NullMarked;
