package io.github.fenqi.benchmarks;

import io.github.fenqi.core.security.audit.AuditAction;
import io.github.fenqi.core.security.audit.AuditEntry;
import io.github.fenqi.core.security.audit.AuditEvent;
import io.github.fenqi.core.security.audit.AuditKey;
import io.github.fenqi.core.security.audit.FileAuditLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Durable audit appends: each operation is one {@link FileAuditLog#append} that returns only after its entry is
 * forced to disk. Many threads append at once, so group commit lets them share fsyncs; the score (ops/s summed
 * over threads) is entries per second. Vary the thread count with {@code -t N}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(32)
public class AuditAppendBenchmark {
  private Path dir;
  private FileAuditLog log;
  private static final int RUN_ENTRIES = 5;
  private AuditEvent event;
  private List<AuditEvent> run;

  @Setup
  public void setUp() throws IOException {
    dir = Files.createTempDirectory(Path.of(System.getProperty("user.dir")), "audit-bench");
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    log = FileAuditLog.open(dir.resolve("audit.log"), AuditKey.of(key));
    event = AuditEvent.of("fenqi-engine", AuditAction.PROPOSAL_GENERATED, "case-20261125-0001",
        Map.of("strategy", "BALANCED", "debts", "3", "policyVersion", "demo-online-lender@3"));
    run = Collections.nCopies(RUN_ENTRIES, event);
  }

  @TearDown
  public void tearDown() throws IOException {
    log.close();
    Files.deleteIfExists(dir.resolve("audit.log"));
    Files.deleteIfExists(dir);
  }

  @Benchmark
  public AuditEntry durableAppend() {
    return log.append(event);
  }

  /** An engine run's entries appended together ({@link FileAuditLog#appendAll}): score is entries/s. */
  @Benchmark
  @OperationsPerInvocation(RUN_ENTRIES)
  public List<AuditEntry> durableAppendOfARun() {
    return log.appendAll(run);
  }
}
