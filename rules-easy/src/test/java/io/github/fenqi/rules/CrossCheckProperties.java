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
import io.github.fenqi.core.schedule.RepaymentMethod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The Easy Rules evaluator against the built-in one on random policies, debts and borrowers: without rule
 * files it decides exactly as the built-in; with the policy block re-written as rules (test resource
 * {@code rules/mirror}), the rules fail exactly the block checks they mirror. Random figures rarely land on a
 * boundary, so both properties run again on {@link #edges() debts at the policy's edges}: overdue exactly the minimum
 * days or one day either side, owing exactly the minimum outstanding or one fen either side (money is compared in
 * yuan in a rule and in fen by the built-in), and the hardship proof missing where the policy requires it.
 */
class CrossCheckProperties {
  private static final Set<String> MIRRORED = Set.of("PLATFORM", "MIN_OVERDUE_DAYS", "HARDSHIP_PROOF", "MIN_OUTSTANDING");
  private static final EasyRulesEligibilityEvaluator NO_RULES = EasyRulesEligibilityEvaluator.openStrict(tempDir("none"));
  private static final EasyRulesEligibilityEvaluator MIRROR = EasyRulesEligibilityEvaluator.openStrict(
      RuleFixtures.copyRules("mirror", tempDir("mirror"), "_shared_policy_block.yml"));
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

  private static Set<String> failedCodes(List<EligibilityCheck> checks) {
    Set<String> codes = new TreeSet<>();
    checks.stream().filter(c -> !c.passed()).forEach(c -> codes.add(c.code()));
    return codes;
  }

  @Provide
  Arbitrary<Situation> situations() {
    Arbitrary<String> platform = Arbitraries.of("p-one", "p-two");
    Arbitrary<Policy> policy = Combinators.combine(platform, Arbitraries.subsetOf(ProductType.values()).ofMinSize(1),
        Arbitraries.integers().between(0, 400), Arbitraries.of(true, false), Arbitraries.longs().between(0, 2_000_000),
        Arbitraries.integers().between(-400, 400), Arbitraries.integers().between(-1, 400))
        .as((p, types, minDays, proof, minFen, from, length) -> new Policy(1, p, "平台 " + p, List.copyOf(types), "v1",
            LocalDate.of(2026, 1, 1).plusDays(from), length < 0 ? null : LocalDate.of(2026, 1, 1).plusDays(from + length),
            new Policy.Eligibility(minDays, proof, Money.ofFen(minFen)),
            new Policy.Installments(6, 36, 6, RepaymentMethod.values()[0], Rate.of("0.12"), Rate.ZERO),
            new Policy.Waivers(Ratio.ZERO, Ratio.of("0.5"), Ratio.ONE, Ratio.ONE, Ratio.ONE, Ratio.of("0.5")),
            new Policy.DownPayment(Ratio.of("0.05")), List.of(), new Policy.Source("EXAMPLE", null, null)));
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
   * A situation whose debt is the policy's lender's, of a product it covers, and sits at a boundary of its block: overdue
   * the minimum days {@code -1}, {@code +0} or {@code +1}, owing the minimum outstanding {@code -1}, {@code +0} or
   * {@code +1} fen (all of it principal, or spread over the components), with or without hardship proof.
   */
  @Provide
  Arbitrary<Situation> edges() {
    return situations().flatMap(s -> Combinators.combine(Arbitraries.of(-1, 0, 1), Arbitraries.of(-1L, 0L, 1L),
        Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(s.policy().productTypes()))
        .as((days, fen, proof, spread, type) -> atTheEdge(s, days, fen, proof, spread, type)));
  }

  private static Situation atTheEdge(Situation s, int days, long fen, boolean proof, boolean spread, ProductType type) {
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
    return new Situation(s.policy(), debt, borrower, s.policy().effectiveFrom());
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
