package io.github.fenqi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.fenqi.core.json.FenqiJson;
import io.github.fenqi.core.stress.RiskLevel;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON of {@code fenqi plan} holds the fields its users script against (README, "plan"): {@code feasible},
 * {@code reason}, {@code maxAffordableInstallment}, {@code ineligible[debtId, reasons]} and {@code proposals[strategy,
 * totalFirstMonthInstallment, totalDownPayment, totalPayable, totalOwed, acceptanceProbability, stress{level,
 * defaultProbability}, plans[debtId, platformId, term, downPayment, waived, firstInstallment, totalPayable,
 * annualizedRate, schedule]]}, with money as decimal strings of two decimals and each total the sum of its plans'.
 */
class PlanJsonContractTest {
  private static final String POLICIES = "../../samples/policies";
  private static final String FEASIBLE = "../../samples/cases/shanghai-three-debts-feasible.json";
  private static final String INFEASIBLE = "../../samples/cases/shanghai-three-debts.json";

  /** The feasible sample with its consumer-finance debt only 1 day overdue: that lender's policy leaves it out. */
  private static Path withOneIneligibleDebt(Path dir) throws Exception {
    String json = Files.readString(Path.of(FEASIBLE));
    String changed = json.replace("\"overdueDays\": 120", "\"overdueDays\": 1");
    assertFalse(changed.equals(json), "the sample's cf-1 debt is 120 days overdue");
    return Files.writeString(dir.resolve("case.json"), changed);
  }

  @Test
  void aFeasiblePlanHoldsEveryDocumentedField(@TempDir Path dir) throws Exception {
    CliRun run = CliRun.of("plan", withOneIneligibleDebt(dir).toString(), "--policies", POLICIES);
    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.err());
    JsonNode json = FenqiJson.newMapper().readTree(run.out());

    assertTrue(json.get("feasible").isBoolean() && json.get("feasible").asBoolean(), run.out());
    assertFalse(json.has("reason"), "a feasible result has no reason (absent values are omitted)");
    BigDecimal budget = money(json, "maxAffordableInstallment");

    JsonNode ineligible = json.get("ineligible");
    assertEquals(1, ineligible.size(), ineligible.toString());
    assertEquals("cf-1", ineligible.get(0).get("debtId").asText());
    JsonNode reasons = ineligible.get(0).get("reasons");
    assertTrue(reasons.isArray() && reasons.size() >= 1 && reasons.get(0).asText().contains("overdueDays"),
        reasons.toString());

    JsonNode proposals = json.get("proposals");
    List<String> strategies = new ArrayList<>();
    for (JsonNode p : proposals) {
      strategies.add(p.get("strategy").asText());
      BigDecimal first = BigDecimal.ZERO;
      BigDecimal down = BigDecimal.ZERO;
      BigDecimal payable = BigDecimal.ZERO;
      List<String> debts = new ArrayList<>();
      for (JsonNode plan : p.get("plans")) {
        debts.add(plan.get("debtId").asText());
        assertTrue(plan.get("platformId").isTextual(), plan.toString());
        int term = plan.get("term").asInt();
        assertTrue(plan.get("term").isInt() && term >= 1, plan.toString());
        first = first.add(money(plan, "firstInstallment"));
        down = down.add(money(plan, "downPayment"));
        payable = payable.add(money(plan, "totalPayable"));
        assertTrue(plan.get("waived").isObject(), plan.toString());
        plan.get("waived").forEach(w -> assertTrue(w.asText().matches("\\d+\\.\\d{2}"), plan.get("waived").toString()));
        assertTrue(plan.get("annualizedRate").isNumber(), plan.toString());
        JsonNode schedule = plan.get("schedule");
        assertEquals(term, schedule.get("installments").size(), "one installment a month of the term");
        assertEquals(money(plan, "firstInstallment"), money(schedule.get("installments").get(0), "payment"));
        assertEquals(money(plan, "totalPayable"), money(schedule, "totalPayable"));
      }
      assertEquals(List.of("cc-1", "ol-1"), debts, "the eligible debts, the ineligible one left out");
      assertEquals(first, money(p, "totalFirstMonthInstallment"));
      assertEquals(down, money(p, "totalDownPayment"));
      assertEquals(payable, money(p, "totalPayable"));
      assertTrue(first.compareTo(budget) <= 0, "within the budget: " + first + " > " + budget);
      assertEquals(new BigDecimal("69350.00"), money(p, "totalOwed"), "what cc-1 and ol-1 owe");
      assertProbability(p.get("acceptanceProbability"));
      // the core's levels (GREEN, YELLOW, RED), not a list of its own: it had AMBER for YELLOW
      assertTrue(java.util.Arrays.stream(RiskLevel.values()).map(Enum::name).toList()
          .contains(p.get("stress").get("level").asText()), p.get("stress").toString());
      assertProbability(p.get("stress").get("defaultProbability"));
    }
    assertEquals(List.of("AGGRESSIVE", "CONSERVATIVE", "BALANCED"), strategies);
  }

  @Test
  void anInfeasiblePlanSaysWhyAndProposesNothing() throws Exception {
    CliRun run = CliRun.of("plan", INFEASIBLE, "--policies", POLICIES);
    assertEquals(0, run.exit(), run.err());
    JsonNode json = FenqiJson.newMapper().readTree(run.out());
    assertFalse(json.get("feasible").asBoolean());
    assertTrue(json.get("reason").asText().contains("above the affordable " + money(json, "maxAffordableInstallment")
        .toPlainString()), json.get("reason").asText());
    assertEquals(0, json.get("ineligible").size());
    assertEquals(0, json.get("proposals").size());
  }

  /** A money field: a decimal string of two decimals, as every amount in fenqi's JSON. */
  private static BigDecimal money(JsonNode node, String field) {
    JsonNode value = node.get(field);
    assertTrue(value != null && value.isTextual() && value.asText().matches("-?\\d+\\.\\d{2}"),
        field + " is " + value + " in " + node);
    return new BigDecimal(value.asText());
  }

  private static void assertProbability(JsonNode value) {
    assertTrue(value.isNumber() && value.asDouble() >= 0 && value.asDouble() <= 1, String.valueOf(value));
  }
}
