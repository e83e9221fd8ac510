package io.github.fenqi.core.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.money.Rate;
import io.github.fenqi.core.money.Ratio;
import io.github.fenqi.core.schedule.RepaymentMethod;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The inputs a custom solver's tests and direct users of the solver build, {@link ProposalProblem} and
 * {@link DebtTerms}, name every missing part: they had failed with NullPointerExceptions — "Cannot invoke
 * java.util.List.size() because debts is null", "... because the return value of java.util.List.get(int) is null" —
 * or later, in the grid, naming no field.
 */
class MissingPartsTest {
  private final DebtTerms terms = ExactProposalSolverProperties.randomDebts(3, 1, true).get(0);

  private static List<String> locations(InvalidInputException e) {
    return e.problems().stream().map(Problem::location).toList();
  }

  /** A problem's debts have unique ids, and its budget and savings are not negative: each refused, named. */
  @Test
  void aProblemRefusesADebtIdTwiceAndNegativeMeansNamingEach() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> new ProposalProblem(
        List.of(terms, terms), Money.of("-0.01"), Money.of("-0.02"), GridConfig.DEFAULTS, AcceptanceModel.defaults()));
    assertEquals(List.of(Problem.of("debts[1].id", "'" + terms.debt().id() + "' appears twice"),
        Problem.of("monthlyBudget", "'-0.01' is negative"), Problem.of("liquidSavings", "'-0.02' is negative")),
        e.problems());
  }

  @Test
  void aProblemNamesEachMissingPartAndANullDebtByIndex() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> new ProposalProblem(null, null, null, null, null));
    assertEquals(List.of("debts", "monthlyBudget", "liquidSavings", "config", "acceptanceModel"), locations(e));
    assertEquals("is required", e.problems().get(0).reason());
    InvalidInputException nullDebt = assertThrows(InvalidInputException.class, () -> new ProposalProblem(
        Arrays.asList(terms, null), Money.ZERO, Money.ZERO, GridConfig.DEFAULTS, AcceptanceModel.defaults()));
    assertEquals("debts[1]: is null", nullDebt.getMessage());
  }

  @Test
  void debtTermsNameEachMissingPartATermThatIsNullAndACapThatIsNull() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> new DebtTerms(null, null, List.of(12), null, null, null, null, null, false));
    assertEquals(List.of("debt", "policyVersion", "method", "annualRate", "monthlyFeeRate", "waiverCaps",
        "minDownPaymentRatio"), locations(e));
    InvalidInputException nullTerm = assertThrows(InvalidInputException.class, () -> new DebtTerms(terms.debt(), "v",
        Arrays.asList(12, null), RepaymentMethod.EQUAL_INSTALLMENT, Rate.ZERO, Rate.ZERO, Map.of(), Ratio.ZERO, false));
    assertEquals("allowedTerms: must be ascending months in 1..360, got [12, null]", nullTerm.getMessage());
    Map<io.github.fenqi.core.debt.DebtComponent, Ratio> caps = new HashMap<>();
    caps.put(io.github.fenqi.core.debt.DebtComponent.LATE_FEES, null);
    InvalidInputException nullCap = assertThrows(InvalidInputException.class, () -> new DebtTerms(terms.debt(), "v",
        List.of(12), RepaymentMethod.EQUAL_INSTALLMENT, Rate.ZERO, Rate.ZERO, caps, Ratio.ZERO, false));
    assertEquals(List.of("waiverCaps"), locations(nullCap));
  }

  /**
   * Terms run 1..360, as a schedule's do: a term of 361 taken here would be refused only when the grid is drawn,
   * naming the schedule's {@code term} and no debt.
   */
  @Test
  void debtTermsHoldTheTermsToOneTo360() {
    for (List<Integer> wrong : List.of(List.of(361), List.of(12, 361), List.of(0, 12))) {
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> new DebtTerms(terms.debt(), "v", wrong,
          RepaymentMethod.EQUAL_INSTALLMENT, Rate.ZERO, Rate.ZERO, Map.of(), Ratio.ZERO, false));
      assertEquals("allowedTerms: must be ascending months in 1..360, got " + wrong, e.getMessage());
    }
    assertEquals(360, new DebtTerms(terms.debt(), "v", List.of(1, 360), RepaymentMethod.EQUAL_INSTALLMENT, Rate.ZERO,
        Rate.ZERO, Map.of(), Ratio.ZERO, false).maxTerm());
  }

  /** A cap whose component is null (a HashMap allows it) had been a NullPointerException from EnumMap.putAll. */
  @Test
  void debtTermsNameACapWithoutAComponent() {
    Map<io.github.fenqi.core.debt.DebtComponent, Ratio> caps = new HashMap<>();
    caps.put(null, Ratio.ONE);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> new DebtTerms(terms.debt(), "v",
        List.of(12), RepaymentMethod.EQUAL_INSTALLMENT, Rate.ZERO, Rate.ZERO, caps, Ratio.ZERO, false));
    assertEquals("waiverCaps: has a cap of 1 for no component; each cap is for one of "
        + List.of(io.github.fenqi.core.debt.DebtComponent.values()), e.getMessage());
  }
}
