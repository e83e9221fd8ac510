package io.github.fenqi.rules;

import static io.github.fenqi.rules.RuleFixtures.CASE;
import static io.github.fenqi.rules.RuleFixtures.debt;
import static io.github.fenqi.rules.RuleFixtures.policyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.fenqi.core.borrower.Borrower;
import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.debt.DebtComponent;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.policy.EligibilityCheck;
import io.github.fenqi.core.policy.EligibilityDecision;
import io.github.fenqi.core.policy.Policy;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every fact of the README's table holds the value it names, read from the debt, borrower, policy and case date: a
 * rule {@code fact == value} per fact fires, with money in yuan. The sample online loan and its policy are used with a
 * borrower whose figures differ from each other (three in the household, two hardships, no proof under a policy that
 * asks for none), so that a fact holding a neighbour's value does not fire.
 */
class FactValuesTest {
  @TempDir Path dir;

  @Test
  void eachDocumentedFactHoldsItsValue() throws IOException {
    Debt debt = debt("ol-1");
    Policy policy = policyOf(debt);
    Borrower b = CASE.borrower();
    Borrower borrower = new Borrower(b.name(), b.idNumber(), b.mobile(), b.regionCode(), 3, b.monthlyNetIncome(),
        b.essentialExpenses(), b.liquidSavings(), b.hardships(), false);
    LocalDate asOf = LocalDate.of(2026, 11, 24);

    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("debt.id", quoted(debt.id()));
    facts.put("debt.platformId", quoted(debt.platformId()));
    facts.put("debt.productType", quoted(debt.productType().name()));
    for (DebtComponent c : DebtComponent.values()) {
      facts.put("debt." + c.jsonName(), yuan(debt.amount(c)));
    }
    facts.put("debt.totalOwed", yuan(debt.totalOwed()));
    facts.put("debt.annualRate", debt.annualRate().value().toPlainString());
    facts.put("debt.overdueDays", Integer.toString(debt.overdueDays()));
    facts.put("borrower.regionCode", quoted(borrower.regionCode()));
    facts.put("borrower.householdSize", "3");
    facts.put("borrower.liquidSavings", yuan(borrower.liquidSavings()));
    facts.put("borrower.hardshipCount", Integer.toString(borrower.hardships().size()));
    facts.put("borrower.hasHardshipProof", "false");
    facts.put("policy.platformId", quoted(policy.platformId()));
    facts.put("policy.version", quoted(policy.version()));
    facts.put("policy.minOverdueDays", Integer.toString(policy.eligibility().minOverdueDays()));
    facts.put("policy.minOutstanding", yuan(policy.eligibility().minOutstanding()));
    facts.put("policy.minInstallments", Integer.toString(policy.installments().min()));
    facts.put("policy.maxInstallments", Integer.toString(policy.installments().max()));
    facts.put("policy.installmentStep", Integer.toString(policy.installments().step()));
    facts.put("policy.annualRate", policy.installments().annualRate().value().toPlainString());
    facts.put("policy.monthlyFeeRate", policy.installments().monthlyFeeRate().value().toPlainString());
    facts.put("policy.minDownPaymentRatio", policy.downPayment().minRatio().value().toPlainString());
    for (DebtComponent c : DebtComponent.values()) {
      facts.put("policy." + c.jsonName() + "WaiverCap", policy.waiverCap(c).value().toPlainString());
    }
    facts.put("policy.requiresHardshipProof", Boolean.toString(policy.eligibility().requiresHardshipProof()));
    facts.put("asOf.year", "2026");
    facts.put("asOf.month", "11");
    facts.put("asOf.dayOfMonth", "24");
    facts.put("asOf.epochDay", Long.toString(asOf.toEpochDay()));
    facts.put("overdueDays", Integer.toString(debt.overdueDays()));
    facts.put("totalOwed", yuan(debt.totalOwed()));
    facts.put("hasHardshipProof", "false");
    facts.put("productType", quoted(debt.productType().name()));
    facts.put("platformId", quoted(debt.platformId()));
    // the figures must tell neighbours apart, or a fact holding the wrong one would fire too
    assertEquals(List.of("3", "2"), List.of(facts.get("borrower.householdSize"), facts.get("borrower.hardshipCount")));

    List<String> names = new ArrayList<>(facts.keySet());
    writeRules(names.stream().map(n -> n + " == " + facts.get(n)).toList());
    try (var e = EasyRulesEligibilityEvaluator.openStrict(dir)) {
      EligibilityDecision d = e.evaluate(debt, borrower, policy, asOf);
      List<String> notFired = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        String code = "RULE_" + i;
        if (!fired(d, i)) {
          notFired.add(names.get(i) + " == " + facts.get(names.get(i)) + " " + d.checks().stream()
              .filter(c -> c.code().equals(code)).map(EligibilityCheck::actual).toList());
        }
      }
      assertEquals(List.of(), notFired);
    }
  }

  /** Writes {@code _shared.yml}: rule {@code rule-i} of priority 1 fails with code {@code RULE_i} when condition i holds. */
  private void writeRules(List<String> conditions) throws IOException {
    StringBuilder rules = new StringBuilder();
    for (int i = 0; i < conditions.size(); i++) {
      rules.append(i == 0 ? "" : "---\n").append("""
          name: "rule-%d"
          description: "a rule of this test"
          priority: 1
          condition: "%s"
          actions: ['ineligible("RULE_%d", "fired")']
          """.formatted(i, conditions.get(i), i));
    }
    Files.writeString(dir.resolve("_shared.yml"), rules.toString());
  }

  /** Whether rule {@code i} of {@link #writeRules} fired for the decision {@code d}. */
  private static boolean fired(EligibilityDecision d, int i) {
    return d.checks().stream().anyMatch(c -> c.code().equals("RULE_" + i) && !c.passed());
  }

  private static String quoted(String s) {
    return "'" + s + "'";
  }

  private static String yuan(Money m) {
    return BigDecimal.valueOf(m.fen(), 2).toPlainString();
  }

  /**
   * The functions compute what they are named: {@code hasHardship} holds for a hardship the borrower declared and for
   * no other (none declared: none holds), {@code abs} of a negative amount is the amount, {@code min} and {@code max}
   * the lesser and the greater.
   */
  @Test
  void theFunctionsComputeWhatTheyAreNamed() throws IOException {
    Map<String, Boolean> conditions = new LinkedHashMap<>();
    conditions.put("hasHardship('MEDICAL')", false);
    conditions.put("hasHardship('JOB_CHANGE')", true);
    conditions.put("abs(0 - debt.principal) == debt.principal", true);
    conditions.put("abs(debt.principal) == debt.principal", true);
    conditions.put("min(debt.principal, debt.interest) == debt.interest", true);
    conditions.put("max(debt.principal, debt.interest) == debt.principal", true);
    List<String> written = new ArrayList<>(conditions.keySet());
    writeRules(written);
    Debt debt = debt("cc-1");
    Borrower b = CASE.borrower();
    Map<String, Borrower> borrowers = Map.of(
        "none declared", new Borrower(b.name(), b.idNumber(), b.mobile(), b.regionCode(), b.householdSize(),
            b.monthlyNetIncome(), b.essentialExpenses(), b.liquidSavings(), List.of(), b.hasHardshipProof()),
        "job change", new Borrower(b.name(), b.idNumber(), b.mobile(), b.regionCode(), b.householdSize(),
            b.monthlyNetIncome(), b.essentialExpenses(), b.liquidSavings(),
            List.of(io.github.fenqi.core.borrower.Hardship.JOB_CHANGE), b.hasHardshipProof()));
    try (var e = EasyRulesEligibilityEvaluator.openStrict(dir)) {
      for (Map.Entry<String, Borrower> borrower : borrowers.entrySet()) {
        EligibilityDecision d = e.evaluate(debt, borrower.getValue(), policyOf(debt), CASE.asOf());
        Map<String, Boolean> fired = new LinkedHashMap<>();
        for (int i = 0; i < written.size(); i++) {
          fired.put(written.get(i), fired(d, i));
        }
        Map<String, Boolean> expected = new LinkedHashMap<>(conditions);
        if (borrower.getKey().equals("none declared")) {
          expected.put("hasHardship('JOB_CHANGE')", false);
        }
        assertEquals(expected, fired, borrower.getKey());
      }
    }
  }
}
