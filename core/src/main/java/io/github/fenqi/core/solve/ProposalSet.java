package io.github.fenqi.core.solve;

import java.util.EnumMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The solver's answer: a proposal per strategy that has one, and for a case that fits no plan the
 * binding constraint and how far off it is.
 *
 * <p>Thread-safety: immutable.
 *
 * @param proposals one per strategy that found a plan, in {@link Strategy} order
 * @param infeasibility present when no strategy found a plan
 * @param notes why a strategy has no proposal while others do (e.g. the acceptance floor)
 */
public record ProposalSet(List<Proposal> proposals, Optional<Infeasibility> infeasibility, Map<Strategy, String> notes) {

  public ProposalSet {
    proposals = List.copyOf(proposals);
    Map<Strategy, String> ordered = new EnumMap<>(Strategy.class); // strategy order, not Map.copyOf's per-JVM one
    ordered.putAll(Map.copyOf(notes));
    notes = Collections.unmodifiableMap(ordered);
  }

  public boolean feasible() {
    return !proposals.isEmpty();
  }

  /** The proposal of one strategy, if it has one. */
  public Optional<Proposal> proposal(Strategy strategy) {
    return proposals.stream().filter(p -> p.strategy() == strategy).findFirst();
  }
}
