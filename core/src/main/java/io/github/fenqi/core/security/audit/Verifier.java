package io.github.fenqi.core.security.audit;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Verifies stored lines fed one by one, then an optional checkpoint. Not thread-safe. */
final class Verifier {
  private final AuditKey key;
  private final Optional<AuditCheckpoint> checkpoint;
  private final AuditChain chain;
  private @Nullable String hashAtCheckpoint;

  Verifier(AuditKey key, Optional<AuditCheckpoint> checkpoint) {
    this.key = key;
    this.checkpoint = checkpoint;
    this.chain = new AuditChain(key);
    this.hashAtCheckpoint = checkpoint.isPresent() && checkpoint.get().sequence() == 0
        ? AuditEntry.GENESIS_HASH : null;
  }

  /** The entry of {@code line}, verified. */
  AuditEntry accept(String line, long lineNumber) {
    AuditEntry entry = chain.accept(line, lineNumber);
    if (checkpoint.isPresent() && entry.sequence() == checkpoint.get().sequence()) {
      hashAtCheckpoint = entry.hash();
    }
    return entry;
  }

  long lastSequence() {
    return chain.lastSequence();
  }

  AuditVerification finish() {
    checkpoint.ifPresent(c -> AuditChain.checkAgainst(c, key, chain.lastSequence(), hashAtCheckpoint));
    return new AuditVerification(chain.lastSequence(), chain.lastSequence(), chain.headHash());
  }

  static AuditVerification verify(Iterable<String> lines, AuditKey key, Optional<AuditCheckpoint> checkpoint) {
    Verifier v = new Verifier(key, checkpoint);
    long n = 0;
    for (String line : lines) {
      v.accept(line, ++n);
    }
    return v.finish();
  }
}
