package io.github.fenqi.core.solve;

import io.github.fenqi.core.json.SdkOutput;
import io.github.fenqi.core.money.Money;
import java.util.List;

/**
 * One proposal: an option for every eligible debt, optimal for its strategy on the grid.
 *
 * <p>Thread-safety: immutable.
 *
 * @param strategy what it optimises
 * @param plans the chosen option per debt, in the problem's debt order
 * @param totalFirstMonthInstallment Σ first installments (≤ the monthly budget)
 * @param totalDownPayment Σ down payments (≤ liquid savings)
 * @param totalPayable Σ everything the borrower pays
 * @param totalOwed Σ everything owed today
 * @param acceptanceProbability probability that every lender accepts (product of the per-debt estimates,
 *     assuming lenders decide independently)
 * @param expectedSaving Σ p × (owed − payable), in yuan as a model figure
 * @param provenOptimal whether the solver that made it proved it the strategy's optimum on the grid: from the exact
 *     solver, false only when its node budget ran out; a heuristic solver's own plans (the OptaPlanner adapter's) are
 *     false, and one it takes from the exact solver keeps that solver's, which weighs no soft score a user's
 *     constraints add
 */
@SdkOutput
public record Proposal(
    Strategy strategy,
    List<PlanOption> plans,
    Money totalFirstMonthInstallment,
    Money totalDownPayment,
    Money totalPayable,
    Money totalOwed,
    double acceptanceProbability,
    double expectedSaving,
    boolean provenOptimal) {

  public Proposal {
    plans = List.copyOf(plans);
  }

  /** Builds the totals from the chosen options. */
  public static Proposal of(Strategy strategy, List<PlanOption> plans, Money totalOwed, boolean provenOptimal) {
    Money first = Money.ZERO;
    Money down = Money.ZERO;
    Money payable = Money.ZERO;
    double p = 1;
    double saving = 0;
    for (PlanOption o : plans) {
      first = first.plus(o.firstInstallment());
      down = down.plus(o.downPayment());
      payable = payable.plus(o.totalPayable());
      p *= o.acceptanceProbability();
    }
    for (PlanOption o : plans) {
      // owed per debt = settled + waived
      long owed = o.settledAmount().fen() + o.waivedTotal().fen();
      saving += o.acceptanceProbability() * (owed - o.totalPayable().fen()) / 100.0;
    }
    return new Proposal(strategy, plans, first, down, payable, totalOwed, p, saving, provenOptimal);
  }

  /** Total owed minus total payable: what the borrower saves if every lender accepts (negative when interest exceeds the waiver). */
  public Money saving() {
    return totalOwed.minus(totalPayable);
  }
}
