package io.github.fenqi.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fenqi.core.PolicyException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.testkit.Samples;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every repository's snapshot holds, a custom repository's too. */
class PolicySnapshotTest {

  private static Policy relabelled(Policy p, String version, LocalDate from) {
    return new Policy(p.schemaVersion(), p.platformId(), p.platformName(), p.productTypes(), version, from, null,
        p.eligibility(), p.installments(), p.waivers(), p.downPayment(), p.legalBasis(), p.source());
  }

  /**
   * A custom repository (a database) built a snapshot with two versions of a platform from the same day: find then
   * returned whichever label sorts last ("2026-03-01-b" over "2026-03-01"), without a word.
   */
  @Test
  void twoVersionsOfAPlatformFromTheSameDayAreRefused() {
    Policy cc = Samples.policies().stream().filter(p -> p.platformId().equals("demo-credit-card")).findFirst().orElseThrow();
    List<Policy> policies = new ArrayList<>(Samples.policies());
    policies.add(relabelled(cc, cc.version() + "-b", cc.effectiveFrom()));
    PolicyException sameDay = assertThrows(PolicyException.class, () -> new PolicySnapshot(7, policies));
    assertEquals(List.of(Problem.of("demo-credit-card", PolicySnapshot.sameDayReason(cc, policies.get(policies.size() - 1)))),
        sameDay.problems());
    List<Policy> twice = new ArrayList<>(Samples.policies());
    twice.add(relabelled(cc, cc.version(), cc.effectiveFrom().plusDays(1)));
    PolicyException sameLabel = assertThrows(PolicyException.class, () -> new PolicySnapshot(7, twice));
    assertEquals(List.of(Problem.of("demo-credit-card", "version '" + cc.version() + "' appears twice")), sameLabel.problems());
  }

  @Test
  void versionsOnDifferentDaysAreKeptInOrder() {
    Policy cc = Samples.policies().stream().filter(p -> p.platformId().equals("demo-credit-card")).findFirst().orElseThrow();
    Policy later = relabelled(cc, "later", cc.effectiveFrom().plusDays(1));
    PolicySnapshot s = new PolicySnapshot(3, List.of(later, cc));
    assertEquals(List.of(cc, later), s.history("demo-credit-card"));
    assertEquals(later, s.find("demo-credit-card", cc.effectiveFrom().plusDays(1)).orElseThrow());
    assertEquals(cc, s.find("demo-credit-card", cc.effectiveFrom()).orElseThrow());
  }
}
