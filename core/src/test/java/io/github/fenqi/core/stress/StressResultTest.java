package io.github.fenqi.core.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.money.Money;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * A {@link StressResult} is what a borrower and a lender are shown of a plan's stress test, whichever
 * {@link StressTester} made it: one that contradicts itself is refused naming the field.
 */
class StressResultTest {

  private static Map<StressDriver, Double> shares(double jobLoss) {
    Map<StressDriver, Double> m = new EnumMap<>(StressDriver.class);
    for (StressDriver d : StressDriver.values()) {
      m.put(d, d == StressDriver.JOB_LOSS ? jobLoss : 0.0);
    }
    return m;
  }

  /** A YELLOW result with 20 % of paths re-defaulting, all through job loss. */
  private static StressResult yellow(double p) {
    return new StressResult(p, OptionalDouble.of(4.5), Money.ofYuan(1_000), RiskLevel.YELLOW,
        Optional.of(StressDriver.JOB_LOSS), shares(p), List.of(), Optional.empty());
  }

  private static String problems(Runnable r) {
    return assertThrows(InvalidInputException.class, r::run).problems().stream().map(Problem::toString).toList()
        .toString();
  }

  @Test
  void aDefaultProbabilityGivenAsAPercentageIsRefused() {
    // a custom tester that returned 15 for 15 % had its plan shown as re-defaulting with probability 15.0
    assertEquals("[defaultProbability: 15.0 is outside 0..1 (a share of the paths, not a percentage)]",
        problems(() -> yellow(15.0)));
  }

  @Provide
  Arbitrary<Double> notAShare() {
    return Arbitraries.oneOf(Arbitraries.doubles().lessThan(0), Arbitraries.doubles().greaterThan(1),
        Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0001, 1.0001));
  }

  @Property(tries = 200)
  void everyDefaultProbabilityOutsideZeroToOneIsRefusedNamingIt(@ForAll("notAShare") double p) {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> new StressResult(p, OptionalDouble.of(2), Money.ZERO, RiskLevel.RED, Optional.of(StressDriver.JOB_LOSS),
            Map.of(), List.of(), Optional.of("restructure")));
    assertEquals("defaultProbability", e.problems().get(0).location(), e.problems().toString());
  }

  @Property(tries = 200)
  void everyShareFromZeroToOneIsAccepted(@ForAll("share") double p) {
    StressResult r = yellow(p);
    assertEquals(p, r.defaultProbability());
  }

  @Provide
  Arbitrary<Double> share() {
    return Arbitraries.oneOf(Arbitraries.doubles().between(0, 1).filter(x -> x > 0), Arbitraries.of(1.0, Double.MIN_VALUE));
  }

  /**
   * A share of -0.0 (built in code, or "-0.0" in a result read back) is no defaults, as 0.0 is: it had been kept and
   * shown as "-0.0", and a result beside it refused with "0.075 is outside 0..-0.0".
   */
  @Test
  void aNegativeZeroShareIsZero() {
    Map<StressDriver, Double> none = shares(-0.0);
    StressResult r = new StressResult(-0.0, OptionalDouble.empty(), Money.ZERO, RiskLevel.GREEN, Optional.empty(),
        none, List.of(), Optional.empty());
    assertEquals(new StressResult(0.0, OptionalDouble.empty(), Money.ZERO, RiskLevel.GREEN, Optional.empty(),
        shares(0.0), List.of(), Optional.empty()), r);
    assertEquals("[expectedFirstDefaultMonth: 4.5 though no path re-defaults (defaultProbability 0.0), dominantDriver: "
        + "JOB_LOSS though no path re-defaults (defaultProbability 0.0), defaultsByDriver.JOB_LOSS: 0.2 is outside "
        + "0..0.0, the default probability]", problems(() -> new StressResult(-0.0, OptionalDouble.of(4.5),
            Money.ZERO, RiskLevel.GREEN, Optional.of(StressDriver.JOB_LOSS), shares(0.2), List.of(), Optional.empty())));
  }

  @Test
  void missingPartsAreNamedNotANullPointerException() {
    // a missing month, driver map or list had been a NullPointerException, from Map.copyOf or later from the engine
    assertEquals("[expectedFirstDefaultMonth: is required, worstShortfall95: is required, level: is required, "
            + "dominantDriver: is required, defaultsByDriver: is required, scenarios: is required, "
            + "recommendation: is required]",
        problems(() -> new StressResult(0.1, null, null, null, null, null, null, null)));
    Map<StressDriver, Double> withNull = new HashMap<>(shares(0.1));
    withNull.put(StressDriver.SHOCK_EXPENSE, null);
    withNull.put(null, 0.0);
    String got = problems(() -> new StressResult(0.1, OptionalDouble.of(3), Money.ZERO, RiskLevel.YELLOW,
        Optional.of(StressDriver.JOB_LOSS), withNull, java.util.Arrays.asList((StressResult.ScenarioOutcome) null),
        Optional.empty()));
    assertTrue(got.contains("defaultsByDriver.SHOCK_EXPENSE: is null"), got);
    assertTrue(got.contains("defaultsByDriver: holds a null driver"), got);
    assertTrue(got.contains("scenarios[0]: is null"), got);
  }

  @Test
  void aResultThatContradictsItselfIsRefusedNamingEachField() {
    // no path re-defaults, yet a first-default month, a driver and a share of job-loss defaults
    assertEquals("[expectedFirstDefaultMonth: 3.0 though no path re-defaults (defaultProbability 0.0), "
            + "dominantDriver: JOB_LOSS though no path re-defaults (defaultProbability 0.0), "
            + "defaultsByDriver.JOB_LOSS: 0.2 is outside 0..0.0, the default probability]",
        problems(() -> new StressResult(0, OptionalDouble.of(3), Money.ZERO, RiskLevel.GREEN,
            Optional.of(StressDriver.JOB_LOSS), shares(0.2), List.of(), Optional.empty())));
    // paths re-default, but neither when nor through what is said
    assertEquals("[expectedFirstDefaultMonth: is empty though 20 % of paths re-default, "
            + "dominantDriver: is empty though 20 % of paths re-default]",
        problems(() -> new StressResult(0.2, OptionalDouble.empty(), Money.ZERO, RiskLevel.YELLOW, Optional.empty(),
            shares(0.2), List.of(), Optional.empty())));
    assertEquals("[expectedFirstDefaultMonth: -1.0 is below 0 (month 0 is the down payments'), "
            + "worstShortfall95: '-0.01' is negative]",
        problems(() -> new StressResult(0.2, OptionalDouble.of(-1), Money.ofFen(-1), RiskLevel.YELLOW,
            Optional.of(StressDriver.JOB_LOSS), shares(0.2), List.of(), Optional.empty())));
    // nor is an infinite or NaN mean a month
    for (double month : new double[] {Double.POSITIVE_INFINITY, Double.NaN}) {
      assertEquals("[expectedFirstDefaultMonth: " + month + " is not a month]",
          problems(() -> new StressResult(0.2, OptionalDouble.of(month), Money.ZERO, RiskLevel.YELLOW,
              Optional.of(StressDriver.JOB_LOSS), shares(0.2), List.of(), Optional.empty())));
    }
  }

  /**
   * Each default has one driver, and the dominant one has the largest share: a result naming JOB_LOSS the driver of most
   * defaults beside shares that put every default on the plan itself, or sharing 20 % of defaulting paths out as 20 %
   * to each of two drivers, had been taken (built by a custom tester or read back from JSON) and shown as the plan's
   * explanation.
   */
  @Test
  void theDriversSharesAddUpAndTheDominantOneHasTheLargest() {
    Map<StressDriver, Double> onThePlan = shares(0);
    onThePlan.put(StressDriver.PLAN_TOO_HEAVY, 0.2);
    assertEquals("[dominantDriver: JOB_LOSS has a share of 0.0, below PLAN_TOO_HEAVY's 0.2]",
        problems(() -> new StressResult(0.2, OptionalDouble.of(4.5), Money.ofYuan(1_000), RiskLevel.YELLOW,
            Optional.of(StressDriver.JOB_LOSS), onThePlan, List.of(), Optional.empty())));
    // one path of the default 10 000 fewer is not the largest either
    Map<StressDriver, Double> onePathFewer = shares(0.0999);
    onePathFewer.put(StressDriver.PLAN_TOO_HEAVY, 0.1);
    assertEquals("[dominantDriver: JOB_LOSS has a share of 0.0999, below PLAN_TOO_HEAVY's 0.1]",
        problems(() -> new StressResult(0.2, OptionalDouble.of(4.5), Money.ofYuan(1_000), RiskLevel.YELLOW,
            Optional.of(StressDriver.JOB_LOSS), onePathFewer, List.of(), Optional.empty())));
    Map<StressDriver, Double> twice = shares(0.2);
    twice.put(StressDriver.SHOCK_EXPENSE, 0.2);
    assertEquals("[defaultsByDriver: the shares add up to 0.4, more than the default probability 0.2 (each default has "
        + "one driver)]", problems(() -> new StressResult(0.2, OptionalDouble.of(4.5), Money.ofYuan(1_000),
            RiskLevel.YELLOW, Optional.of(StressDriver.JOB_LOSS), twice, List.of(), Optional.empty())));
    // a rounding of the probability aside, not three paths in a thousand more than it
    Map<StressDriver, Double> threeInAThousand = shares(0.125);
    threeInAThousand.put(StressDriver.SHOCK_EXPENSE, 0.078125);
    assertEquals("[defaultsByDriver: the shares add up to 0.203125, more than the default probability 0.2 (each default "
        + "has one driver)]", problems(() -> new StressResult(0.2, OptionalDouble.of(4.5), Money.ofYuan(1_000),
            RiskLevel.YELLOW, Optional.of(StressDriver.JOB_LOSS), threeInAThousand, List.of(), Optional.empty())));
    // nor one path in a million more, while shares that add up to the probability but for the doubles' rounding
    // (0.1 + 0.2 is 0.30000000000000004) are taken
    Map<StressDriver, Double> oneInAMillion = shares(0.2);
    oneInAMillion.put(StressDriver.SHOCK_EXPENSE, 0.000001);
    InvalidInputException more = assertThrows(InvalidInputException.class, () -> new StressResult(0.2,
        OptionalDouble.of(4.5), Money.ofYuan(1_000), RiskLevel.YELLOW, Optional.of(StressDriver.JOB_LOSS), oneInAMillion,
        List.of(), Optional.empty()));
    assertEquals("defaultsByDriver", more.problems().get(0).location(), more.getMessage());
    Map<StressDriver, Double> rounded = shares(0.1);
    rounded.put(StressDriver.SHOCK_EXPENSE, 0.2);
    assertEquals(0.3, new StressResult(0.3, OptionalDouble.of(4.5), Money.ofYuan(1_000), RiskLevel.YELLOW,
        Optional.of(StressDriver.SHOCK_EXPENSE), rounded, List.of(), Optional.empty()).defaultProbability());
    Map<StressDriver, Double> tie = shares(0.1);
    tie.put(StressDriver.PLAN_TOO_HEAVY, 0.1);
    assertEquals(Optional.of(StressDriver.JOB_LOSS), new StressResult(0.2, OptionalDouble.of(4.5), Money.ofYuan(1_000),
        RiskLevel.YELLOW, Optional.of(StressDriver.JOB_LOSS), tie, List.of(), Optional.empty()).dominantDriver(),
        "a tie names either");
  }

  /**
   * A recommendation refused for a result that is not RED is quoted as core quotes a value from outside ({@link
   * Problem#excerpt}): a result is read back from a response, and one with a line break had been quoted raw, its second
   * half a forged line of a log, and one of 10 000 characters whole.
   */
  @Test
  void aRecommendationRefusedIsQuotedAsAValueFromOutside() {
    for (String advice : List.of("Do not\nOK  forged", "Do not\u2029OK", "d".repeat(10_000))) {
      assertEquals("[recommendation: '" + Problem.excerpt(advice) + "' is given for a GREEN result; only a RED one has "
          + "one]", problems(() -> new StressResult(0, OptionalDouble.empty(), Money.ZERO, RiskLevel.GREEN,
              Optional.empty(), shares(0), List.of(), Optional.of(advice))));
    }
  }

  /**
   * GREEN is a default probability at or below a green threshold of at least 0, so a result with no path re-defaulting
   * is GREEN at any thresholds: one saying YELLOW or RED beside 0.0 is refused naming {@code level}, built or read
   * from JSON. The engine refused it from a tester, but a result read back (alone, or as a proposal's stress) had taken
   * a RED plan of 0 % with its "do not negotiate" (mutation round 87). At 1.0 any level is one some thresholds give.
   */
  @Test
  void aLevelAboveGreenWithNoDefaultIsRefusedNamingIt() throws Exception {
    for (RiskLevel level : List.of(RiskLevel.YELLOW, RiskLevel.RED)) {
      Optional<String> advice = level == RiskLevel.RED ? Optional.of("Do not negotiate") : Optional.empty();
      for (double none : new double[] {0.0, -0.0}) {
        assertEquals("[level: " + level + " though no path re-defaults (defaultProbability 0.0): GREEN at any "
            + "threshold]", problems(() -> new StressResult(none, OptionalDouble.empty(), Money.ZERO, level,
                Optional.empty(), shares(0), List.of(), advice)));
      }
      String json = "{\"defaultProbability\": 0.0, \"worstShortfall95\": \"0.00\", \"level\": \"" + level + "\", "
          + "\"defaultsByDriver\": {}, \"scenarios\": []" + advice.map(a -> ", \"recommendation\": \"" + a + "\"")
              .orElse("") + "}";
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> io.github.fenqi.core.json.FenqiJson
          .read(io.github.fenqi.core.json.FenqiJson.newMapper(), json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
              StressResult.class, "stress.json"));
      assertTrue(e.getMessage().contains("level: " + level + " though no path re-defaults"), e.getMessage());
    }
    for (RiskLevel level : RiskLevel.values()) {
      Optional<String> advice = level == RiskLevel.RED ? Optional.of("Do not negotiate") : Optional.empty();
      assertEquals(level, new StressResult(1.0, OptionalDouble.of(1), Money.ZERO, level,
          Optional.of(StressDriver.JOB_LOSS), shares(1.0), List.of(), advice).level());
    }
    assertEquals(RiskLevel.YELLOW, yellow(Double.MIN_VALUE).level());
  }

  @Test
  void aRecommendationComesExactlyWithRed() {
    // a GREEN plan told "do not negotiate", or a RED one with no advice, contradicts the traffic light
    assertEquals("[recommendation: 'Do not negotiate' is given for a GREEN result; only a RED one has one]",
        problems(() -> new StressResult(0, OptionalDouble.empty(), Money.ZERO, RiskLevel.GREEN, Optional.empty(),
            shares(0), List.of(), Optional.of("Do not negotiate"))));
    assertEquals("[recommendation: is empty for a RED result; a RED plan says what to do instead]",
        problems(() -> new StressResult(0.5, OptionalDouble.of(2), Money.ZERO, RiskLevel.RED,
            Optional.of(StressDriver.JOB_LOSS), shares(0.5), List.of(), Optional.empty())));
    assertEquals("[recommendation: is blank for a RED result; a RED plan says what to do instead]",
        problems(() -> new StressResult(0.5, OptionalDouble.of(2), Money.ZERO, RiskLevel.RED,
            Optional.of(StressDriver.JOB_LOSS), shares(0.5), List.of(), Optional.of("  "))));
  }

  /**
   * A scenario's name is quoted in its problems as core quotes a value from outside ({@link Problem#excerpt}): a
   * scenario is configured and an outcome read back from a response, and a name with a line break had been quoted raw,
   * its second half a forged line of a log, and one of 10 000 characters whole (the configuration's "after the
   * horizon" did so until round 39 of the mutation audits).
   */
  @Test
  void aScenariosNameIsQuotedAsAValueFromOutside() {
    for (String name : List.of("medical\nOK  forged", "medical\u2028OK", "m".repeat(10_000))) {
      assertEquals("[failsInMonth: 3 though scenario '" + Problem.excerpt(name) + "' passed]",
          problems(() -> new StressResult.ScenarioOutcome(name, true, Optional.of(3))));
      assertEquals("[fromMonth: 0 is below 1 (scenario '" + Problem.excerpt(name) + "')]",
          problems(() -> new StressScenario(name, 0, 3, 0.5, Money.ZERO)));
      // and so is the configuration's refusal of one after the horizon, which had quoted the name raw and whole
      StressScenario late = new StressScenario(name, 13, 3, 0.5, Money.ZERO);
      assertEquals("[scenarios[0].fromMonth: 13 (scenario '" + Problem.excerpt(name) + "') is after the horizon of 12 "
          + "months]", problems(() -> StressConfig.builder().scenarios(List.of(late)).build()));
    }
  }

  @Test
  void aScenarioPassesExactlyWhenItNamesNoMonthOfFailure() {
    assertEquals("[failsInMonth: 3 though scenario 'medical' passed]",
        problems(() -> new StressResult.ScenarioOutcome("medical", true, Optional.of(3))));
    assertEquals("[failsInMonth: is empty though scenario 'medical' failed]",
        problems(() -> new StressResult.ScenarioOutcome("medical", false, Optional.empty())));
    assertEquals("[failsInMonth: -1 is below 0 (month 0 is the down payments') in scenario 'medical']",
        problems(() -> new StressResult.ScenarioOutcome("medical", false, Optional.of(-1))));
    assertEquals("[name: is required, failsInMonth: is required]",
        problems(() -> new StressResult.ScenarioOutcome(null, false, null)));
  }

  @Property(tries = 30)
  void everyMonteCarloResultIsAValidResult(@ForAll("incomes") long income, @ForAll("incomes") long savings,
      @ForAll("incomes") long due) {
    // the built-in tester's results, from a comfortable plan to one that fails before month 1, pass the checks
    StressConfig c = StressConfig.builder().paths(200).build();
    FinancialProfile p = new FinancialProfile(Money.ofYuan(income), OptionalDouble.empty(), Money.ofYuan(2_000),
        Money.ofYuan(savings));
    StressResult r = StressTester.monteCarlo(c).test(p,
        PlanCashflow.ofMonthlyTotals(java.util.Collections.nCopies(12, Money.ofYuan(due)), Money.ofYuan(due)));
    assertEquals(r, new StressResult(r.defaultProbability(), r.expectedFirstDefaultMonth(), r.worstShortfall95(),
        r.level(), r.dominantDriver(), r.defaultsByDriver(), r.scenarios(), r.recommendation()));
  }

  @Provide
  Arbitrary<Long> incomes() {
    return Arbitraries.longs().between(0, 20_000);
  }
}
