package io.github.fenqi.core.policy;

import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The listener list shared by the repositories: thread-safe, isolating a failing listener. */
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
      } catch (RuntimeException e) {
        LOG.warn("policy listener {} failed on {}", l, event, e);
      }
    }
  }
}
