package io.github.fenqi.core.affordability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.json.FenqiJson;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.testkit.Samples;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An assessment read back from JSON (a REST client's result, a stored one) is held to the bounds the engine holds a
 * custom model's assessment to ({@link AffordabilityAssessment#outsideBounds()}): a budget above half the income or
 * above the score, a negative income, a volatility outside 0..3 had been read back as if an engine had worked them out.
 * The record's constructor does not hold them (the engine names a custom model's such figures as the model's fault).
 */
class AffordabilityAssessmentReadTest {
  private static final ObjectMapper MAPPER = FenqiJson.newMapper();

  /** The sample case's borrower, assessed from their declared figures: income 16000.00, a plan supported. */
  private static ObjectNode assessed() {
    AffordabilityAssessment a = AffordabilityModel.defaults()
        .assess(new AffordabilityInput(Samples.sampleCase().borrower(), List.of()));
    assertTrue(a.canSupportPlan() && a.maxAffordableInstallment().isPositive(), a.toString());
    return MAPPER.valueToTree(a);
  }

  private static List<Problem> problemsReading(ObjectNode json) throws Exception {
    byte[] bytes = MAPPER.writeValueAsBytes(json);
    return assertThrows(InvalidInputException.class,
        () -> FenqiJson.read(MAPPER, bytes, AffordabilityAssessment.class, "assessment"), json.toString()).problems();
  }

  @Test
  void theUntouchedAssessmentReadsBack() throws Exception {
    ObjectNode json = assessed();
    AffordabilityAssessment back = FenqiJson.read(MAPPER, MAPPER.writeValueAsBytes(json), AffordabilityAssessment.class,
        "assessment");
    assertEquals(json, MAPPER.valueToTree(back));
  }

  /**
   * A volatility not measured (declared income) is left out of the JSON, as a result's other absent parts are; it had
   * been written {@code "incomeVolatility": null}. Read back without it, or with a null, it is unknown again.
   */
  @Test
  void anUnmeasuredVolatilityIsLeftOutAndReadsBackUnknown() throws Exception {
    ObjectNode json = assessed();
    assertTrue(!json.has("incomeVolatility"), json.toString());
    assertTrue(json.has("livingCostFloor") && json.has("notes"), json.toString());
    AffordabilityAssessment back = FenqiJson.read(MAPPER, MAPPER.writeValueAsBytes(json), AffordabilityAssessment.class,
        "assessment");
    assertTrue(back.incomeVolatility().isEmpty(), back.toString());
    json.putNull("incomeVolatility");
    assertTrue(FenqiJson.read(MAPPER, MAPPER.writeValueAsBytes(json), AffordabilityAssessment.class, "assessment")
        .incomeVolatility().isEmpty());
    json.put("incomeVolatility", 0.25);
    assertEquals(0.25, FenqiJson.read(MAPPER, MAPPER.writeValueAsBytes(json), AffordabilityAssessment.class,
        "assessment").incomeVolatility().getAsDouble());
    assertEquals(0.25, MAPPER.valueToTree(FenqiJson.read(MAPPER, MAPPER.writeValueAsBytes(json),
        AffordabilityAssessment.class, "assessment")).get("incomeVolatility").asDouble());
  }

  @Test
  void aBudgetAboveHalfTheIncomeIsRefusedNamingTheField() throws Exception {
    ObjectNode json = assessed();
    String income = json.get("monthlyNetIncome").asText();
    json.put("abilityScore", income).put("maxAffordableInstallment", income);
    List<Problem> problems = problemsReading(json);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).toString().startsWith("assessment: maxAffordableInstallment: " + income
        + " is outside 0.."), problems.toString());
  }

  @Test
  void aBudgetAboveTheScoreIsRefusedNamingTheField() throws Exception {
    ObjectNode json = assessed();
    json.put("abilityScore", "100.00").put("maxAffordableInstallment", "100.01");
    List<Problem> problems = problemsReading(json);
    assertEquals(List.of("assessment: maxAffordableInstallment"), problems.stream().map(Problem::location).toList());
    assertTrue(problems.get(0).reason().contains("abilityScore 100.00"), problems.toString());
  }

  @Test
  void aNegativeIncomeIsRefusedNamingTheField() throws Exception {
    ObjectNode json = assessed();
    json.put("monthlyNetIncome", "-1.00").put("abilityScore", "-1.00").put("maxAffordableInstallment", "0.00")
        .put("canSupportPlan", false);
    List<Problem> problems = problemsReading(json);
    assertEquals(List.of("assessment: monthlyNetIncome"), problems.stream().map(Problem::location).toList());
  }

  @Test
  void aVolatilityOutsideZeroToThreeIsRefusedNamingTheField() throws Exception {
    for (double bad : new double[] {-0.5, 3.5}) {
      ObjectNode json = assessed();
      json.put("incomeVolatility", bad);
      List<Problem> problems = problemsReading(json);
      assertEquals(List.of("assessment: incomeVolatility: " + bad + " is outside 0..3"),
          problems.stream().map(Problem::toString).toList());
    }
  }

  /**
   * Half of an income of 100.01 is 50.00, rounded down as the model's cap is: a budget of 50.01 would be a fen above
   * half the income, and is named.
   */
  @Test
  void halfOfTheIncomeIsRoundedDownAndAFenAboveItIsRefused() throws Exception {
    ObjectNode json = assessed();
    json.put("monthlyNetIncome", "100.01").put("abilityScore", "60.00").put("maxAffordableInstallment", "50.01");
    assertEquals(List.of("assessment: maxAffordableInstallment"),
        problemsReading(json).stream().map(Problem::location).toList());
    json.put("maxAffordableInstallment", "50.00");
    assertEquals(Money.of("50.00"), FenqiJson.read(MAPPER, MAPPER.writeValueAsBytes(json),
        AffordabilityAssessment.class, "assessment").maxAffordableInstallment());
  }

  /** A budget above 0 beside a score that supports no plan is refused where the assessment is built, naming the budget. */
  @Test
  void aBudgetWithoutASupportedPlanIsRefused() {
    AffordabilityAssessment a = AffordabilityModel.defaults()
        .assess(new AffordabilityInput(Samples.sampleCase().borrower(), List.of()));
    Money fen = Money.of("0.01");
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> new AffordabilityAssessment(
        a.monthlyNetIncome(), a.incomeSource(), a.incomeMonthsUsed(), a.observedEssentials(), a.livingCostFloor(),
        a.essentialExpenses(), fen.negate(), fen, false, a.incomeVolatility(), a.notes()));
    assertEquals(List.of(Problem.of("maxAffordableInstallment", "0.01 is not 0, though no plan is supported")),
        e.problems());
  }

  /**
   * A plan is supported exactly when the score is above 0: supported on a score of 0.00, or not supported on a score of
   * 0.01 (with a budget of 0), is refused where the assessment is built, naming canSupportPlan.
   */
  @Test
  void aPlanSupportedOnAScoreOfZeroOrNotOnAPositiveOneIsRefused() {
    AffordabilityAssessment a = AffordabilityModel.defaults()
        .assess(new AffordabilityInput(Samples.sampleCase().borrower(), List.of()));
    InvalidInputException zero = assertThrows(InvalidInputException.class, () -> new AffordabilityAssessment(
        a.monthlyNetIncome(), a.incomeSource(), a.incomeMonthsUsed(), a.observedEssentials(), a.livingCostFloor(),
        a.essentialExpenses(), Money.ZERO, Money.ZERO, true, a.incomeVolatility(), a.notes()));
    assertEquals(List.of(Problem.of("canSupportPlan", "true with an abilityScore of 0.00: a plan is supported exactly "
        + "when the score is above 0")), zero.problems());
    InvalidInputException positive = assertThrows(InvalidInputException.class, () -> new AffordabilityAssessment(
        a.monthlyNetIncome(), a.incomeSource(), a.incomeMonthsUsed(), a.observedEssentials(), a.livingCostFloor(),
        a.essentialExpenses(), Money.of("0.01"), Money.ZERO, false, a.incomeVolatility(), a.notes()));
    assertEquals(List.of("canSupportPlan"), positive.problems().stream().map(Problem::location).toList());
  }

  /** Essentials are max(observed, floor) exactly: a fen above it is named as a fen below it is. */
  @Test
  void essentialsAFenAboveMaxOfObservedAndFloorAreRefused() {
    AffordabilityAssessment a = AffordabilityModel.defaults()
        .assess(new AffordabilityInput(Samples.sampleCase().borrower(), List.of()));
    Money above = a.essentialExpenses().plus(Money.of("0.01"));
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> new AffordabilityAssessment(
        a.monthlyNetIncome(), a.incomeSource(), a.incomeMonthsUsed(), a.observedEssentials(), a.livingCostFloor(),
        above, a.abilityScore(), a.maxAffordableInstallment(), a.canSupportPlan(), a.incomeVolatility(), a.notes()));
    assertEquals(List.of("essentialExpenses"), e.problems().stream().map(Problem::location).toList());
  }

  /**
   * Statement income rests on at least one month and declared income on none: 0 months for statement income and 1 for
   * declared income are each refused naming incomeMonthsUsed (only a test outside this package, of a whole result read
   * back, had held the first).
   */
  @Test
  void statementIncomeOfNoMonthOrDeclaredIncomeOfOneIsRefused() {
    AffordabilityAssessment a = AffordabilityModel.defaults()
        .assess(new AffordabilityInput(Samples.sampleCase().borrower(), List.of()));
    for (AffordabilityAssessment.IncomeSource source : AffordabilityAssessment.IncomeSource.values()) {
      int months = source == AffordabilityAssessment.IncomeSource.STATEMENTS ? 0 : 1;
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> new AffordabilityAssessment(
          a.monthlyNetIncome(), source, months, a.observedEssentials(), a.livingCostFloor(), a.essentialExpenses(),
          a.abilityScore(), a.maxAffordableInstallment(), a.canSupportPlan(), a.incomeVolatility(), a.notes()));
      assertEquals(List.of("incomeMonthsUsed"), e.problems().stream().map(Problem::location).toList(), source.name());
    }
    new AffordabilityAssessment(a.monthlyNetIncome(), AffordabilityAssessment.IncomeSource.STATEMENTS, 1,
        a.observedEssentials(), a.livingCostFloor(), a.essentialExpenses(), a.abilityScore(),
        a.maxAffordableInstallment(), a.canSupportPlan(), a.incomeVolatility(), a.notes());
  }
}
