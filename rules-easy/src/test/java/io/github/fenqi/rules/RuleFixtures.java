package io.github.fenqi.rules;

import io.github.fenqi.core.NegotiationRequest;
import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.policy.Policy;
import io.github.fenqi.core.testkit.Samples;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Sample case, policies and the shipped example rule files, for the tests of this module. */
final class RuleFixtures {
  static final List<Policy> POLICIES = Samples.policies();
  static final NegotiationRequest CASE = Samples.sampleCase();

  private RuleFixtures() {}

  static Policy policyOf(Debt d) {
    return POLICIES.stream().filter(p -> p.platformId().equals(d.platformId())).findFirst().orElseThrow();
  }

  static Debt debt(String id) {
    return CASE.debts().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
  }

  /** Copies the test resource rule directory {@code rules/<name>} into {@code dir}. */
  static Path copyRules(String name, Path dir, String... files) {
    try {
      Files.createDirectories(dir);
      for (String f : files) {
        try (InputStream in = RuleFixtures.class.getClassLoader().getResourceAsStream("rules/" + name + "/" + f)) {
          if (in == null) {
            throw new IllegalStateException("missing test resource rules/" + name + "/" + f);
          }
          Files.write(dir.resolve(f), in.readAllBytes());
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path copyExample(Path dir) {
    return copyRules("example", dir, "_shared.yml", "demo-online-lender.yml");
  }
}
