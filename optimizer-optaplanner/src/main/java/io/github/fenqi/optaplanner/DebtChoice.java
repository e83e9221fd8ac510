package io.github.fenqi.optaplanner;

import io.github.fenqi.core.solve.OptionGrid;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.domain.variable.PlanningVariable;

/**
 * The planning entity: one debt, whose planning variable is the index of its chosen option in its own
 * {@link OptionGrid} (an entity-specific value range). The finance figures come from the grid, never from a
 * second copy of the finance logic.
 *
 * <p>User constraints read the chosen option's figures through the accessors below.
 *
 * <p>Thread-safety: mutable planning state, owned by one solver thread.
 */
@PlanningEntity
public class DebtChoice {
  @PlanningId
  private String debtId;
  private OptionGrid grid;
  @PlanningVariable(valueRangeProviderRefs = "options")
  private @Nullable Integer option;
  private double[] values;
  private double scale;
  private List<Integer> candidates;

  /** For OptaPlanner's cloning. */
  public DebtChoice() {}

  DebtChoice(OptionGrid grid, double[] values, double scale, List<Integer> candidates) {
    this.debtId = grid.terms().debt().id();
    this.grid = grid;
    this.values = values;
    this.scale = scale;
    this.candidates = List.copyOf(candidates);
  }

  /** Factor that turns the objective into the long soft score. */
  double scale() {
    return scale;
  }

  /** The options the solver may choose for this debt (see {@link OptaPlannerProposalSolver} on pruning). */
  @ValueRangeProvider(id = "options")
  public List<Integer> getOptionRange() {
    return candidates;
  }

  public String getDebtId() {
    return debtId;
  }

  public @Nullable Integer getOption() {
    return option;
  }

  public void setOption(@Nullable Integer option) {
    this.option = option;
  }

  /** The debt's option grid. */
  public OptionGrid grid() {
    return grid;
  }

  public String platformId() {
    return grid.terms().debt().platformId();
  }

  public long firstInstallmentFen() {
    return grid.firstInstallmentFen(option);
  }

  public long downPaymentFen() {
    return grid.downPaymentFen(option);
  }

  public long totalPayableFen() {
    return grid.totalPayableFen(option);
  }

  public int term() {
    return grid.term(option);
  }

  public double acceptance() {
    return grid.acceptance(option);
  }

  /** The strategy's objective of the chosen option (maximised), NaN when the option is not allowed. */
  double value() {
    return values[option];
  }

  /** The strategy's objective of grid option {@code i}, NaN when the option is not allowed. */
  double valueOf(int i) {
    return values[i];
  }

  @Override
  public String toString() {
    return debtId + "=" + option;
  }
}
