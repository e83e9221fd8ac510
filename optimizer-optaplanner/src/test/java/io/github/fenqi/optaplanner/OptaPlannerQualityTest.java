package io.github.fenqi.optaplanner;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.NegotiationRequest;
import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.policy.InMemoryPolicyRepository;
import io.github.fenqi.core.policy.PolicyAdjustment;
import io.github.fenqi.core.solve.DebtTerms;
import io.github.fenqi.core.solve.OptionGrid;
import io.github.fenqi.core.solve.Proposal;
import io.github.fenqi.core.solve.ProposalProblem;
import io.github.fenqi.core.solve.ProposalSet;
import io.github.fenqi.core.solve.ProposalSolver;
import io.github.fenqi.core.solve.Strategy;
import io.github.fenqi.core.testkit.Samples;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The quality target on generated 10-debt cases, in deterministic mode (fixed seed and score-calculation
 * budget, no clock): every strategy reaches ≥ 99.5 % of the exact solver's objective
 * ({@link SolverQuality#objectiveRatio}, as in the benchmarks' quality report).
 */
class OptaPlannerQualityTest {
  private static final ProposalSolver OPTA = OptaPlannerProposalSolver.builder().deterministic(7, 100_000).build();

  /**
   * Ten debts cycling through the sample case's three lenders and policies, each amount scaled by a seeded factor
   * in 0.5..2.5; the budget is {@code budgetFactor} × the least possible Σ first installments and the savings
   * {@code savingsFactor} × the least possible Σ down payments (at least 1 000 yuan), so both can bind.
   */
  static ProposalProblem generated(long seed, double budgetFactor, double savingsFactor) {
    NegotiationRequest r = Samples.sampleCase();
    InMemoryPolicyRepository repo = InMemoryPolicyRepository.of(Samples.policies());
    Random random = new Random(seed);
    List<DebtTerms> terms = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Debt d = r.debts().get(i % r.debts().size());
      BigDecimal f = BigDecimal.valueOf(50 + random.nextInt(201), 2);
      Debt scaled = new Debt(d.id() + "-" + i, d.platformId(), d.productType(), scale(d.principal(), f),
          scale(d.interest(), f), scale(d.penaltyInterest(), f), scale(d.compoundInterest(), f), scale(d.lateFees(), f),
          scale(d.otherFees(), f), d.annualRate(), d.overdueDays() + random.nextInt(60));
      terms.add(DebtTerms.of(scaled, repo.find(d.platformId(), r.asOf()).orElseThrow(), PolicyAdjustment.NONE, true));
    }
    List<OptionGrid> grids = ProposalProblem.of(terms, Money.ZERO, Money.ZERO).grids();
    long leastFirst = grids.stream()
        .mapToLong(g -> IntStream.range(0, g.size()).mapToLong(g::firstInstallmentFen).min().orElseThrow()).sum();
    long leastDown = grids.stream()
        .mapToLong(g -> IntStream.range(0, g.size()).mapToLong(g::downPaymentFen).min().orElseThrow()).sum();
    return ProposalProblem.of(terms, Money.ofFen((long) (leastFirst * budgetFactor)),
        Money.ofFen(Math.max(100_000, (long) (leastDown * savingsFactor))));
  }

  private static Money scale(Money m, BigDecimal factor) {
    return m.multiply(factor, RoundingMode.HALF_UP);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void tenDebtCaseReachesNinetyNineAndAHalfPercentOfTheExactObjective(long seed) {
    ProposalProblem problem = generated(seed, 1.3, 2.0);
    ProposalSet exact = ProposalSolver.exact().solve(problem);
    ProposalSet opta = OPTA.solve(problem);
    org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), problem.violations(opta));
    for (Strategy s : Strategy.values()) {
      Proposal e = exact.proposal(s).orElseThrow(() -> new AssertionError("the generated case is feasible: " + s));
      Proposal o = opta.proposal(s).orElseThrow(() -> new AssertionError("OptaPlanner found no plan for " + s
          + " where the exact solver did: " + opta.notes()));
      double ratio = SolverQuality.objectiveRatio(e, o);
      assertTrue(ratio >= 0.995, s + ": objective ratio " + ratio);
      assertTrue(!e.provenOptimal() || ratio <= 1 + 1e-9, "never better than a proven optimum: " + ratio);
    }
  }
}
