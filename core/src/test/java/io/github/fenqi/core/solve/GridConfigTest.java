package io.github.fenqi.core.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InvalidInputException;
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
    assertEquals("the grids of the 2 debts would hold up to 14414400 options (waiver levels × down-payment levels × "
        + "terms, summed over the debts), above the 10000000 a problem may draw; use a coarser waiverStep (0.001) or "
        + "fewer downPaymentLevels (20)", e.problems().get(0).reason());
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
}
