package io.github.fenqi.core.policy;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.PolicyException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.policy.PolicyEvent.Change;
import io.github.fenqi.core.policy.PolicyEvent.PolicyChanged;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Policies held in memory, changed through {@link #put} and {@link #remove} (an admin API, tests). Every
 * change makes a new snapshot and a new repository version.
 *
 * <p>Thread-safety: thread-safe; changes are serialised and listeners get their events in version order; reads
 * never block.
 */
public final class InMemoryPolicyRepository implements PolicyRepository {
  private final Listeners listeners = new Listeners();
  private volatile PolicySnapshot snapshot = new PolicySnapshot(0, List.of());

  /** An empty repository. */
  public InMemoryPolicyRepository() {}

  /**
   * A repository holding {@code policies} (version 1).
   *
   * @throws PolicyException when a platform's version label appears twice, or two of its versions take effect the
   *     same day ({@link PolicySnapshot})
   */
  public static InMemoryPolicyRepository of(Collection<Policy> policies) {
    InMemoryPolicyRepository repo = new InMemoryPolicyRepository();
    repo.snapshot = new PolicySnapshot(1, List.copyOf(policies));
    return repo;
  }

  @Override
  public PolicySnapshot snapshot() {
    return snapshot;
  }

  /**
   * Adds a policy, or replaces the one with the same platform and version label.
   *
   * @throws InvalidInputException naming {@code effectiveFrom} when another version of the platform takes effect the
   *     same day ({@link #conflicts})
   * @param actor who made the change, for listeners and the audit log
   * @return the repository version after the change
   */
  public long put(Policy policy, String actor) {
    return install(policy, false, actor);
  }

  /**
   * Adds {@code policy} in place of the version of its platform that takes effect the same day, if any — in one
   * change, so no reader sees the platform without it: a lender's second announcement of a day supersedes the
   * first (the announcement watcher). Without such a version, as {@link #put}. Listeners hear UPDATED from the
   * version replaced; when the platform also had a version of {@code policy}'s label on another day, that one is
   * UPDATED and the day's version, under its other label, REMOVED (two events of one repository version).
   *
   * @return the repository version after the change
   */
  public long supersede(Policy policy, String actor) {
    return install(policy, true, actor);
  }

  /**
   * Adds {@code policy}, replacing the platform's version of the same label, and — when {@code superseding} — the
   * version of the same day ({@link #put} refuses one instead), in one new snapshot; then tells listeners, outside the
   * lock and in version order ({@link Listeners#inOrder}): UPDATED from the version of the same label, else from the
   * day's version replaced, else ADDED; and REMOVED for the day's version when the label's version, of another day,
   * was the one updated — every version gone is told.
   */
  private long install(Policy policy, boolean superseding, String actor) {
    return listeners.inOrder(events -> {
      synchronized (this) {
        @Nullable Policy replaced = null;
        if (superseding) {
          replaced = PolicySnapshot.sameDayVersion(snapshot.policies(), policy).orElse(null);
        } else {
          List<Problem> conflicts = conflicts(policy);
          if (!conflicts.isEmpty()) {
            throw new InvalidInputException(conflicts);
          }
        }
        List<Policy> next = new ArrayList<>();
        @Nullable Policy sameLabel = null;
        for (Policy p : snapshot.policies()) {
          if (p.platformId().equals(policy.platformId()) && p.version().equals(policy.version())) {
            sameLabel = p;
          } else if (p != replaced) {
            next.add(p);
          }
        }
        next.add(policy);
        long version = snapshot.version() + 1;
        snapshot = new PolicySnapshot(version, next);
        @Nullable Policy was = sameLabel != null ? sameLabel : replaced;
        events.add(new PolicyChanged(was == null ? Change.ADDED : Change.UPDATED, policy.platformId(),
            was == null ? null : was.version(), policy.version(), actor, version));
        if (replaced != null && replaced != was) {
          // The label's version of another day was updated, and the day's version under another label is gone too:
          // a listener keeping a copy (the audit log) must hear of both, or it keeps a version no reader sees.
          events.add(new PolicyChanged(Change.REMOVED, policy.platformId(), replaced.version(), null, actor,
              version));
        }
        return version;
      }
    });
  }

  /**
   * What would stop {@link #put} from adding {@code policy}: another version of its platform taking effect the same
   * day (empty when none). A caller that writes the policy somewhere first (a file) asks before writing.
   */
  public List<Problem> conflicts(Policy policy) {
    return PolicySnapshot.sameDayVersion(snapshot.policies(), policy)
        .map(rival -> List.of(Problem.of("effectiveFrom", PolicySnapshot.sameDayReason(rival, policy))))
        .orElse(List.of());
  }

  /** Removes one version of a platform's policy; returns whether it was there. */
  public boolean remove(String platformId, String version, String actor) {
    return listeners.inOrder(events -> {
      synchronized (this) {
        List<Policy> next = new ArrayList<>(snapshot.policies());
        if (!next.removeIf(p -> p.platformId().equals(platformId) && p.version().equals(version))) {
          return false;
        }
        long v = snapshot.version() + 1;
        snapshot = new PolicySnapshot(v, next);
        events.add(new PolicyChanged(Change.REMOVED, platformId, version, null, actor, v));
        return true;
      }
    });
  }

  @Override
  public Subscription addListener(PolicyListener listener) {
    return listeners.add(listener);
  }
}
