package io.github.fenqi.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.fenqi.core.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever sequence of {@link PolicyFiles#write} and {@link PolicyFiles#supersede} a directory goes through, it holds
 * what an {@link InMemoryPolicyRepository} holds after the same {@code put} and {@code supersede} calls, and a strict
 * directory repository loads it without a problem: no two versions of a day, no file left ignored.
 */
class PolicyFilesProperties {
  /** One call: a label of 3 and a day of 3, so that labels and days meet often. */
  record Step(boolean supersede, int label, int day) {
    String json() {
      return PolicyFilesTest.version("v" + label, "2026-0" + (day + 1) + "-01");
    }
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    return Arbitraries.integers().between(0, 17)
        .map(n -> new Step(n >= 9, n % 9 / 3, n % 3)).list().ofMinSize(1).ofMaxSize(8);
  }

  @Property(tries = 40)
  void theDirectoryHoldsWhatARepositoryGivenTheSameCallsHolds(@ForAll("steps") List<Step> steps) throws IOException {
    Path dir = Files.createTempDirectory("fenqi-policy-files");
    try {
      InMemoryPolicyRepository model = InMemoryPolicyRepository.of(List.of());
      for (Step step : steps) {
        byte[] json = step.json().getBytes(StandardCharsets.UTF_8);
        Policy policy = new PolicyValidator().validate(json, "step").orElseThrow();
        if (step.supersede()) {
          PolicyFiles.supersede(dir, json);
          model.supersede(policy, "test");
          continue;
        }
        boolean refused = false;
        try {
          PolicyFiles.write(dir, json);
        } catch (InvalidInputException e) {
          refused = true;
        }
        assertEquals(!model.conflicts(policy).isEmpty(), refused, step.toString());
        if (!refused) {
          model.put(policy, "test");
        }
      }
      try (JsonDirectoryPolicyRepository files = JsonDirectoryPolicyRepository.openStrict(dir)) {
        assertEquals(sorted(model.snapshot().policies()), sorted(files.snapshot().policies()), steps.toString());
      }
      try (Stream<Path> list = Files.list(dir)) {
        assertEquals(model.snapshot().policies().size(), list.count(), "one file per version, no temporary file");
      }
    } finally {
      try (Stream<Path> list = Files.list(dir)) {
        for (Path f : list.toList()) {
          Files.delete(f);
        }
      }
      Files.delete(dir);
    }
  }

  private static List<Policy> sorted(List<Policy> policies) {
    return policies.stream().sorted(Comparator.comparing(Policy::version)).toList();
  }
}
