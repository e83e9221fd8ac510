package io.github.fenqi.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.affordability.AffordabilityAssessment;
import io.github.fenqi.core.borrower.Borrower;
import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.debt.ProductType;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.money.Rate;
import io.github.fenqi.core.policy.InMemoryPolicyRepository;
import io.github.fenqi.core.schedule.Installment;
import io.github.fenqi.core.schedule.Schedule;
import io.github.fenqi.core.stress.FinancialProfile;
import io.github.fenqi.core.stress.PlanCashflow;
import io.github.fenqi.core.stress.RiskLevel;
import io.github.fenqi.core.stress.StressConfig;
import io.github.fenqi.core.stress.StressResult;
import io.github.fenqi.core.stress.StressTester;
import io.github.fenqi.core.testkit.Samples;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every figure a result shows agrees with its parts, over generated cases on the sample policies: a proposal's totals
 * are the sums of its plans, a plan's parts add up to what its debt owes, its schedule to its totals, and its
 * annualised rate to an IRR computed here independently of {@code AnnualizedRate}; and the result reads back from its
 * JSON into an equal record, whatever its shape.
 */
class NegotiationResultConsistencyProperties {
  private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
  private static final NegotiationEngine ENGINE = NegotiationEngine.builder()
      .policies(InMemoryPolicyRepository.of(Samples.policies())).clock(TODAY).build();
  private static final NegotiationRequest SAMPLE = Samples.sampleCase();
  private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = io.github.fenqi.core.json.FenqiJson.newMapper();
  private static final String[] PLATFORMS = {"demo-credit-card", "demo-consumer-finance", "demo-online-lender"};
  private static final ProductType[] PRODUCTS = {ProductType.CREDIT_CARD, ProductType.CONSUMER_LOAN,
      ProductType.ONLINE_LOAN};

  @Property(tries = 40)
  void everyFigureOfAResultAgreesWithItsParts(@ForAll("requests") NegotiationRequest request) {
    NegotiationResult result = ENGINE.calculate(request);
    // a REST client reads it back: into an equal record, whatever its shape (infeasible, ineligible debts, notes)
    assertEquals(result, io.github.fenqi.core.json.FenqiJson.read(MAPPER, io.github.fenqi.core.json.FenqiJson.write(
        MAPPER, result).getBytes(java.nio.charset.StandardCharsets.UTF_8), NegotiationResult.class, "response"));
    Map<String, Debt> debts = new java.util.HashMap<>();
    request.debts().forEach(d -> debts.put(d.id(), d));
    for (NegotiationResult.ProposalReport p : result.proposals()) {
      Money first = Money.ZERO;
      Money down = Money.ZERO;
      Money payable = Money.ZERO;
      Money owed = Money.ZERO;
      double expectedSaving = 0;
      for (NegotiationResult.DebtPlan plan : p.plans()) {
        Debt debt = debts.get(plan.debtId());
        Money waived = plan.waived().values().stream().reduce(Money.ZERO, Money::plus);
        assertEquals(plan.waivedTotal(), waived, plan.debtId() + ": waived parts");
        assertEquals(debt.totalOwed(), plan.settledAmount().plus(plan.waivedTotal()), plan.debtId() + ": settled + waived");
        assertEquals(plan.settledAmount(), plan.downPayment().plus(plan.financedAmount()), plan.debtId() + ": settled");
        assertEquals(debt.platformId(), plan.platformId());
        checkSchedule(plan);
        first = first.plus(plan.firstInstallment());
        down = down.plus(plan.downPayment());
        payable = payable.plus(plan.totalPayable());
        owed = owed.plus(debt.totalOwed());
        expectedSaving += plan.acceptanceProbability() * debt.totalOwed().minus(plan.totalPayable()).fen();
      }
      String at = p.strategy().name();
      assertEquals(first, p.totalFirstMonthInstallment(), at);
      assertEquals(down, p.totalDownPayment(), at);
      assertEquals(payable, p.totalPayable(), at);
      assertEquals(owed, p.totalOwed(), at);
      assertEquals(owed.minus(payable), p.saving(), at);
      assertEquals(expectedSaving, p.expectedSaving().fen(), 0.5 + 1e-9 * Math.abs(expectedSaving), at);
      assertFalse(first.isGreaterThan(result.maxAffordableInstallment()), at);
      assertFalse(down.isGreaterThan(request.borrower().liquidSavings()), at);
    }
    assertEquals(result.feasible(), !result.proposals().isEmpty());
    assertEquals(request.debts().size(), result.eligibility().size());
    // and the JSON the CLI prints and the REST API returns reads back into an equal result
    com.fasterxml.jackson.databind.ObjectMapper json = io.github.fenqi.core.json.FenqiJson.newMapper();
    try {
      assertEquals(result, json.readValue(json.writeValueAsString(result), NegotiationResult.class));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
    net.jqwik.api.statistics.Statistics.collect(result.feasible() ? "feasible" : String.valueOf(result.binding()));
  }

  /**
   * A proposal's stress is what the tester says, called directly, of the borrower's figures and the proposal's own
   * schedules with its down payments, and it is listed whatever its level: recommended exactly when not RED, a RED one
   * saying why and what to do instead. The thresholds lie around the generated cases' default probabilities (most of
   * 0 to 6 %), so that each level comes up.
   */
  @Property(tries = 20)
  void aProposalsStressIsTheTestersOwnAnswerForItsSchedules(@ForAll("requests") NegotiationRequest request,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 60) int greenPerMille) {
    StressTester tester = StressTester.monteCarlo(StressConfig.builder().paths(1_000)
        .thresholds(greenPerMille / 1000.0, (greenPerMille + 10) / 1000.0).build());
    NegotiationResult result = NegotiationEngine.builder().policies(InMemoryPolicyRepository.of(Samples.policies()))
        .clock(TODAY).stressTester(tester).build().calculate(request);
    AffordabilityAssessment a = result.affordability();
    FinancialProfile profile = new FinancialProfile(a.monthlyNetIncome(), a.incomeVolatility(), a.essentialExpenses(),
        request.borrower().liquidSavings());
    for (NegotiationResult.ProposalReport p : result.proposals()) {
      List<List<Money>> installments = p.plans().stream()
          .map(d -> d.schedule().installments().stream().map(Installment::payment).toList()).toList();
      StressResult direct = tester.test(profile, PlanCashflow.ofDebts(installments, p.totalDownPayment()));
      NegotiationResult.StressSummary shown = p.stress();
      String at = p.strategy() + ": " + shown + " against " + direct;
      assertEquals(direct.level(), shown.level(), at);
      assertEquals(direct.defaultProbability(), shown.defaultProbability(), at);
      assertEquals(direct.expectedFirstDefaultMonth().isPresent() ? direct.expectedFirstDefaultMonth().getAsDouble()
          : null, shown.expectedFirstDefaultMonth(), at);
      assertEquals(direct.worstShortfall95(), shown.worstShortfall95(), at);
      assertEquals(direct.dominantDriver().orElse(null), shown.dominantDriver(), at);
      assertEquals(direct.recommendation().orElse(null), shown.recommendation(), at);
      assertEquals(direct.scenarios().stream().map(sc -> new NegotiationResult.Scenario(sc.name(), sc.passed(),
          sc.failsInMonth().orElse(null))).toList(), shown.scenarios(), at);
      assertEquals(shown.level() != RiskLevel.RED, p.recommended(), at);
      // no script coaches the borrower to offer a plan the tester expects to fail; the result says why
      assertEquals(shown.level() == RiskLevel.RED ? 0 : p.plans().size(), p.scripts().size(), at);
      assertEquals(shown.level() == RiskLevel.RED, p.scriptsWithheld() != null, at);
      if (shown.level() == RiskLevel.RED) {
        assertTrue(shown.recommendation().startsWith("Do not negotiate this plan: it re-defaults in "), at);
      }
      net.jqwik.api.statistics.Statistics.collect(shown.level());
    }
  }

  private static void checkSchedule(NegotiationResult.DebtPlan plan) {
    Schedule s = plan.schedule();
    String at = plan.debtId();
    assertEquals(plan.term(), s.installments().size(), at);
    assertEquals(plan.financedAmount(), s.financedAmount(), at);
    assertEquals(plan.downPayment(), s.downPayment(), at);
    assertEquals(plan.firstInstallment(), s.installments().get(0).payment(), at);
    Money paid = Money.ZERO;
    Money principal = Money.ZERO;
    long[] payments = new long[s.installments().size()];
    for (int k = 0; k < payments.length; k++) {
      Installment i = s.installments().get(k);
      assertEquals(i.payment(), i.principal().plus(i.interest()).plus(i.fee()), at + " installment " + i.period());
      paid = paid.plus(i.payment());
      principal = principal.plus(i.principal());
      payments[k] = i.payment().fen();
    }
    assertEquals(plan.financedAmount(), principal, at + ": principal parts");
    assertEquals(plan.totalPayable(), plan.downPayment().plus(paid), at + ": down payment + installments");
    double irr = 12 * monthlyIrr(plan.financedAmount().fen(), payments);
    assertEquals(irr, plan.annualizedRate().doubleValue(), 1e-6, at + ": annualised rate against the schedule");
    assertEquals(6, plan.annualizedRate().scale(), at);
  }

  /** The monthly rate at which the payments' present value is the financed amount, by bisection (0 when none is). */
  private static double monthlyIrr(long financed, long[] payments) {
    long sum = 0;
    for (long p : payments) {
      sum += p;
    }
    if (sum <= financed) {
      return 0;
    }
    double lo = 0;
    double hi = (double) sum / financed;
    for (int step = 0; step < 200; step++) {
      double mid = (lo + hi) / 2;
      double pv = 0;
      double v = 1;
      for (long p : payments) {
        v /= 1 + mid;
        pv += p * v;
      }
      if (pv > financed) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  @Provide
  Arbitrary<NegotiationRequest> requests() {
    Arbitrary<List<Debt>> debts = debt().list().ofMinSize(1).ofMaxSize(4).map(list -> {
      List<Debt> unique = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        Debt d = list.get(i);
        unique.add(new Debt("d" + i, d.platformId(), d.productType(), d.principal(), d.interest(), d.penaltyInterest(),
            d.compoundInterest(), d.lateFees(), d.otherFees(), d.annualRate(), d.overdueDays()));
      }
      return unique;
    });
    // income and savings in proportion to what is owed, so that most cases have plans (and some are just short)
    Arbitrary<Integer> incomeShare = Arbitraries.integers().between(0, 120);
    Arbitrary<Integer> savingsShare = Arbitraries.integers().between(0, 40);
    return Combinators.combine(debts, incomeShare, savingsShare).as((d, in, sv) -> {
      long owed = d.stream().mapToLong(x -> x.totalOwed().fen()).sum();
      Borrower b = SAMPLE.borrower();
      Borrower borrower = new Borrower(b.name(), b.idNumber(), b.mobile(), b.regionCode(), b.householdSize(),
          Money.ofFen(owed / 1000 * in + 1_000_000), b.essentialExpenses(), Money.ofFen(owed / 100 * sv), b.hardships(),
          b.hasHardshipProof());
      return new NegotiationRequest("prop", SAMPLE.asOf(), borrower, d);
    });
  }

  private Arbitrary<Debt> debt() {
    Arbitrary<Integer> platform = Arbitraries.integers().between(0, PLATFORMS.length - 1);
    Arbitrary<Long> principal = Arbitraries.frequencyOf( // mostly above every policy's minimum outstanding
        net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0, 600_000)),
        net.jqwik.api.Tuple.of(4, Arbitraries.longs().between(600_000, 30_000_000)));
    Arbitrary<Long> part = Arbitraries.longs().between(0, 1_000_000);
    Arbitrary<Integer> overdue = Arbitraries.frequencyOf( // mostly eligible everywhere
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 90)),
        net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(91, 400)));
    return Combinators.combine(platform, principal, part, part, part, overdue).as((p, pr, i, pen, fee, days) ->
        new Debt("d", PLATFORMS[p], PRODUCTS[p], Money.ofFen(pr), Money.ofFen(i), Money.ofFen(pen), Money.ofFen(fee / 3),
            Money.ofFen(fee), Money.ofFen(fee / 7), Rate.of("0.18"), days));
  }
}
