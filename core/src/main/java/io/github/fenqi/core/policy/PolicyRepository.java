package io.github.fenqi.core.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where lenders' negotiation policies live (design-card interface). Lookups go through immutable
 * {@link PolicySnapshot}s, so a reader never sees half of a change; listeners hear of every change and
 * every failed load.
 *
 * <p>Implementations must be thread-safe: many readers, changes at any time.
 */
public interface PolicyRepository {

  /** The current snapshot of every policy. */
  PolicySnapshot snapshot();

  /** The policy of {@code platformId} in effect on {@code asOf}. */
  default Optional<Policy> find(String platformId, LocalDate asOf) {
    return snapshot().find(platformId, asOf);
  }

  /** Every version of every policy. */
  default List<Policy> all() {
    return snapshot().policies();
  }

  /** Every version of one platform's policy, oldest first. */
  default List<Policy> history(String platformId) {
    return snapshot().history(platformId);
  }

  /** The repository version: increases with every change. */
  default long version() {
    return snapshot().version();
  }

  /**
   * Registers a listener, called on the thread that made the change; close the returned handle to
   * unregister. A listener that throws is logged and does not stop the others.
   */
  Subscription addListener(PolicyListener listener);

  /** Receives {@link PolicyEvent}s. */
  @FunctionalInterface
  interface PolicyListener {
    void onEvent(PolicyEvent event);
  }

  /** Handle of a registered listener. */
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }
}
