package io.github.fenqi.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.fenqi.core.json.FenqiJson;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.policy.InMemoryPolicyRepository;
import io.github.fenqi.core.testkit.Samples;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  /**
   * The assessment inside a result is held to the bounds the engine holds a model's assessment to, named by its path in
   * the response: a volatility of -0.5 had been read back into a result the stress test would have refused.
   */
  @Test
  void anAssessmentOutsideItsBoundsIsNamedByItsPath() throws Exception {
    ObjectNode json = resultJson();
    ((ObjectNode) json.get("affordability")).put("incomeVolatility", -0.5);
    assertEquals(List.of(Problem.of("response: affordability.incomeVolatility", "-0.5 is outside 0..3")),
        problemsReading(json));
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

  /**
   * An infeasible result's shortfall is how far off its binding constraint is, as {@code Infeasibility} holds it: a
   * response saying the budget binds by -1103.26 (or by nothing), or that no debt is eligible beside a shortfall of
   * money, had read back as stated, telling a borrower a gap its own figures deny.
   */
  @Test
  void theShortfallAgreesWithTheBindingConstraint() throws Exception {
    NegotiationEngine engine = NegotiationEngine.builder()
        .policies(InMemoryPolicyRepository.of(Samples.policies())).clock(TODAY).build();
    ObjectNode infeasible = MAPPER.valueToTree(engine.calculate(Samples.sampleCase()));
    assertEquals("MONTHLY_BUDGET", infeasible.get("binding").asText());
    ObjectNode negative = infeasible.deepCopy().put("shortfall", "-1103.26");
    assertEquals(List.of(Problem.of("response: shortfall", "'-1103.26' is negative")), problemsReading(negative));
    ObjectNode none = infeasible.deepCopy().put("shortfall", "0.00");
    assertEquals(List.of(Problem.of("response: shortfall", "'0.00' where MONTHLY_BUDGET binds: a binding budget or "
        + "savings falls short by more than nothing")), problemsReading(none));
    ObjectNode noDebt = infeasible.deepCopy().put("binding", "NO_ELIGIBLE_DEBT");
    assertEquals(List.of(Problem.of("response: shortfall", "'1103.26' where NO_ELIGIBLE_DEBT binds, which no amount "
        + "of money measures: 0.00"), Problem.of("response: binding", "NO_ELIGIBLE_DEBT though 3 debts are let in and "
        + "not left out (cc-1, cf-1, ol-1)")), problemsReading(noDebt)); // and no debt is left out (below)
  }

  /**
   * "No eligible debt" binds exactly when no debt is left to plan (each one's decision says not eligible, or it is
   * listed as left out): a response saying it beside three debts let in and left out of nothing, or blaming the budget
   * when every debt is left out, had read back as stated — what the engine passed on from a solver that said so.
   */
  @Test
  void noEligibleDebtBindsExactlyWhenNoDebtIsLeftToPlan() throws Exception {
    NegotiationEngine engine = NegotiationEngine.builder()
        .policies(InMemoryPolicyRepository.of(Samples.policies())).clock(TODAY).build();
    ObjectNode infeasible = MAPPER.valueToTree(engine.calculate(Samples.sampleCase()));
    assertEquals(0, infeasible.withArray("ineligible").size());
    ObjectNode noDebt = infeasible.deepCopy().put("binding", "NO_ELIGIBLE_DEBT").put("shortfall", "0.00");
    assertEquals(List.of(Problem.of("response: binding", "NO_ELIGIBLE_DEBT though 3 debts are let in and not left out "
        + "(cc-1, cf-1, ol-1)")), problemsReading(noDebt));

    NegotiationRequest sample = Samples.sampleCase();
    List<io.github.fenqi.core.debt.Debt> small = sample.debts().stream().map(d -> new io.github.fenqi.core.debt.Debt(
        d.id(), d.platformId(), d.productType(), Money.of("6.00"), Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO,
        Money.ZERO, d.annualRate(), d.overdueDays())).toList();
    ObjectNode none = MAPPER.valueToTree(engine.calculate(new NegotiationRequest(sample.caseId(), sample.asOf(),
        sample.borrower(), small)));
    assertEquals("NO_ELIGIBLE_DEBT", none.get("binding").asText());
    assertEquals(MAPPER.valueToTree(FenqiJson.read(MAPPER, MAPPER.writeValueAsBytes(none), NegotiationResult.class,
        "response")), none, "the engine's result reads back");
    ObjectNode budget = none.deepCopy().put("binding", "MONTHLY_BUDGET").put("shortfall", "5.00");
    assertEquals(List.of(Problem.of("response: binding", "MONTHLY_BUDGET though no debt is left to plan: "
        + "NO_ELIGIBLE_DEBT binds")), problemsReading(budget));
  }

  /**
   * A result's eligibility explains its plans: a decision is eligible exactly when none of its checks failed, and a
   * planned debt is one its decision let in and that is not listed as left out. A response saying otherwise had read
   * into a result whose explanation and answer disagreed (ol-1, left out at 1 day overdue, marked eligible; cc-1
   * planned beside a decision that it is not eligible).
   */
  @Test
  void theEligibilityDecisionsAgreeWithTheirChecksAndWithThePlans() throws Exception {
    ObjectNode json = resultJson();
    ((ObjectNode) json.withArray("eligibility").get(2)).put("eligible", true);
    assertEquals(List.of(Problem.of("response: eligibility[2].eligible", "is true though checks [MIN_OVERDUE_DAYS] "
        + "failed")), problemsReading(json));

    json = resultJson();
    ((ObjectNode) json.withArray("eligibility").get(0)).put("eligible", false);
    assertEquals(List.of(Problem.of("response: eligibility[0].eligible", "is false though every check passed: a debt "
        + "left out says why")), problemsReading(json));

    json = resultJson(); // cc-1's decision and its failed check agree with each other, not with its plans
    ObjectNode cc = (ObjectNode) json.withArray("eligibility").get(0);
    cc.put("eligible", false);
    ((ObjectNode) cc.withArray("checks").get(3)).put("passed", false);
    List<Problem> problems = problemsReading(json);
    assertEquals(3, problems.size(), problems.toString());
    for (int k = 0; k < 3; k++) {
      assertEquals(Problem.of("response: proposals[" + k + "].plans[0].debtId", "'cc-1' is planned though its "
          + "eligibility decision says not eligible"), problems.get(k));
    }

    json = resultJson(); // cf-1 let in, and yet listed as left out
    ((ObjectNode) json.withArray("ineligible").addObject()).put("debtId", "cf-1").putArray("reasons").add("x");
    assertEquals(Problem.of("response: proposals[0].plans[1].debtId", "'cf-1' is planned though it is listed as "
        + "ineligible"), problemsReading(json).get(0));
  }

  /**
   * A result says the same thing once: its budget is the assessment's, each strategy has at most one proposal, and a
   * proposal is recommended exactly when its stress test is not RED (its Javadoc). A response with a budget of 1.00 beside
   * an assessment of 4750.00, BALANCED twice, or a RED plan marked recommended had read into a result that contradicted
   * itself, which a client showing {@code recommended()} or the budget took at its word.
   */
  @Test
  void theBudgetTheStrategiesAndTheRecommendationAgreeWithTheRestOfTheResult() throws Exception {
    ObjectNode budget = resultJson();
    String assessed = budget.at("/affordability/maxAffordableInstallment").asText();
    budget.put("maxAffordableInstallment", "1.00");
    assertEquals(List.of(Problem.of("response: maxAffordableInstallment", "1.00 is not the budget the assessment worked "
        + "out (affordability.maxAffordableInstallment " + assessed + ")")), problemsReading(budget));

    ObjectNode twice = resultJson();
    String first = twice.at("/proposals/0/strategy").asText();
    ((ObjectNode) twice.at("/proposals/1")).put("strategy", first);
    twice.at("/proposals/1/scripts").forEach(s -> ((ObjectNode) s).put("strategy", first)); // the proposal's own
    assertEquals(List.of(Problem.of("response: proposals[1].strategy", first + " has a proposal already: one proposal per "
        + "strategy")), problemsReading(twice));

    // out of Strategy order, as a ProposalSet read alone refuses it: it had been read as it stood
    ObjectNode swapped = resultJson();
    ArrayNode proposals = (ArrayNode) swapped.get("proposals");
    JsonNode head = proposals.remove(0);
    proposals.insert(1, head);
    assertEquals(List.of(Problem.of("response: proposals[1].strategy", proposals.get(1).get("strategy").asText()
        + " after " + proposals.get(0).get("strategy").asText() + ": proposals are in [AGGRESSIVE, CONSERVATIVE, "
        + "BALANCED] order")), problemsReading(swapped));

    ObjectNode recommended = resultJson();
    ObjectNode proposal = (ObjectNode) recommended.at("/proposals/0");
    boolean was = proposal.get("recommended").asBoolean();
    proposal.put("recommended", !was);
    assertEquals(List.of(Problem.of("response: proposals[0].recommended", "is " + !was + " though the stress test is "
        + proposal.at("/stress/level").asText() + ": a proposal is recommended exactly when its stress test is not RED")),
        problemsReading(recommended));
  }

  /**
   * The assessment's figures agree with each other: essentials edited below the floor, a plan supported on a score of
   * 0, a budget below 0 and statement income from no month had each read back without a word.
   */
  @Test
  void theAssessmentsFiguresAgreeWithEachOther() throws Exception {
    ObjectNode essentials = resultJson();
    ObjectNode a = (ObjectNode) essentials.at("/affordability");
    String floor = a.at("/livingCostFloor/floor").asText();
    String observed = a.get("observedEssentials").asText();
    a.put("essentialExpenses", "1.00");
    assertEquals(List.of(Problem.of("response: affordability.essentialExpenses", "1.00 is not max(observedEssentials "
        + observed + ", livingCostFloor.floor " + floor + ") = " + Money.of(floor).max(Money.of(observed)))),
        problemsReading(essentials));

    ObjectNode unsupported = resultJson();
    ((ObjectNode) unsupported.at("/affordability")).put("abilityScore", "0.00").put("incomeMonthsUsed", 0)
        .put("incomeSource", "STATEMENTS");
    assertEquals(List.of(Problem.of("response: affordability.incomeMonthsUsed", "0 for statement income: at least 1"),
        Problem.of("response: affordability.canSupportPlan", "true with an abilityScore of 0.00: a plan is supported "
            + "exactly when the score is above 0")), problemsReading(unsupported));

    ObjectNode negative = resultJson();
    ((ObjectNode) negative.at("/affordability")).put("maxAffordableInstallment", "-1.00");
    assertTrue(problemsReading(negative).contains(Problem.of("response: affordability.maxAffordableInstallment",
        "-1.00 is not 0 or more")), problemsReading(negative).toString());
  }

  /**
   * A plan's figures are its schedule's, and a proposal's totals its plans' sums: each edited figure had read back
   * without a word (a plan whose total said 12 000.00 beside installments summing to more, a proposal whose total
   * first-month installment was not what its plans add up to).
   */
  @Test
  void aPlansFiguresAreItsSchedulesAndAProposalsTotalsItsPlansSums() throws Exception {
    ObjectNode untouched = resultJson();
    ObjectNode plan = (ObjectNode) untouched.at("/proposals/0/plans/0");
    for (String field : List.of("downPayment", "financedAmount", "firstInstallment", "totalPayable", "waivedTotal",
        "settledAmount")) {
      ObjectNode edited = resultJson();
      ObjectNode p = (ObjectNode) edited.at("/proposals/0/plans/0");
      String was = p.get(field).asText();
      p.put(field, Money.parse("was", was).plus(Money.ofFen(1)).toString());
      List<Problem> problems = problemsReading(edited);
      assertTrue(problems.stream().anyMatch(x -> x.location().equals("response: proposals[0].plans[0]." + field)
          && x.reason().startsWith(Money.parse("was", was).plus(Money.ofFen(1)) + " differs from")), field + ": " + problems);
    }
    ObjectNode term = resultJson();
    ((ObjectNode) term.at("/proposals/0/plans/0")).put("term", plan.get("term").asInt() + 1);
    assertTrue(problemsReading(term).stream().anyMatch(x -> x.location().equals("response: proposals[0].plans[0].term")),
        "term");
    ObjectNode rate = resultJson();
    ((ObjectNode) rate.at("/proposals/0/plans/0")).put("annualizedRate", new java.math.BigDecimal("0.5"));
    assertTrue(problemsReading(rate).stream()
        .anyMatch(x -> x.location().equals("response: proposals[0].plans[0].annualizedRate")), "annualizedRate");
    for (String field : List.of("totalFirstMonthInstallment", "totalDownPayment", "totalOwed", "saving")) {
      ObjectNode edited = resultJson();
      ObjectNode p = (ObjectNode) edited.at("/proposals/0");
      p.put(field, Money.parse(field, p.get(field).asText()).plus(Money.ofFen(100)).toString());
      List<Problem> problems = problemsReading(edited);
      assertTrue(problems.stream().anyMatch(x -> x.location().equals("response: proposals[0]." + field)),
          field + ": " + problems);
    }
  }

  /**
   * A plan's stated rate far out of range is named in a short form: {@code 1e999999999} is a few characters of JSON, and
   * the message wrote it out in full, a billion digits, which ran out of memory.
   */
  @Test
  void aPlansRateFarOutOfRangeIsNamedInShortForm() throws Exception {
    String written = MAPPER.writeValueAsString(resultJson());
    java.util.regex.Matcher stated = java.util.regex.Pattern.compile("\"annualizedRate\" ?: ?([0-9.]+)").matcher(written);
    assertTrue(stated.find(), written);
    String edited = written.substring(0, stated.start(1)) + "1e999999999" + written.substring(stated.end(1));
    List<Problem> problems = assertThrows(InvalidInputException.class, () -> FenqiJson.read(MAPPER,
        edited.getBytes(java.nio.charset.StandardCharsets.UTF_8), NegotiationResult.class, "response")).problems();
    assertEquals(List.of(Problem.of("response: proposals[0].plans[0].annualizedRate", "1E+999999999 differs from the "
        + "schedule's " + new java.math.BigDecimal(stated.group(1)).setScale(6).toPlainString())),
        problems);
  }

  /**
   * A script's debt and lender that are not its plan's are quoted as core quotes a value from outside ({@link
   * Problem#excerpt}): the response is read from outside, and ones with a line break had been quoted raw, the second
   * half a forged line of a log, and ones of 10 000 characters whole.
   */
  @Test
  void aScriptsDebtAndLenderNotItsPlansAreQuotedAsValuesFromOutside() throws Exception {
    for (String value : List.of("cc-1\nOK  response", "cc-1\u2028OK", "c".repeat(10_000))) {
      ObjectNode edited = resultJson();
      ((ObjectNode) edited.at("/proposals/0/scripts/0")).put("debtId", value).put("platformId", value);
      String at = "response: proposals[0].scripts[0]";
      List<Problem> unpaired = problemsReading(edited).stream().filter(p -> p.location().startsWith(at)).toList();
      assertEquals(List.of(Problem.of(at + ".debtId", "'" + Problem.excerpt(value) + "' is not the debt of plan 0, "
          + "'cc-1': each plan's script is the one at its index"), Problem.of(at + ".platformId", "'"
          + Problem.excerpt(value) + "' is not the lender of plan 0, 'demo-credit-card'")), unpaired);
      ObjectNode plan = resultJson();
      ((ObjectNode) plan.at("/proposals/0/plans/0")).put("debtId", value).put("platformId", value);
      assertEquals(List.of(Problem.of(at + ".debtId", "'cc-1' is not the debt of plan 0, '" + Problem.excerpt(value)
          + "': each plan's script is the one at its index"), Problem.of(at + ".platformId", "'demo-credit-card' is not "
          + "the lender of plan 0, '" + Problem.excerpt(value) + "'")),
          problemsReading(plan).stream().filter(p -> p.location().startsWith(at)).toList());
    }
  }

  /**
   * A proposal's scripts are one per plan, in the plans' order, of its strategy: a response whose scripts were swapped,
   * taken from another proposal or dropped had read back with the first lender's plan beside the second lender's script
   * (its debt, amounts and legal basis), or with plans and no script, without a word.
   */
  @Test
  void aProposalsScriptsAreItsPlansInTheirOrder() throws Exception {
    ObjectNode swapped = resultJson();
    ArrayNode scripts = (ArrayNode) swapped.at("/proposals/0/scripts");
    assertEquals(2, scripts.size(), "the fixture's proposals plan cc-1 and cf-1");
    scripts.add(scripts.remove(0));
    String at = "response: proposals[0].scripts";
    assertEquals(List.of(
        Problem.of(at + "[0].debtId", "'cf-1' is not the debt of plan 0, 'cc-1': each plan's script is the one at its index"),
        Problem.of(at + "[0].platformId", "'demo-consumer-finance' is not the lender of plan 0, 'demo-credit-card'"),
        Problem.of(at + "[1].debtId", "'cc-1' is not the debt of plan 1, 'cf-1': each plan's script is the one at its index"),
        Problem.of(at + "[1].platformId", "'demo-credit-card' is not the lender of plan 1, 'demo-consumer-finance'")),
        problemsReading(swapped));

    ObjectNode another = resultJson();
    String strategy = another.at("/proposals/0/strategy").asText();
    String other = another.at("/proposals/1/strategy").asText();
    ((ObjectNode) another.at("/proposals/0")).set("scripts", another.at("/proposals/1/scripts").deepCopy());
    assertEquals(List.of(Problem.of(at + "[0].strategy", other + " is not the proposal's " + strategy),
        Problem.of(at + "[1].strategy", other + " is not the proposal's " + strategy)), problemsReading(another));

    ObjectNode dropped = resultJson();
    ((ArrayNode) dropped.at("/proposals/0/scripts")).remove(1);
    assertEquals(List.of(Problem.of(at, "1 scripts for 2 lender plans of " + strategy + "; one per plan, in order")),
        problemsReading(dropped));
  }

  /**
   * A proposal's stress summary holds to what a stress tester's answer is held to: a default probability of 15.0 (a
   * percentage), a recommendation beside a plan that is not RED, a driver beside no default, and a scenario both passed
   * and failing in month 3 had all read back as stated.
   */
  @Test
  void aStressSummarysFiguresAgreeWithEachOther() throws Exception {
    ObjectNode json = resultJson();
    ObjectNode stress = (ObjectNode) json.at("/proposals/0/stress");
    assertTrue(!stress.get("level").asText().equals("RED") && stress.get("scenarios").size() > 0,
        "the fixture's first proposal is not RED and has scenarios: " + stress);
    String at = "response: proposals[0].stress.";

    ObjectNode percent = json.deepCopy();
    ((ObjectNode) percent.at("/proposals/0/stress")).put("defaultProbability", 15.0);
    assertEquals(List.of(Problem.of(at + "defaultProbability", "15.0 is outside 0..1 (a share of the paths, not a "
        + "percentage)")), problemsReading(percent));

    ObjectNode advised = json.deepCopy();
    ((ObjectNode) advised.at("/proposals/0/stress")).put("recommendation", "do not negotiate this plan");
    assertEquals(List.of(at + "recommendation"), locations(problemsReading(advised)));

    ObjectNode driven = json.deepCopy();
    ((ObjectNode) driven.at("/proposals/0/stress")).put("defaultProbability", 0.0).remove(List.of(
        "expectedFirstDefaultMonth"));
    ((ObjectNode) driven.at("/proposals/0/stress")).put("dominantDriver", "JOB_LOSS");
    assertEquals(List.of(at + "dominantDriver"), locations(problemsReading(driven)));

    ObjectNode both = json.deepCopy();
    ((ObjectNode) both.at("/proposals/0/stress/scenarios/0")).put("passed", true).put("failsInMonth", 3);
    assertEquals(List.of(at + "scenarios[0].failsInMonth"), locations(problemsReading(both)));
  }

  /**
   * The fixture's case under a stress tester whose RED threshold (1 % of paths re-defaulting) its plans all pass: every
   * proposal is RED, with the same plans as the fixture's (the stress test does not choose them).
   */
  private static NegotiationResult redResult() throws Exception {
    ObjectNode request = (ObjectNode) MAPPER.readTree(Samples.bytes("samples/cases/shanghai-three-debts-feasible.json"));
    ((ObjectNode) request.withArray("debts").get(2)).put("overdueDays", 1);
    NegotiationEngine engine = NegotiationEngine.builder().policies(InMemoryPolicyRepository.of(Samples.policies()))
        .clock(TODAY).stressTester(io.github.fenqi.core.stress.StressTester.monteCarlo(
            io.github.fenqi.core.stress.StressConfig.builder().thresholds(0.005, 0.01).build())).build();
    NegotiationResult red = engine.calculate(NegotiationRequest.read(MAPPER, MAPPER.writeValueAsBytes(request), "case"));
    assertTrue(red.feasible() && red.proposals().stream()
        .allMatch(p -> p.stress().level() == io.github.fenqi.core.stress.RiskLevel.RED), red.toString());
    return red;
  }

  /**
   * A proposal whose stress test is RED is not recommended and has no scripts: a response that attached scripts to one
   * (a GREEN proposal's stress edited to RED, its scripts kept) had read back coaching the borrower to offer a plan the
   * SDK expects to fail. A RED proposal without scripts reads back, its {@code scriptsWithheld} saying why.
   */
  @Test
  void scriptsOfAProposalWhoseStressTestIsRedAreRefused() throws Exception {
    NegotiationResult red = redResult();
    ObjectNode redJson = MAPPER.valueToTree(red);
    assertEquals(NegotiationResult.ProposalReport.SCRIPTS_WITHHELD, redJson.at("/proposals/0/scriptsWithheld").asText());
    assertEquals(0, redJson.at("/proposals/0/scripts").size());
    assertEquals(redJson, MAPPER.valueToTree(FenqiJson.read(MAPPER, MAPPER.writeValueAsBytes(redJson),
        NegotiationResult.class, "response")));

    ObjectNode json = resultJson();
    assertTrue(json.at("/proposals/0/scripts").size() > 0 && json.at("/proposals/0/scriptsWithheld").isMissingNode());
    assertEquals(json.at("/proposals/0/plans"), redJson.at("/proposals/0/plans"));
    ObjectNode proposal = (ObjectNode) json.at("/proposals/0");
    proposal.set("stress", redJson.at("/proposals/0/stress"));
    proposal.put("recommended", false);
    List<Problem> problems = problemsReading(json);
    assertEquals(List.of("response: proposals[0].scripts"), locations(problems));
    assertTrue(problems.get(0).reason().contains("stress test is RED"), problems.toString());
  }

  private static List<String> locations(List<Problem> problems) {
    return problems.stream().map(Problem::location).toList();
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

  /** An engine on the sample policies whose one risk service answers REVIEW ("thin file"). */
  private static NegotiationEngine reviewingEngine() {
    io.github.fenqi.core.security.risk.RiskCheck review = new io.github.fenqi.core.security.risk.RiskCheck() {
      @Override
      public String name() {
        return "review-service";
      }

      @Override
      public io.github.fenqi.core.security.risk.RiskAssessment check(
          io.github.fenqi.core.security.risk.RiskCheckRequest request) {
        return new io.github.fenqi.core.security.risk.RiskAssessment(name(), io.github.fenqi.core.security.risk
            .RiskDecision.REVIEW, 0.5, "thin file", false);
      }
    };
    return NegotiationEngine.builder().policies(InMemoryPolicyRepository.of(Samples.policies())).clock(TODAY)
        .riskCheck(review).build();
  }

  /**
   * A screening's verdict is the worst of its forensic report's and its risk answers', with reasons exactly when it is
   * not PASS, and a forensic report is PASS exactly without signals: a result read from JSON whose screening said PASS
   * beside a risk service's REVIEW (or DENY) had read back as a case that passed.
   */
  @Test
  void aScreeningsVerdictIsTheWorstOfItsChecks() throws Exception {
    NegotiationEngine engine = reviewingEngine();
    ObjectNode result = MAPPER.valueToTree(engine.calculate(NegotiationRequest.read(MAPPER,
        Samples.bytes("samples/cases/shanghai-three-debts-feasible.json"), "case")));
    assertEquals("REVIEW", result.at("/screening/verdict").asText(), "the fixture's risk service asks for review");

    ObjectNode passed = result.deepCopy();
    ((ObjectNode) passed.get("screening")).put("verdict", "PASS");
    ((ObjectNode) passed.get("screening")).putArray("reasons");
    assertEquals(List.of(Problem.of("response: screening.verdict", "PASS differs from REVIEW, the worst of the forensic "
        + "report's verdict and the risk services' answers (DENY is BLOCK, REVIEW is REVIEW)")), problemsReading(passed));

    ObjectNode denied = result.deepCopy();
    ((ObjectNode) denied.at("/screening/riskChecks/0")).put("decision", "DENY");
    assertEquals(List.of("response: screening.verdict"),
        problemsReading(denied).stream().map(Problem::location).toList(), "a DENY read beside REVIEW");

    ObjectNode silent = result.deepCopy();
    ((ObjectNode) silent.get("screening")).putArray("reasons");
    assertEquals(List.of(Problem.of("response: screening.reasons", "is empty though the verdict is REVIEW")),
        problemsReading(silent));

    ObjectNode signalled = result.deepCopy();
    ObjectNode forensics = ((ObjectNode) signalled.get("screening")).putObject("forensics").put("verdict", "PASS");
    forensics.putArray("notes");
    ObjectNode signal = forensics.putArray("signals").addObject().put("kind", "INCOME_SPIKE").put("strength", 0.4)
        .put("detail", "income tripled in the last month");
    signal.putArray("rows");
    assertEquals(List.of(Problem.of("response: screening.forensics.verdict",
        "is PASS beside 1 signal(s); any signal makes it REVIEW or BLOCK")), problemsReading(signalled));
  }

  /**
   * A screening's reasons are one line each (its Javadoc; the engine escapes a risk service's line breaks), so a report
   * prints each on a line of its own: read back, a reason holding a line break had printed a line of its own, such as a
   * forged "OK" beneath it, and an empty one a reason that says nothing.
   */
  @Test
  void aScreeningsReasonsAreOneLineOfTextEach() throws Exception {
    ObjectNode result = MAPPER.valueToTree(reviewingEngine().calculate(NegotiationRequest.read(MAPPER,
        Samples.bytes("samples/cases/shanghai-three-debts-feasible.json"), "case")));
    ObjectNode broken = result.deepCopy();
    ((ArrayNode) broken.at("/screening/reasons")).add("risk service x: REVIEW\nOK  fine").add(" ");
    int first = broken.at("/screening/reasons").size() - 2;
    assertEquals(List.of(Problem.of("response: screening.reasons[" + first + "]", "'risk service x: REVIEW\\nOK  fine' "
        + "holds a line break or an invisible character; a reason is one line, with them escaped"),
        Problem.of("response: screening.reasons[" + (first + 1) + "]", "is blank; a reason says why in words")),
        problemsReading(broken));
  }

  /**
   * The parts a result may leave out: write-only figures a schedule derives, waivers of components that were not waived,
   * a stress test's figures when there is nothing to say, a screening or forensic report that did not run, a risk
   * service's score.
   */
  private static final Set<String> OPTIONAL = Set.of("affordability.incomeVolatility",
      "proposals[].plans[].schedule.annualizedRate", "proposals[].plans[].schedule.totalPayable",
      "proposals[].plans[].waived.*", "proposals[].stress.dominantDriver", "proposals[].stress.expectedFirstDefaultMonth",
      "proposals[].stress.scenarios[].failsInMonth", "screening", "screening.forensics", "screening.riskChecks[].score");

  /**
   * Every record a result is made of — those of other packages too: the affordability assessment and its living-cost
   * floor, eligibility checks, scripts and their sections and findings, hardship-note findings, the screening's
   * statements, forensic report, signals and risk answers — names each part it needs that a response leaves out by
   * its JSON path, and each null in its lists. An assessment without {@code maxAffordableInstallment} had read as a
   * result whose {@code affordability().maxAffordableInstallment()} was null, an eligibility check without its code
   * likewise, and a script without its debt id was "Cannot construct instance of `...NegotiationScript`, problem:
   * debtId". Walks every field of a feasible result (scripts with findings, a risk service's REVIEW) and of an
   * infeasible one read from statements (with a forensic signal).
   */
  @Test
  void everyPartOfEveryRecordOfAResultIsNamedWhenMissing() throws Exception {
    NegotiationEngine engine = reviewingEngine();
    ObjectNode request = (ObjectNode) MAPPER.readTree(Samples.bytes("samples/cases/shanghai-three-debts-feasible.json"));
    request.put("hardshipNote", "催收威胁我的家人");
    ObjectNode feasible = MAPPER.valueToTree(engine.calculate(
        NegotiationRequest.read(MAPPER, MAPPER.writeValueAsBytes(request), "case")));
    assertTrue(feasible.at("/proposals/0/scripts/0/findings").size() > 0 && feasible.at("/hardshipNoteFindings").size() > 0
        && feasible.at("/screening/riskChecks").size() == 1, "the fixture has scripts with findings and a risk answer");
    ObjectNode infeasible = MAPPER.valueToTree(engine.calculate(Samples.sampleCase(), List.of(
        io.github.fenqi.core.statement.StatementParser.parseDetected("bank_A.csv",
            Samples.bytes("samples/statements/bank_A.csv")))));
    assertTrue(!infeasible.get("feasible").asBoolean() && infeasible.at("/screening/statements").size() == 1,
        "the fixture is infeasible and read from a statement");
    ObjectNode signal = ((ArrayNode) infeasible.at("/screening/forensics/signals")).addObject()
        .put("kind", "ROUND_AMOUNTS").put("strength", 0.3).put("detail", "most large credits are round");
    signal.putArray("rows").add("bank_A.csv:12");
    // a signal makes the report, and with it the screening, a REVIEW with a reason
    ((ObjectNode) infeasible.at("/screening/forensics")).put("verdict", "REVIEW");
    ((ObjectNode) infeasible.get("screening")).put("verdict", "REVIEW");
    ((ArrayNode) infeasible.at("/screening/reasons")).add("statements: ROUND_AMOUNTS: most large credits are round");

    List<String> unnamed = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ObjectNode result : List.of(feasible, infeasible)) {
      assertEquals(result, MAPPER.valueToTree(FenqiJson.read(MAPPER, MAPPER.writeValueAsBytes(result),
          NegotiationResult.class, "response")), "the untouched result reads back");
      leaveOutEachPart(result, result, "", seen, unnamed);
    }
    assertEquals(List.of(), unnamed, "parts whose absence is not named by their path");
    assertTrue(seen.containsAll(List.of("affordability.maxAffordableInstallment", "affordability.livingCostFloor.row.code",
        "eligibility[].checks[].code", "proposals[].scripts[].findings[].match.word", "hardshipNoteFindings[].word",
        "screening.statements[].source", "screening.forensics.signals[].detail", "screening.riskChecks[].service")),
        "the walk reached every kind of record");
  }

  /**
   * Leaves out each field under {@code node} (at JSON pointer {@code pointer} of {@code root}) and adds a null to each
   * list, once per path in the result's shape ({@code proposals[].plans[].term}); adds to {@code unnamed} each one read
   * without a problem at its own path.
   */
  private static void leaveOutEachPart(ObjectNode root, JsonNode node, String pointer, Set<String> seen,
      List<String> unnamed) throws Exception {
    String shape = pointer.replaceAll("/\\d+", "[]").replace('/', '.').replaceFirst("^\\.", "");
    String path = pointer.replaceAll("/(\\d+)", "[$1]").replace('/', '.').replaceFirst("^\\.", "");
    if (node.isArray()) {
      if (seen.add(shape + "[]")) {
        ObjectNode withNull = root.deepCopy();
        ((ArrayNode) withNull.at(pointer)).addNull();
        expectProblemAt(withNull, path + "[" + node.size() + "]", unnamed);
      }
      for (int i = 0; i < node.size(); i++) {
        leaveOutEachPart(root, node.get(i), pointer + "/" + i, seen, unnamed);
      }
    } else if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        String fieldShape = shape.isEmpty() ? name : shape + "." + name;
        boolean optional = OPTIONAL.contains(fieldShape) || OPTIONAL.contains(shape + ".*");
        if (seen.add(fieldShape) && !optional) {
          ObjectNode without = root.deepCopy();
          ((ObjectNode) without.at(pointer)).remove(name);
          expectProblemAt(without, path.isEmpty() ? name : path + "." + name, unnamed);
        }
        leaveOutEachPart(root, node.get(name), pointer + "/" + name, seen, unnamed);
      }
    }
  }

  private static void expectProblemAt(JsonNode json, String path, List<String> unnamed) throws Exception {
    byte[] bytes = MAPPER.writeValueAsBytes(json);
    try {
      FenqiJson.read(MAPPER, bytes, NegotiationResult.class, "response");
      unnamed.add(path + ": read without a problem");
    } catch (InvalidInputException e) {
      if (e.problems().stream().noneMatch(p -> p.location().equals("response: " + path))) {
        unnamed.add(path + ": " + e.problems());
      }
    }
  }
}
