package io.github.fenqi.core.solve;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.json.SdkOutput;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The solver's answer: a proposal per strategy that has one, and for a case that fits no plan the
 * binding constraint and how far off it is.
 *
 * <p>Thread-safety: immutable.
 *
 * <p>It reads back from the JSON {@code FenqiJson} writes of it as an equal set: there an absent infeasibility is
 * {@code null} (core has no Optional module), which had been read into a set whose {@code infeasibility()} was null
 * itself, and a present one could not be read at all.
 *
 * @param proposals one per strategy that found a plan, in {@link Strategy} order
 * @param infeasibility present when no strategy found a plan
 * @param notes why a strategy has no proposal while others do (e.g. the acceptance floor)
 */
@SdkOutput
public record ProposalSet(List<Proposal> proposals, Optional<Infeasibility> infeasibility, Map<Strategy, String> notes) {

  public ProposalSet {
    List<Problem> problems = new ArrayList<>();
    // a missing part had been a NullPointerException from List.copyOf, or a set whose infeasibility() was null
    ProposalProblem.required(problems, new String[] {"proposals", "infeasibility", "notes"}, proposals,
        infeasibility, notes);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    proposals = List.copyOf(proposals);
    Map<Strategy, String> ordered = new EnumMap<>(Strategy.class); // strategy order, not Map.copyOf's per-JVM one
    ordered.putAll(Map.copyOf(notes));
    notes = Collections.unmodifiableMap(ordered);
  }

  /**
   * The set as its JSON holds it: an infeasibility, or null for none. It must hold together as every solver's set
   * does — at most one proposal per strategy, in {@link Strategy} order, and an infeasibility exactly when there is no
   * proposal — or it is refused naming each part: two proposals of one strategy, or proposals beside an infeasibility,
   * had been read as they stood. Only here: a set built in code is taken as it is, for
   * {@link ProposalProblem#violations(ProposalSet)} to report what is wrong with a custom solver's answer.
   */
  @JsonCreator
  static ProposalSet read(@JsonProperty("proposals") List<Proposal> proposals,
      @JsonProperty("infeasibility") @Nullable Infeasibility infeasibility,
      @JsonProperty("notes") Map<Strategy, String> notes) {
    ProposalSet set = new ProposalSet(proposals, Optional.ofNullable(infeasibility), notes);
    List<Problem> problems = new ArrayList<>(Strategy.outOfOrder("proposals",
        set.proposals.stream().map(Proposal::strategy).toList()));
    if (set.proposals.isEmpty() == set.infeasibility.isEmpty()) {
      problems.add(Problem.of("infeasibility", set.proposals.isEmpty()
          ? "absent though there is no proposal; an infeasible case says which constraint binds"
          : "present beside " + set.proposals.size() + " proposal" + (set.proposals.size() == 1 ? "" : "s")
              + "; it says why there is none"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return set;
  }

  public boolean feasible() {
    return !proposals.isEmpty();
  }

  /** The proposal of one strategy, if it has one. */
  public Optional<Proposal> proposal(Strategy strategy) {
    return proposals.stream().filter(p -> p.strategy() == strategy).findFirst();
  }
}
