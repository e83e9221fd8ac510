package io.github.fenqi.core.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.debt.DebtComponent;
import io.github.fenqi.core.debt.ProductType;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.money.Rate;
import io.github.fenqi.core.money.Ratio;
import io.github.fenqi.core.schedule.RepaymentMethod;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The fast option grid draws exactly the grid the straightforward computation ({@link ReferenceOptionGrid}) drew. */
class OptionGridProperties {

  private static final RepaymentMethod[] METHODS = {
    RepaymentMethod.INTEREST_FREE, RepaymentMethod.EQUAL_INSTALLMENT, RepaymentMethod.FEE_INSTALLMENT,
    RepaymentMethod.EQUAL_PRINCIPAL
  };

  @Property(tries = 300)
  void everyOptionEqualsTheReferenceGridBitForBit(@ForAll long seed) {
    Random r = new Random(seed);
    DebtTerms terms = randomTerms(r, METHODS[r.nextInt(METHODS.length)]);
    GridConfig config = randomConfig(r);
    AcceptanceModel model = randomModel(r);
    assertSameGrid(terms, config, model);
  }

  @Property(tries = 50)
  void gridsOfDebtsSharingOneLendersPricingEachEqualTheReference(@ForAll long seed) {
    Random r = new Random(seed);
    DebtTerms pricing = randomTerms(r, METHODS[r.nextInt(METHODS.length)]);
    List<DebtTerms> debts = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      DebtTerms other = randomTerms(r, pricing.method());
      debts.add(new DebtTerms(other.debt(), "v", other.allowedTerms(), pricing.method(), pricing.annualRate(),
          pricing.monthlyFeeRate(), other.waiverCaps(), other.minDownPaymentRatio(), other.hardshipProof()));
    }
    GridConfig config = randomConfig(r);
    AcceptanceModel model = randomModel(r);
    List<OptionGrid> grids = OptionGrid.of(debts, config, model);
    assertEquals(debts.size(), grids.size());
    for (int i = 0; i < debts.size(); i++) {
      assertSameGrid(grids.get(i), debts.get(i), config, model);
    }
  }

  @Test
  void equalsTheReferenceForEveryMethodWithTheDefaultGridAndModel() {
    Random r = new Random(20261125);
    for (RepaymentMethod method : METHODS) {
      for (int i = 0; i < 5; i++) {
        assertSameGrid(randomTerms(r, method), GridConfig.DEFAULTS, AcceptanceModel.defaults());
      }
    }
  }

  @Test
  void equalsTheReferenceForADebtWithNothingWaivableOrNothingOwedButPrincipal() {
    Debt debt = new Debt("d", "p", ProductType.CREDIT_CARD, Money.ofFen(1_234_567), Money.ZERO, Money.ZERO, Money.ZERO,
        Money.ZERO, Money.ZERO, Rate.of("0.18"), 0);
    DebtTerms terms = new DebtTerms(debt, "v", List.of(1, 2, 3, 12, 360), RepaymentMethod.EQUAL_INSTALLMENT,
        Rate.of("0.2399"), Rate.of("0.0033"), Map.of(), Ratio.of("0.95"), false);
    assertSameGrid(terms, GridConfig.DEFAULTS.withDownPayments(20, 0.01), AcceptanceModel.defaults());
  }

  private static void assertSameGrid(DebtTerms terms, GridConfig config, AcceptanceModel model) {
    assertSameGrid(OptionGrid.of(terms, config, model), terms, config, model);
  }

  private static void assertSameGrid(OptionGrid actual, DebtTerms terms, GridConfig config, AcceptanceModel model) {
    ReferenceOptionGrid expected = new ReferenceOptionGrid(terms, config, model);
    String where = terms + " " + config + " " + model;
    assertEquals(expected.term.length, actual.size(), where);
    for (int i = 0; i < actual.size(); i++) {
      String at = "option " + i + " of " + where;
      assertEquals(expected.term[i], actual.term(i), at);
      assertEquals(expected.down[i], actual.downPaymentFen(i), at);
      assertEquals(expected.first[i], actual.firstInstallmentFen(i), at);
      assertEquals(expected.total[i], actual.totalPayableFen(i), at);
      assertEquals(expected.waived[i], actual.waivedFen(i), at);
      assertEquals(Double.doubleToLongBits(expected.recovery[i]), Double.doubleToLongBits(actual.recoveryRatio(i)), at);
      assertEquals(Double.doubleToLongBits(expected.acceptance[i]), Double.doubleToLongBits(actual.acceptance(i)), at);
      // the full option, built on demand, reports the same acceptance the solvers read
      assertEquals(Double.doubleToLongBits(actual.acceptance(i)), Double.doubleToLongBits(actual.option(i).acceptanceProbability()), at);
    }
  }

  /** Amounts from a few fen to ten million yuan, rates and ratios with up to six decimals. */
  static DebtTerms randomTerms(Random r, RepaymentMethod method) {
    long scale = switch (r.nextInt(4)) {
      case 0 -> 100L;
      case 1 -> 10_000L;
      case 2 -> 1_000_000L;
      default -> 1_000_000_000L;
    };
    Debt debt = new Debt("d", "p", ProductType.values()[r.nextInt(ProductType.values().length)],
        Money.ofFen(1 + (long) (r.nextDouble() * scale)), component(r, scale), component(r, scale),
        component(r, scale), component(r, scale), component(r, scale), Rate.of("0.18"), r.nextInt(2000));
    List<Integer> months = new ArrayList<>();
    int count = 1 + r.nextInt(12);
    while (months.size() < count) {
      int m = r.nextInt(4) == 0 ? 1 + r.nextInt(360) : 1 + r.nextInt(60);
      if (!months.contains(m)) {
        months.add(m);
      }
    }
    Collections.sort(months);
    Map<DebtComponent, Ratio> caps = new EnumMap<>(DebtComponent.class);
    for (DebtComponent c : DebtComponent.values()) {
      if (r.nextInt(4) != 0) {
        caps.put(c, Ratio.of(decimal(r, 1_000_000, 6).min(BigDecimal.ONE)));
      }
    }
    return new DebtTerms(debt, "v", months, method, Rate.of(decimal(r, 400_000, 6)), Rate.of(decimal(r, 20_000, 6)),
        caps, Ratio.of(r.nextInt(3) == 0 ? BigDecimal.ZERO : decimal(r, 1_000_000, 6).min(BigDecimal.ONE)),
        r.nextBoolean());
  }

  private static Money component(Random r, long scale) {
    return r.nextInt(4) == 0 ? Money.ZERO : Money.ofFen((long) (r.nextDouble() * scale / 2));
  }

  /** A decimal below {@code bound}·10^−digits with {@code 1..digits} decimals. */
  private static BigDecimal decimal(Random r, int bound, int digits) {
    int decimals = 1 + r.nextInt(digits);
    return BigDecimal.valueOf(r.nextInt(bound), digits).setScale(decimals, java.math.RoundingMode.DOWN);
  }

  private static GridConfig randomConfig(Random r) {
    double[] steps = {0.05, 0.1, 0.2, 0.25, 0.3, 0.34, 0.07, 1.0, 0.5 * r.nextDouble() + 0.01};
    double[] downSteps = {0.05, 0.1, 0.01, 0.3, 1.0, 0.7 * r.nextDouble() + 0.001};
    List<DebtComponent> priority = new ArrayList<>(List.of(DebtComponent.values()));
    Collections.shuffle(priority, r);
    return new GridConfig(steps[r.nextInt(steps.length)], priority, 1 + r.nextInt(20),
        downSteps[r.nextInt(downSteps.length)], 0.3, 0.2 * r.nextDouble(), 1000);
  }

  /** The default or a random logistic model (evaluated inline by the grid), or one the grid knows nothing of. */
  private static AcceptanceModel randomModel(Random r) {
    return switch (r.nextInt(3)) {
      case 0 -> AcceptanceModel.defaults();
      case 1 -> AcceptanceModel.logistic(new AcceptanceCoefficients(coefficient(r), coefficient(r), coefficient(r),
          coefficient(r), coefficient(r), coefficient(r), coefficient(r)));
      // a custom model: a probability in (0, 1], as the contract asks (the test's first one gave 0 at the full waiver
      // without a down payment, and above 1 at a recovery ratio near 2)
      default -> f -> 0.01 + 0.49 * Math.min(1, f.recoveryRatio()) * (1 - f.waiverOfCap())
          + 0.25 * f.downPaymentRatio() * f.termOfMax();
    };
  }

  private static double coefficient(Random r) {
    return (r.nextDouble() - 0.5) * 20;
  }

  @Test
  void theCustomModelSeesTheSameFeaturesAsTheReference() {
    // a model that records nothing but returns a value depending on every feature: equality of its
    // results over a grid shows the grid hands it the features the reference did
    AcceptanceModel everyFeature = f -> (f.waiverOfCap() + 2 * f.termOfMax() + 3 * f.downPaymentRatio()
        + f.overdueDays() / 1000.0 + (f.hardshipProof() ? 0.5 : 0) + f.recoveryRatio()) / 10;
    Random r = new Random(7);
    for (int i = 0; i < 20; i++) {
      DebtTerms terms = randomTerms(r, METHODS[i % METHODS.length]);
      assertSameGrid(terms, randomConfig(r), everyFeature);
      // a debt with a plan to offer has options: one that owes nothing has none, nor one whose least down payment
      // leaves too little to pay anything the first month
      assertTrue(OptionGrid.of(terms, GridConfig.DEFAULTS, everyFeature).size() > 0 || terms.whyNoPlan().isPresent());
    }
  }
}
