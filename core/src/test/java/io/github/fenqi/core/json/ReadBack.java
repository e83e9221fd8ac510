package io.github.fenqi.core.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fenqi.core.NegotiationEngine;
import io.github.fenqi.core.policy.InMemoryPolicyRepository;
import io.github.fenqi.core.testkit.Samples;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** What the read-back tests share: an engine on the sample policies at a fixed date, and a write-then-read. */
final class ReadBack {
  private ReadBack() {}

  /** The engine on the sample policies, on 2026-11-25 in China. */
  static final NegotiationEngine ENGINE = NegotiationEngine.builder()
      .policies(InMemoryPolicyRepository.of(Samples.policies()))
      .clock(Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneId.of("Asia/Shanghai"))).build();

  /** {@code value} written by {@code mapper} and read back as {@code type}, as a client of the REST API reads it. */
  static <T> T readBack(ObjectMapper mapper, T value, Class<T> type) {
    return FenqiJson.read(mapper, FenqiJson.write(mapper, value).getBytes(StandardCharsets.UTF_8), type, "out.json");
  }
}
