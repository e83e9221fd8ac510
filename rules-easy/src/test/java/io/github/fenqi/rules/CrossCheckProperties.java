package io.github.fenqi.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.fenqi.core.borrower.Borrower;
import io.github.fenqi.core.borrower.Hardship;
import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.debt.ProductType;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.money.Rate;
import io.github.fenqi.core.money.Ratio;
import io.github.fenqi.core.policy.EligibilityCheck;
import io.github.fenqi.core.policy.EligibilityDecision;
import io.github.fenqi.core.policy.EligibilityEvaluator;
import io.github.fenqi.core.policy.Policy;
import io.github.fenqi.core.policy.PolicyAdjustment;
import io.github.fenqi.core.schedule.RepaymentMethod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The Easy Rules evaluator against the built-in one on random policies, debts and borrowers: without rule
 * files it decides exactly as the built-in; with the policy block re-written as rules (test resource
 * {@code rules/mirror}), the rules fail exactly the block checks they mirror. Random figures rarely land on a
 * boundary, so both properties run again on {@link #edges() debts at the policy's edges}: overdue exactly the minimum
 * days or one day either side, owing exactly the minimum outstanding or one fen either side (money is compared in
 * yuan in a rule and in fen by the built-in), the hardship proof missing where the policy requires it, the case's date
 * on the first or last day of the policy or the day outside either, and now and then a product the policy does not
 * cover. A third rule set passes every debt with {@code eligible()} and a term no policy reaches: the block's checks
 * stand as they are, rules never admit a debt the block does not, the rule says it changes nothing, and the rule it
 * passes over is no reason. The policies'
 * terms, caps and down payment are random too (caps and down payment often exactly 0 or 1, and a policy of one term
 * may state any step, up to {@link Integer#MAX_VALUE}).
 */
class CrossCheckProperties {
  private static final Set<String> MIRRORED = Set.of("PLATFORM", "MIN_OVERDUE_DAYS", "HARDSHIP_PROOF", "MIN_OUTSTANDING");
  private static final EasyRulesEligibilityEvaluator NO_RULES = EasyRulesEligibilityEvaluator.openStrict(tempDir("none"));
  private static final EasyRulesEligibilityEvaluator MIRROR = EasyRulesEligibilityEvaluator.openStrict(
      RuleFixtures.copyRules("mirror", tempDir("mirror"), "_shared_policy_block.yml"));
  private static final EasyRulesEligibilityEvaluator PASS_ALL = EasyRulesEligibilityEvaluator.openStrict(
      passAll(tempDir("pass-all")));
  private static final EligibilityEvaluator BUILT_IN = EligibilityEvaluator.declarative();

  record Situation(Policy policy, Debt debt, Borrower borrower, LocalDate asOf) {}

  @Property(tries = 300)
  void withoutRuleFilesDecidesAsTheBuiltIn(@ForAll("situations") Situation s) {
    EligibilityDecision expected = BUILT_IN.evaluate(s.debt(), s.borrower(), s.policy(), s.asOf());
    EligibilityDecision got = NO_RULES.evaluate(s.debt(), s.borrower(), s.policy(), s.asOf());
    assertEquals(expected.eligible(), got.eligible());
    assertEquals(failedCodes(expected.checks()), failedCodes(got.checks()));
    assertEquals(expected, got);
  }

  @Property(tries = 300)
  void policyBlockWrittenAsRulesFailsTheSameChecks(@ForAll("situations") Situation s) {
    EligibilityDecision expected = BUILT_IN.evaluate(s.debt(), s.borrower(), s.policy(), s.asOf());
    EligibilityDecision got = MIRROR.evaluate(s.debt(), s.borrower(), s.policy(), s.asOf());
    List<EligibilityCheck> ruleChecks = got.checks().subList(expected.checks().size(), got.checks().size());
    Set<String> expectedMirrored = failedCodes(expected.checks());
    expectedMirrored.retainAll(MIRRORED);
    assertEquals(expectedMirrored, failedCodes(ruleChecks));
    assertEquals(expected.eligible(), got.eligible());
    assertEquals(failedCodes(expected.checks()), failedCodes(got.checks()));
  }

  @Property(tries = 300)
  void atThePolicysEdgesWithoutRuleFilesDecidesAsTheBuiltIn(@ForAll("edges") Situation s) {
    withoutRuleFilesDecidesAsTheBuiltIn(s);
  }

  @Property(tries = 300)
  void atThePolicysEdgesTheMirrorRulesFailTheSameChecks(@ForAll("edges") Situation s) {
    policyBlockWrittenAsRulesFailsTheSameChecks(s);
  }

  @Property(tries = 300)
  void aRulePassingEveryDebtAdmitsNoneTheBlockRefuses(@ForAll("situations") Situation s) {
    EligibilityDecision expected = BUILT_IN.evaluate(s.debt(), s.borrower(), s.policy(), s.asOf());
    EligibilityDecision got = PASS_ALL.evaluate(s.debt(), s.borrower(), s.policy(), s.asOf());
    assertEquals(expected.eligible(), got.eligible(), got.checks().toString());
    assertEquals(expected.checks(), got.checks().subList(0, expected.checks().size()));
    assertEquals(failedCodes(expected.checks()), failedCodes(got.checks()));
    assertEquals(expected.reasons(), got.reasons());
    assertEquals(new PolicyAdjustment(Map.of(), Optional.of(360), Optional.empty()), got.adjustment());
    assertEquals(got.eligible(), got.reasons().isEmpty(), got.reasons().toString());
    assertEquals(List.of("rule 'pass-all' (_shared.yml) applied: eligible(), maxInstallments(360) (no effect: the "
        + "policy's longest term is " + s.policy().installments().max() + " installments, and a rule only tightens)",
        "rule 'never' not evaluated: rule 'pass-all' passed the debt first (eligible())"),
        got.checks().subList(expected.checks().size(), got.checks().size()).stream().map(EligibilityCheck::message)
            .toList());
  }

  @Property(tries = 300)
  void atThePolicysEdgesARulePassingEveryDebtAdmitsNoneTheBlockRefuses(@ForAll("edges") Situation s) {
    aRulePassingEveryDebtAdmitsNoneTheBlockRefuses(s);
  }

  private static Set<String> failedCodes(List<EligibilityCheck> checks) {
    Set<String> codes = new TreeSet<>();
    checks.stream().filter(c -> !c.passed()).forEach(c -> codes.add(c.code()));
    return codes;
  }

  @Provide
  Arbitrary<Situation> situations() {
    Arbitrary<String> platform = Arbitraries.of("p-one", "p-two");
    Arbitrary<Policy.Eligibility> eligibility = Combinators.combine(Arbitraries.integers().between(0, 400),
        Arbitraries.of(true, false), Arbitraries.longs().between(0, 2_000_000))
        .as((minDays, proof, minFen) -> new Policy.Eligibility(minDays, proof, Money.ofFen(minFen)));
    Arbitrary<Ratio> ratio = Arbitraries.oneOf(Arbitraries.of(Ratio.ZERO, Ratio.ONE),
        Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.ONE).ofScale(2).map(Ratio::of));
    Arbitrary<Policy.Waivers> waivers = Combinators.combine(ratio, ratio, ratio, ratio, ratio, ratio)
        .as(Policy.Waivers::new);
    Arbitrary<Policy> policy = Combinators.combine(platform, Arbitraries.subsetOf(ProductType.values()).ofMinSize(1),
        eligibility, Arbitraries.integers().between(-400, 400), Arbitraries.integers().between(-1, 400), installments(),
        waivers, ratio)
        .as((p, types, e, from, length, terms, caps, down) -> new Policy(1, p, "平台 " + p, List.copyOf(types), "v1",
            LocalDate.of(2026, 1, 1).plusDays(from), length < 0 ? null : LocalDate.of(2026, 1, 1).plusDays(from + length),
            e, terms, caps, new Policy.DownPayment(down), List.of(), new Policy.Source("EXAMPLE", null, null)));
    Arbitrary<Long> amount = Arbitraries.oneOf(Arbitraries.longs().between(0, 1_000_000), Arbitraries.just(0L),
        Arbitraries.longs().between(0, 200_000));
    Arbitrary<Debt> debt = Combinators.combine(platform, Arbitraries.of(ProductType.values()), amount, amount, amount,
        amount, Arbitraries.integers().between(0, 500))
        .as((p, type, principal, interest, penalty, fees, days) -> new Debt("d1", p, type, Money.ofFen(principal),
            Money.ofFen(interest), Money.ofFen(penalty), Money.ZERO, Money.ofFen(fees), Money.ZERO, Rate.of("0.18"),
            days));
    Arbitrary<Borrower> borrower = Combinators.combine(Arbitraries.of(true, false),
        Arbitraries.subsetOf(Hardship.values()), Arbitraries.integers().between(1, 6))
        .as((proof, hardships, household) -> new Borrower("张三", null, null, "310000", household, null, null,
            Money.of("1000.00"), List.copyOf(hardships), proof));
    Arbitrary<LocalDate> asOf = Arbitraries.integers().between(-400, 800).map(d -> LocalDate.of(2026, 1, 1).plusDays(d));
    return Combinators.combine(policy, debt, borrower, asOf).as(Situation::new);
  }

  /**
   * Terms of at most 60 months (a policy may cover credit cards), by whole steps; a policy of one term with any step.
   */
  private static Arbitrary<Policy.Installments> installments() {
    Arbitrary<Integer> anyStep = Arbitraries.oneOf(Arbitraries.integers().between(1, 400),
        Arbitraries.integers().between(Integer.MAX_VALUE - 400, Integer.MAX_VALUE));
    Arbitrary<int[]> minMaxStep = Arbitraries.integers().between(1, 24).flatMap(min -> Arbitraries.oneOf(
        anyStep.map(step -> new int[] {min, min, step}),
        Combinators.combine(Arbitraries.integers().between(1, 3), Arbitraries.integers().between(1, 12))
            .as((steps, step) -> new int[] {min, min + steps * step, step})));
    return Combinators.combine(minMaxStep, Arbitraries.of(RepaymentMethod.values()))
        .as((t, method) -> new Policy.Installments(t[0], t[1], t[2], method,
            method == RepaymentMethod.INTEREST_FREE ? Rate.ZERO : Rate.of("0.12"), Rate.ZERO));
  }

  /**
   * A situation whose debt is the policy's lender's, of a product it covers, and sits at a boundary of its block: overdue
   * the minimum days {@code -1}, {@code +0} or {@code +1}, owing the minimum outstanding {@code -1}, {@code +0} or
   * {@code +1} fen (all of it principal, or spread over the components), with or without hardship proof; on the
   * policy's first or last day or the day before or after it; one time in six of a product the policy may not cover.
   */
  @Provide
  Arbitrary<Situation> edges() {
    return situations().flatMap(s -> Combinators.combine(Arbitraries.of(-1, 0, 1), Arbitraries.of(-1L, 0L, 1L),
        Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.frequencyOf(
            Tuple.of(5, Arbitraries.of(s.policy().productTypes())), Tuple.of(1, Arbitraries.of(ProductType.values()))),
        edgeDays(s.policy()))
        .as((days, fen, proof, spread, type, asOf) -> atTheEdge(s, days, fen, proof, spread, type, asOf)));
  }

  /** The policy's first day (most often), the day before it, its last day and the day after it (or a year on). */
  private static Arbitrary<LocalDate> edgeDays(Policy p) {
    LocalDate last = p.effectiveTo() == null ? p.effectiveFrom().plusYears(1) : p.effectiveTo();
    return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(p.effectiveFrom())),
        Tuple.of(1, Arbitraries.of(p.effectiveFrom().minusDays(1), last, last.plusDays(1))));
  }

  private static Situation atTheEdge(Situation s, int days, long fen, boolean proof, boolean spread, ProductType type,
      LocalDate asOf) {
    Policy.Eligibility e = s.policy().eligibility();
    long owed = Math.max(0, e.minOutstanding().fen() + fen);
    long part = spread ? owed / 4 : 0; // interest, penalty interest and late fees each a quarter, the rest principal
    Debt d = s.debt();
    Debt debt = new Debt(d.id(), s.policy().platformId(), type, Money.ofFen(owed - 3 * part), Money.ofFen(part),
        Money.ofFen(part), Money.ZERO, Money.ofFen(part), Money.ZERO, d.annualRate(),
        Math.max(0, e.minOverdueDays() + days));
    Borrower b = s.borrower();
    Borrower borrower = new Borrower(b.name(), b.idNumber(), b.mobile(), b.regionCode(), b.householdSize(),
        b.monthlyNetIncome(), b.essentialExpenses(), b.liquidSavings(), b.hardships(), proof);
    return new Situation(s.policy(), debt, borrower, asOf);
  }

  /**
   * A rule passing every debt ({@code eligible()}) with a maximum term no policy reaches, and one of a lower priority that
   * would never fire and is not evaluated: its check passes, so a decision is eligible exactly when it has no reasons.
   */
  private static Path passAll(Path dir) {
    try {
      Files.writeString(dir.resolve("_shared.yml"), """
          name: "pass-all"
          description: "Passes every debt: the policy's block still decides"
          priority: 1
          condition: "true"
          actions:
            - 'eligible()'
            - 'maxInstallments(360)'
          ---
          name: "never"
          description: "Never fires, and is not evaluated: a rule of a higher priority passed the debt"
          priority: 2
          condition: "false"
          actions:
            - 'ineligible("NEVER", "never fires")'
          """);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path tempDir(String name) {
    try {
      // Under the module's build directory, not /tmp: deleteOnExit cannot remove a directory with files in it,
      // and `mvn clean` removes this one.
      return Files.createTempDirectory(Files.createDirectories(Path.of("target")), "fenqi-rules-" + name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
