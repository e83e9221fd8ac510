package io.github.fenqi.benchmarks;

import io.github.fenqi.core.security.FieldCipher;
import io.github.fenqi.core.security.InMemoryKeyProvider;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** AES-256-GCM round trip of a short PII field (an 18-character ID number) with {@link FieldCipher}. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CipherBenchmark {
  private FieldCipher cipher;
  private String ciphertext;

  @Setup
  public void setUp() {
    cipher = FieldCipher.create(InMemoryKeyProvider.generate("bench"));
    ciphertext = cipher.encrypt("case-123", "idNumber", "11010519491231002X");
  }

  @Benchmark
  public String encryptDecryptRoundTrip() {
    String ct = cipher.encrypt("case-123", "idNumber", "11010519491231002X");
    return cipher.decrypt("case-123", "idNumber", ct);
  }

  @Benchmark
  public String decryptOnly() {
    return cipher.decrypt("case-123", "idNumber", ciphertext);
  }
}
