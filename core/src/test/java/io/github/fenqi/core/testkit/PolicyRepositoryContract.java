package io.github.fenqi.core.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.policy.Policy;
import io.github.fenqi.core.policy.PolicyRepository;
import io.github.fenqi.core.policy.PolicySnapshot;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The laws every {@link PolicyRepository} obeys. An implementation's test extends this and supplies a
 * repository holding exactly the sample policies.
 */
public abstract class PolicyRepositoryContract {

  /** A repository holding exactly {@link Samples#policies()}. */
  protected abstract PolicyRepository repositoryWithSamples() throws Exception;

  @Test
  void findsEachSamplePolicyAsOfADateItIsEffective() throws Exception {
    PolicyRepository repo = repositoryWithSamples();
    for (Policy p : Samples.policies()) {
      assertEquals(p, repo.find(p.platformId(), p.effectiveFrom()).orElseThrow());
      assertTrue(repo.find(p.platformId(), p.effectiveFrom().minusDays(1)).isEmpty(), "not effective the day before");
    }
    assertTrue(repo.find("no-such-platform", LocalDate.of(2026, 11, 24)).isEmpty());
  }

  @Test
  void snapshotHoldsEveryPolicyAndMatchesAll() throws Exception {
    PolicyRepository repo = repositoryWithSamples();
    PolicySnapshot s = repo.snapshot();
    assertEquals(3, s.policies().size());
    assertEquals(s.policies(), repo.all());
    assertEquals(s.version(), repo.version());
    assertTrue(s.version() > 0);
    assertEquals(List.of(repo.find("demo-credit-card", LocalDate.of(2026, 11, 24)).orElseThrow()),
        repo.history("demo-credit-card"));
  }
}
