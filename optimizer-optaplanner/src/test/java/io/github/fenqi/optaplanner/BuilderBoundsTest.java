package io.github.fenqi.optaplanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InvalidInputException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lower bounds the builder documents: limits of whole milliseconds "from 1 ms", and a positive count of score
 * calculations in deterministic mode; the least of each is accepted and the step below it is refused by name.
 */
class BuilderBoundsTest {
  @ParameterizedTest
  @ValueSource(longs = {0, -1, Long.MIN_VALUE / 1_000_000})
  void aLimitOfNoTimeOrLessIsRefusedNamingIt(long millis) {
    assertBothLimitsRefuse(Duration.ofMillis(millis), "must be positive");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 1000})
  void aLimitOfOneMillisecondOrMoreIsAccepted(long millis) {
    OptaPlannerProposalSolver.builder().timeLimit(Duration.ofMillis(millis))
        .unimprovedTimeLimit(Duration.ofMillis(millis)).build();
  }

  /** "At most 36 500 days": that much is taken for either limit, a millisecond more is refused naming the limit. */
  @Test
  void thirtySixThousandFiveHundredDaysAreTheLongestLimit() {
    Duration longest = Duration.ofDays(36_500);
    OptaPlannerProposalSolver.builder().timeLimit(longest).unimprovedTimeLimit(longest).build();
    assertBothLimitsRefuse(longest.plusMillis(1), "is longer than 36500 days");
  }

  /**
   * An unimproved limit longer than the time limit never applies, as the time limit ends each strategy first: it was
   * built without a word (also beside the default time limit of 1 s); equal or shorter is taken.
   */
  @Test
  void anUnimprovedLimitLongerThanTheTimeLimitIsRefusedNamingIt() {
    InvalidInputException set = assertThrows(InvalidInputException.class, () -> OptaPlannerProposalSolver.builder()
        .unimprovedTimeLimit(Duration.ofSeconds(10)).timeLimit(Duration.ofSeconds(2)).build());
    assertEquals("unimprovedTimeLimit", set.problems().get(0).location(), set.getMessage());
    assertTrue(set.getMessage().contains("10000 ms is longer than the time limit of 2000 ms, which ends"),
        set.getMessage());
    InvalidInputException byDefault = assertThrows(InvalidInputException.class,
        () -> OptaPlannerProposalSolver.builder().unimprovedTimeLimit(Duration.ofMillis(1001)).build());
    assertEquals("unimprovedTimeLimit", byDefault.problems().get(0).location(), byDefault.getMessage());
    assertTrue(byDefault.getMessage().contains("time limit of 1000 ms (the default)"), byDefault.getMessage());
    OptaPlannerProposalSolver.builder().unimprovedTimeLimit(Duration.ofSeconds(1)).build();
    OptaPlannerProposalSolver.builder().timeLimit(Duration.ofSeconds(10)).unimprovedTimeLimit(Duration.ofSeconds(10))
        .build();
  }

  /** timeLimit and unimprovedTimeLimit each refuse {@code limit}, naming themselves, with {@code why}. */
  private static void assertBothLimitsRefuse(Duration limit, String why) {
    Map<String, Executable> setters = Map.of(
        "timeLimit", () -> OptaPlannerProposalSolver.builder().timeLimit(limit),
        "unimprovedTimeLimit", () -> OptaPlannerProposalSolver.builder().unimprovedTimeLimit(limit));
    setters.forEach((field, setter) -> {
      InvalidInputException e = assertThrows(InvalidInputException.class, setter, field);
      assertEquals(field, e.problems().get(0).location(), e.getMessage());
      assertTrue(e.getMessage().contains(why), e.getMessage());
    });
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1, Long.MIN_VALUE})
  void noScoreCalculationsIsRefusedNamingIt(long count) {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> OptaPlannerProposalSolver.builder().deterministic(7, count));
    assertEquals("scoreCalculations", e.problems().get(0).location(), e.getMessage());
    assertTrue(e.getMessage().contains("must be positive"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, Long.MAX_VALUE})
  void oneScoreCalculationOrMoreIsAccepted(long count) {
    OptaPlannerProposalSolver.builder().deterministic(7, count).build();
  }

  /**
   * A class OptaPlanner could not create is refused with the reason the Javadoc lists for it: an inner class, whose
   * constructor also takes its outer instance, is told to be made static rather than to get a constructor it has.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "NotPublic|is not public",
      "NoNoArgumentConstructor|has no public no-argument constructor",
      "Inner|is an inner class (make it static)",
      "Abstract|is abstract"})
  @SuppressWarnings("unchecked")
  void aConstraintOptaPlannerCannotCreateIsRefusedWithItsReason(String simpleName, String reason) throws Exception {
    Class<?> type = Class.forName(OptaPlannerSolverConfigurationTest.class.getName() + "$" + simpleName);
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> OptaPlannerProposalSolver.builder().constraint((Class<? extends ProposalConstraint>) type));
    assertEquals("constraint", e.problems().get(0).location(), e.getMessage());
    assertTrue(e.getMessage().contains("user constraint " + type.getName() + " " + reason + ":"), e.getMessage());
  }
}
