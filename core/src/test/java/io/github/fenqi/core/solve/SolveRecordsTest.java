package io.github.fenqi.core.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.debt.ProductType;
import io.github.fenqi.core.json.FenqiJson;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.money.Rate;
import io.github.fenqi.core.money.Ratio;
import io.github.fenqi.core.schedule.RepaymentMethod;
import io.github.fenqi.core.solve.Infeasibility.BindingConstraint;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The solver's answer at the edges of its constraints, on a two-debt case worked out by hand, and its records as an SDK
 * user meets them: built by hand or read back from JSON.
 */
class SolveRecordsTest {
  private static final ObjectMapper MAPPER = FenqiJson.newMapper();

  /**
   * Interest-free, equal principal, nothing waivable, one term each. Debt a owes 10 000.00 over 10 months with at least
   * 10 % down: down payments 1 000.00, 1 500.00, 2 000.00, 2 500.00 leave first installments of 900.00, 850.00,
   * 800.00, 750.00. Debt b owes 5 000.00 over 5 months with at least 20 % down: 1 000.00, 1 250.00, 1 500.00, 1 750.00
   * leave 800.00, 750.00, 700.00, 650.00. So the least Σ first installments is 1 400.00 (with 4 250.00 down), the
   * least Σ down payments 2 000.00 (with 1 700.00 a month).
   */
  private static final List<DebtTerms> DEBTS = List.of(debt("a", 1_000_000, 10, "0.1"), debt("b", 500_000, 5, "0.2"));

  private static DebtTerms debt(String id, long owedFen, int term, String minDown) {
    Debt d = new Debt(id, "p", ProductType.CREDIT_CARD, Money.ofFen(owedFen), Money.ZERO, Money.ZERO, Money.ZERO,
        Money.ZERO, Money.ZERO, Rate.of("0.18"), 100);
    return new DebtTerms(d, "v1", List.of(term), RepaymentMethod.EQUAL_PRINCIPAL, Rate.ZERO, Rate.ZERO, Map.of(),
        Ratio.of(minDown), false);
  }

  /**
   * The least first-month total an infeasible case needs is stated to the fen however large: the diagnosis had read it
   * back from the search's double-valued objective, exact only below 2^53 fen, and 91 debts of 999 999 999 999.99 due
   * in one month (9 099 999 999 999 909 fen in all) were said to need a fen less or more.
   */
  @Test
  void theFirstMonthTotalAnInfeasibleCaseNeedsIsExactBeyondWhatADoubleHolds() {
    List<DebtTerms> debts = java.util.stream.IntStream.range(0, 91)
        .mapToObj(i -> debt("d" + i, 99_999_999_999_999L, 1, "0")).toList();
    ProposalSet set = ProposalSolver.exact().solve(ProposalProblem.of(debts, Money.of("1000"), Money.ZERO));
    Infeasibility why = set.infeasibility().orElseThrow();
    assertEquals(BindingConstraint.MONTHLY_BUDGET, why.binding(), why.reason());
    assertEquals(9_099_999_999_999_909L, why.required().fen(), why.reason());
    assertTrue(why.reason().contains(Money.ofFen(9_099_999_999_999_909L).toString()), why.reason());
  }

  /**
   * Debts whose amounts together are beyond what a proposal's totals can hold are refused when the problem is made,
   * naming the sum: sixteen debts of 6 × 10^15 yuan, each within what a {@code Debt} accepts and with a down payment
   * that leaves a schedule's worth to finance, had passed, and both the exact solver and the OptaPlanner adapter then
   * failed with a bare "long overflow" adding up what they owe. Interest and fees count too: the totals payable are
   * bounded by the amount owed plus the most interest and fees the longest term can charge.
   */
  @Test
  void debtsWhoseTotalsNoProposalCanHoldAreRefusedWhenTheProblemIsMade() {
    List<DebtTerms> sixteen = java.util.stream.IntStream.range(0, 16)
        .mapToObj(i -> largest("d" + i, RepaymentMethod.EQUAL_PRINCIPAL, Rate.ZERO)).toList();
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> ProposalProblem.of(sixteen, Money.of("1000"), Money.of("1000")));
    assertEquals("debts: the 16 debts (" + java.util.stream.IntStream.range(0, 16).mapToObj(i -> "debts[" + i + "]")
        .collect(java.util.stream.Collectors.joining(", ")) + ") owe 96000000000000000.00 in all, beyond the 92233720368547758.07 a proposal's "
        + "totals can hold; solve them in parts", e.getMessage());
    // fifteen of them fit (9 × 10^18 fen, below a long's 9.22 × 10^18) and are solved
    ProposalSet set = ProposalSolver.exact().solve(ProposalProblem.of(sixteen.subList(0, 15),
        Money.ofFen(100_000_000_000_000L), Money.ofFen(Long.MAX_VALUE)));
    assertEquals(3, set.proposals().size(), set.toString());
    assertEquals(9_000_000_000_000_000_000L, set.proposals().get(0).totalOwed().fen());
    // interest and fees count: fifteen debts that fit as owed, two of them charging fees of 10 a month for 360 months
    List<DebtTerms> withFees = new java.util.ArrayList<>(sixteen.subList(0, 15));
    withFees.set(0, largest("f0", RepaymentMethod.FEE_INSTALLMENT, Rate.of("10")));
    withFees.set(1, largest("f1", RepaymentMethod.FEE_INSTALLMENT, Rate.of("10")));
    InvalidInputException fees = assertThrows(InvalidInputException.class,
        () -> ProposalProblem.of(withFees, Money.of("1000"), Money.of("1000")));
    // 2 × (6 × 10^13 financed × 10 × 360 months + 2 fen × 360 months of rounding)
    assertEquals("debts: the 15 debts (" + java.util.stream.IntStream.range(0, 15).mapToObj(i -> "debts[" + i + "]")
        .collect(java.util.stream.Collectors.joining(", ")) + ") owe 90000000000000000.00 in all and their longest terms can charge up to "
        + "4320000000000014.40 more in interest and fees, beyond the 92233720368547758.07 a proposal's totals can "
        + "hold; solve them in parts", fees.getMessage());
  }

  /** A debt of 6 × 10^15 yuan (each component the most a {@code Debt} accepts), 99.99 % down: 6 × 10^11 financed. */
  private static DebtTerms largest(String id, RepaymentMethod method, Rate monthlyFee) {
    Money most = Money.ofFen(100_000_000_000_000_000L);
    Debt d = new Debt(id, "p", ProductType.CREDIT_CARD, most, most, most, most, most, most, Rate.of("0.18"), 100);
    return new DebtTerms(d, "v1", List.of(method == RepaymentMethod.FEE_INSTALLMENT ? 360 : 12), method, Rate.ZERO,
        monthlyFee, Map.of(), Ratio.of("0.9999"), false);
  }

  /**
   * A debt within what a {@code Debt} accepts (10^15 yuan a component) but whose least financed amount is above what a
   * schedule handles (10^12 yuan) is refused when the problem is made, naming the debt: the exact solver had failed
   * drawing its grid with "amount: '5400000000000000.00' is above the largest amount a schedule handles", naming no
   * debt, and only the engine, not a caller of the solver, checked it first; so had its grid drawn alone. One that a
   * larger least down payment brings within the limit is still solved.
   */
  @Test
  void aDebtTooLargeToScheduleIsRefusedNamingItWhenTheProblemIsMade() {
    Money cap = io.github.fenqi.core.schedule.Amortizer.MAX_FINANCED;
    DebtTerms over = debt("big", cap.fen() + 2, 12, "0.1"); // 10 % down leaves 0.9 × 10^12 yuan and a fen: fits
    DebtTerms far = debt("bigger", 2 * cap.fen(), 12, "0.1");
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> ProposalProblem.of(List.of(DEBTS.get(0), over, far), Money.of("1000"), Money.of("1000")));
    assertEquals("debts[2]: 'bigger' leaves 1800000000000.00 to repay in installments with nothing waived and the "
        + "least down payment, above the largest amount a schedule handles (1000000000000.00)", e.getMessage());
    InvalidInputException grid = assertThrows(InvalidInputException.class,
        () -> OptionGrid.of(far, GridConfig.DEFAULTS, AcceptanceModel.defaults()));
    assertEquals("debt: 'bigger' leaves 1800000000000.00 to repay in installments with nothing waived and the least "
        + "down payment, above the largest amount a schedule handles (1000000000000.00)", grid.getMessage());
    ProposalSet set = ProposalSolver.exact().solve(ProposalProblem.of(List.of(over), cap, cap));
    assertEquals(3, set.proposals().size(), set.toString());
    for (Proposal p : set.proposals()) {
      assertTrue(!p.plans().get(0).financedAmount().isGreaterThan(cap), p.toString());
    }
  }

  private static ProposalSet solve(String budget, String savings) {
    return ProposalSolver.exact().solve(ProposalProblem.of(DEBTS, Money.of(budget), Money.of(savings)));
  }

  private static void assertBinds(ProposalSet set, BindingConstraint binding, String required, String available) {
    Infeasibility why = set.infeasibility().orElseThrow(() -> new AssertionError("feasible: " + set.proposals()));
    assertEquals(binding, why.binding(), why.reason());
    assertEquals(Money.of(required), why.required(), why.reason());
    assertEquals(Money.of(available), why.available(), why.reason());
    assertEquals(Money.of("0.01"), why.shortfall(), why.reason());
  }

  @Test
  void aBudgetOfExactlyTheLeastFirstInstallmentsHasAPlanAndAFenLessIsShortByAFen() {
    ProposalSet exact = solve("1400.00", "100000");
    assertEquals(3, exact.proposals().size());
    exact.proposals().forEach(p -> assertEquals(Money.of("1400.00"), p.totalFirstMonthInstallment()));
    assertBinds(solve("1399.99", "100000"), BindingConstraint.MONTHLY_BUDGET, "1400.00", "1399.99");
  }

  @Test
  void savingsOfExactlyTheLeastDownPaymentsHaveAPlanAndAFenLessAreShortByAFen() {
    ProposalSet exact = solve("100000", "2000.00");
    assertEquals(3, exact.proposals().size());
    exact.proposals().forEach(p -> assertEquals(Money.of("2000.00"), p.totalDownPayment()));
    assertBinds(solve("100000", "1999.99"), BindingConstraint.LIQUID_SAVINGS, "2000.00", "1999.99");
  }

  @Test
  void whenEachFitsAloneTheBudgetMustReachTheLeastFirstInstallmentsWithinTheSavings() {
    assertEquals(3, solve("1700.00", "2000.00").proposals().size());
    assertBinds(solve("1699.99", "2000.00"), BindingConstraint.BUDGET_AND_SAVINGS_TOGETHER, "1700.00", "1699.99");
  }

  /**
   * With the savings short of the least down payments no budget has a plan, so the savings bind, and the reason says
   * the budget is short as well: the budget alone had been blamed, word for word what a borrower with savings enough
   * is told, and the savings never mentioned.
   */
  @Test
  void whenTheSavingsAndTheBudgetAreBothShortTheSavingsBindAndTheReasonNamesBoth() {
    ProposalSet set = solve("1399.99", "1999.99");
    assertBinds(set, BindingConstraint.LIQUID_SAVINGS, "2000.00", "1999.99");
    assertEquals("The policies' minimum down payments total 2000.00, 0.01 above liquid savings of 1999.99; the "
        + "smallest possible first-month installments total 1400.00, 0.01 above the affordable 1399.99, too.",
        set.infeasibility().orElseThrow().reason());
    assertBinds(solve("0.00", "1999.99"), BindingConstraint.LIQUID_SAVINGS, "2000.00", "1999.99");
  }

  /** FenqiJson writes an absent infeasibility as null and a present one as its fields: both read back equal. */
  @Test
  void aProposalSetReadsBackFromItsJsonEqual() {
    for (ProposalSet set : List.of(solve("100000", "100000"), solve("1399.99", "100000"))) {
      byte[] json = FenqiJson.write(MAPPER, set).getBytes(StandardCharsets.UTF_8);
      assertEquals(set, FenqiJson.read(MAPPER, json, ProposalSet.class, "set.json"));
    }
  }

  /**
   * A set read alone from JSON holds together as the solvers' sets do: two proposals of one strategy, proposals out of
   * strategy order, an infeasibility beside proposals, or neither, had been read as they stood (a set built in code may
   * still be any of these, for {@link ProposalProblem#violations(ProposalSet)} to report).
   */
  @Test
  void aProposalSetReadFromJsonThatContradictsItselfIsRefusedNamingThePart() throws Exception {
    ProposalSet feasible = solve("100000", "100000");
    ProposalSet infeasible = solve("1399.99", "100000");
    com.fasterxml.jackson.databind.node.ObjectNode json = MAPPER.valueToTree(feasible);
    com.fasterxml.jackson.databind.node.ArrayNode proposals = (com.fasterxml.jackson.databind.node.ArrayNode)
        json.get("proposals");
    assertTrue(proposals.size() >= 2, json.toString());
    com.fasterxml.jackson.databind.node.ObjectNode twice = json.deepCopy();
    ((com.fasterxml.jackson.databind.node.ArrayNode) twice.get("proposals")).set(1, proposals.get(0).deepCopy());
    assertEquals("set.json: proposals[1].strategy: " + feasible.proposals().get(0).strategy() + " has a proposal "
        + "already: one proposal per strategy", refusal(twice));
    com.fasterxml.jackson.databind.node.ObjectNode reversed = json.deepCopy();
    com.fasterxml.jackson.databind.node.ArrayNode back = MAPPER.createArrayNode();
    for (int i = proposals.size() - 1; i >= 0; i--) {
      back.add(proposals.get(i).deepCopy());
    }
    reversed.set("proposals", back);
    assertEquals("set.json: proposals[1].strategy: " + feasible.proposals().get(proposals.size() - 2).strategy()
        + " after " + feasible.proposals().get(proposals.size() - 1).strategy() + ": proposals are in "
        + java.util.Arrays.toString(Strategy.values()) + " order", refusal(reversed).split("; ")[0]);
    com.fasterxml.jackson.databind.node.ObjectNode beside = json.deepCopy();
    beside.set("infeasibility", MAPPER.valueToTree(infeasible.infeasibility().orElseThrow()));
    assertEquals("set.json: infeasibility: present beside " + proposals.size() + " proposals; it says why there is "
        + "none", refusal(beside));
    com.fasterxml.jackson.databind.node.ObjectNode neither = json.deepCopy();
    neither.set("proposals", MAPPER.createArrayNode());
    assertEquals("set.json: infeasibility: absent though there is no proposal; an infeasible case says which "
        + "constraint binds", refusal(neither));
    // what the solvers write reads back, and a set built in code is still taken as it is
    assertEquals(feasible, FenqiJson.read(MAPPER, MAPPER.writeValueAsBytes(json), ProposalSet.class, "set.json"));
    assertEquals(2, new ProposalSet(List.of(feasible.proposals().get(0), feasible.proposals().get(0)),
        infeasible.infeasibility(), Map.of()).proposals().size());
  }

  private static String refusal(com.fasterxml.jackson.databind.JsonNode json) {
    return assertThrows(InvalidInputException.class, () -> FenqiJson.read(MAPPER, MAPPER.writeValueAsBytes(json),
        ProposalSet.class, "set.json")).problems().stream().map(Object::toString)
        .collect(java.util.stream.Collectors.joining("; "));
  }

  @Test
  void aProposalSetWithoutAPartNamesIt() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> new ProposalSet(null, null, null));
    assertEquals("3 problems: proposals: is required; infeasibility: is required; notes: is required", e.getMessage());
  }

  /** A shortfall its own figures contradict had been read from JSON, and shown to the borrower, as it stood. */
  @Test
  void anInfeasibilityReadFromJsonWhoseShortfallItsFiguresContradictIsRefused() {
    Infeasibility why = solve("1399.99", "100000").infeasibility().orElseThrow();
    String json = FenqiJson.write(MAPPER, why);
    assertEquals(why, FenqiJson.read(MAPPER, json.getBytes(StandardCharsets.UTF_8), Infeasibility.class, "why.json"));
    String contradicted = json.replace("\"shortfall\" : \"0.01\"", "\"shortfall\" : \"-5.00\"");
    assertTrue(!contradicted.equals(json), json);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> FenqiJson.read(MAPPER,
        contradicted.getBytes(StandardCharsets.UTF_8), Infeasibility.class, "why.json"));
    assertTrue(e.getMessage().contains("shortfall: '-5.00' is negative"), e.getMessage());
  }

  @Test
  void anInfeasibilityNamesTheAmountThatDisagrees() {
    Money ten = Money.of("10.00");
    InvalidInputException wrong = assertThrows(InvalidInputException.class, () -> new Infeasibility(
        BindingConstraint.MONTHLY_BUDGET, ten, Money.of("4.00"), Money.of("5.00"), "r", "s"));
    assertEquals("shortfall: '5.00' where MONTHLY_BUDGET binds: required 10.00 less available 4.00 is 6.00",
        wrong.getMessage());
    InvalidInputException covered = assertThrows(InvalidInputException.class, () -> new Infeasibility(
        BindingConstraint.LIQUID_SAVINGS, ten, ten, Money.ZERO, "r", "s"));
    assertEquals("shortfall: '0.00' where LIQUID_SAVINGS binds: required 10.00 less available 10.00 is 0.00, which "
        + "binds nothing", covered.getMessage());
    InvalidInputException money = assertThrows(InvalidInputException.class, () -> new Infeasibility(
        BindingConstraint.NO_ELIGIBLE_DEBT, ten, Money.ZERO, ten, "r", "s"));
    assertTrue(money.getMessage().startsWith("shortfall: NO_ELIGIBLE_DEBT is measured by no amount of money"),
        money.getMessage());
    assertEquals("reason: is required", assertThrows(InvalidInputException.class, () -> new Infeasibility(
        BindingConstraint.USER_CONSTRAINT, Money.ZERO, Money.ZERO, Money.ZERO, null, "s")).getMessage());
  }
}
