package io.github.fenqi.optaplanner;

import java.util.List;
import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactProperty;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;

/**
 * The planning solution: one {@link DebtChoice} per eligible debt and the case's {@link ProposalLimits}.
 *
 * <p>Thread-safety: mutable planning state, owned by one solver.
 */
@PlanningSolution
public class ProposalPlanning {
  @PlanningEntityCollectionProperty
  private List<DebtChoice> choices;
  @ProblemFactProperty
  private ProposalLimits limits;
  @PlanningScore
  private HardSoftLongScore score;

  /** For OptaPlanner's cloning. */
  public ProposalPlanning() {}

  ProposalPlanning(List<DebtChoice> choices, ProposalLimits limits) {
    this.choices = choices;
    this.limits = limits;
  }

  public List<DebtChoice> getChoices() {
    return choices;
  }

  public ProposalLimits getLimits() {
    return limits;
  }

  public HardSoftLongScore getScore() {
    return score;
  }

  public void setScore(HardSoftLongScore score) {
    this.score = score;
  }
}
