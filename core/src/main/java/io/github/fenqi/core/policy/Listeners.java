package io.github.fenqi.core.policy;

import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listener list shared by the repositories: thread-safe, isolating a failing listener — whatever it throws, short
 * of the JVM running out of memory — from the others and from the change or rescan that fired the event.
 */
final class Listeners {
  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);
  private final CopyOnWriteArrayList<PolicyRepository.PolicyListener> listeners = new CopyOnWriteArrayList<>();

  PolicyRepository.Subscription add(PolicyRepository.PolicyListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
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
