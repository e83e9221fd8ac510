package io.github.fenqi.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fenqi.core.json.FenqiJson;
import io.github.fenqi.core.policy.InMemoryPolicyRepository;
import io.github.fenqi.core.testkit.Samples;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One engine serves concurrent requests (its Javadoc promises so): eight threads calculating two cases at once, all
 * released together, each get exactly the result one thread alone gets — proposals, stress figures and scripts, as
 * JSON, to the character.
 */
class NegotiationEngineConcurrencyTest {
  private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

  @Test
  void concurrentCalculationsGetTheSingleThreadedResults() throws Exception {
    ObjectMapper mapper = FenqiJson.newMapper();
    NegotiationEngine engine = NegotiationEngine.builder()
        .policies(InMemoryPolicyRepository.of(Samples.policies())).clock(TODAY).build();
    List<NegotiationRequest> cases = List.of(Samples.sampleCase(),
        NegotiationRequest.read(mapper, Samples.bytes("samples/cases/shanghai-three-debts-feasible.json"), "feasible"));
    List<String> expected = new ArrayList<>();
    for (NegotiationRequest c : cases) {
      expected.add(FenqiJson.write(mapper, engine.calculate(c)));
    }
    int threads = 8;
    int rounds = 6;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<String>>> runs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t % cases.size();
        runs.add(pool.submit(() -> {
          start.await();
          List<String> out = new ArrayList<>();
          for (int r = 0; r < rounds; r++) {
            int which = (first + r) % cases.size();
            out.add(which + FenqiJson.write(mapper, engine.calculate(cases.get(which))));
          }
          return out;
        }));
      }
      start.countDown();
      for (int t = 0; t < threads; t++) {
        List<String> out = runs.get(t).get(2, TimeUnit.MINUTES);
        for (int r = 0; r < rounds; r++) {
          int which = (t % cases.size() + r) % cases.size();
          assertEquals(which + expected.get(which), out.get(r), "thread " + t + ", round " + r);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
