package io.github.fenqi.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.json.FenqiJson;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.security.InMemoryKeyProvider;
import io.github.fenqi.core.solve.ProposalSet;
import io.github.fenqi.core.solve.Strategy;
import io.github.fenqi.core.statement.MonthlySummary;
import io.github.fenqi.core.statement.TransactionCategory;
import io.github.fenqi.core.stress.RiskLevel;
import io.github.fenqi.core.stress.StressDriver;
import io.github.fenqi.core.stress.StressResult;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * Maps in results keep a stable order. {@code Map.copyOf} iterates in an order that changes from one JVM to the next,
 * so {@code fenqi statement ingest} printed the same statement's lenders in a different order at each run, and the
 * REST service's JSON did too. The maps are filled here in the reverse of the order they must come out in, with
 * enough keys that a per-JVM order matches by chance once in 12! runs for the lenders.
 */
class CollectionOrderAndCopiesTest {

  @Test
  void aMonthListsItsLendersByNameAndItsIncomeByCategory() {
    Map<String, Money> lenders = new LinkedHashMap<>();
    for (int i = 12; i >= 1; i--) {
      lenders.put(String.format("lender-%02d", i), Money.ofFen(100L * i));
    }
    Map<TransactionCategory, Money> income = new LinkedHashMap<>();
    List<TransactionCategory> categories = new ArrayList<>(Arrays.asList(TransactionCategory.values()));
    categories.removeIf(c -> c == TransactionCategory.SALARY);
    java.util.Collections.reverse(categories);
    categories.forEach(c -> income.put(c, Money.ofFen(1)));
    Money z = Money.ofFen(0);
    MonthlySummary month = new MonthlySummary(YearMonth.of(2026, 5), z, z, z, income, z, z, z, z, z, z, lenders);

    List<String> names = new ArrayList<>(month.loanRepaymentsByPlatform().keySet());
    assertEquals(names.stream().sorted().toList(), names);
    List<TransactionCategory> order = new ArrayList<>(month.otherIncomeByCategory().keySet());
    assertEquals(order.stream().sorted().toList(), order);
    String json = FenqiJson.write(FenqiJson.newMapper(), month);
    assertTrue(json.indexOf("lender-01") < json.indexOf("lender-02") && json.indexOf("lender-11") < json.indexOf("lender-12"),
        json);

    lenders.clear(); // the record holds its own copy
    assertEquals(12, month.loanRepaymentsByPlatform().size());
    assertThrows(UnsupportedOperationException.class, () -> month.loanRepaymentsByPlatform().put("x", z));
  }

  @Test
  void notesComeInStrategyOrder() {
    Map<Strategy, String> notes = new LinkedHashMap<>();
    List<Strategy> reversed = new ArrayList<>(Arrays.asList(Strategy.values()));
    java.util.Collections.reverse(reversed);
    reversed.forEach(s -> notes.put(s, "note of " + s));
    ProposalSet set = new ProposalSet(List.of(), Optional.empty(), notes);
    assertEquals(Arrays.asList(Strategy.values()), new ArrayList<>(set.notes().keySet()));
  }

  /** A stress result's shares by driver come in the drivers' order, whatever order the tester gave them in. */
  @Test
  void driverSharesComeInDriverOrder() {
    Map<StressDriver, Double> shares = new LinkedHashMap<>();
    List<StressDriver> reversed = new ArrayList<>(Arrays.asList(StressDriver.values()));
    java.util.Collections.reverse(reversed);
    reversed.forEach(d -> shares.put(d, 0.0));
    StressResult r = new StressResult(0, OptionalDouble.empty(), Money.ZERO, RiskLevel.GREEN, Optional.empty(), shares,
        List.of(), Optional.empty());
    assertEquals(Arrays.asList(StressDriver.values()), new ArrayList<>(r.defaultsByDriver().keySet()));
  }

  @Test
  void keyIdsAreListedInOrder() {
    InMemoryKeyProvider keys = InMemoryKeyProvider.generate("k9", "k8", "k7", "k6", "k5", "k4", "k3", "k2", "k1");
    List<String> ids = new ArrayList<>(keys.keyIds());
    assertEquals(List.of("k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9"), ids);
  }

  /** The result's parts said "immutable" and held the caller's lists and maps. */
  @Test
  void aResultsPartsHoldTheirOwnCopies() {
    List<String> reasons = new ArrayList<>(List.of("overdueDays 0 < minOverdueDays 91"));
    NegotiationResult.Ineligible ineligible = new NegotiationResult.Ineligible("cf-1", reasons);
    reasons.add("added later");
    assertEquals(List.of("overdueDays 0 < minOverdueDays 91"), ineligible.reasons());

    List<io.github.fenqi.core.policy.EligibilityCheck> checks = new ArrayList<>();
    NegotiationResult.DebtEligibility eligibility = new NegotiationResult.DebtEligibility("cf-1", "p", "v1", true, checks);
    assertThrows(UnsupportedOperationException.class, () -> eligibility.checks().add(null));

    List<NegotiationResult.Scenario> scenarios = new ArrayList<>(List.of(new NegotiationResult.Scenario("s", true, null)));
    NegotiationResult.StressSummary stress = new NegotiationResult.StressSummary(io.github.fenqi.core.stress.RiskLevel.GREEN,
        0.01, 4.0, Money.ofFen(0), io.github.fenqi.core.stress.StressDriver.SHOCK_EXPENSE, null, scenarios);
    scenarios.clear();
    assertEquals(1, stress.scenarios().size());

    Map<String, Money> waived = new LinkedHashMap<>();
    waived.put("penaltyInterest", Money.ofFen(210_000));
    waived.put("compoundInterest", Money.ofFen(26_000));
    waived.put("lateFees", Money.ofFen(90_000));
    io.github.fenqi.core.schedule.Schedule schedule = io.github.fenqi.core.schedule.Amortizer.of(
        io.github.fenqi.core.schedule.RepaymentMethod.INTEREST_FREE, io.github.fenqi.core.money.Rate.ZERO,
        io.github.fenqi.core.money.Rate.ZERO).schedule(Money.ofFen(120_000), 12);
    NegotiationResult.DebtPlan plan = new NegotiationResult.DebtPlan("cc-1", "p", "v1", 12, Money.ofFen(0), waived,
        Money.ofFen(326_000), Money.ofFen(120_000), Money.ofFen(120_000), Money.ofFen(10_000), Money.ofFen(120_000),
        schedule.annualizedRate(), 0.5, schedule);
    waived.put("principal", Money.ofFen(1));
    assertEquals(List.of("penaltyInterest", "compoundInterest", "lateFees"), new ArrayList<>(plan.waived().keySet()));
    assertThrows(UnsupportedOperationException.class, () -> plan.waived().remove("lateFees"));
  }
}
