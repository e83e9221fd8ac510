package io.github.fenqi.rules;

import static io.github.fenqi.rules.RuleFixtures.CASE;
import static io.github.fenqi.rules.RuleFixtures.debt;
import static io.github.fenqi.rules.RuleFixtures.policyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.PolicyException;
import io.github.fenqi.core.borrower.Borrower;
import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.debt.DebtComponent;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.money.Ratio;
import io.github.fenqi.core.policy.EligibilityCheck;
import io.github.fenqi.core.policy.EligibilityDecision;
import io.github.fenqi.core.policy.EligibilityEvaluator;
import io.github.fenqi.core.policy.Policy;
import io.github.fenqi.core.policy.PolicyAdjustment;
import io.github.fenqi.core.solve.DebtTerms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EasyRulesEligibilityEvaluatorTest {
  @TempDir Path dir;

  private EligibilityDecision evaluate(EasyRulesEligibilityEvaluator e, Debt d, Borrower b) {
    return e.evaluate(d, b, policyOf(d), CASE.asOf());
  }

  private static List<EligibilityCheck> ruleChecks(EligibilityDecision combined, Debt d, Borrower b) {
    int block = EligibilityEvaluator.declarative().evaluate(d, b, policyOf(d), CASE.asOf()).checks().size();
    return combined.checks().subList(block, combined.checks().size());
  }

  @Test
  void workedExampleLongOverdueWithHardshipProofPassesTheRulesAsItIs() {
    try (var e = EasyRulesEligibilityEvaluator.openStrict(RuleFixtures.copyExample(dir))) {
      Debt cf = debt("cf-1"); // overdue 120 days, borrower has proof
      EligibilityDecision d = evaluate(e, cf, CASE.borrower());
      EligibilityDecision block = EligibilityEvaluator.declarative().evaluate(cf, CASE.borrower(), policyOf(cf),
          CASE.asOf());
      assertTrue(block.eligible());
      assertTrue(d.eligible());
      assertEquals(PolicyAdjustment.NONE, d.adjustment());
      List<EligibilityCheck> rules = ruleChecks(d, cf, CASE.borrower());
      assertEquals(3, rules.size());
      EligibilityCheck fired = rules.get(0);
      assertEquals("long-overdue-with-hardship-proof", fired.code());
      assertTrue(fired.passed());
      assertEquals("overdueDays=120, hasHardshipProof=true", fired.actual());
      assertTrue(fired.message().contains("applied: eligible()"), fired.message());
      assertTrue(rules.get(1).message().contains("not evaluated"), rules.get(1).message());
      assertEquals("BALANCE_TOO_SMALL", rules.get(1).code());
    }
  }

  @Test
  void platformRulesAddAdjustmentsToSharedRules() {
    try (var e = EasyRulesEligibilityEvaluator.openStrict(RuleFixtures.copyExample(dir))) {
      Debt ol = debt("ol-1"); // demo-online-lender, 45 days, 14 490.00 owed
      EligibilityDecision d = evaluate(e, ol, CASE.borrower());
      assertEquals(new PolicyAdjustment(Map.of(DebtComponent.INTEREST, Ratio.of("0.2")), Optional.empty(),
          Optional.of(Ratio.of("0.1"))), d.adjustment());
      assertEquals(List.of("_shared.yml:long-overdue-with-hardship-proof",
          "demo-online-lender.yml:recent-large-online-loan", "_shared.yml:small-balance",
          "_shared.yml:no-proof-tighter-terms"), e.ruleNames("demo-online-lender"));
      EligibilityCheck fired = ruleChecks(d, ol, CASE.borrower()).get(1);
      assertEquals("recent-large-online-loan", fired.code());
      assertEquals("debt.overdueDays=45, debt.totalOwed=14490.00", fired.actual());
      assertEquals(EligibilityEvaluator.declarative().evaluate(ol, CASE.borrower(), policyOf(ol), CASE.asOf()).eligible(),
          d.eligible());
    }
  }

  @Test
  void adjustmentsOfRulesCombineWithTheStricterValue() throws IOException {
    RuleFixtures.copyExample(dir);
    Borrower noProof = withProof(CASE.borrower(), false);
    try (var e = EasyRulesEligibilityEvaluator.openStrict(dir)) {
      Debt ol = debt("ol-1");
      EligibilityDecision d = evaluate(e, ol, noProof);
      assertEquals(new PolicyAdjustment(Map.of(DebtComponent.INTEREST, Ratio.of("0.2"), DebtComponent.PENALTY_INTEREST,
          Ratio.of("0.5")), Optional.of(24), Optional.of(Ratio.of("0.1"))), d.adjustment());
    }
  }

  /**
   * A rule cannot loosen its policy: a cap above the policy's, a longer maximum term, a lower down payment change
   * nothing in the terms the debt is planned under, and the rule's check says "no effect" with the policy's value —
   * it had read "applied: capWaiver("interest", 1)" as if the rule had raised the cap to all of the interest.
   */
  @Test
  void aRuleLooserThanThePolicyLeavesThePolicysTermsAndSaysSo() throws IOException {
    Debt ol = debt("ol-1");
    Policy policy = policyOf(ol); // demo-online-lender: interest cap 0.3, penalty interest 0.5, 3..24 months, 10 % down
    assertEquals("0.3", policy.waiverCap(DebtComponent.INTEREST).toString());
    assertEquals(24, policy.allowedTerms().get(policy.allowedTerms().size() - 1));
    assertEquals("0.1", policy.downPayment().minRatio().toString());
    Files.writeString(dir.resolve("_shared.yml"), """
        name: "loose"
        description: "looser than the policy on every term"
        priority: 1
        condition: "true"
        actions: ['capWaiver("interest", 1)', 'capWaiver("penaltyInterest", 0.5)', 'maxInstallments(360)',
          'minDownPayment(0)']
        ---
        name: "tight"
        description: "stricter than the policy"
        priority: 2
        condition: "true"
        actions: ['capWaiver("lateFees", 0.2)', 'maxInstallments(12)']
        """);
    try (var e = EasyRulesEligibilityEvaluator.openStrict(dir)) {
      EligibilityDecision d = evaluate(e, ol, CASE.borrower());
      List<EligibilityCheck> rules = ruleChecks(d, ol, CASE.borrower());
      assertEquals("rule 'loose' (_shared.yml) applied: "
          + "capWaiver(\"interest\", 1) (no effect: the policy's interest cap is 0.3, and a rule only tightens), "
          + "capWaiver(\"penaltyInterest\", 0.5) (no effect: the policy's penaltyInterest cap is 0.5, and a rule only "
          + "tightens), maxInstallments(360) (no effect: the policy's longest term is 24 installments, and a rule only "
          + "tightens), minDownPayment(0) (no effect: the policy's least down payment is 0.1, and a rule only tightens)",
          rules.get(0).message());
      assertEquals("rule 'tight' (_shared.yml) applied: capWaiver(\"lateFees\", 0.2), maxInstallments(12)",
          rules.get(1).message());

      DebtTerms terms = DebtTerms.of(ol, policy, d.adjustment(), true);
      DebtTerms tightOnly = DebtTerms.of(ol, policy, new PolicyAdjustment(Map.of(DebtComponent.LATE_FEES,
          Ratio.of("0.2")), Optional.of(12), Optional.empty()), true);
      assertEquals(tightOnly, terms, "the loose rule changed the terms");
      assertEquals(Ratio.of("0.3"), terms.waiverCap(DebtComponent.INTEREST));
      assertEquals(Ratio.of("0.1"), terms.minDownPaymentRatio());
      assertEquals(List.of(3, 6, 9, 12), terms.allowedTerms());
    }
  }

  /**
   * A rule that asks for exactly the policy's longest term or least down payment is no stricter: no effect; and a
   * rule reads the policy's waiver caps as the policy states them.
   */
  @Test
  void aRuleEqualToThePolicyHasNoEffectAndReadsItsCapsAsStated() throws IOException {
    Debt ol = debt("ol-1");
    Files.writeString(dir.resolve("_shared.yml"), """
        name: "same"
        description: "as strict as the policy"
        priority: 1
        condition: "true"
        actions: ['maxInstallments(24)', 'minDownPayment(0.1)']
        ---
        name: "capped"
        description: "reads the policy's own interest cap"
        priority: 2
        condition: "policy.interestWaiverCap == 0.3"
        actions: ['ineligible("CAP", "the interest cap is 0.3")']
        """);
    try (var e = EasyRulesEligibilityEvaluator.openStrict(dir)) {
      EligibilityDecision d = evaluate(e, ol, CASE.borrower());
      assertEquals("rule 'same' (_shared.yml) applied: maxInstallments(24) (no effect: the policy's longest term is 24 "
          + "installments, and a rule only tightens), minDownPayment(0.1) (no effect: the policy's least down payment is "
          + "0.1, and a rule only tightens)", ruleChecks(d, ol, CASE.borrower()).get(0).message());
      EligibilityCheck capped = ruleChecks(d, ol, CASE.borrower()).get(1);
      assertEquals("CAP", capped.code());
      assertEquals("policy.interestWaiverCap=0.3", capped.actual());
      assertFalse(d.eligible(), "a rule reads a waiver cap as the policy states it");
    }
  }

  /**
   * A debt several rules fail names every one of them among its reasons, after the block's, in the order the rules
   * run: by priority, then by file name, then by rule name — whatever order the files and rules were written in.
   */
  @Test
  void everyFailedRuleIsAReasonInPriorityThenFileThenNameOrder() throws IOException {
    Debt cc = debt("cc-1");
    Files.writeString(dir.resolve(cc.platformId() + ".yml"), """
        name: "own"
        description: "the lender's own"
        priority: 5
        condition: "true"
        actions: ['ineligible("OWN", "own rule")']
        """);
    Files.writeString(dir.resolve("_shared.yml"), """
        name: "zeta"
        description: "written first, runs after alpha of its priority"
        priority: 5
        condition: "true"
        actions: ['ineligible("ZETA", "zeta rule")']
        ---
        name: "alpha"
        description: "same priority as zeta"
        priority: 5
        condition: "true"
        actions: ['ineligible("ALPHA", "alpha rule")']
        ---
        name: "first"
        description: "the lowest priority number runs first"
        priority: 1
        condition: "overdueDays >= 0"
        actions: ['ineligible("FIRST", "first rule")']
        """);
    Files.writeString(dir.resolve("_shared.json"), """
        [{"name": "alpha", "description": "a JSON rule of the same name", "priority": 5, "condition": "true",
          "actions": ["ineligible(\\"JSON_ALPHA\\", \\"json alpha rule\\")"]}]
        """);
    try (var e = EasyRulesEligibilityEvaluator.openStrict(dir)) {
      EligibilityDecision d = evaluate(e, cc, CASE.borrower());
      assertFalse(d.eligible());
      List<EligibilityCheck> rules = ruleChecks(d, cc, CASE.borrower());
      assertEquals(5, rules.size());
      assertTrue(rules.stream().noneMatch(EligibilityCheck::passed), rules.toString());
      List<String> reasons = d.reasons();
      assertEquals(List.of(
          "first rule (rule 'first' in _shared.yml: overdueDays >= 0)",
          "json alpha rule (rule 'alpha' in _shared.json: true)",
          "alpha rule (rule 'alpha' in _shared.yml: true)",
          "zeta rule (rule 'zeta' in _shared.yml: true)",
          "own rule (rule 'own' in " + cc.platformId() + ".yml: true)"),
          reasons.subList(reasons.size() - 5, reasons.size()), "the rules' reasons come after the block's");
    }
  }

  /**
   * What the README promises a rule author about numbers and dates: money is yuan (the fen are two decimals, so
   * {@code totalOwed > 5000} is more than 5 000 yuan, not 50), {@code ==} compares values ({@code 5000.00 == 5000}),
   * and {@code daysSince} counts to the case's date, never the clock of the machine.
   */
  @Test
  void moneyInARuleIsYuanComparedByValueAndDaysCountToTheCaseDate() throws IOException {
    Files.writeString(dir.resolve("_shared.yml"), """
        name: "over-5000-yuan"
        description: "more than 5000 yuan"
        priority: 1
        condition: "totalOwed > 5000"
        actions: ['ineligible("OVER", "over 5000 yuan")']
        ---
        name: "exactly-5000-yuan"
        description: "exactly 5000 yuan"
        priority: 1
        condition: "debt.totalOwed == 5000"
        actions: ['ineligible("EXACT", "exactly 5000 yuan")']
        ---
        name: "since-november"
        description: "days from 1 November to the case date"
        priority: 1
        condition: "daysSince('2026-11-01') == 23"
        actions: ['ineligible("DAYS", "23 days since 1 November")']
        """);
    Debt cc = debt("cc-1");
    try (var e = EasyRulesEligibilityEvaluator.openStrict(dir)) {
      // 50.01 yuan is 5001 fen: a rule read in fen would find it over 5000
      Map<Money, List<String>> expected = Map.of(
          Money.of("5000.00"), List.of("24:EXACT", "24:DAYS", "25:EXACT"),
          Money.of("5000.01"), List.of("24:OVER", "24:DAYS", "25:OVER"),
          Money.ofFen(5001), List.of("24:DAYS"));
      for (Map.Entry<Money, List<String>> c : expected.entrySet()) {
        Debt d = new Debt("d", cc.platformId(), cc.productType(), c.getKey(), Money.ZERO, Money.ZERO, Money.ZERO,
            Money.ZERO, Money.ZERO, cc.annualRate(), 30);
        List<String> failed = new ArrayList<>();
        for (LocalDate asOf : List.of(LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 25))) {
          ruleChecks(e.evaluate(d, CASE.borrower(), policyOf(d), asOf), d, CASE.borrower()).stream()
              .filter(r -> !r.passed()).forEach(r -> failed.add(asOf.getDayOfMonth() + ":" + r.code()));
        }
        assertEquals(c.getValue(), failed, "owing " + c.getKey());
      }
    }
  }

  /**
   * The README's promise that only a division rounds: MVEL adds, subtracts and multiplies decimals to 34 significant
   * digits, so with a policy's interest cap of 38 decimals {@code cap * 1 == cap}, {@code cap + 0 == cap} and
   * {@code -(-cap) == cap} were false, and a debt of 123 456 789 012 345.67 yuan plus 10^-40 was not more than itself —
   * a comparison at a knife edge decided by rounding the rule's author was told does not happen.
   */
  @Test
  void additionSubtractionAndMultiplicationAreExact() throws IOException {
    String[] conditions = {
      "policy.interestWaiverCap * 1 == policy.interestWaiverCap",
      "policy.interestWaiverCap + 0 == policy.interestWaiverCap",
      "policy.interestWaiverCap - 0 == policy.interestWaiverCap",
      "-(-policy.interestWaiverCap) == policy.interestWaiverCap",
      "totalOwed + 0.0000000000000000000000000000000000000001 > totalOwed",
      "totalOwed * totalOwed - totalOwed * totalOwed == 0",
      "totalOwed * 3 - 1 / 3 * 3 == totalOwed * 3 - 0.9999999999999999999999999999999999",
    };
    writeHoldingRules("EXACT", conditions);
    Debt cc = debt("cc-1");
    Policy own = policyOf(cc);
    Policy.Waivers w = own.waivers();
    Policy policy = new Policy(own.schemaVersion(), own.platformId(), own.platformName(), own.productTypes(),
        own.version(), own.effectiveFrom(), own.effectiveTo(), own.eligibility(), own.installments(),
        new Policy.Waivers(w.principal(), Ratio.of("0.12345678901234567890123456789012345678"), w.penaltyInterest(),
            w.compoundInterest(), w.lateFees(), w.otherFees()), own.downPayment(), own.legalBasis(), own.source());
    Debt huge = new Debt("d", cc.platformId(), cc.productType(), Money.of("123456789012345.67"), Money.ZERO,
        Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, cc.annualRate(), 30);
    try (var e = EasyRulesEligibilityEvaluator.openStrict(dir)) {
      EligibilityDecision d = e.evaluate(huge, CASE.borrower(), policy, LocalDate.of(2026, 11, 24));
      List<String> held = ruleChecks(d, huge, CASE.borrower()).stream().filter(c -> !c.passed())
          .map(EligibilityCheck::code).sorted().toList();
      assertEquals(List.of("EXACT_0", "EXACT_1", "EXACT_2", "EXACT_3", "EXACT_4", "EXACT_5", "EXACT_6"), held,
          d.checks().toString());
    }
  }

  /**
   * A negative number in a condition is that number: {@code overdueDays - 125 > -10} holds for a debt 120 days
   * overdue, and a negated number multiplied by another ({@code -2 * 60}) is computed with its sign. No condition with
   * a negative number had been evaluated by any test: rendering {@code -10} as the negation of {@code -10B}, or folding
   * {@code -2 * 60} as {@code 2 * 60}, passed every test (mutation round 102, M20 and M22).
   */
  @Test
  void negativeNumbersInAConditionKeepTheirSign() throws IOException {
    String[] conditions = {"overdueDays - 125 > -10", "overdueDays + -2 * 60 == 0", "-(2 - 3) == 1",
      "overdueDays / (-2 + 2 + 1) == 120"};
    writeHoldingRules("NEGATIVE", conditions);
    Debt cf = debt("cf-1"); // 120 days overdue
    try (var e = EasyRulesEligibilityEvaluator.openStrict(dir)) {
      EligibilityDecision d = evaluate(e, cf, CASE.borrower());
      assertEquals(List.of("NEGATIVE_0", "NEGATIVE_1", "NEGATIVE_2", "NEGATIVE_3"), ruleChecks(d, cf, CASE.borrower())
          .stream().filter(c -> !c.passed()).map(EligibilityCheck::code).sorted().toList(), d.checks().toString());
    }
  }

  /**
   * Only {@code _shared*} files hold the rules of every debt: {@code _common.yml} is the file of a platform whose id
   * is {@code _common} (an id may begin with '_'), and its rules reach no other platform's debts. A mutant taking
   * every file beginning with '_' for a shared one passed every test (mutation round 102, M05).
   */
  @Test
  void aFileBeginningWithAnUnderscoreButNotSharedIsAPlatformsOwn() throws IOException {
    Files.writeString(dir.resolve("_common.yml"), """
        name: "common-only"
        description: "a rule of the platform _common"
        priority: 1
        condition: "true"
        actions: ['ineligible("COMMON", "platform _common only")']
        """);
    try (var e = EasyRulesEligibilityEvaluator.openStrict(RuleFixtures.copyExample(dir))) {
      assertEquals(List.of("_shared.yml:long-overdue-with-hardship-proof",
          "demo-online-lender.yml:recent-large-online-loan", "_shared.yml:small-balance",
          "_shared.yml:no-proof-tighter-terms"), e.ruleNames("demo-online-lender"));
      assertEquals(List.of("_common.yml:common-only", "_shared.yml:long-overdue-with-hardship-proof",
          "_shared.yml:small-balance", "_shared.yml:no-proof-tighter-terms"), e.ruleNames("_common"));
      Debt cf = debt("cf-1");
      assertTrue(evaluate(e, cf, CASE.borrower()).eligible());
    }
  }

  /**
   * A rule with an empty list of actions, a blank condition, or two {@code ineligible(...)} outcomes is a problem
   * naming the rule, the field and its line. None had been tested: a mutant taking {@code actions: []} (a rule that
   * fires and does nothing), one passing a blank condition to the parser (told "offending token '<end>'") and one
   * taking two outcomes (the second never recorded) passed every test (mutation round 102, M10, M11, M13).
   */
  @Test
  void aRuleWithNoActionsABlankConditionOrTwoOutcomesIsAProblem() throws IOException {
    Files.writeString(dir.resolve("_shared.yml"), """
        name: "no-actions"
        description: "does nothing"
        priority: 1
        condition: "overdueDays > 1"
        actions: []
        ---
        name: "blank-condition"
        description: "no condition written"
        priority: 1
        condition: "   "
        actions: ['eligible()']
        ---
        name: "two-outcomes"
        description: "two reasons at once"
        priority: 1
        condition: "overdueDays > 1"
        actions: ['ineligible("A", "a")', 'ineligible("B", "b")']
        """);
    assertEquals(List.of(
        "_shared.yml: rule 'no-actions': actions: must be a non-empty list of strings such as ineligible(\"CODE\", "
            + "\"why\") (line 5)",
        "_shared.yml: rule 'blank-condition': condition: is required and must be a string (line 10)",
        "_shared.yml: rule 'two-outcomes': actions: a rule records at most one of eligible() and ineligible(...) "
            + "(line 17)"), EasyRulesEligibilityEvaluator.check(dir).get(0).lines());
  }

  @Test
  void ineligibleRuleFailsWithItsReasonCodeAndTheValuesItRead() {
    try (var e = EasyRulesEligibilityEvaluator.openStrict(RuleFixtures.copyExample(dir))) {
      Debt cc = debt("cc-1");
      Debt small = new Debt("small", cc.platformId(), cc.productType(), Money.of("400.00"), Money.of("50.00"),
          Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, cc.annualRate(), 30);
      EligibilityDecision d = evaluate(e, small, CASE.borrower());
      assertFalse(d.eligible());
      EligibilityCheck failed = d.checks().stream().filter(c -> c.code().equals("BALANCE_TOO_SMALL")).findFirst()
          .orElseThrow();
      assertFalse(failed.passed());
      assertEquals("totalOwed=450.00", failed.actual());
      assertEquals("not (totalOwed < 500)", failed.required());
      assertTrue(d.reasons().stream().anyMatch(r -> r.startsWith("balances under 500 yuan are settled in full")),
          d.reasons().toString());
    }
  }

  @Test
  void ruleThatCannotBeEvaluatedHoldsTheDebtIneligible() throws IOException {
    Files.writeString(dir.resolve("_shared.yml"), """
        name: "principal-to-fees"
        description: "divides by the other fees, which may be zero"
        priority: 1
        condition: "debt.principal / debt.otherFees > 100"
        actions: ['ineligible("FEES_TOO_LOW", "fees are too low")']
        """);
    try (var e = EasyRulesEligibilityEvaluator.openStrict(dir)) {
      Debt cf = debt("cf-1"); // otherFees 300.00: evaluable
      assertTrue(evaluate(e, cf, CASE.borrower()).eligible());
      Debt cc = debt("cc-1"); // otherFees 0.00: division by zero
      EligibilityDecision d = evaluate(e, cc, CASE.borrower());
      assertFalse(d.eligible());
      EligibilityCheck error = d.checks().get(d.checks().size() - 1);
      assertEquals("RULE_ERROR", error.code());
      assertTrue(error.message().contains("rule 'principal-to-fees' (_shared.yml) could not be evaluated"),
          error.message());
    }
  }

  /**
   * A division by zero inside a function's argument reaches fenqi as MVEL's CompileException, which the evaluator took
   * for MVEL's optimizer failing and ran the condition again, 2000 times, MVEL logging each run with its stack trace:
   * one debt took about a second (five when cold) and 2000 warnings, and its check read "CompileException: [Error:
   * Division by zero] [Near : {... (fenqiMin(debt.principal, (tot ....}]". It runs once now and says why plainly.
   */
  @Test
  void aDivisionByZeroInAFunctionArgumentIsEvaluatedOnceAndNamedPlainly() throws IOException {
    writeSharedRule("fees-share", "abs(debt.lateFees / debt.otherFees) > 1", "maxInstallments(12)");
    java.util.logging.Logger mvel = java.util.logging.Logger.getLogger("org.mvel2");
    List<java.util.logging.LogRecord> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.logging.Handler counter = new java.util.logging.Handler() {
      @Override public void publish(java.util.logging.LogRecord r) {
        warnings.add(r);
      }

      @Override public void flush() {}

      @Override public void close() {}
    };
    mvel.addHandler(counter);
    try (var e = EasyRulesEligibilityEvaluator.openStrict(dir)) {
      Debt cc = debt("cc-1"); // otherFees 0.00: division by zero
      EligibilityDecision d = evaluate(e, cc, CASE.borrower());
      assertFalse(d.eligible());
      EligibilityCheck error = d.checks().get(d.checks().size() - 1);
      assertEquals("RULE_ERROR", error.code());
      assertEquals("rule 'fees-share' (_shared.yml) could not be evaluated (Division by zero); the debt is held "
          + "ineligible until it is fixed", error.message());
      assertTrue(warnings.size() <= 1, warnings.size() + " runs logged by MVEL");
    } finally {
      mvel.removeHandler(counter);
    }
  }

  @Test
  void functionsHardshipAndDatesWork() throws IOException {
    Files.writeString(dir.resolve("demo-credit-card.yml"), """
        name: "medical-since-2026"
        description: "medical hardship, policy year 2026 on"
        priority: 1
        condition: "hasHardship('MEDICAL') && daysSince('2026-01-01') >= 0 && max(debt.interest, 1) == debt.interest"
        actions: ["maxInstallments(12)"]
        """);
    try (var e = EasyRulesEligibilityEvaluator.openStrict(dir)) {
      EligibilityDecision d = evaluate(e, debt("cc-1"), CASE.borrower());
      assertEquals(Optional.of(12), d.adjustment().maxInstallments());
      EligibilityCheck fired = d.checks().get(d.checks().size() - 1);
      assertEquals("borrower.hardships=[JOB_CHANGE, MEDICAL], asOf.epochDay=20781, debt.interest=3600.00",
          fired.actual());
    }
  }

  @Test
  void strictReadingRejectsUnknownFieldsMissingPriorityAndCompositeRules() throws IOException {
    Files.writeString(dir.resolve("_shared.yml"), """
        name: "a"
        descriptoin: "typo"
        condition: "true"
        actions: ["eligible()"]
        ---
        name: "b"
        description: "composite"
        priority: 2
        compositeRuleType: "UnitRuleGroup"
        condition: "true"
        actions: ["eligible()"]
        """);
    List<String> problems = EasyRulesEligibilityEvaluator.check(dir).get(0).problems().stream()
        .map(Object::toString).toList();
    assertEquals(List.of(
        "_shared.yml: rule 'a': descriptoin: is not a rule field; expected [name, description, priority, condition, "
            + "actions] (line 2)",
        "_shared.yml: rule 'a': description: is required (a sentence for people) (in the rule at line 1)",
        "_shared.yml: rule 'a': priority: is required (lower runs first) (in the rule at line 1)",
        "_shared.yml: rule 'b': compositeRuleType: composite rules are not supported; write one rule per outcome "
            + "(line 9)"),
        problems);
  }

  @Test
  void ambiguousActionsAreRejected() throws IOException {
    Files.writeString(dir.resolve("_shared.yml"), """
        name: "both"
        description: "says eligible and ineligible"
        priority: 1
        condition: "true"
        actions: ["eligible()", 'ineligible("X", "no")']
        """);
    RuleFileReport r = EasyRulesEligibilityEvaluator.check(dir).get(0);
    assertEquals("_shared.yml: rule 'both': actions: a rule records at most one of eligible() and ineligible(...) "
        + "(line 5)", r.problems().get(0).toString());
  }

  @Test
  void jsonRuleFileDecidesAsItsYamlTwin() throws IOException {
    Debt ol = debt("ol-1");
    EligibilityDecision fromYaml;
    try (var e = EasyRulesEligibilityEvaluator.openStrict(RuleFixtures.copyExample(dir))) {
      fromYaml = evaluate(e, ol, CASE.borrower());
    }
    Files.delete(dir.resolve("demo-online-lender.yml"));
    Files.writeString(dir.resolve("demo-online-lender.json"), """
        [{"name": "recent-large-online-loan",
          "description": "Overdue less than 60 days on more than 10 000 yuan: 10% down and at most 20% of the interest waived",
          "priority": 5,
          "condition": "debt.overdueDays < 60 && debt.totalOwed > 10000",
          "actions": ["minDownPayment(0.1)", "capWaiver(\\"interest\\", 0.2)"]}]
        """);
    try (var e = EasyRulesEligibilityEvaluator.openStrict(dir)) {
      assertEquals(fromYaml.adjustment(), evaluate(e, ol, CASE.borrower()).adjustment());
      assertEquals(fromYaml.eligible(), evaluate(e, ol, CASE.borrower()).eligible());
      assertTrue(e.ruleNames("demo-online-lender").contains("demo-online-lender.json:recent-large-online-loan"));
    }
  }

  @Test
  void jsonRuleFileIsCheckedAsStrictlyAsYaml() throws IOException {
    Files.writeString(dir.resolve("_shared.json"), """
        [{"name": "a", "description": "unknown key", "priority": 1, "condition": "overdueDays > 1",
          "actions": ["eligible()"], "when": "always"},
         {"name": "b", "description": "reflection", "priority": 2,
          "condition": "overdueDays.getClass() != null", "actions": ["eligible()"]}]
        """);
    Files.writeString(dir.resolve("jd.json"), "[{\"name\": ");
    Files.writeString(dir.resolve("kd.json"), """
        [{"name": "exec", "description": "runs a program", "priority": 1,
          "condition": "Runtime.getRuntime().exec('id') != null", "actions": ["eligible()"]}]
        """);
    List<String> lines = EasyRulesEligibilityEvaluator.check(dir).stream().flatMap(r -> r.lines().stream()).toList();
    assertEquals(4, lines.size(), lines.toString());
    assertTrue(lines.get(0).startsWith("_shared.json: rule 'a': when: is not a rule field"), lines.get(0));
    // rule 'b' is checked too, though rule 'a' before it is malformed (it was not: one problem hid the other)
    assertTrue(lines.get(1).startsWith("_shared.json: rule 'b': condition: offending token 'getClass'"), lines.get(1));
    assertTrue(lines.get(2).startsWith("jd.json: is not a JSON rule-definition file"), lines.get(2));
    assertTrue(lines.get(3).startsWith("kd.json: rule 'exec': condition: offending token 'Runtime'"), lines.get(3));
  }

  /**
   * Every problem of a rule file at once: a rule missing its description still has its condition and actions checked,
   * a rule whose name repeats an earlier one's too, and a bad condition does not hide the actions' problems.
   */
  @Test
  void everyProblemOfARuleFileIsListedAtOnce() throws IOException {
    Files.writeString(dir.resolve("_shared.yml"), """
        name: "a"
        priority: 1
        condition: "noSuch > 90"
        actions:
          - 'capWaiver("interest", 1.5)'
        ---
        name: "b"
        description: "first b"
        priority: 2
        condition: "totalOwed > 0"
        actions:
          - "eligible()"
        ---
        name: "b"
        description: "second b"
        priority: 3
        condition: "totalOwed >> 0"
        actions:
          - "maxInstallments(0)"
        """);
    List<String> lines = EasyRulesEligibilityEvaluator.check(dir).stream().flatMap(r -> r.lines().stream()).toList();
    assertEquals(6, lines.size(), lines.toString());
    assertEquals("_shared.yml: rule 'a': description: is required (a sentence for people) (in the rule at line 1)",
        lines.get(0));
    assertTrue(lines.get(1).startsWith("_shared.yml: rule 'a': condition: offending token 'noSuch'"), lines.get(1));
    assertTrue(lines.get(2).startsWith("_shared.yml: rule 'a': actions[0]: offending token '1.5'"), lines.get(2));
    assertEquals("_shared.yml: rule 'b': the name is used by an earlier rule of the file (line 14)", lines.get(3));
    assertTrue(lines.get(4).startsWith("_shared.yml: rule 'b': condition: offending token '>>'"), lines.get(4));
    assertTrue(lines.get(5).startsWith("_shared.yml: rule 'b': actions[0]: offending token '0'"), lines.get(5));
  }

  /**
   * A ratio in an action with more decimals than a ratio holds (41) escaped the reader as core's bare
   * {@code ratio: '0.1…' has 41 decimals} — naming neither file nor rule, thrown by {@code check} and {@code open} and
   * never reported to the listeners — where every other bad action argument is a problem of its rule.
   */
  @Test
  void aRatioWithTooManyDecimalsIsAProblemOfItsRule() throws IOException {
    String tooFine = "0." + "1".repeat(41);
    Files.writeString(dir.resolve("_shared.yml"), """
        name: "fine-cap"
        description: "a cap written to 41 decimals"
        priority: 1
        condition: "overdueDays > 0"
        actions:
          - 'capWaiver("interest", %1$s)'
          - 'minDownPayment(%1$s)'
        """.formatted(tooFine));
    List<String> lines = EasyRulesEligibilityEvaluator.check(dir).stream().flatMap(r -> r.lines().stream()).toList();
    assertEquals(List.of(
        "_shared.yml: rule 'fine-cap': actions[0]: offending token '" + tooFine + "' at column 23: a ratio has at most "
            + "40 decimals (line 6)",
        "_shared.yml: rule 'fine-cap': actions[1]: offending token '" + tooFine + "' at column 16: a ratio has at most "
            + "40 decimals (line 7)"), lines);
    PolicyException e = assertThrows(PolicyException.class, () -> EasyRulesEligibilityEvaluator.openStrict(dir));
    assertTrue(e.getMessage().contains("_shared.yml: rule 'fine-cap': actions[0]"), e.getMessage());
    Files.writeString(dir.resolve("_shared.yml"), Files.readString(dir.resolve("_shared.yml")).replace(tooFine,
        "0." + "1".repeat(40)));
    assertEquals(List.of("OK  _shared.yml  1 rule"), EasyRulesEligibilityEvaluator.check(dir).stream()
        .flatMap(r -> r.lines().stream()).toList());
  }

  /**
   * A priority the reader takes as text ({@code 010}) or out of range hid the rule's condition: Easy Rules casts the
   * priority, so the rule became a placeholder and a condition calling {@code Runtime} was reported neither by
   * {@code check} nor at load, only once the priority was fixed. Both problems are listed now, by check and by open.
   */
  @Test
  void aMalformedPriorityDoesNotHideTheConditionsProblems() throws IOException {
    Files.writeString(dir.resolve("_shared.yml"), """
        name: "octal"
        description: "010 is read as text"
        priority: 010
        condition: "Runtime.getRuntime() != null"
        actions: ["eligible()"]
        ---
        name: "huge"
        description: "out of range"
        priority: 3000000000
        condition: "overdueDays >> 3"
        actions: ["maxInstallments(0)"]
        """);
    List<String> expected = List.of(
        "_shared.yml: rule 'octal': priority: '010' must be a whole number in plain decimal digits, unquoted",
        "_shared.yml: rule 'huge': priority: 3000000000 is out of range: a whole number from -2147483648 to 2147483647",
        "_shared.yml: rule 'octal': condition: offending token 'Runtime' at column 1",
        "_shared.yml: rule 'huge': condition: offending token '>>' at column 13",
        "_shared.yml: rule 'huge': actions[0]: offending token '0' at column 17");
    List<String> checked = EasyRulesEligibilityEvaluator.check(dir).stream().flatMap(r -> r.lines().stream()).toList();
    try (var e = EasyRulesEligibilityEvaluator.open(dir)) {
      List<String> loaded = e.loadProblems().stream().map(Object::toString).toList();
      for (List<String> lines : List.of(checked, loaded)) {
        assertEquals(expected.size(), lines.size(), lines.toString());
        for (int i = 0; i < expected.size(); i++) {
          assertTrue(lines.get(i).startsWith(expected.get(i)), lines.get(i));
        }
      }
    }
  }

  /**
   * A rule file saved by a Windows editor starts with a byte-order mark: a YAML file with one was read, a JSON file was
   * "not a JSON rule-definition file: ... Unexpected character ('\uFEFF' (code 65279 / 0xfeff))", though a policy
   * file with one is read. Both are read now, and a BOM anywhere else is still no part of the grammar.
   */
  @Test
  void aRuleFileStartingWithAByteOrderMarkIsRead() throws IOException {
    Files.writeString(dir.resolve("_shared.json"), "\uFEFF[{\"name\": \"r\", \"description\": \"d\", \"priority\": 1, "
        + "\"condition\": \"overdueDays > 1\", \"actions\": [\"maxInstallments(24)\"]}]");
    Files.writeString(dir.resolve("demo-online-lender.yml"), "\uFEFFname: r\ndescription: d\npriority: 1\n"
        + "condition: \"overdueDays > 1\"\nactions: [\"maxInstallments(24)\"]\n");
    Files.writeString(dir.resolve("demo-credit-card.json"), "[\uFEFF]");
    List<String> lines = EasyRulesEligibilityEvaluator.check(dir).stream().flatMap(r -> r.lines().stream()).toList();
    assertEquals(3, lines.size(), lines.toString());
    assertEquals("OK  _shared.json  1 rule", lines.get(0));
    assertTrue(lines.get(1).startsWith("demo-credit-card.json: is not a JSON rule-definition file"), lines.get(1));
    assertEquals("OK  demo-online-lender.yml  1 rule", lines.get(2));
  }

  /**
   * Every problem is one line naming the file and the rule: a name with a line break in it forged a line of the report
   * ({@code "a\nOK  fake.yml  9 rules"} printed "OK  fake.yml  9 rules' : condition: ..."), so did an unknown key, a
   * zero-width space made two names look alike, a right-to-left override in an ineligible() message reached every
   * report of the debt, and a key that is a number or null was a Java cast error or "NullPointerException".
   */
  @Test
  void problemsAreOneLineAndNamesAreVisibleText() throws IOException {
    String rest = "description: d\npriority: 1\ncondition: \"overdueDays > 1\"\nactions: [\"eligible()\"]\n";
    Files.writeString(dir.resolve("_shared.yml"), "name: \"a\\nOK  fake.yml  9 rules\"\n" + rest
        + "---\nname: \"r\\u200B\"\n" + rest
        + "---\nname: \"k\"\n\"x\\nOK  fake.yml  1 rule\": 1\n1: 2\n~: 3\n" + rest
        + "---\nname: \"m\"\ndescription: d\npriority: 1\ncondition: \"overdueDays > 1\"\n"
        + "actions: ['ineligible(\"X\", \"a\u202Eb\")']\n");
    List<String> lines = EasyRulesEligibilityEvaluator.check(dir).stream().flatMap(r -> r.lines().stream()).toList();
    assertEquals(List.of(
        "_shared.yml: rule #1: name: contains an invisible or control character (U+000A at position 2); it must be one "
            + "line of visible text (line 1)",
        "_shared.yml: rule #2: name: contains an invisible or control character (U+200B at position 2); it must be one "
            + "line of visible text (line 7)",
        "_shared.yml: rule 'k': x\\nOK  fake.yml  1 rule: is not a rule field; expected [name, description, priority, "
            + "condition, actions] (line 14)",
        "_shared.yml: rule 'k': 1: is not a rule field; expected [name, description, priority, condition, actions] "
            + "(line 15)",
        "_shared.yml: rule 'k': null: is not a rule field; expected [name, description, priority, condition, actions] "
            + "(line 16)",
        "_shared.yml: rule 'm': actions[0]: offending token 'U+202E' at column 19: strings may not contain backslashes, "
            + "the other quote, control or invisible characters (line 26)"), lines);
  }

  /**
   * A rule's name is at most 100 characters, as the README says: a name of 100 is taken, one of 101 is a problem naming
   * the rule by its place and line. Only the invisible characters of a name were checked; a limit of 101 went unseen.
   */
  @Test
  void aRuleNameOfAHundredCharactersIsTakenAndOneOfMoreIsNot() throws IOException {
    String rest = "description: d\npriority: 1\ncondition: \"overdueDays > 1\"\nactions: [\"eligible()\"]\n";
    Files.writeString(dir.resolve("_shared.yml"), "name: \"" + "n".repeat(100) + "\"\n" + rest);
    assertEquals(List.of("OK  _shared.yml  1 rule"),
        EasyRulesEligibilityEvaluator.check(dir).stream().flatMap(r -> r.lines().stream()).toList());
    Files.writeString(dir.resolve("_shared.yml"), "name: \"" + "n".repeat(100) + "\"\n" + rest
        + "---\nname: \"" + "m".repeat(101) + "\"\n" + rest);
    assertEquals(List.of("_shared.yml: rule #2: name: is 101 characters; at most 100 (line 7)"),
        EasyRulesEligibilityEvaluator.check(dir).stream().flatMap(r -> r.lines().stream()).toList());
  }

  /**
   * A {@code ---} after the last rule, or before a rule an operator commented out to disable it, is an empty YAML
   * document, and the file is rejected: the problem said only "rule #2: is empty", not where it came from or what to do.
   */
  @Test
  void anEmptyDocumentSaysWhereItCameFrom() throws IOException {
    Files.writeString(dir.resolve("_shared.yml"), """
        name: "r"
        description: "d"
        priority: 1
        condition: "overdueDays > 1"
        actions: ["eligible()"]
        ---
        # name: "disabled"
        """);
    Files.writeString(dir.resolve("_shared.json"), "[null]");
    List<String> lines = EasyRulesEligibilityEvaluator.check(dir).stream().flatMap(r -> r.lines().stream()).toList();
    assertEquals(List.of("_shared.json: rule #1: is null, not a rule object (line 1)",
        "_shared.yml: rule #2: is empty (a '---' with no rule after it, or only comments); delete that '---', or write "
            + "the rule"), lines);
  }

  /**
   * A rule file saved as GBK (its Chinese description) was "is not UTF-8 text", with no line; policy and lexicon files
   * name the line of the first byte that is not UTF-8, and the rule file does too now.
   */
  @Test
  void aRuleFileSavedAsGbkIsNamedWithItsLine() throws IOException {
    Files.write(dir.resolve("_shared.yml"), ("name: \"r\"\r\ndescription: \"逾期超过九十天\"\r\npriority: 1\r\n"
        + "condition: \"overdueDays > 90\"\r\nactions: [\"eligible()\"]\r\n").getBytes(java.nio.charset.Charset.forName("GBK")));
    List<String> lines = EasyRulesEligibilityEvaluator.check(dir).stream().flatMap(r -> r.lines().stream()).toList();
    assertEquals(List.of("_shared.yml:2: byte 0xD3 is not UTF-8 text (save the rule file as UTF-8, or convert it, e.g. "
        + "iconv -f GBK -t UTF-8)"), lines);
  }

  @Test
  void checkReportsOneOkLinePerValidFile() {
    RuleFixtures.copyExample(dir);
    List<String> lines = EasyRulesEligibilityEvaluator.check(dir).stream().flatMap(r -> r.lines().stream()).toList();
    assertEquals(List.of("OK  _shared.yml  3 rules", "OK  demo-online-lender.yml  1 rule"), lines);
  }

  /**
   * Two rules are two rules whatever their names: Easy Rules told rules apart by priority and a name alone, given as
   * {@code file:name}, so a rule {@code a.yml:r} of {@code _shared.yml} and a rule {@code r} of a file named
   * {@code _shared.yml:a.yml} (a name a file system allows) were one rule to it, and the second never ran, without a
   * word. Rules of one priority run by file name, then rule name.
   */
  @Test
  void rulesWhoseFileAndNameReadAlikeAreBothLive() throws IOException {
    Files.writeString(dir.resolve("_shared.yml"), """
        name: "a.yml:r"
        description: "the first rule"
        priority: 1
        condition: "true"
        actions: ['ineligible("FIRST", "the first rule")']
        """);
    Files.writeString(dir.resolve("_shared.yml:a.yml"), """
        name: "r"
        description: "the second rule"
        priority: 1
        condition: "true"
        actions: ['ineligible("SECOND", "the second rule")']
        """);
    try (EasyRulesEligibilityEvaluator e = EasyRulesEligibilityEvaluator.openStrict(dir)) {
      assertEquals(List.of("_shared.yml:a.yml:r", "_shared.yml:a.yml:r"), e.ruleNames("demo-online-lender"));
      Debt d = debt("ol-1");
      assertEquals(List.of("FIRST", "SECOND"), ruleChecks(evaluate(e, d, CASE.borrower()), d, CASE.borrower()).stream()
          .map(EligibilityCheck::code).toList());
    }
  }

  /**
   * A rule's description is a sentence for people: an empty or blank one is a problem, as a missing one is (only a
   * missing one had been tested, and a blank description could pass unseen).
   */
  @Test
  void aBlankDescriptionIsAProblemAsAMissingOneIs() throws IOException {
    for (String description : List.of("\"\"", "\"   \"")) {
      Files.writeString(dir.resolve("_shared.yml"), """
          name: "r"
          description: %s
          priority: 1
          condition: "overdueDays > 1"
          actions: ['eligible()']
          """.formatted(description));
      assertEquals(List.of("_shared.yml: rule 'r': description: is required (a sentence for people) (line 2)"),
          EasyRulesEligibilityEvaluator.check(dir).get(0).lines(), description);
    }
  }

  /**
   * A file holding a good rule and a broken one is reported with no rules ({@link RuleFileReport#rules()}: empty when
   * invalid), as none of its rules goes live: a file is applied whole or not at all. The reader's result had listed
   * the good rule beside the problems without any test noticing.
   */
  @Test
  void aFileWithABrokenRuleReportsNoneOfItsRulesAndNoneIsLive() throws IOException {
    Files.writeString(dir.resolve("_shared.yml"), """
        name: "good"
        description: "a good rule"
        priority: 1
        condition: "overdueDays > 1"
        actions: ['ineligible("GOOD", "a good rule fired")']
        ---
        name: "bad"
        description: "a broken rule"
        priority: 2
        condition: "overdueDays >"
        actions: ['eligible()']
        """);
    RuleFileReport report = EasyRulesEligibilityEvaluator.check(dir).get(0);
    assertFalse(report.valid());
    assertEquals(List.of(), report.rules());
    assertEquals(List.of("_shared.yml"), report.problems().stream().map(p -> p.location()).distinct().toList());
    try (EasyRulesEligibilityEvaluator e = EasyRulesEligibilityEvaluator.open(dir)) {
      assertEquals(List.of(), e.ruleNames("demo-online-lender"));
      assertEquals(report.problems(), e.loadProblems());
    }
  }

  /**
   * A rule file saved as {@code _shared.YML} (as some Windows tools name it) was passed over without a word, as any
   * file not named {@code *.yml}, {@code *.json} or {@code *.yaml} is: its rules were not live, and neither
   * {@code check} nor {@code openStrict} said so. Such a name is a load problem now, as a misnamed {@code .yaml} is.
   */
  @Test
  void aRuleFileNamedWithAnUpperCaseExtensionIsALoadProblem() throws IOException {
    RuleFixtures.copyExample(dir);
    Files.move(dir.resolve("_shared.yml"), dir.resolve("_shared.YML"));
    Files.writeString(dir.resolve("p.Json"), "[]");
    List<String> lines = EasyRulesEligibilityEvaluator.check(dir).stream().flatMap(r -> r.lines().stream()).toList();
    String ignored = "is ignored: rule files are named <platformId>.yml, _shared*.yml or the same in .json";
    assertEquals(List.of("_shared.YML: " + ignored, "OK  demo-online-lender.yml  1 rule", "p.Json: " + ignored), lines);
    PolicyException refused = assertThrows(PolicyException.class, () -> EasyRulesEligibilityEvaluator.openStrict(dir));
    assertEquals(List.of("_shared.YML: " + ignored, "p.Json: " + ignored),
        refused.problems().stream().map(Object::toString).toList());
  }

  /**
   * Easy Rules' readers took the last of two {@code condition:} keys (SnakeYAML's and Jackson's default), accepted a
   * JSON file with more after its array, read {@code priority: 010} as 8 (YAML 1.1 octal) and reported a document
   * that is not a rule as a Java cast error. Each is a problem naming the file now.
   */
  @Test
  void rulesFilesAreReadStrictly() throws IOException {
    Files.writeString(dir.resolve("_shared_a.yml"), """
        name: "twice"
        description: "the second condition used to win silently"
        priority: 1
        condition: "totalOwed < 0"
        condition: "true"
        actions: ['ineligible("ALL", "every debt")']
        """);
    Files.writeString(dir.resolve("_shared_b.json"), """
        [{"name": "twice", "description": "d", "priority": 1, "condition": "totalOwed < 0", "condition": "true",
          "actions": ["eligible()"]}]
        """);
    Files.writeString(dir.resolve("_shared_c.json"), """
        [{"name": "r", "description": "d", "priority": 1, "condition": "true", "actions": ["eligible()"]}]
        [{"name": "s", "description": "half of a second save", "priority": 2,
        """);
    Files.writeString(dir.resolve("_shared_d.yml"), """
        name: "octal"
        description: "010 is 8 in YAML 1.1"
        priority: 010
        condition: "true"
        actions: ["eligible()"]
        ---
        - "a list, not a rule"
        """);
    Files.writeString(dir.resolve("_shared_e.json"), "[[\"a\"], 3]");
    List<String> lines = EasyRulesEligibilityEvaluator.check(dir).stream().flatMap(r -> r.lines().stream()).toList();
    assertEquals(7, lines.size(), lines.toString());
    assertTrue(lines.get(0).startsWith("_shared_a.yml: is not a YAML rule-definition file: ")
        && lines.get(0).contains("found duplicate key condition") && lines.get(0).contains("line 5"), lines.get(0));
    // the key twice is named in its rule, the array's first element, as core names a key twice inside a JSON tree
    assertEquals("_shared_b.json: is not a JSON rule-definition file: [0]: field 'condition' appears twice (line 1); "
        + "keep one", lines.get(1));
    assertEquals("_shared_c.json: is not a JSON rule-definition file: there is more after the array of rules "
        + "(line 2, column 1)", lines.get(2));
    assertEquals("_shared_d.yml: rule 'octal': priority: '010' must be a whole number in plain decimal digits, "
        + "unquoted (line 3)", lines.get(3));
    assertEquals("_shared_d.yml: rule #2: is a list, not a rule (an object of [name, description, priority, condition, "
        + "actions]); a YAML rule file holds the rules themselves, one per document separated by '---', not a list "
        + "(line 7)", lines.get(4));
    assertEquals("_shared_e.json: rule #1: is a list, not a rule (an object of [name, description, priority, condition, "
        + "actions]) (line 1)", lines.get(5));
    assertEquals("_shared_e.json: rule #2: is a number, not a rule (an object of [name, description, priority, "
        + "condition, actions]) (line 1)", lines.get(6));
  }

  /**
   * A YAML file that holds its rules under a {@code rules:} key, or as a list, is told first that a YAML rule file is
   * its rules themselves, one per document separated by {@code ---}: the mapping under {@code rules:} had been checked
   * as a rule, "name: is required" and four more fields missing before "rules: is not a rule field". A document or a
   * JSON element with no rule field at all is told so once, not once per missing field.
   */
  @Test
  void aFileOfRulesUnderAKeyOrInAListIsToldWhatARuleFileHolds() throws IOException {
    Files.writeString(dir.resolve("_shared_a.yml"), """
        rules:
          - name: "long-overdue"
            description: "d"
            priority: 1
            condition: "overdueDays > 90"
            actions: ["eligible()"]
        """);
    Files.writeString(dir.resolve("_shared_b.yml"), """
        - name: "long-overdue"
          description: "d"
          priority: 1
          condition: "overdueDays > 90"
          actions: ["eligible()"]
        """);
    Files.writeString(dir.resolve("_shared_b2.yml"), """
        Name: "capitalised"
        Condition: "true"
        """);
    Files.writeString(dir.resolve("_shared_c.json"), """
        [{"rules": [{"name": "r", "description": "d", "priority": 1, "condition": "true", "actions": ["eligible()"]}],
          "version": 2}]
        """);
    List<String> lines = EasyRulesEligibilityEvaluator.check(dir).stream().flatMap(r -> r.lines().stream()).toList();
    String fields = "[name, description, priority, condition, actions]";
    assertEquals(List.of("_shared_a.yml: rule #1: is not a rule: no key of it ([rules]) is a rule field " + fields
        + "; a YAML rule file holds the rules themselves, one per document separated by '---', not a list under "
        + "'rules:' (line 1)",
        "_shared_b.yml: rule #1: is a list, not a rule (an object of " + fields + "); a YAML rule file holds the rules "
        + "themselves, one per document separated by '---', not a list (line 1)",
        "_shared_b2.yml: rule #1: is not a rule: no key of it ([Name, Condition]) is a rule field " + fields
        + " (line 1)",
        "_shared_c.json: rule #1: is not a rule: no key of it ([rules, version]) is a rule field " + fields
        + " (line 1)"), lines);
  }

  /**
   * A bare {@code priority: 010} was a problem, but one tagged {@code !!int} bypassed the decimal-only resolver: it
   * was read as octal 8 without a word ({@code !!int 0x10} as 16, {@code !!int 1:30} as 90), and {@code !!int 08}
   * failed the file with Java's "For input string: "8" under radix 8" and no line. Each is a priority problem naming
   * the rule and the line now; {@code !!int 10} is ten.
   */
  @Test
  void anIntTagDoesNotMakeAPriorityOctal() throws IOException {
    String rule = """
        name: "%s"
        description: "d"
        priority: %s
        condition: "true"
        actions: ["maxInstallments(12)"]
        """;
    Files.writeString(dir.resolve("_shared.yml"), String.join("---\n", rule.formatted("octal", "!!int 010"),
        rule.formatted("eight", "!!int 08"), rule.formatted("hex", "!!int 0x10"), rule.formatted("ten", "!!int 10")));
    List<String> lines = EasyRulesEligibilityEvaluator.check(dir).stream().flatMap(r -> r.lines().stream()).toList();
    String why = "must be a whole number in plain decimal digits (YAML 1.1 reads 010 as octal 8, 0x10 as 16, 1:30 as 90)";
    assertEquals(List.of("_shared.yml: rule 'octal': priority: !!int '010' (line 3) " + why,
        "_shared.yml: rule 'eight': priority: !!int '08' (line 9) " + why,
        "_shared.yml: rule 'hex': priority: !!int '0x10' (line 15) " + why), lines);

    Files.writeString(dir.resolve("_shared.yml"), rule.formatted("ten", "!!int 10"));
    try (var e = EasyRulesEligibilityEvaluator.openStrict(dir)) {
      assertEquals(List.of("_shared.yml:ten"), e.ruleNames("any"));
    }
  }

  /**
   * A YAML tag on a value it cannot build failed the file with Java's words and no line: {@code priority: !!int []}
   * with "class org.yaml.snakeyaml.nodes.SequenceNode cannot be cast to class org.yaml.snakeyaml.nodes.ScalarNode
   * (... in unnamed module of loader 'app')", {@code !!float x} with "For input string: "x"".
   */
  @Test
  void aTaggedValueThatCannotBeBuiltIsNamedWithItsLine() throws IOException {
    String rule = """
        name: "r"
        description: "d"
        priority: %s
        condition: "true"
        actions: ["eligible()"]
        """;
    Files.writeString(dir.resolve("_shared_a.yml"), rule.formatted("!!int []"));
    Files.writeString(dir.resolve("_shared_b.yml"), "\n" + rule.formatted("!!float x"));
    Files.writeString(dir.resolve("_shared_c.yml"), rule.formatted("!!set 1"));
    List<String> lines = EasyRulesEligibilityEvaluator.check(dir).stream().flatMap(r -> r.lines().stream()).toList();
    String file = "is not a YAML rule-definition file: ";
    String inRule = "; in the rule 'r' (from line ";
    assertEquals(List.of("_shared_a.yml: " + file + "a list tagged !!int cannot be read as that type (line 3, "
        + "column 11)" + inRule + "1)",
        "_shared_b.yml: " + file + "'x' tagged !!float cannot be read as that type (line 4, column 11)" + inRule + "2)",
        "_shared_c.yml: " + file + "'1' tagged !!set cannot be read as that type (line 3, column 11)" + inRule + "1)"),
        lines);
  }

  /** In a condition and in an action a number is decimal whatever its leading zeros: {@code 090} is ninety. */
  @Test
  void aLeadingZeroInAConditionOrActionIsDecimal() throws IOException {
    Files.writeString(dir.resolve("_shared.yml"), """
        name: "r"
        description: "d"
        priority: 1
        condition: "overdueDays > 0100 && overdueDays < 0121"
        actions: ["maxInstallments(012)"]
        """);
    try (var e = EasyRulesEligibilityEvaluator.openStrict(dir)) {
      Debt cf = debt("cf-1"); // overdue 120 days
      EligibilityDecision d = evaluate(e, cf, CASE.borrower());
      assertEquals(Optional.of(12), d.adjustment().maxInstallments(), d.toString());
    }
  }

  /**
   * A file the parser cannot read is named in the user's terms, as a policy file is: Jackson's message named its own
   * settings ("[Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1]") and
   * SnakeYAML's its stream ("in 'reader'") and a caret snippet.
   */
  @Test
  void anUnreadableFileIsNamedWithoutTheParsersInternals(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("jd.json"), "{\n");
    Files.writeString(dir.resolve("kd.yml"), "name: [r,\n");
    List<String> lines = EasyRulesEligibilityEvaluator.check(dir).stream().flatMap(r -> r.lines().stream()).toList();
    assertEquals(List.of("jd.json: is not a JSON rule-definition file: line 2: malformed JSON: Unexpected end-of-input: "
            + "expected close marker for Object (opened at line 1, column 1)",
        "kd.yml: is not a YAML rule-definition file: expected the node content, but found '<stream end>' (line 2, "
            + "column 1), while parsing a flow node"), lines);
  }

  /**
   * {@code eligible()} passed over every later rule, those of its own priority too, and Easy Rules orders equal
   * priorities by name: an eligible() rule named "a-pass" beat an ineligible() rule named "b-block" of the same
   * priority, and renaming it "c-pass" reversed the decision. Only rules of lower priority are passed over now.
   */
  @Test
  void equalPriorityRulesDecideTheSameWhateverTheirNames() throws IOException {
    Debt cc = debt("cc-1");
    for (String passName : List.of("a-pass", "c-pass")) {
      Files.writeString(dir.resolve("_shared.yml"), """
          name: "%s"
          description: "passes every debt"
          priority: 5
          condition: "true"
          actions: ["eligible()"]
          ---
          name: "b-block"
          description: "blocks debts over 1000 yuan"
          priority: 5
          condition: "totalOwed > 1000"
          actions: ['ineligible("BLOCKED", "over 1000 yuan")']
          ---
          name: "d-later"
          description: "lower priority: passed over once a rule above passed the debt"
          priority: 6
          condition: "true"
          actions: ["maxInstallments(6)"]
          """.formatted(passName));
      try (var e = EasyRulesEligibilityEvaluator.openStrict(dir)) {
        EligibilityDecision d = evaluate(e, cc, CASE.borrower());
        assertFalse(d.eligible(), passName + ": " + d.checks());
        assertTrue(d.checks().stream().anyMatch(c -> c.code().equals("BLOCKED") && !c.passed()), passName);
        assertEquals(PolicyAdjustment.NONE, d.adjustment(), passName);
      }
    }
  }

  /**
   * A condition nested nearly as deep as the parser accepts (63 of 64 levels) is evaluated on a thread with a 256 KiB
   * stack (a rule of 600 chained operators used to be accepted and threw StackOverflowError there, out of the
   * evaluator).
   */
  @Test
  void theMostNestedAcceptedConditionEvaluatesOnASmallStack() throws Exception {
    String deepest = "overdueDays" + "+1".repeat(56) + " < 0 || " + String.join(" || ",
        java.util.Collections.nCopies(60, "productType == 'BANK_LOAN'"));
    writeSharedRule("deep", deepest, "ineligible(\"DEEP\", \"deep\")");
    try (var e = EasyRulesEligibilityEvaluator.openStrict(dir)) {
      Debt cc = debt("cc-1");
      java.util.concurrent.atomic.AtomicReference<Object> outcome = new java.util.concurrent.atomic.AtomicReference<>();
      Thread small = new Thread(null, () -> {
        try {
          outcome.set(evaluate(e, cc, CASE.borrower()));
        } catch (Throwable t) {
          outcome.set(t);
        }
      }, "small-stack", 256 * 1024);
      small.start();
      small.join();
      EligibilityDecision d = org.junit.jupiter.api.Assertions.assertInstanceOf(EligibilityDecision.class, outcome.get());
      assertTrue(d.eligible(), d.checks().toString());
      assertTrue(d.checks().get(d.checks().size() - 1).message().contains("does not apply"));
    }
  }

  /**
   * MVEL replaces an accessor by generated bytecode after 50 runs within 100 ms, and cannot generate it for a call
   * with a number literal argument: the 51st evaluation of a rule using {@code min(debt.principal, 100)} in a batch
   * came out as RULE_ERROR and held that one debt ineligible. Every evaluation of the batch must decide the same.
   */
  @Test
  void functionsWithNumberArgumentsDecideTheSameOnEveryEvaluation() throws IOException {
    writeSharedRule("capped",
        "min(debt.principal, 100) > 0 && max(-1, overdueDays) >= abs(-2) && min(1 + 2, totalOwed) == 3",
        "maxInstallments(24)");
    try (var e = EasyRulesEligibilityEvaluator.openStrict(dir)) {
      Debt cc = debt("cc-1");
      EligibilityDecision first = evaluate(e, cc, CASE.borrower());
      assertEquals(Optional.of(24), first.adjustment().maxInstallments(), first.checks().toString());
      for (int i = 2; i <= 200; i++) {
        EligibilityDecision d = evaluate(e, cc, CASE.borrower());
        assertEquals(first, d, "evaluation " + i + ": " + d.checks().get(d.checks().size() - 1));
      }
    }
  }

  /**
   * A condition written over several lines (a YAML block scalar) had its offending token named by its character
   * count from the start of the condition ("column 32" for the 13th character of its second line).
   */
  @Test
  void aConditionOverSeveralLinesIsNamedByLineAndColumn() throws IOException {
    Files.writeString(dir.resolve("_shared.yml"), """
        name: "two-lines"
        description: "a long condition, folded by hand"
        priority: 1
        condition: |
          overdueDays > 90 &&
          overdueDays ? 1 : 0
        actions: ["eligible()"]
        """);
    assertEquals(List.of("_shared.yml: rule 'two-lines': condition: offending token '?' at line 2, column 13: the "
        + "conditional operator is not allowed (use && and ||) (the condition from line 5)"),
        EasyRulesEligibilityEvaluator.check(dir).get(0).problems().stream().map(Object::toString).toList());
  }

  /**
   * A division by a constant zero is found while MVEL compiles the condition; the problem quoted MVEL's rendering and a
   * column in it ("[Near : {... ((1B / 0B) > 0B) ....}] ^ [Line: 1, Column: 8]"), text the rule's author never wrote.
   */
  @Test
  void aConstantDivisionByZeroIsNamedInTheRulesTerms() throws IOException {
    writeSharedRule("zero", "overdueDays > 1 / (2 - 2)", "eligible()");
    assertEquals(List.of("_shared.yml: rule 'zero': condition: a part made only of numbers cannot be computed (Division "
        + "by zero) (line 4)"), EasyRulesEligibilityEvaluator.check(dir).get(0).problems().stream().map(Object::toString)
        .toList());
  }

  /**
   * A division of a fact by a divisor made only of numbers that is zero is refused by the check too: MVEL finds it only
   * when both sides are numbers, so {@code debt.principal / 0 > 1} passed {@code fenqi rules check} and held every debt
   * it was evaluated for ineligible with {@code RULE_ERROR}.
   */
  @Test
  void aFactDividedByAConstantZeroIsRefusedByTheCheck() throws IOException {
    String rest = "description: d\npriority: 1\nactions: [\"eligible()\"]\n";
    Files.writeString(dir.resolve("_shared.yml"), "name: a\ncondition: \"debt.principal / 0 > 1\"\n" + rest
        + "---\nname: b\ncondition: \"overdueDays > 30 && overdueDays % (2 - 2) == 0\"\n" + rest
        + "---\nname: c\ncondition: \"debt.principal / 0.5 > 1 && overdueDays % -1 == 0\"\n" + rest);
    assertEquals(List.of(
        "_shared.yml: rule 'a': condition: offending token '/' at column 16: divides by zero: the divisor is always 0, "
            + "so the rule could never be evaluated (line 2)",
        "_shared.yml: rule 'b': condition: offending token '%' at column 33: divides by zero: the divisor is always 0, "
            + "so the rule could never be evaluated (line 8)"),
        EasyRulesEligibilityEvaluator.check(dir).get(0).problems().stream().map(Object::toString).toList());
  }

  /**
   * A rule's problems name the line of the part at fault, as a policy file's do: they had named the file, the rule and
   * the field but no line, and a shared file of dozens of rules left the author to search for the rule by its name. A
   * part the rule lacks is placed by the rule's first line; a JSON file's lines are its elements' and values', a YAML
   * block scalar's the line after its {@code |}.
   */
  @Test
  void aRulesProblemsNameTheirLines() throws IOException {
    Files.writeString(dir.resolve("_shared.json"), """
        [
          {"name": "first", "description": "d", "priority": 1, "condition": "overdueDays > 1",
           "actions": ["eligible()"]},
          {"name": "second",
           "priority": 2,
           "condition": "overdueDays >>> 1",
           "actions": [
             "eligible()",
             "maxInstallments(0)"]}
        ]
        """);
    Files.writeString(dir.resolve("_shared.yml"), """
        # a comment first
        name: "third"
        description: >
          folded
        priority: 3
        condition: "overdueDays > 1"
        actions:
          - "eligible()"
        ---

        name: "fourth"
        description: "d"
        priority: 4
        condition: |
          overdueDays > 1 &&
          noSuch > 2
        actions: ["eligible()", 'ineligible("X", "y")']
        """);
    List<String> lines = EasyRulesEligibilityEvaluator.check(dir).stream().flatMap(r -> r.lines().stream()).toList();
    assertEquals(5, lines.size(), lines.toString());
    assertEquals("_shared.json: rule 'second': description: is required (a sentence for people) (in the rule at line 4)",
        lines.get(0));
    assertTrue(lines.get(1).startsWith("_shared.json: rule 'second': condition: offending token '>>'")
        && lines.get(1).endsWith(" (line 6)"), lines.get(1));
    assertTrue(lines.get(2).startsWith("_shared.json: rule 'second': actions[1]: ") && lines.get(2).endsWith(" (line 9)"),
        lines.get(2));
    assertTrue(lines.get(3).startsWith("_shared.yml: rule 'fourth': condition: offending token 'noSuch' at line 2, column "
        + "1: ") && lines.get(3).endsWith(" (the condition from line 15)"), lines.get(3));
    assertEquals("_shared.yml: rule 'fourth': actions: a rule records at most one of eligible() and ineligible(...) "
        + "(line 17)", lines.get(4));
  }

  /**
   * A YAML file that does not parse (a tab indenting a list, as an editor inserts it) names the rule whose document
   * holds the line at fault, as every other problem of a rule does: it had named the file and the line alone, and in
   * a shared file of dozens of rules the author searched for the rule by counting lines.
   */
  @Test
  void aYamlSyntaxErrorNamesTheRuleItIsIn() throws IOException {
    Files.writeString(dir.resolve("_shared.yml"), """
        name: "first"
        description: "a good rule"
        priority: 1
        condition: "overdueDays > 1"
        actions: ["eligible()"]
        ---
        # the second rule
        name: 'tabbed'
        description: "a tab indents its action"
        priority: 2
        condition: "overdueDays > 1"
        actions:
        \t- "eligible()"
        """);
    assertEquals(List.of("_shared.yml: is not a YAML rule-definition file: found character '\\t(TAB)' that cannot "
        + "start any token. (Do not use \\t(TAB) for indentation) (line 13, column 1), while scanning for the next "
        + "token; in the rule 'tabbed' (from line 8)"), EasyRulesEligibilityEvaluator.check(dir).get(0).lines());
  }

  /**
   * Writes {@code _shared.yml} holding one rule of priority 1 per condition, the i-th ineligible with the code
   * {@code CODE_i} when its condition holds.
   */
  private void writeHoldingRules(String code, String... conditions) throws IOException {
    StringBuilder rules = new StringBuilder();
    for (int i = 0; i < conditions.length; i++) {
      rules.append(i == 0 ? "" : "---\n").append("""
          name: "%3$s-%1$d"
          description: "holds %1$d"
          priority: 1
          condition: "%2$s"
          actions: ['ineligible("%3$s_%1$d", "holds")']
          """.formatted(i, conditions[i], code));
    }
    Files.writeString(dir.resolve("_shared.yml"), rules);
  }

  /** Writes {@code _shared.yml} holding one rule of priority 1. */
  private void writeSharedRule(String name, String condition, String action) throws IOException {
    Files.writeString(dir.resolve("_shared.yml"), """
        name: "%s"
        description: "a test rule"
        priority: 1
        condition: "%s"
        actions: ['%s']
        """.formatted(name, condition, action));
  }

  static Borrower withProof(Borrower b, boolean proof) {
    return new Borrower(b.name(), b.idNumber(), b.mobile(), b.regionCode(), b.householdSize(), b.monthlyNetIncome(),
        b.essentialExpenses(), b.liquidSavings(), b.hardships(), proof);
  }
}
