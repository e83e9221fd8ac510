package io.github.fenqi.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A contract violation's message lists the first 10 problems and says how many more there are; {@code problems()}
 * holds them all (the README's "Errors, components and fitting"). No test had counted them: a message showing 11, or
 * dropping the count of the rest, passed.
 */
class ComponentContractExceptionTest {

  private static List<Problem> problems(int n) {
    return IntStream.range(0, n).mapToObj(i -> Problem.of("compare[" + i + "]", "is null")).toList();
  }

  @Test
  void theMessageListsTheFirstTenProblemsAndCountsTheRest() {
    ComponentContractException e = new ComponentContractException("the stress tester (x.Tester)", problems(12));
    StringBuilder expected = new StringBuilder("the stress tester (x.Tester) broke its contract (12 problems):");
    for (int i = 0; i < 10; i++) {
      expected.append("\n  compare[").append(i).append("]: is null");
    }
    assertEquals(expected + "\n  ... and 2 more", e.getMessage());
    assertEquals(problems(12), e.problems());
    assertEquals("the stress tester (x.Tester)", e.component());
  }

  @Test
  void tenProblemsAreAllShownAndOneIsOneProblem() {
    String ten = new ComponentContractException("c", problems(10)).getMessage();
    assertEquals(11, ten.lines().count(), ten);
    assertEquals("c broke its contract (1 problem):\n  compare[0]: is null",
        new ComponentContractException("c", problems(1)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new ComponentContractException("c", List.of()));
  }

  /** A lambda is named by the class it was written in: the JVM's own name for it changes from run to run. */
  @Test
  void aLambdaIsNamedByTheClassItWasWrittenIn() {
    Runnable lambda = () -> { };
    assertEquals("the solver (a lambda in io.github.fenqi.core.ComponentContractExceptionTest)",
        ComponentContractException.of("the solver", lambda, problems(1)).component());
    assertEquals("the solver (java.lang.String)", ComponentContractException.of("the solver", "s", problems(1))
        .component());
  }
}
