package io.github.fenqi.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A decision is immutable (its Javadoc) and gives as reasons the messages of its failed checks, in order. */
class EligibilityDecisionTest {
  private static final EligibilityCheck PASSED = new EligibilityCheck("PLATFORM", true, "a", "a", "policy is the lender's own");
  private static final EligibilityCheck FAILED = new EligibilityCheck("MIN_OVERDUE_DAYS", false, "45", ">= 91",
      "overdueDays 45 < minOverdueDays 91");

  @Test
  void holdsItsOwnCopyOfTheChecks() {
    List<EligibilityCheck> checks = new ArrayList<>(List.of(PASSED, FAILED));
    EligibilityDecision decision = new EligibilityDecision("cc-1", "a", "v1", false, checks, PolicyAdjustment.NONE);

    checks.clear(); // an evaluator that reuses its list must not change a decision it has handed out
    assertEquals(List.of(PASSED, FAILED), decision.checks());
    assertEquals(List.of("overdueDays 45 < minOverdueDays 91"), decision.reasons());
    assertThrows(UnsupportedOperationException.class, () -> decision.checks().add(PASSED));
  }
}
