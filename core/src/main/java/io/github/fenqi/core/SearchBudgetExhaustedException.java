package io.github.fenqi.core;

import io.github.fenqi.core.solve.GridConfig;
import io.github.fenqi.core.solve.Strategy;

/**
 * The exact solver's search ran out of its node budget ({@code GridConfig.maxSearchNodes}, per strategy) before it
 * found a plan or proved that none exists: the case may well be feasible, so it is not called infeasible. Nothing is
 * wrong with the request or with a component; the case needed more search than the configured budget allows, and the
 * same case with a larger budget gets its answer. It had been reported as a component breaking its contract (a server
 * fault) wrapping an {@link InvalidInputException} naming {@code config.maxSearchNodes}.
 *
 * <p>Thread-safety: immutable.
 */
public class SearchBudgetExhaustedException extends FenqiException {
  private static final long serialVersionUID = 1L;
  private final long maxSearchNodes;
  private final Strategy strategy;

  /**
   * @param maxSearchNodes the node budget per strategy that ran out
   * @param strategy the first strategy (in {@link Strategy} order) whose search ran out without a plan
   */
  public SearchBudgetExhaustedException(long maxSearchNodes, Strategy strategy) {
    super(whatRanOut(maxSearchNodes, strategy) + ": raise " + GridConfig.MAX_SEARCH_NODES_NAME + " (default "
        + GridConfig.DEFAULT_MAX_SEARCH_NODES + ")");
    this.maxSearchNodes = maxSearchNodes;
    this.strategy = strategy;
  }

  /**
   * What ran out, without the setting to raise: an application that names the budget its own way (the CLI's
   * {@code --max-search-nodes}, a service's property) adds its name to this, so the three say the same thing.
   */
  public String whatRanOut() {
    return whatRanOut(maxSearchNodes, strategy);
  }

  private static String whatRanOut(long maxSearchNodes, Strategy strategy) {
    // "a budget of 1 nodes" for the least budget there is
    return "the exact solver's search ran out of its budget of " + maxSearchNodes
        + (maxSearchNodes == 1 ? " node" : " nodes") + " per strategy (" + strategy + "'s first) before any plan was "
        + "found or ruled out; the case may be feasible";
  }

  /** The node budget per strategy that ran out ({@code GridConfig.maxSearchNodes}). */
  public long maxSearchNodes() {
    return maxSearchNodes;
  }

  /** The first strategy, in {@link Strategy} order, whose search ran out without finding a plan. */
  public Strategy strategy() {
    return strategy;
  }
}
