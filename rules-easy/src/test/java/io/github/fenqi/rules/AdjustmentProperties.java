package io.github.fenqi.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.borrower.Borrower;
import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.debt.DebtComponent;
import io.github.fenqi.core.debt.ProductType;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.money.Rate;
import io.github.fenqi.core.money.Ratio;
import io.github.fenqi.core.policy.EligibilityDecision;
import io.github.fenqi.core.policy.Policy;
import io.github.fenqi.core.schedule.RepaymentMethod;
import io.github.fenqi.core.solve.DebtTerms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The terms a debt is planned under when rules adjust its policy (test resource {@code rules/adjust}: caps of 0 and
 * 1, a maximum term of 12 and of 360, down payments of 0 and 1), against a model of the rules written in Java, on
 * random policies whose caps and down payment are often exactly 0 or 1: every cap is the lower of the policy's and
 * the fired rules', the terms are the policy's up to the lowest fired maximum (none when that is below the policy's
 * shortest), and the down payment is the higher of the policy's and the fired rules' — a rule never loosens.
 */
class AdjustmentProperties {
  private static final EasyRulesEligibilityEvaluator RULES = EasyRulesEligibilityEvaluator.openStrict(
      RuleFixtures.copyRules("adjust", tempDir(), "_shared.yml"));
  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);

  record Situation(Policy policy, Debt debt, boolean proof) {}

  @Property(tries = 400)
  void ruleAdjustmentsTightenThePolicyAndNeverLoosenIt(@ForAll("situations") Situation s) {
    Policy policy = s.policy();
    Debt debt = s.debt();
    Borrower borrower = new Borrower("张三", null, null, "310000", 2, null, null, Money.ZERO, List.of(), s.proof());
    EligibilityDecision decision = RULES.evaluate(debt, borrower, policy, AS_OF);

    // the rules of rules/adjust, as Java
    boolean longOverdue = debt.overdueDays() > 90;
    BigDecimal owedYuan = BigDecimal.valueOf(debt.totalOwed().fen(), 2);
    int maxTerm = s.proof() ? 360 : 12;
    Ratio down = owedYuan.compareTo(BigDecimal.valueOf(100)) < 0 ? Ratio.ONE : policy.downPayment().minRatio();

    List<Integer> expectedTerms = policy.allowedTerms().stream().filter(t -> t <= maxTerm).toList();
    Optional<String> noTerm = DebtTerms.whyNoTerm(policy, decision.adjustment());
    assertEquals(expectedTerms.isEmpty(), noTerm.isPresent(), noTerm.toString());
    if (noTerm.isPresent()) {
      return;
    }
    DebtTerms terms = DebtTerms.of(debt, policy, decision.adjustment(), s.proof());
    for (DebtComponent c : DebtComponent.values()) {
      Ratio cap = policy.waiverCap(c);
      if (c == DebtComponent.INTEREST && longOverdue) {
        cap = Ratio.ZERO;
      } else if (c == DebtComponent.PENALTY_INTEREST && owedYuan.compareTo(BigDecimal.valueOf(1000)) >= 0) {
        cap = min(cap, Ratio.of("0.5"));
      }
      assertEquals(0, cap.compareTo(terms.waiverCap(c)), c + ": " + terms.waiverCap(c) + ", expected " + cap);
      assertTrue(terms.waiverCap(c).compareTo(policy.waiverCap(c)) <= 0, c + " above the policy's cap");
    }
    assertEquals(expectedTerms, terms.allowedTerms());
    assertEquals(0, down.compareTo(terms.minDownPaymentRatio()), terms.minDownPaymentRatio() + ", expected " + down);
  }

  private static Ratio min(Ratio a, Ratio b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  @Provide
  Arbitrary<Situation> situations() {
    Arbitrary<Ratio> ratio = Arbitraries.oneOf(Arbitraries.of(Ratio.ZERO, Ratio.ONE, Ratio.of("0.5")),
        Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.ONE).ofScale(2).map(Ratio::of));
    Arbitrary<Policy.Waivers> waivers = Combinators.combine(ratio, ratio, ratio, ratio, ratio, ratio)
        .as(Policy.Waivers::new);
    Arbitrary<Policy.Installments> installments = Combinators.combine(Arbitraries.integers().between(1, 36),
        Arbitraries.integers().between(0, 8), Arbitraries.integers().between(1, 12))
        .as((min, steps, step) -> new Policy.Installments(min, min + steps * step, step, RepaymentMethod.values()[0],
            Rate.of("0.12"), Rate.ZERO));
    Arbitrary<Policy> policy = Combinators.combine(waivers, installments, ratio)
        .as((w, i, down) -> new Policy(1, "p-one", "平台", List.of(ProductType.CONSUMER_LOAN), "v1",
            LocalDate.of(2026, 1, 1), null, new Policy.Eligibility(0, false, Money.ZERO), i, w,
            new Policy.DownPayment(down), List.of(), new Policy.Source("EXAMPLE", null, null)));
    Arbitrary<Long> fen = Arbitraries.oneOf(Arbitraries.of(0L, 9_999L, 10_000L, 99_999L, 100_000L, 100_001L),
        Arbitraries.longs().between(0, 500_000));
    Arbitrary<Debt> debt = Combinators.combine(fen, fen, fen, Arbitraries.of(0, 90, 91, 365))
        .as((principal, interest, penalty, days) -> new Debt("d1", "p-one", ProductType.CONSUMER_LOAN,
            Money.ofFen(principal), Money.ofFen(interest), Money.ofFen(penalty), Money.ZERO, Money.ofFen(100),
            Money.ZERO, Rate.of("0.18"), days));
    return Combinators.combine(policy, debt, Arbitraries.of(true, false)).as(Situation::new);
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory(Files.createDirectories(Path.of("target")), "fenqi-rules-adjust");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
