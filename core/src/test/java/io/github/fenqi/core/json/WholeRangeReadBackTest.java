package io.github.fenqi.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.NegotiationEngine;
import io.github.fenqi.core.NegotiationRequest;
import io.github.fenqi.core.NegotiationResult;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.affordability.AffordabilityAssessment;
import io.github.fenqi.core.debt.DebtComponent;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.solve.Infeasibility;
import io.github.fenqi.core.solve.ProposalSet;
import io.github.fenqi.core.testkit.Samples;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the SDK writes it reads back over the whole range a {@link Money} holds, while what a user writes (a case, a
 * policy, a lone amount) keeps the input limit of ±10^15 yuan with its own words: a computed total, a stress shortfall
 * at an extreme configuration or a solver's shortfall above that limit had been written and then refused when read.
 */
class WholeRangeReadBackTest {
  private static final ObjectMapper MAPPER = FenqiJson.newMapper();
  private static final Money LARGEST = Money.ofFen(Long.MAX_VALUE);
  private static final NegotiationEngine ENGINE = ReadBack.ENGINE;

  /** {@code json} read as {@code type} by the SDK's reader, problems named under {@code source}. */
  private static <T> T read(String json, Class<T> type, String source) {
    return FenqiJson.read(MAPPER, json.getBytes(StandardCharsets.UTF_8), type, source);
  }

  private static <T> T readBack(T value, Class<T> type) {
    return ReadBack.readBack(MAPPER, value, type);
  }

  @Test
  void anInfeasibilityOfTheLargestAmountsReadsBack() {
    Infeasibility infeasibility = new Infeasibility(Infeasibility.BindingConstraint.MONTHLY_BUDGET, LARGEST,
        Money.ofFen(1), LARGEST.minus(Money.ofFen(1)), "the least first installments exceed the budget", "wait");
    assertEquals(infeasibility, readBack(infeasibility, Infeasibility.class));
    ProposalSet set = new ProposalSet(List.of(), Optional.of(infeasibility), Map.of());
    assertEquals(set, readBack(set, ProposalSet.class));
  }

  @Test
  void anAmountBeyondALongOfFenInAResultIsRefusedNamingIt() {
    String json = "{\"binding\": \"MONTHLY_BUDGET\", \"required\": \"92233720368547758.08\", \"available\": \"0.00\","
        + " \"shortfall\": \"92233720368547758.08\", \"reason\": \"r\", \"recommendation\": \"w\"}";
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> read(json, Infeasibility.class, "out.json"));
    String reason = "'922337*******7758.08' is out of range; amounts are limited to " // quoted: masked as a card
        + "-92233720368547758.08..92233720368547758.07 yuan (a long of fen)";
    assertEquals(List.of(Problem.of("out.json: required", reason), Problem.of("out.json: shortfall", reason)),
        e.problems());
  }

  /**
   * The whole range is both ends of a {@code long} of fen: an ability score of {@link Long#MIN_VALUE} fen (a score may
   * be negative) reads back, one fen below it is refused naming the range.
   */
  @Test
  void theSmallestAmountALongOfFenHoldsReadsBackAndOneFenBelowIsRefused() {
    AffordabilityAssessment smallest = withScore(Money.ofFen(Long.MIN_VALUE));
    assertEquals(smallest, readBack(smallest, AffordabilityAssessment.class));
    ObjectNode json = MAPPER.valueToTree(smallest);
    json.put("abilityScore", "-92233720368547758.09");
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> read(json.toString(), AffordabilityAssessment.class, "out.json"));
    assertEquals(List.of(Problem.of("out.json: abilityScore", "'-922337*******7758.09' is out of range; amounts are "
        + "limited to -92233720368547758.08..92233720368547758.07 yuan (a long of fen)")), e.problems());
  }

  /**
   * An amount the SDK wrote and a client wrote back as a JSON number, not a string, reads over the whole range as well:
   * the number form is read from its text like the string form, not held to the input limit of ±10^15 yuan.
   */
  @Test
  void anAmountBeyondTheInputLimitWrittenAsAJsonNumberInAResultReadsBack() {
    for (Money score : List.of(Money.ofFen(Long.MIN_VALUE), Money.LARGEST_INPUT.negate().minus(Money.ofFen(1)))) {
      ObjectNode json = MAPPER.valueToTree(withScore(score));
      json.put("abilityScore", new BigDecimal(score.toString()));
      assertEquals(withScore(score), read(json.toString(), AffordabilityAssessment.class, "out.json"),
          json.get("abilityScore").toString());
    }
  }

  /** The engine's assessment of the sample case with {@code score}, below 0: no plan supported, a budget of 0. */
  private static AffordabilityAssessment withScore(Money score) {
    AffordabilityAssessment a = ENGINE.calculate(Samples.sampleCaseWithIncome(Money.ofYuan(60_000))).affordability();
    return new AffordabilityAssessment(a.monthlyNetIncome(), a.incomeSource(), a.incomeMonthsUsed(),
        a.observedEssentials(), a.livingCostFloor(), a.essentialExpenses(), score, Money.ZERO, false,
        a.incomeVolatility(), a.notes());
  }

  @Test
  void aResultsOtherProblemIsNamedAloneBesideItsLargeAmounts() {
    String json = "{\"binding\": \"MONTHLY_BUDGET\", \"required\": \"92233720368547758.07\", \"available\": \"0.00\","
        + " \"shortfall\": \"92233720368547758.07\", \"reason\": 5, \"recommendation\": \"w\"}";
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> read(json, Infeasibility.class, "out.json"));
    assertEquals(List.of("out.json: reason"), e.problems().stream().map(Problem::location).toList());
  }

  /**
   * Amounts read over the whole range may add up beyond it where a result's checks sum them: a plan whose waived parts
   * are each the largest amount is refused naming the plan, not in Jackson's words naming a Java class and an overflow.
   */
  @Test
  void aResultWhoseAmountsAddUpBeyondALongIsRefusedNamingWhere() {
    NegotiationResult result = ENGINE.calculate(Samples.sampleCaseWithIncome(Money.ofYuan(60_000)));
    ObjectNode json = MAPPER.valueToTree(result);
    ObjectNode plan = (ObjectNode) json.at("/proposals/0/plans/0");
    plan.set("waived", MAPPER.valueToTree(Map.of(DebtComponent.PRINCIPAL, LARGEST, DebtComponent.INTEREST, LARGEST)));
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> read(json.toString(), NegotiationResult.class, "response"));
    assertEquals(List.of(Problem.of("response: proposals[0].plans[0]", "its amounts add up beyond "
        + "92233720368547758.07 yuan, the most an amount can be (a long of fen)")), e.problems());
  }

  @Test
  void aCasesAmountKeepsTheInputLimitAndItsWords() {
    String json = new String(Samples.bytes("samples/cases/" + Samples.CASE), StandardCharsets.UTF_8)
        .replaceFirst("\"principal\"\\s*:\\s*\"[0-9.]+\"", "\"principal\": \"1000000000000000.01\"");
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> NegotiationRequest.read(MAPPER,
        json.getBytes(StandardCharsets.UTF_8), "case.json"));
    assertEquals(List.of(Problem.of("case.json: debts[0].principal", "'100000******0000.01' is out of range; amounts "
        + "are limited to ±10^15 yuan")), e.problems());
  }

  /** A record that is not the SDK's output, holding a part that is, then an amount of its own. */
  record ResultThenAmount(Infeasibility result, Money amount) {}

  /**
   * The whole range ends with the output type it belongs to: an amount read after a result, in a record that is no
   * output, keeps the input limit, as the same amount read before it does.
   */
  @Test
  void anAmountReadAfterAResultOutsideItKeepsTheInputLimit() {
    String result = "{\"binding\": \"MONTHLY_BUDGET\", \"required\": \"2.00\", \"available\": \"1.00\", \"shortfall\":"
        + " \"1.00\", \"reason\": \"r\", \"recommendation\": \"w\"}";
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> read("{\"result\": " + result
        + ", \"amount\": \"1000000000000000.01\"}", ResultThenAmount.class, "mixed.json"));
    assertEquals(List.of(Problem.of("mixed.json: amount", "'100000******0000.01' is out of range; amounts are limited "
        + "to ±10^15 yuan")), e.problems());
  }

  @Test
  void anAmountAUserWritesKeepsTheInputLimit() {
    InvalidInputException lone = assertThrows(InvalidInputException.class,
        () -> read("\"1000000000000000.01\"", Money.class, "amount.json"));
    assertEquals(List.of("'100000******0000.01' is out of range; amounts are limited to ±10^15 yuan"),
        lone.problems().stream().map(Problem::reason).toList());
  }

  /** An output type holding a part that is an output type of its own, then an amount of its own. */
  @SdkOutput
  record OutputThenAmount(Infeasibility result, Money amount) {}

  /**
   * The whole range lasts to the end of the output type being read: an amount read after a part that is an output type
   * of its own (a proposal's totals after its plans' schedules) reads over it, as one read before that part does.
   */
  @Test
  void anAmountReadAfterAnOutputPartInsideAnOutputKeepsTheWholeRange() {
    String result = "{\"binding\": \"MONTHLY_BUDGET\", \"required\": \"2.00\", \"available\": \"1.00\", \"shortfall\":"
        + " \"1.00\", \"reason\": \"r\", \"recommendation\": \"w\"}";
    OutputThenAmount read = read("{\"result\": " + result + ", \"amount\": \"1000000000000000.01\"}",
        OutputThenAmount.class, "out.json");
    assertEquals(Money.LARGEST_INPUT.plus(Money.ofFen(1)), read.amount());
    assertEquals(Money.ofFen(200), read.result().required());
  }
}
