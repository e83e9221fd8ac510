package io.github.fenqi.core.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listener list shared by the repositories: thread-safe, isolating a failing listener — whatever it throws, short
 * of the JVM running out of memory — from the others and from the change or rescan that fired the event — and
 * handing over the events of changes in the order the changes were made ({@link #inOrder}).
 */
final class Listeners {
  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);
  private final CopyOnWriteArrayList<PolicyRepository.PolicyListener> listeners = new CopyOnWriteArrayList<>();
  /** Held by a change from before it takes its repository's lock until its events are handed over. */
  private final Object delivery = new Object();

  PolicyRepository.Subscription add(PolicyRepository.PolicyListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /**
   * Runs {@code change}, which takes the repository's lock, makes its snapshot and adds the events it made to the
   * list it is given, then hands those events to the listeners — all under a delivery lock, so two changes at once
   * reach the listeners in the order they were made (in repository-version order). The change releases the
   * repository's lock before the hand-over, so a slow listener holds up the next change, not the readers or
   * {@code watch}/{@code close}. Each change had handed its events over after the lock on its own: a change to
   * version 3 could reach the listeners, and the audit log, before the change to version 2, which the audit then
   * recorded as the last change while version 3 was live.
   */
  <T> T inOrder(Function<List<PolicyEvent>, T> change) {
    synchronized (delivery) {
      List<PolicyEvent> events = new ArrayList<>();
      T result = change.apply(events);
      events.forEach(this::fire);
      return result;
    }
  }

  void fire(PolicyEvent event) {
    for (PolicyRepository.PolicyListener l : listeners) {
      try {
        l.onEvent(event);
      } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
        // Errors a listener's own code raises too: a class of an optional library missing, an assert, a runaway
        // recursion. Let through, one ended the directory's scheduled rescans for good, without a word in the log.
        LOG.warn("policy listener {} failed on {}", l, event, e);
      }
    }
  }
}
