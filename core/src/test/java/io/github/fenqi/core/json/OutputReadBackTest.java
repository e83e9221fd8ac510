package io.github.fenqi.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.NegotiationEngine;
import io.github.fenqi.core.NegotiationResult;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.Screening;
import io.github.fenqi.core.affordability.AffordabilityAssessment;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.monitor.AcceptanceStatus;
import io.github.fenqi.core.script.NegotiationScript;
import io.github.fenqi.core.security.risk.RiskAssessment;
import io.github.fenqi.core.security.risk.RiskDecision;
import io.github.fenqi.core.solve.Strategy;
import io.github.fenqi.core.statement.ForensicReport;
import io.github.fenqi.core.statement.ForensicSignal;
import io.github.fenqi.core.statement.ForensicVerdict;
import io.github.fenqi.core.statement.StatementAnalysis;
import io.github.fenqi.core.statement.StatementFormat;
import io.github.fenqi.core.stress.RiskLevel;
import io.github.fenqi.core.stress.StressDriver;
import io.github.fenqi.core.stress.StressResult;
import io.github.fenqi.core.testkit.Samples;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * Each type the SDK writes on its own — a stress test, a script, an assessment, a screening, an acceptance status —
 * reads back from the JSON {@link FenqiJson} writes of it as an equal value, in each of its shapes (empty optional
 * parts, present ones), as a REST client or a store of results reads it.
 */
class OutputReadBackTest {
  private static final ObjectMapper MAPPER = FenqiJson.newMapper();
  private static final NegotiationEngine ENGINE = ReadBack.ENGINE;

  private static <T> T readBack(T value, Class<T> type) {
    return ReadBack.readBack(MAPPER, value, type);
  }

  @Test
  void aStressResultWithoutDefaultsReadsBack() {
    StressResult green = new StressResult(0.0, OptionalDouble.empty(), Money.ZERO, RiskLevel.GREEN, Optional.empty(),
        Map.of(), List.of(new StressResult.ScenarioOutcome("income -20%", true, Optional.empty())), Optional.empty());
    assertEquals(green, readBack(green, StressResult.class));
  }

  @Test
  void aRedStressResultReadsBack() {
    StressResult red = new StressResult(0.4, OptionalDouble.of(5.5), Money.of("1234.56"), RiskLevel.RED,
        Optional.of(StressDriver.JOB_LOSS), Map.of(StressDriver.JOB_LOSS, 0.3, StressDriver.INCOME_DROP, 0.1),
        List.of(new StressResult.ScenarioOutcome("job loss", false, Optional.of(3))), Optional.of("lengthen the term"));
    assertEquals(red, readBack(red, StressResult.class));
  }

  @Test
  void anOptionalPartIsReadAsItsValuesTypeIsAndLeftOutIsEmpty() {
    String json = "{\"defaultProbability\": 0.4, \"expectedFirstDefaultMonth\": 5.5, \"worstShortfall95\": \"1.00\","
        + " \"level\": \"RED\", \"dominantDriver\": \"BAD_LUCK\", \"defaultsByDriver\": {}, \"scenarios\": [{\"name\":"
        + " \"s\", \"passed\": false, \"failsInMonth\": \"soon\"}], \"recommendation\": \"wait\"}";
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> FenqiJson.read(MAPPER,
        json.getBytes(StandardCharsets.UTF_8), StressResult.class, "stress.json"));
    assertEquals(List.of(Problem.of("stress.json: dominantDriver", "expected one of [JOB_LOSS, INCOME_DROP, "
        + "SHOCK_EXPENSE, PLAN_TOO_HEAVY], got \"BAD_LUCK\""), Problem.of("stress.json: scenarios[0].failsInMonth",
        "expected a whole number, got the string \"soon\"")), e.problems());
    String absent = "{\"defaultProbability\": 0.0, \"worstShortfall95\": \"0.00\", \"level\": \"GREEN\","
        + " \"defaultsByDriver\": {}, \"scenarios\": []}";
    assertEquals(new StressResult(0.0, OptionalDouble.empty(), Money.ZERO, RiskLevel.GREEN, Optional.empty(), Map.of(),
        List.of(), Optional.empty()), FenqiJson.read(MAPPER, absent.getBytes(StandardCharsets.UTF_8),
        StressResult.class, "s.json"), "an optional part left out is empty, as an OptionalDouble's is");
  }

  /** An optional number given a string or true is named at its field in JSON's terms, as a whole number's is. */
  @Test
  void anOptionalNumberOfTheWrongKindIsNamedAtItsField() {
    for (String month : List.of("\"soon\"", "true")) {
      String json = "{\"defaultProbability\": 0.4, \"expectedFirstDefaultMonth\": " + month + ", \"worstShortfall95\":"
          + " \"1.00\", \"level\": \"RED\", \"dominantDriver\": \"JOB_LOSS\", \"defaultsByDriver\": {}, \"scenarios\":"
          + " [], \"recommendation\": \"wait\"}";
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> FenqiJson.read(MAPPER,
          json.getBytes(StandardCharsets.UTF_8), StressResult.class, "stress.json"));
      assertEquals(List.of(Problem.of("stress.json: expectedFirstDefaultMonth", "expected a number, got " + month)),
          e.problems());
    }
  }

  @Test
  void aStressShortfallAboveTheInputLimitReadsBack() {
    StressResult stress = new StressResult(0.0, OptionalDouble.empty(), Money.ofFen(Long.MAX_VALUE), RiskLevel.GREEN,
        Optional.empty(), Map.of(), List.of(), Optional.empty());
    assertEquals(stress, readBack(stress, StressResult.class));
  }

  @Test
  void theEnginesScriptsAndAssessmentReadBack() {
    NegotiationResult result = ENGINE.calculate(Samples.sampleCaseWithIncome(Money.ofYuan(60_000)));
    assertEquals(result.affordability(), readBack(result.affordability(), AffordabilityAssessment.class));
    List<NegotiationScript> scripts = result.proposals().stream().flatMap(p -> p.scripts().stream()).toList();
    assertFalse(scripts.isEmpty());
    for (NegotiationScript script : scripts) {
      assertEquals(script, readBack(script, NegotiationScript.class));
    }
  }

  @Test
  void aScreeningReadsBack() {
    ForensicReport report = new ForensicReport(ForensicVerdict.REVIEW, List.of(new ForensicSignal(
        ForensicSignal.Kind.ROUND_AMOUNTS, List.of("a.csv:3", "a.csv:7"), 0.6, "many round amounts")), List.of("n"));
    Screening screening = new Screening(ForensicVerdict.REVIEW, List.of("statements: many round amounts"),
        List.of(new StatementAnalysis.StatementSummary("a.csv", StatementFormat.ALIPAY, "UTF-8", 10, 0, 0, 10)), report,
        List.of(new RiskAssessment("bureau", RiskDecision.ALLOW, null, "clear", false)));
    assertEquals(screening, readBack(screening, Screening.class));
  }

  @Test
  void anAcceptanceStatusReadsBackWithAndWithoutItsPValue() {
    AcceptanceStatus tested = new AcceptanceStatus("demo-credit-card", Strategy.BALANCED, 40, 100, 2, 20,
        OptionalDouble.of(0.01), true);
    AcceptanceStatus untested = new AcceptanceStatus("demo-credit-card", Strategy.BALANCED, 0, 0, 0, 0,
        OptionalDouble.empty(), false);
    assertEquals(tested, readBack(tested, AcceptanceStatus.class));
    assertEquals(untested, readBack(untested, AcceptanceStatus.class));
  }
}
