package io.github.fenqi.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.mvel2.MVEL;

/**
 * Chains of {@code &&} and {@code ||} are rendered as balanced trees (so that they nest by the logarithm of their
 * length): the value and the short-circuit must be those of the condition read left to right, {@code &&} binding
 * tighter. A term that cannot be evaluated ({@code 1 / overdueDays > 0} with no days overdue) shows whether it was
 * reached.
 */
class ChainProperties {
  private static final String ERROR_TERM = "1 / overdueDays > 0";
  private static final Map<String, Object> NO_DAYS_OVERDUE = Map.of("overdueDays", BigDecimal.ZERO);

  /** What a condition comes to: true, false, or an error because an unevaluable term was reached. */
  private enum Outcome { TRUE, FALSE, ERROR }

  @Provide
  Arbitrary<List<String>> terms() {
    return Arbitraries.of("true", "false", ERROR_TERM).list().ofMinSize(1).ofMaxSize(60);
  }

  @Property(tries = 300)
  void balancedChainsKeepLeftToRightValueAndShortCircuit(@ForAll("terms") List<String> terms,
      @ForAll List<Boolean> orNotAnd) {
    StringBuilder condition = new StringBuilder(terms.get(0));
    List<List<String>> groups = new ArrayList<>(List.of(new ArrayList<>(List.of(terms.get(0)))));
    for (int i = 1; i < terms.size(); i++) {
      boolean or = i - 1 < orNotAnd.size() && orNotAnd.get(i - 1);
      condition.append(or ? " || " : " && ").append(terms.get(i));
      if (or) {
        groups.add(new ArrayList<>());
      }
      groups.get(groups.size() - 1).add(terms.get(i));
    }
    assertEquals(model(groups), run(condition.toString()), condition.toString());
  }

  private static Outcome run(String condition) {
    try {
      Object v = MVEL.executeExpression(RuleFileReader.compile(ConditionParser.parse(condition).mvel()),
          new java.util.HashMap<>(NO_DAYS_OVERDUE));
      return Boolean.TRUE.equals(v) ? Outcome.TRUE : Outcome.FALSE;
    } catch (RuntimeException e) {
      return Outcome.ERROR;
    }
  }

  /** Left to right: groups joined by ||, each a list of terms joined by &&, stopping as soon as the value is known. */
  private static Outcome model(List<List<String>> groups) {
    for (List<String> group : groups) {
      Outcome all = Outcome.TRUE;
      for (String term : group) {
        if (term.equals(ERROR_TERM)) {
          return Outcome.ERROR;
        }
        if (term.equals("false")) {
          all = Outcome.FALSE;
          break;
        }
      }
      if (all == Outcome.TRUE) {
        return Outcome.TRUE;
      }
    }
    return Outcome.FALSE;
  }
}
