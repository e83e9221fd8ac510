package io.github.fenqi.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fenqi.core.PolicyException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.testkit.Samples;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every repository's snapshot holds, a custom repository's too. */
class PolicySnapshotTest {

  /** The sample card platform's policy, to relabel. */
  private static Policy card() {
    return Samples.policies().stream().filter(p -> p.platformId().equals("demo-credit-card")).findFirst().orElseThrow();
  }

  private static Policy relabelled(Policy p, String version, LocalDate from) {
    return relabelled(p, version, from, null);
  }

  private static Policy relabelled(Policy p, String version, LocalDate from, LocalDate to) {
    return new Policy(p.schemaVersion(), p.platformId(), p.platformName(), p.productTypes(), version, from, to,
        p.eligibility(), p.installments(), p.waivers(), p.downPayment(), p.legalBasis(), p.source());
  }

  /**
   * In a gap with two versions to come, the reason names the next one, the version a case dated a day later would meet;
   * and the first version when none has begun, though a later label sorts first. A reason naming the last version to
   * come, months away, passed every test (mutation round 107).
   */
  @Test
  void theVersionNamedToComeIsTheNextOne() {
    Policy cc = card();
    Policy half = relabelled(cc, "z-2026H1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30));
    Policy autumn = relabelled(cc, "m-2026Q4", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31));
    Policy next = relabelled(cc, "a-2027", LocalDate.of(2027, 1, 1));
    PolicySnapshot s = new PolicySnapshot(1, List.of(next, half, autumn));
    assertEquals("no policy for 'demo-credit-card' is in effect on 2026-08-31: version 'z-2026H1' ended on 2026-06-30; "
        + "version 'm-2026Q4' takes effect on 2026-10-01; publish a version effective from 2026-07-01 (the older terms "
        + "again, if they apply)", s.whyNone(cc.platformId(), LocalDate.of(2026, 8, 31)).orElseThrow());
    assertEquals("no policy for 'demo-credit-card' is in effect on 2025-12-31; its first version 'z-2026H1' takes "
        + "effect on 2026-01-01", s.whyNone(cc.platformId(), LocalDate.of(2025, 12, 31)).orElseThrow());
  }

  /**
   * A lender's open-ended "2025" policy, then a "2026H1" one that ends on 2026-06-30: on 2026-07-01 find returned
   * "2025" again — terms the lender had replaced, applied without a word. A newer version replaces the older for good;
   * the day after it ends no policy is in effect, and the reason names both versions and the day to publish from.
   */
  @Test
  void anOlderVersionDoesNotApplyAgainAfterTheNewerOneEnds() {
    Policy cc = Samples.policies().stream().filter(p -> p.platformId().equals("demo-credit-card")).findFirst().orElseThrow();
    Policy old = relabelled(cc, "2025", LocalDate.of(2025, 1, 1));
    Policy half = relabelled(cc, "2026H1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30));
    PolicySnapshot s = new PolicySnapshot(1, List.of(half, old));
    assertEquals(Optional.of(old), s.find(cc.platformId(), LocalDate.of(2025, 12, 31)));
    assertEquals(Optional.of(half), s.find(cc.platformId(), LocalDate.of(2026, 6, 30)));
    assertEquals(Optional.empty(), s.find(cc.platformId(), LocalDate.of(2026, 7, 1)));
    assertEquals(Optional.empty(), s.whyNone(cc.platformId(), LocalDate.of(2026, 6, 30)));
    assertEquals(Optional.of("no policy for 'demo-credit-card' is in effect on 2026-07-01: version '2026H1' ended on "
        + "2026-06-30 and replaced the older '2025' for good; publish a version effective from 2026-07-01 (the older "
        + "terms again, if they apply)"), s.whyNone(cc.platformId(), LocalDate.of(2026, 7, 1)));

    Policy again = relabelled(cc, "2026H2", LocalDate.of(2026, 9, 1));
    PolicySnapshot gap = new PolicySnapshot(2, List.of(old, half, again));
    assertEquals(Optional.empty(), gap.find(cc.platformId(), LocalDate.of(2026, 8, 31)));
    assertEquals(Optional.of(again), gap.find(cc.platformId(), LocalDate.of(2026, 9, 1)));
    assertEquals("no policy for 'demo-credit-card' is in effect on 2026-08-31: version '2026H1' ended on 2026-06-30 "
        + "and replaced the older '2025' for good; version '2026H2' takes effect on 2026-09-01; publish a version "
        + "effective from 2026-07-01 (the older terms again, if they apply)",
        gap.whyNone(cc.platformId(), LocalDate.of(2026, 8, 31)).orElseThrow());
    assertEquals("no policy for 'demo-credit-card' is in effect on 2024-12-31; its first version '2025' takes effect "
        + "on 2025-01-01", gap.whyNone(cc.platformId(), LocalDate.of(2024, 12, 31)).orElseThrow());
    assertEquals("no policy for 'nobody' is in effect on 2026-01-01; known platforms: [demo-credit-card]",
        gap.whyNone("nobody", LocalDate.of(2026, 1, 1)).orElseThrow());
    // whyUnknown, for a case without a date: a platform with a version on any date is known, ended or not yet begun
    assertEquals(Optional.empty(), gap.whyUnknown(cc.platformId()));
    assertEquals(Optional.of("no policy for 'nobody' is known, on any date; known platforms: [demo-credit-card]"),
        gap.whyUnknown("nobody"));
  }

  /**
   * The platform asked about is quoted escaped but whole ({@link io.github.fenqi.core.Problem#escaped}), to be told
   * apart from the known platforms listed whole beside it: {@code whyNone} is public and takes any id, and one with a
   * line break had been quoted raw, its second half a forged line of a log. Identifiers in it are masked.
   */
  @Test
  void thePlatformAskedAboutIsQuotedEscapedButWhole() {
    PolicySnapshot s = new PolicySnapshot(1, List.of(Samples.policies().get(0)));
    String known = Samples.policies().get(0).platformId();
    assertEquals("no policy for 'nobody\\nOK  forged' is in effect on 2026-01-01; known platforms: [" + known + "]",
        s.whyNone("nobody\nOK  forged", LocalDate.of(2026, 1, 1)).orElseThrow());
    String longId = "n".repeat(200);
    assertEquals("no policy for '" + longId + "' is in effect on 2026-01-01; known platforms: [" + known + "]",
        s.whyNone(longId, LocalDate.of(2026, 1, 1)).orElseThrow());
    // identifiers masked, as Problem.excerpt masks a value: a borrower's mobile or ID number given as the platform (a
    // spreadsheet's columns shifted) had been quoted in clear into the CLI's error and the REST service's 400
    assertEquals("no policy for '139****5678' is in effect on 2026-01-01; known platforms: [" + known + "]",
        s.whyNone("13912345678", LocalDate.of(2026, 1, 1)).orElseThrow());
    assertEquals("no policy for '110***********0030' is in effect on 2026-01-01; known platforms: [" + known + "]",
        s.whyNone("110105198506150030", LocalDate.of(2026, 1, 1)).orElseThrow());
    assertEquals("no policy for 'nobody\\nOK  forged' is known, on any date; known platforms: [" + known + "]",
        s.whyUnknown("nobody\nOK  forged").orElseThrow());
    assertEquals("no policy for '139****5678' is known, on any date; known platforms: [" + known + "]",
        s.whyUnknown("13912345678").orElseThrow());
  }

  /**
   * An older version whose own effectiveTo, written out, covers the day applies again after a newer, temporary version
   * within it ends: the lender said it runs to then. Only an open-ended one ("while current") is replaced for good.
   */
  @Test
  void anOlderVersionWithItsOwnEndAppliesAgainAfterATemporaryOneWithinIt() {
    Policy cc = Samples.policies().stream().filter(p -> p.platformId().equals("demo-credit-card")).findFirst().orElseThrow();
    Policy open = relabelled(cc, "2024", LocalDate.of(2024, 1, 1));
    Policy year = relabelled(cc, "2026", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
    Policy march = relabelled(cc, "2026-03", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
    PolicySnapshot s = new PolicySnapshot(1, List.of(open, year, march));
    assertEquals(Optional.of(march), s.find(cc.platformId(), LocalDate.of(2026, 3, 31)));
    assertEquals(Optional.of(year), s.find(cc.platformId(), LocalDate.of(2026, 4, 1)));
    assertEquals(Optional.of(year), s.find(cc.platformId(), LocalDate.of(2026, 12, 31)));
    assertEquals(Optional.empty(), s.find(cc.platformId(), LocalDate.of(2027, 1, 1)));
    assertEquals("no policy for 'demo-credit-card' is in effect on 2027-01-01: version '2026' ended on 2026-12-31 and "
        + "replaced the older '2024' for good; publish a version effective from 2027-01-01 (the older terms again, if "
        + "they apply)", s.whyNone(cc.platformId(), LocalDate.of(2027, 1, 1)).orElseThrow());
    assertEquals(Optional.of(open), s.find(cc.platformId(), LocalDate.of(2025, 12, 31)));
  }

  /**
   * A lender's "2026" policy to 2026-12-31, replaced on 2026-02-01 by an open-ended revision, and a March promotion:
   * on 2026-04-01 find returned "2026" — the terms the revision had replaced — because the revision, replaced for
   * good by the promotion, no longer hid it. Without the promotion, April was the revision's; a version in March
   * must not bring back in April terms replaced in February. An open-ended version replaces every older version for
   * good, one with its own end too: after the promotion no policy is in effect, and the reason says so.
   */
  @Test
  void anOlderVersionWithItsOwnEndDoesNotApplyAgainOnceAnOpenEndedNewerOneReplacedIt() {
    Policy cc = Samples.policies().stream().filter(p -> p.platformId().equals("demo-credit-card")).findFirst().orElseThrow();
    Policy year = relabelled(cc, "2026", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
    Policy revision = relabelled(cc, "2026-02", LocalDate.of(2026, 2, 1));
    Policy march = relabelled(cc, "2026-03", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
    PolicySnapshot without = new PolicySnapshot(1, List.of(year, revision));
    assertEquals(Optional.of(revision), without.find(cc.platformId(), LocalDate.of(2026, 4, 1)));
    PolicySnapshot s = new PolicySnapshot(2, List.of(year, revision, march));
    assertEquals(Optional.of(year), s.find(cc.platformId(), LocalDate.of(2026, 1, 31)));
    assertEquals(Optional.of(revision), s.find(cc.platformId(), LocalDate.of(2026, 2, 28)));
    assertEquals(Optional.of(march), s.find(cc.platformId(), LocalDate.of(2026, 3, 31)));
    assertEquals(Optional.empty(), s.find(cc.platformId(), LocalDate.of(2026, 4, 1)));
    assertEquals(Optional.empty(), s.find(cc.platformId(), LocalDate.of(2026, 12, 31)));
    assertEquals("no policy for 'demo-credit-card' is in effect on 2026-04-01: version '2026-03' ended on 2026-03-31 "
        + "and replaced the older '2026', '2026-02' for good; publish a version effective from 2026-04-01 (the older "
        + "terms again, if they apply)", s.whyNone(cc.platformId(), LocalDate.of(2026, 4, 1)).orElseThrow());
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

  /**
   * The snapshot orders a platform's versions by effectiveFrom, whatever their labels say: a lender's labels need not
   * sort as its dates do ("v9" before "v10", "2026-spring" after "2026-autumn"). Ordered by label, find took the version
   * whose label sorts last as the newest, and history put the newer first.
   */
  @Test
  void versionsAreOrderedByTheirDatesNotTheirLabels() {
    Policy cc = card();
    Policy older = relabelled(cc, "z-older", LocalDate.of(2026, 1, 1));
    Policy newer = relabelled(cc, "a-newer", LocalDate.of(2026, 3, 1));
    PolicySnapshot s = new PolicySnapshot(1, List.of(older, newer));
    assertEquals(List.of(older, newer), s.history("demo-credit-card"));
    assertEquals(List.of(older, newer), s.policies());
    assertEquals(Optional.of(older), s.find("demo-credit-card", LocalDate.of(2026, 2, 28)));
    assertEquals(Optional.of(newer), s.find("demo-credit-card", LocalDate.of(2026, 3, 1)));
  }

  /**
   * On the last day of an older version's own term, after an open-ended revision replaced it and a temporary version
   * within the revision ended, no version is in effect: the reason names the version that ended last (the temporary
   * one), not the older version whose term runs to that very day and has not ended.
   */
  @Test
  void theVersionThatEndedLastIsOneWhoseTermIsOverNotOneEndingThatDay() {
    Policy cc = card();
    Policy year = relabelled(cc, "year", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31));
    Policy revision = relabelled(cc, "revision", LocalDate.of(2026, 2, 1));
    Policy promotion = relabelled(cc, "promotion", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 15));
    PolicySnapshot s = new PolicySnapshot(1, List.of(year, revision, promotion));
    assertEquals(Optional.empty(), s.find("demo-credit-card", LocalDate.of(2026, 3, 31)));
    assertEquals("no policy for 'demo-credit-card' is in effect on 2026-03-31: version 'promotion' ended on 2026-03-15 "
        + "and replaced the older 'year', 'revision' for good; publish a version effective from 2026-03-16 (the older "
        + "terms again, if they apply)", s.whyNone("demo-credit-card", LocalDate.of(2026, 3, 31)).orElseThrow());
  }
}
