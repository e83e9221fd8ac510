package io.github.fenqi.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.fenqi.core.debt.DebtComponent;
import io.github.fenqi.core.money.Ratio;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The action vocabulary of the module README at its edges: what each action takes, and each refusal naming the token
 * at fault and why.
 */
class RuleActionTest {

  @Test
  void eachActionAtItsEdgesIsTaken() {
    assertEquals(Optional.of(360), adjustment("maxInstallments(360)").maxInstallments());
    assertEquals(Optional.of(1), adjustment("maxInstallments(1)").maxInstallments());
    assertEquals(Map.of(DebtComponent.LATE_FEES, Ratio.ONE), adjustment("capWaiver(\"lateFees\", 1)").waiverCaps());
    assertEquals(Optional.of(Ratio.ZERO), adjustment("minDownPayment(0)").minDownPaymentRatio());
    assertEquals(new RuleAction.Ineligible("BALANCE_TOO_SMALL", "settled in full"),
        RuleAction.parse("ineligible(\"BALANCE_TOO_SMALL\", \"settled in full\")"));
    assertEquals(new RuleAction.Eligible(), RuleAction.parse("eligible()"));
  }

  @ParameterizedTest(name = "{0} refused at {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "maxInstallments(361)                          | 361              | a whole number of months in 1..360",
      "maxInstallments(0)                            | 0                | a whole number of months in 1..360",
      "ineligible(\"Balance_small\", \"too small\")  | Balance_small    | UPPER_SNAKE_CASE",
      "ineligible(\"SMALL\", \"   \")                | `\"\"`           | the message must say why",
      "capWaiver(\"Interest\", 0.3)                  | Interest         | not a debt component",
      "capWaiver(\"interest\", 1.01)                 | 1.01             | a ratio in 0..1",
      "capWaiver(\"interest\")                       | capWaiver        | takes (string, number)",
      "capWaiver(\"interest\", 0.3, 1)               | capWaiver        | takes (string, number)",
      "eligible() eligible()                         | eligible         | an action is a single call",
  })
  void aMalformedActionIsRefusedNamingItsToken(String action, String token, String reason) {
    ConditionParserTest.assertRefused(() -> RuleAction.parse(action.strip()), token, reason);
  }

  private static io.github.fenqi.core.policy.PolicyAdjustment adjustment(String action) {
    return ((RuleAction.Adjust) RuleAction.parse(action)).adjustment();
  }
}
