package io.github.fenqi.core.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.debt.DebtComponent;
import io.github.fenqi.core.debt.ProductType;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.money.Rate;
import io.github.fenqi.core.money.Ratio;
import io.github.fenqi.core.schedule.RepaymentMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GridConfigTest {
  /** A waiver step of 1e-6 drew a million levels per debt and ran out of memory; the finest step is a thousandth. */
  @Test
  void aWaiverStepFinerThanAThousandthIsRefusedByName() {
    assertEquals(0.001, GridConfig.DEFAULTS.withWaiverStep(0.001).waiverStep());
    for (double step : new double[] {0.000_001, 0.0009, 0, -0.1, 1.5, Double.NaN}) {
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> GridConfig.DEFAULTS.withWaiverStep(step));
      assertEquals("waiverStep", e.problems().get(0).location());
      assertTrue(e.problems().get(0).reason().startsWith(step + " is outside [0.001, 1]"), e.getMessage());
    }
    assertTrue(assertThrows(InvalidInputException.class, () -> GridConfig.DEFAULTS.withWaiverStep(0.000_001))
        .getMessage().contains("a finer step than a thousand levels only makes it larger"));
  }

  @Test
  void aMissingWaiverPriorityEntryIsNamedLikeAnyOtherBadList() {
    java.util.List<io.github.fenqi.core.debt.DebtComponent> withHole =
        new java.util.ArrayList<>(GridConfig.DEFAULTS.waiverPriority());
    withHole.set(2, null);
    GridConfig d = GridConfig.DEFAULTS;
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> new GridConfig(d.waiverStep(), withHole,
        d.downPaymentLevels(), d.downPaymentStep(), d.acceptanceFloor(), d.lenderMonthlyDiscountRate(),
        d.maxSearchNodes()));
    assertEquals("waiverPriority: must list every debt component exactly once", e.getMessage());
  }

  /**
   * The finest grid the fields allow on debts whose policy allows every term of 1..360 months holds 7.2 million options
   * per debt: three debts ran a 2 GB JVM out of memory after half a minute. Beyond {@link GridConfig#MAX_OPTIONS} in all
   * the problem is refused before any grid is drawn, naming the configuration and what to change; one such debt is
   * still a problem.
   */
  @Test
  void gridsAboveTheLimitAreRefusedBeforeAnyIsDrawn() {
    GridConfig finest = GridConfig.DEFAULTS.withWaiverStep(0.001).withDownPayments(20, 0.01);
    java.util.List<DebtTerms> everyTerm = ExactProposalSolverProperties.randomDebts(5, 2, false).stream()
        .map(t -> new DebtTerms(t.debt(), t.policyVersion(), java.util.stream.IntStream.rangeClosed(1, 360).boxed().toList(),
            t.method(), t.annualRate(), t.monthlyFeeRate(), java.util.Map.of(io.github.fenqi.core.debt.DebtComponent
                .LATE_FEES, io.github.fenqi.core.money.Ratio.of("1")), t.minDownPaymentRatio(), t.hardshipProof()))
        .toList();
    io.github.fenqi.core.money.Money budget = io.github.fenqi.core.money.Money.of("100000");
    assertEquals(7_207_200, finest.mostOptions(everyTerm.get(0)));
    new ProposalProblem(everyTerm.subList(0, 1), budget, budget, finest, AcceptanceModel.defaults());
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> new ProposalProblem(everyTerm, budget, budget, finest, AcceptanceModel.defaults()));
    assertEquals("config", e.problems().get(0).location());
    assertEquals("the grids of the 2 debts (debts[0], debts[1]) would hold up to 14414400 options (waiver levels × down-payment levels × "
        + "terms, summed over the debts), above the 10000000 a problem may draw; use a coarser waiverStep (0.001) or "
        + "fewer downPaymentLevels (20)", e.problems().get(0).reason());
  }

  /**
   * The limit is the most options a problem may draw: grids of exactly {@link GridConfig#MAX_OPTIONS} options are a
   * problem, one option more is refused by the constructor and by {@link ProposalProblem#tooLargeToSolve}. No grid is
   * drawn: the count is {@link GridConfig#mostOptions}'s, checked here to add up to the limit.
   */
  @Test
  void gridsOfExactlyTheLimitAreAProblemAndOneOptionMoreIsNot() {
    GridConfig oneDownPayment = GridConfig.DEFAULTS.withWaiverStep(0.001).withDownPayments(1, 0.01);
    List<DebtTerms> atTheLimit = new ArrayList<>();
    for (int i = 0; i < 28; i++) { // 1 000 waived amounts (0..999 fen) × 360 terms, 27 times, and × 280 terms once
      atTheLimit.add(debt("d" + i, 999, IntStream.rangeClosed(1, i < 27 ? 360 : 280).boxed().toList()));
    }
    assertEquals(GridConfig.MAX_OPTIONS, atTheLimit.stream().mapToLong(oneDownPayment::mostOptions).sum());
    List<DebtTerms> oneMore = new ArrayList<>(atTheLimit);
    oneMore.add(debt("one-more", 0, List.of(12))); // nothing to waive, one term, one down payment: one option
    assertEquals(GridConfig.MAX_OPTIONS + 1, oneMore.stream().mapToLong(oneDownPayment::mostOptions).sum());
    Money budget = Money.of("100000");
    List<String> names = IntStream.range(0, oneMore.size()).mapToObj(i -> "debts[" + i + "]").toList();

    assertEquals(28, new ProposalProblem(atTheLimit, budget, budget, oneDownPayment, AcceptanceModel.defaults())
        .debts().size());
    assertEquals(List.of(), ProposalProblem.tooLargeToSolve(atTheLimit, oneDownPayment, names.subList(0, 28)));
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> new ProposalProblem(oneMore, budget, budget, oneDownPayment, AcceptanceModel.defaults()));
    assertEquals(1, e.problems().size(), e.getMessage());
    assertEquals("config", e.problems().get(0).location());
    assertTrue(e.problems().get(0).reason().contains("would hold up to 10000001 options"), e.getMessage());
    assertEquals(e.problems(), ProposalProblem.tooLargeToSolve(oneMore, oneDownPayment, names));
  }

  /** A debt of 10 000 yuan and {@code waivableFen} of penalty interest, all waivable, over {@code terms}. */
  private static DebtTerms debt(String id, long waivableFen, List<Integer> terms) {
    Debt debt = new Debt(id, "p", ProductType.CREDIT_CARD, Money.of("10000"), Money.ZERO, Money.ofFen(waivableFen),
        Money.ZERO, Money.ZERO, Money.ZERO, Rate.of("0.18"), 90);
    return new DebtTerms(debt, "v1", terms, RepaymentMethod.EQUAL_PRINCIPAL, Rate.ZERO, Rate.ZERO,
        java.util.Map.of(DebtComponent.PENALTY_INTEREST, Ratio.of("1")), Ratio.of("0.1"), false);
  }

  @Test
  void aConfigurationRoundTripsThroughJson() throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper plain = new com.fasterxml.jackson.databind.ObjectMapper();
    GridConfig c = GridConfig.DEFAULTS.withAcceptanceFloor(0.45).withDownPayments(6, 0.1);
    assertEquals(c, plain.readValue(plain.writeValueAsString(c), GridConfig.class));
  }

  /**
   * A kept configuration that lacks a field is refused by any mapper: a plain ObjectMapper read one without its
   * acceptanceFloor as a floor of 0 — AGGRESSIVE free to offer plans no lender is likely to accept, without a word.
   */
  @Test
  void aConfigurationWithoutAFieldIsRefusedNotTakenAsZero() throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper plain = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode node = plain.valueToTree(GridConfig.DEFAULTS);
    node.remove("acceptanceFloor");
    String json = plain.writeValueAsString(node);
    Exception e = assertThrows(com.fasterxml.jackson.databind.exc.MismatchedInputException.class,
        () -> plain.readValue(json, GridConfig.class));
    assertTrue(e.getMessage().startsWith("Missing required creator property 'acceptanceFloor'"), e.getMessage());
    InvalidInputException named = assertThrows(InvalidInputException.class, () -> io.github.fenqi.core.json.FenqiJson
        .read(io.github.fenqi.core.json.FenqiJson.newMapper(), json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            GridConfig.class, "grid.json"));
    assertTrue(named.getMessage().startsWith("grid.json: acceptanceFloor: is missing"), named.getMessage());
  }
  /**
   * Waiver steps finer than a fen of the waivable amount round to the same amount: a debt with one fen to waive drew
   * its 0.00 level 20 times over under the default 5 % steps (and 1 000 times under the finest), each copy with every
   * term and down payment, and counted them all against {@link GridConfig#MAX_OPTIONS}. Each amount is drawn once.
   */
  @Test
  void aWaiverLevelIsDrawnOncePerDistinctAmount() {
    for (long waivableFen : new long[] {1, 7, 19, 20, 1_000_000}) {
      DebtTerms terms = debt("d", waivableFen, List.of(6, 12));
      for (GridConfig config : new GridConfig[] {GridConfig.DEFAULTS, GridConfig.DEFAULTS.withWaiverStep(0.001)}) {
        OptionGrid grid = OptionGrid.of(terms, config, AcceptanceModel.defaults());
        java.util.Set<Long> amounts = new java.util.TreeSet<>();
        for (int i = 0; i < grid.size(); i++) {
          amounts.add(grid.waivedFen(i));
        }
        long levels = Math.min(config.waiverLevelCount(), waivableFen + 1);
        assertEquals(levels, amounts.size(), waivableFen + " fen");
        assertEquals(levels * config.downPaymentLevels() * 2, grid.size(), waivableFen + " fen: one option per "
            + "waived amount, down payment and term");
        assertEquals(grid.size(), config.mostOptions(terms), waivableFen + " fen");
      }
    }
  }
}
