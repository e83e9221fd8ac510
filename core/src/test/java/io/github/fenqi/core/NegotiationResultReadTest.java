package io.github.fenqi.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.fenqi.core.json.FenqiJson;
import io.github.fenqi.core.policy.InMemoryPolicyRepository;
import io.github.fenqi.core.testkit.Samples;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Java client of the REST API reads a {@link NegotiationResult} back from JSON (its Javadoc says so). A response that
 * lacks a part the result needs — another server version's, a truncated or hand-edited one — is refused naming each
 * missing part, as a case file is: it had been a NullPointerException from {@code List.copyOf} ("Cannot invoke
 * Collection.toArray() because coll is null") for a missing list, and a result holding null for a missing case id
 * or budget, which the next caller met as a NullPointerException of its own.
 */
class NegotiationResultReadTest {
  private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
  private static final ObjectMapper MAPPER = FenqiJson.newMapper();

  /** The feasible sample with ol-1 too recent for its lender: proposals, plans, scenarios and an ineligible debt. */
  private static ObjectNode resultJson() throws Exception {
    if (result == null) {
      result = calculated();
    }
    return result.deepCopy();
  }

  private static ObjectNode result;

  private static ObjectNode calculated() throws Exception {
    ObjectNode request = (ObjectNode) MAPPER.readTree(Samples.bytes("samples/cases/shanghai-three-debts-feasible.json"));
    ((ObjectNode) request.withArray("debts").get(2)).put("overdueDays", 1);
    NegotiationEngine engine = NegotiationEngine.builder()
        .policies(InMemoryPolicyRepository.of(Samples.policies())).clock(TODAY).build();
    NegotiationResult result = engine.calculate(NegotiationRequest.read(MAPPER, MAPPER.writeValueAsBytes(request), "case"));
    assertTrue(result.feasible() && !result.ineligible().isEmpty(), "the fixture has proposals and an ineligible debt");
    return (ObjectNode) MAPPER.valueToTree(result);
  }

  private static List<Problem> problemsReading(JsonNode json) throws Exception {
    byte[] bytes = MAPPER.writeValueAsBytes(json);
    return assertThrows(InvalidInputException.class,
        () -> FenqiJson.read(MAPPER, bytes, NegotiationResult.class, "response")).problems();
  }

  @Test
  void theUntouchedResultReadsBack() throws Exception {
    ObjectNode json = resultJson();
    NegotiationResult back = FenqiJson.read(MAPPER, MAPPER.writeValueAsBytes(json), NegotiationResult.class, "response");
    assertEquals(json, MAPPER.valueToTree(back));
  }

  @Test
  void eachMissingPartIsNamedWithItsPath() throws Exception {
    // part of the JSON, field left out, the location the problem must name
    Map<String, List<String>> fields = Map.of(
        "", List.of("caseId", "asOf", "maxAffordableInstallment", "affordability", "eligibility", "ineligible",
            "proposals", "notes", "hardshipNoteFindings"),
        "eligibility/0", List.of("debtId", "platformId", "policyVersion", "checks"),
        "ineligible/0", List.of("debtId", "reasons"),
        "proposals/0", List.of("strategy", "totalFirstMonthInstallment", "totalDownPayment", "totalPayable", "totalOwed",
            "saving", "expectedSaving", "stress", "plans", "scripts"),
        "proposals/0/stress", List.of("level", "worstShortfall95", "scenarios"),
        "proposals/0/stress/scenarios/0", List.of("name"),
        "proposals/0/plans/1", List.of("debtId", "platformId", "policyVersion", "downPayment", "waived", "waivedTotal",
            "settledAmount", "financedAmount", "firstInstallment", "totalPayable", "annualizedRate", "schedule"));
    for (Map.Entry<String, List<String>> part : fields.entrySet()) {
      String path = part.getKey().isEmpty() ? "" : part.getKey().replaceAll("/(\\d+)", "[$1]").replace('/', '.') + ".";
      for (String field : part.getValue()) {
        ObjectNode json = resultJson();
        ((ObjectNode) json.at(part.getKey().isEmpty() ? "" : "/" + part.getKey())).remove(field);
        assertEquals(List.of(Problem.of("response: " + path + field, "is required")), problemsReading(json),
            path + field);
      }
    }
  }

  @Test
  void everyMissingPartOfARecordIsNamedAtOnce() throws Exception {
    ObjectNode json = resultJson();
    json.remove(List.of("caseId", "proposals", "notes"));
    assertEquals(List.of(Problem.of("response: caseId", "is required"), Problem.of("response: proposals", "is required"),
        Problem.of("response: notes", "is required")), problemsReading(json));
  }

  @Test
  void aNullElementOrValueIsNamedByItsIndexOrKey() throws Exception {
    ObjectNode json = resultJson();
    ((ArrayNode) json.get("proposals")).addNull();
    int last = json.get("proposals").size() - 1;
    assertEquals(List.of(Problem.of("response: proposals[" + last + "]", "is null")), problemsReading(json));

    ObjectNode notes = resultJson();
    notes.putObject("notes").putNull("AGGRESSIVE");
    assertEquals(List.of(Problem.of("response: notes.AGGRESSIVE", "is null")), problemsReading(notes));

    ObjectNode waived = resultJson();
    ((ObjectNode) waived.at("/proposals/0/plans/0/waived")).putNull("lateFees");
    assertEquals(List.of(Problem.of("response: proposals[0].plans[0].waived.lateFees", "is null")),
        problemsReading(waived));
  }

  /**
   * {@code feasible} says whether a proposal exists, and an infeasible result says why (reason, recommendation,
   * binding, shortfall) where a feasible one says nothing of the kind: {@code "feasible": true} with no proposal, or
   * false beside three proposals, had read into a result that contradicted itself, which a client deciding by
   * {@code feasible()} took at its word.
   */
  @Test
  void feasibleAgreesWithTheProposalsAndTheReasonWhyNot() throws Exception {
    ObjectNode feasible = resultJson();
    feasible.put("feasible", false);
    assertEquals(withWhyNot(Problem.of("response: feasible", "is false, but there are 3 proposals"),
        "is required when infeasible"), problemsReading(feasible));

    NegotiationEngine engine = NegotiationEngine.builder()
        .policies(InMemoryPolicyRepository.of(Samples.policies())).clock(TODAY).build();
    ObjectNode infeasible = MAPPER.valueToTree(engine.calculate(Samples.sampleCase()));
    assertEquals(MAPPER.valueToTree(FenqiJson.read(MAPPER, MAPPER.writeValueAsBytes(infeasible), NegotiationResult.class,
        "response")), infeasible, "the sample's infeasible result reads back");
    infeasible.put("feasible", true);
    assertEquals(withWhyNot(Problem.of("response: feasible", "is true, but there is no proposal"),
        "is present though the case is feasible"), problemsReading(infeasible));

    infeasible.put("feasible", false);
    infeasible.remove("binding");
    assertEquals(List.of(Problem.of("response: binding", "is required when infeasible")), problemsReading(infeasible));
  }

  /** {@code first}, then a problem of each of the four fields that say why a case is infeasible. */
  private static List<Problem> withWhyNot(Problem first, String reason) {
    List<Problem> problems = new java.util.ArrayList<>(List.of(first));
    for (String field : List.of("reason", "recommendation", "binding", "shortfall")) {
      problems.add(Problem.of("response: " + field, reason));
    }
    return problems;
  }

  @Test
  void aScreeningWithoutItsListsIsNamed() throws Exception {
    ObjectNode json = resultJson();
    json.putObject("screening").put("verdict", "PASS");
    assertEquals(List.of(Problem.of("response: screening.reasons", "is required"),
        Problem.of("response: screening.statements", "is required"),
        Problem.of("response: screening.riskChecks", "is required")), problemsReading(json));
  }
}
