package io.github.fenqi.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.testkit.Samples;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * How {@link PolicySnapshot#find} picks a version among random histories of one platform — versions open-ended or
 * with their own end, overlapping, with gaps, some in the future of the day looked up.
 */
class PolicySnapshotProperties {
  private static final Policy SAMPLE = Samples.policies().get(0);
  private static final LocalDate START = LocalDate.of(2026, 1, 1);

  /** One version of the history: its first day and its length in days (none: open-ended), from {@link #START}. */
  record Version(int from, Optional<Integer> days) {
    Policy policy(String label) {
      LocalDate first = START.plusDays(from);
      return new Policy(SAMPLE.schemaVersion(), SAMPLE.platformId(), SAMPLE.platformName(), SAMPLE.productTypes(),
          label, first, days.map(first::plusDays).orElse(null), SAMPLE.eligibility(), SAMPLE.installments(),
          SAMPLE.waivers(), SAMPLE.downPayment(), SAMPLE.legalBasis(), SAMPLE.source());
    }
  }

  /** The version found on a day is in effect that day, and no version started after that day changes it. */
  @Property(tries = 500)
  void theVersionFoundIsInEffectAndLaterVersionsDoNotChangeIt(@ForAll("histories") List<Policy> history,
      @ForAll("days") int day) {
    LocalDate asOf = START.plusDays(day);
    Optional<Policy> found = new PolicySnapshot(1, history).find(SAMPLE.platformId(), asOf);
    found.ifPresent(p -> assertTrue(p.isEffectiveOn(asOf), p + " on " + asOf));
    List<Policy> started = history.stream().filter(p -> !p.effectiveFrom().isAfter(asOf)).toList();
    assertEquals(found, new PolicySnapshot(1, started).find(SAMPLE.platformId(), asOf));
    assertEquals(found.isEmpty(), new PolicySnapshot(1, history).whyNone(SAMPLE.platformId(), asOf).isPresent());
  }

  /**
   * A temporary version, newer than every other, changes nothing after it ends but that an open-ended version it
   * replaced does not apply again: the day after, the version found is the one found without it, or none. It never
   * brings back terms the versions between had replaced (an open-ended revision hid a year's version, and a promotion
   * after the revision, which replaced the revision for good, had brought the year's terms back).
   */
  @Property(tries = 1000)
  void aTemporaryVersionBringsBackNoTermsOnceItEnds(@ForAll("histories") List<Policy> history,
      @ForAll("days") int length, @ForAll("days") int after) {
    LocalDate newest = history.stream().map(Policy::effectiveFrom).max(LocalDate::compareTo).orElse(START);
    Policy temporary = new Version((int) (newest.toEpochDay() - START.toEpochDay()) + 1, Optional.of(Math.floorMod(length, 60)))
        .policy("temporary");
    LocalDate asOf = temporary.effectiveTo().plusDays(1 + Math.floorMod(after, 60));
    List<Policy> with = new ArrayList<>(history);
    with.add(temporary);
    Optional<Policy> without = new PolicySnapshot(1, history).find(SAMPLE.platformId(), asOf);
    Optional<Policy> found = new PolicySnapshot(2, with).find(SAMPLE.platformId(), asOf);
    assertTrue(found.isEmpty() || found.equals(without), found + " on " + asOf + ", without the temporary version "
        + without + ", of " + with);
  }

  @Provide
  Arbitrary<List<Policy>> histories() {
    Arbitrary<Version> version = Combinators.combine(Arbitraries.integers().between(0, 120),
        Arbitraries.integers().between(0, 200).optional(0.4)).as(Version::new);
    return version.list().ofMaxSize(6).uniqueElements(Version::from).map(vs -> {
      List<Policy> policies = new ArrayList<>();
      for (int i = 0; i < vs.size(); i++) {
        policies.add(vs.get(i).policy("v" + i));
      }
      return policies;
    });
  }

  @Provide
  Arbitrary<Integer> days() {
    return Arbitraries.integers().between(-10, 400);
  }
}
