package io.github.fenqi.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.testkit.PolicyRepositoryContract;
import io.github.fenqi.core.testkit.Samples;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryPolicyRepositoryTest extends PolicyRepositoryContract {

  @Override
  protected PolicyRepository repositoryWithSamples() {
    return InMemoryPolicyRepository.of(Samples.policies());
  }

  /** Adds the card platform's version of 2027-0n-01. */
  @Override
  protected void change(PolicyRepository repo, int n) {
    Policy cc = repo.find("demo-credit-card", LocalDate.of(2026, 11, 24)).orElseThrow();
    LocalDate from = LocalDate.of(2027, n, 1);
    ((InMemoryPolicyRepository) repo).put(new Policy(1, cc.platformId(), cc.platformName(), cc.productTypes(),
        from.toString(), from, null, cc.eligibility(), cc.installments(), cc.waivers(), cc.downPayment(),
        cc.legalBasis(), cc.source()), "admin:" + n);
  }

  @Test
  void putVersionsTheRepositoryAndTellsListenersWhoChangedWhat() {
    InMemoryPolicyRepository repo = InMemoryPolicyRepository.of(Samples.policies());
    List<PolicyEvent> events = new ArrayList<>();
    repo.addListener(events::add);
    Policy cc = repo.find("demo-credit-card", LocalDate.of(2026, 11, 24)).orElseThrow();
    Policy longer = new Policy(1, cc.platformId(), cc.platformName(), cc.productTypes(), "2026-12-01",
        LocalDate.of(2026, 12, 1), null, cc.eligibility(), cc.installments(), cc.waivers(), cc.downPayment(),
        cc.legalBasis(), cc.source());
    long v = repo.put(longer, "admin:alice");
    assertEquals(2, v);
    assertEquals(new PolicyEvent.PolicyChanged(PolicyEvent.Change.ADDED, "demo-credit-card", null, "2026-12-01",
        "admin:alice", 2), events.get(0));
    assertEquals("2026-12-01", repo.find("demo-credit-card", LocalDate.of(2026, 12, 2)).orElseThrow().version());
    assertTrue(repo.remove("demo-credit-card", "2026-12-01", "admin:alice"));
    assertEquals(PolicyEvent.Change.REMOVED, ((PolicyEvent.PolicyChanged) events.get(1)).change());
  }

  /** A version from the same day as another of its platform is refused before anything changes. */
  @Test
  void aSecondVersionFromTheSameDayIsRefused() {
    InMemoryPolicyRepository repo = InMemoryPolicyRepository.of(Samples.policies());
    Policy cc = repo.find("demo-credit-card", LocalDate.of(2026, 11, 24)).orElseThrow();
    Policy sameDay = new Policy(1, cc.platformId(), cc.platformName(), cc.productTypes(), cc.version() + "-b",
        cc.effectiveFrom(), null, cc.eligibility(), cc.installments(), cc.waivers(), cc.downPayment(),
        cc.legalBasis(), cc.source());
    assertEquals("effectiveFrom", repo.conflicts(sameDay).get(0).location());
    io.github.fenqi.core.InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(
        io.github.fenqi.core.InvalidInputException.class, () -> repo.put(sameDay, "admin:alice"));
    assertTrue(e.getMessage().contains("the same day as version '" + cc.version() + "'"), e.getMessage());
    assertEquals("effectiveFrom", e.problems().get(0).location(), "put names the field, as conflicts does");
    assertEquals(1, repo.version(), "nothing changed");
    assertEquals(List.of(), repo.conflicts(cc), "replacing a version by its own label is no conflict");
    List<Policy> both = new ArrayList<>(Samples.policies());
    both.add(sameDay);
    org.junit.jupiter.api.Assertions.assertThrows(io.github.fenqi.core.PolicyException.class,
        () -> InMemoryPolicyRepository.of(both));
  }

  /**
   * A lender's second announcement of a day takes the first's place in one change ({@code supersede}): the platform
   * holds the new version alone, one repository version later, and listeners hear an update from the version it
   * replaced, not an addition. A version put again under its own label is an update of it too, not a second version.
   */
  @Test
  void supersedeReplacesTheVersionOfItsDayInOneChangeAndPuttingALabelAgainUpdatesIt() {
    InMemoryPolicyRepository repo = InMemoryPolicyRepository.of(Samples.policies());
    List<PolicyEvent> events = new ArrayList<>();
    repo.addListener(events::add);
    Policy cc = repo.find("demo-credit-card", LocalDate.of(2026, 11, 24)).orElseThrow();
    Policy second = new Policy(1, cc.platformId(), cc.platformName(), cc.productTypes(), cc.version() + "-b",
        cc.effectiveFrom(), null, cc.eligibility(), cc.installments(), cc.waivers(), cc.downPayment(),
        cc.legalBasis(), cc.source());
    assertEquals(2, repo.supersede(second, "watcher"));
    assertEquals(List.of(second), versionsOf(repo, cc.platformId()));
    assertEquals(new PolicyEvent.PolicyChanged(PolicyEvent.Change.UPDATED, cc.platformId(), cc.version(),
        second.version(), "watcher", 2), events.get(0));
    Policy ending = new Policy(1, cc.platformId(), cc.platformName(), cc.productTypes(), second.version(),
        cc.effectiveFrom(), cc.effectiveFrom().plusYears(1), cc.eligibility(), cc.installments(), cc.waivers(),
        cc.downPayment(), cc.legalBasis(), cc.source());
    assertEquals(3, repo.put(ending, "admin:bob"));
    assertEquals(List.of(ending), versionsOf(repo, cc.platformId()));
    assertEquals(new PolicyEvent.PolicyChanged(PolicyEvent.Change.UPDATED, cc.platformId(), second.version(),
        second.version(), "admin:bob", 3), events.get(1));
    assertEquals(2, events.size(), events.toString());
  }

  /**
   * Superseding a day whose version has another label, while the new version's label is the platform's version of
   * another day, drops both old versions: listeners hear the label's version updated and the day's version removed
   * (one UPDATED alone had left an audit log holding a version no reader sees).
   */
  @Test
  void supersedingTheDayOfOneVersionWithTheLabelOfAnotherTellsBoth() {
    InMemoryPolicyRepository repo = InMemoryPolicyRepository.of(Samples.policies());
    Policy cc = repo.find("demo-credit-card", LocalDate.of(2026, 11, 24)).orElseThrow();
    LocalDate later = cc.effectiveFrom().plusMonths(2);
    Policy ofLater = new Policy(1, cc.platformId(), cc.platformName(), cc.productTypes(), "later", later, null,
        cc.eligibility(), cc.installments(), cc.waivers(), cc.downPayment(), cc.legalBasis(), cc.source());
    repo.put(ofLater, "admin:alice");
    List<PolicyEvent> events = new ArrayList<>();
    repo.addListener(events::add);
    Policy moved = new Policy(1, cc.platformId(), cc.platformName(), cc.productTypes(), cc.version(), later, null,
        cc.eligibility(), cc.installments(), cc.waivers(), cc.downPayment(), cc.legalBasis(), cc.source());
    assertEquals(3, repo.supersede(moved, "watcher"));
    assertEquals(List.of(moved), versionsOf(repo, cc.platformId()));
    assertEquals(List.of(
        new PolicyEvent.PolicyChanged(PolicyEvent.Change.UPDATED, cc.platformId(), cc.version(), cc.version(),
            "watcher", 3),
        new PolicyEvent.PolicyChanged(PolicyEvent.Change.REMOVED, cc.platformId(), "later", null, "watcher", 3)),
        events);
  }

  private static List<Policy> versionsOf(PolicyRepository repo, String platformId) {
    return repo.snapshot().policies().stream().filter(p -> p.platformId().equals(platformId)).toList();
  }
}
