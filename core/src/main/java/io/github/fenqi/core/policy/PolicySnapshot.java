package io.github.fenqi.core.policy;

import io.github.fenqi.core.PolicyException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.security.Masking;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every policy a repository holds at one moment. A reader that needs several lookups takes one snapshot
 * and uses it throughout, so it never mixes policies from before and after a reload.
 *
 * <p>Thread-safety: immutable.
 *
 * @param version the repository version this snapshot is; increases with every change
 * @param policies every version of every platform's policy, ordered by platform, then effectiveFrom
 */
public record PolicySnapshot(long version, List<Policy> policies) {

  private static final Comparator<Policy> ORDER = Comparator.comparing(Policy::platformId)
      .thenComparing(Policy::effectiveFrom).thenComparing(Policy::version);

  /**
   * @throws PolicyException when a platform's version label appears twice, or two of its versions take effect the same
   *     day: which of them {@link #find} returned would depend on their labels' order. Every repository's snapshots
   *     hold this, a custom repository's too (the directory leaves out and names the second file, the in-memory one
   *     refuses the second {@code put}).
   */
  public PolicySnapshot {
    List<Policy> sorted = new ArrayList<>();
    for (Policy p : policies) {
      for (Policy q : sorted) {
        if (q.platformId().equals(p.platformId()) && q.version().equals(p.version())) {
          throw new PolicyException(p.platformId(), "version '" + p.version() + "' appears twice");
        }
      }
      Optional<Policy> rival = sameDayVersion(sorted, p);
      if (rival.isPresent()) {
        throw new PolicyException(p.platformId(), sameDayReason(rival.get(), p));
      }
      sorted.add(p);
    }
    sorted.sort(ORDER);
    policies = List.copyOf(sorted);
  }

  /**
   * Another version of {@code candidate}'s platform that takes effect on the same day, if {@code others} hold one.
   * {@link #find} takes the latest effectiveFrom; two versions from one day would leave which applies to their order
   * (in a directory, the files' names), so repositories refuse the second.
   */
  public static Optional<Policy> sameDayVersion(Iterable<Policy> others, Policy candidate) {
    for (Policy p : others) {
      if (p.platformId().equals(candidate.platformId()) && !p.version().equals(candidate.version())
          && p.effectiveFrom().equals(candidate.effectiveFrom())) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Why {@code candidate} cannot join {@code rival}, in words, for a problem or an exception. */
  static String sameDayReason(Policy rival, Policy candidate) {
    return "version '" + candidate.version() + "' takes effect on " + candidate.effectiveFrom() + ", the same day as "
        + "version '" + rival.version() + "' of '" + candidate.platformId() + "': which of them applies would be left "
        + "to chance; give one a later effectiveFrom, or keep only one of them";
  }

  /**
   * The policy of {@code platformId} in effect on {@code asOf}: of the versions in effect that day, the one with the
   * latest effectiveFrom — where an older open-ended version (effectiveTo null: "while current") counts only while no
   * newer version has taken effect. A newer version replaces an open-ended one for good: after the newer one's
   * effectiveTo the open-ended one does not apply again (then none is in effect until a later version starts, and
   * {@link #whyNone} says so), while an older version whose own effectiveTo, written out, still covers the day does —
   * its lender said it runs to then, and the newer version was a temporary one within it. An open-ended version had
   * applied again the day after a newer version ended — terms the lender had replaced, without a word; to bring them
   * back, publish them as a version from the day after the newer one ends.
   *
   * <p>An open-ended version in turn replaces every older version for good, one with its own effectiveTo too: it
   * took effect "until further notice" in their place. An older version of the year had applied again after a
   * promotion that replaced an open-ended revision of it — the year's terms the revision had replaced, where without
   * the promotion the revision applied.
   */
  public Optional<Policy> find(String platformId, LocalDate asOf) {
    Policy latest = null; // the version started last by asOf, in effect or not
    Policy lastOpen = null; // the open-ended version started last by asOf: no older version applies any more
    for (Policy p : policies) { // by effectiveFrom within a platform
      if (p.platformId().equals(platformId) && !p.effectiveFrom().isAfter(asOf)) {
        latest = p;
        lastOpen = p.effectiveTo() == null ? p : lastOpen;
      }
    }
    Policy found = null;
    for (Policy p : policies) { // the last that qualifies wins
      if (p.platformId().equals(platformId) && p.isEffectiveOn(asOf) && (p.effectiveTo() != null || p == latest)
          && (lastOpen == null || !p.effectiveFrom().isBefore(lastOpen.effectiveFrom()))) {
        found = p;
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * Why {@link #find} finds no policy of {@code platformId} on {@code asOf}, in words for a problem (empty when it finds
   * one): the platform is unknown (naming the known ones), its first version starts later, or its versions ended
   * (naming the one that ended last, the open-ended ones replaced, which no longer apply, and the next version).
   */
  public Optional<String> whyNone(String platformId, LocalDate asOf) {
    if (find(platformId, asOf).isPresent()) {
      return Optional.empty();
    }
    // escaped but whole, to be told apart from the known platforms listed whole: a caller may pass any id, and one with
    // a line break had been quoted raw, its second half a forged line of a log (a debt's id is one line already); its
    // identifiers masked, as Problem.excerpt masks them: a borrower's mobile or ID number typed into a case's platformId
    // (a spreadsheet's columns shifted) had been quoted in clear into the CLI's stderr and the REST service's 400
    String none = "no policy for " + quoted(platformId) + " is in effect on " + asOf;
    List<Policy> history = history(platformId);
    if (history.isEmpty()) {
      return Optional.of(none + "; known platforms: " + platforms());
    }
    // of the versions started by then (each has ended, or was replaced for good), the one that ended last
    Optional<Policy> ended = history.stream().filter(p -> !p.effectiveFrom().isAfter(asOf) && p.effectiveTo() != null
            && p.effectiveTo().isBefore(asOf)).max(Comparator.comparing(Policy::effectiveTo));
    if (ended.isEmpty()) {
      return Optional.of(none + "; its first version '" + history.get(0).version() + "' takes effect on "
          + history.get(0).effectiveFrom());
    }
    Policy last = ended.get();
    List<String> replaced = history.stream().filter(p -> p.isEffectiveOn(asOf)) // replaced for good: not applied
        .map(p -> "'" + p.version() + "'").toList();
    Optional<Policy> next = history.stream().filter(p -> p.effectiveFrom().isAfter(asOf)).findFirst();
    return Optional.of(none + ": version '" + last.version() + "' ended on " + last.effectiveTo()
        + (replaced.isEmpty() ? "" : " and replaced the older " + String.join(", ", replaced) + " for good")
        + (next.isEmpty() ? "" : "; version '" + next.get().version() + "' takes effect on " + next.get().effectiveFrom())
        + "; publish a version effective from " + last.effectiveTo().plusDays(1) + " (the older terms again, if they "
        + "apply)");
  }

  /**
   * Why no version of {@code platformId}'s policy is known, on any date, in words for a problem (empty when one is):
   * for a case whose date does not read, whose platforms {@link #whyNone} cannot check.
   */
  public Optional<String> whyUnknown(String platformId) {
    return history(platformId).isEmpty()
        ? Optional.of("no policy for " + quoted(platformId) + " is known, on any date; known platforms: " + platforms())
        : Optional.empty();
  }

  /** {@code platformId} quoted for a problem, escaped but whole and its identifiers masked (see {@link #whyNone}). */
  private static String quoted(String platformId) {
    return "'" + Problem.escaped(Masking.defaults().redact(platformId)) + "'";
  }

  /** Every version of one platform's policy, oldest first. */
  public List<Policy> history(String platformId) {
    return policies.stream().filter(p -> p.platformId().equals(platformId)).toList();
  }

  /** The platform ids with at least one policy. */
  public Set<String> platforms() {
    Set<String> ids = new TreeSet<>();
    policies.forEach(p -> ids.add(p.platformId()));
    return ids;
  }
}
