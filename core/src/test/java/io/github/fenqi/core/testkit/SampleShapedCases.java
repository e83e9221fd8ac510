package io.github.fenqi.core.testkit;

import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.debt.DebtComponent;
import io.github.fenqi.core.debt.ProductType;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.money.Rate;
import io.github.fenqi.core.money.Ratio;
import io.github.fenqi.core.schedule.RepaymentMethod;
import io.github.fenqi.core.solve.AcceptanceModel;
import io.github.fenqi.core.solve.DebtTerms;
import io.github.fenqi.core.solve.GridConfig;
import io.github.fenqi.core.solve.OptionGrid;
import io.github.fenqi.core.solve.ProposalProblem;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generated proposal problems shaped like the three sample policies, with random amounts: the cases the solver's
 * benchmarks and its harder properties share. Debt {@code i} follows policy {@code i % 3}: a credit card with every
 * term from 12 to 60 months, interest-free; a consumer loan at 6 % over 12–36 months in steps of 6; an online loan
 * with a 0.5 % monthly fee over 3–24 months in steps of 3. Their full grids hold thousands of options with near-equal
 * installments, which is what makes tight budgets hard.
 *
 * <p>Thread-safety: stateless.
 */
public final class SampleShapedCases {
  private SampleShapedCases() {}

  /** {@code n} sample-shaped debts drawn from {@code seed}. */
  public static List<DebtTerms> debts(long seed, int n) {
    Random r = new Random(seed);
    List<DebtTerms> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int kind = i % 3;
      Debt d = new Debt("d" + i, "p" + kind, ProductType.values()[kind], Money.ofFen(1_000_000 + r.nextInt(5_000_000)),
          Money.ofFen(r.nextInt(500_000)), Money.ofFen(r.nextInt(200_000)), Money.ofFen(r.nextInt(30_000)),
          Money.ofFen(r.nextInt(90_000)), Money.ofFen(r.nextInt(30_000)), Rate.of("0.18"), 30 + r.nextInt(300));
      Map<DebtComponent, Ratio> caps = new EnumMap<>(DebtComponent.class);
      caps.put(DebtComponent.PENALTY_INTEREST, kind == 2 ? Ratio.of("0.5") : Ratio.ONE);
      caps.put(DebtComponent.COMPOUND_INTEREST, Ratio.ONE);
      caps.put(DebtComponent.LATE_FEES, Ratio.ONE);
      if (kind == 0) {
        caps.put(DebtComponent.OTHER_FEES, Ratio.ONE);
        out.add(new DebtTerms(d, "v", terms(12, 60, 1), RepaymentMethod.INTEREST_FREE, Rate.ZERO, Rate.ZERO, caps,
            Ratio.ZERO, true));
      } else if (kind == 1) {
        caps.put(DebtComponent.INTEREST, Ratio.of("0.5"));
        caps.put(DebtComponent.OTHER_FEES, Ratio.of("0.5"));
        out.add(new DebtTerms(d, "v", terms(12, 36, 6), RepaymentMethod.EQUAL_INSTALLMENT, Rate.of("0.06"), Rate.ZERO,
            caps, Ratio.of("0.05"), true));
      } else {
        caps.put(DebtComponent.INTEREST, Ratio.of("0.3"));
        out.add(new DebtTerms(d, "v", terms(3, 24, 3), RepaymentMethod.FEE_INSTALLMENT, Rate.ZERO, Rate.of("0.005"),
            caps, Ratio.of("0.1"), true));
      }
    }
    return out;
  }

  /**
   * The problem of {@link #debts}: a budget of {@code budgetFactor} × the least possible Σ first installments and
   * savings of {@code savingsFactor} × the least Σ down payments (at least 1 000 yuan), default acceptance model.
   */
  public static ProposalProblem problem(int n, double budgetFactor, double savingsFactor, long seed, GridConfig config) {
    List<DebtTerms> debts = debts(seed, n);
    long leastFirst = 0;
    long leastDown = 0;
    for (OptionGrid g : new ProposalProblem(debts, Money.ZERO, Money.ZERO, config, AcceptanceModel.defaults()).grids()) {
      leastFirst += g.leastFirstInstallmentFen();
      leastDown += g.leastDownPaymentFen();
    }
    return new ProposalProblem(debts, Money.ofFen((long) (leastFirst * budgetFactor)),
        Money.ofFen(Math.max(100_000, (long) (leastDown * savingsFactor))), config, AcceptanceModel.defaults());
  }

  private static List<Integer> terms(int first, int last, int step) {
    List<Integer> out = new ArrayList<>();
    for (int t = first; t <= last; t += step) {
      out.add(t);
    }
    return out;
  }
}
