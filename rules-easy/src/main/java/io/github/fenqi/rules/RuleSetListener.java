package io.github.fenqi.rules;

/**
 * Receives every {@link RuleSetEvent} of an {@link EasyRulesEligibilityEvaluator}, on the thread that
 * reloaded. A listener that throws is logged and does not stop the others.
 *
 * <p>Thread-safety: called on the reloading thread; a listener that shares state with other threads must guard it.
 */
@FunctionalInterface
public interface RuleSetListener {
  void onEvent(RuleSetEvent event);

  /** Handle of a registered listener; close it to unregister. */
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }
}
