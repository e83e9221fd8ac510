package io.github.fenqi.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.fenqi.core.borrower.Borrower;
import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.json.FenqiJson;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.policy.InMemoryPolicyRepository;
import io.github.fenqi.core.solve.GridConfig;
import io.github.fenqi.core.solve.Infeasibility;
import io.github.fenqi.core.solve.Strategy;
import io.github.fenqi.core.testkit.Samples;
import io.github.fenqi.core.testkit.ZoneAwayFromChina;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NegotiationEngineTest {
  private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
  private final NegotiationEngine engine = NegotiationEngine.builder()
      .policies(InMemoryPolicyRepository.of(Samples.policies())).clock(TODAY).build();
  private final NegotiationRequest sample = Samples.sampleCase();

  static NegotiationRequest withIncome(NegotiationRequest r, String income, String savings) {
    Borrower b = r.borrower();
    Borrower richer = new Borrower(b.name(), b.idNumber(), b.mobile(), b.regionCode(), b.householdSize(), Money.of(income),
        b.essentialExpenses(), Money.of(savings), b.hardships(), b.hasHardshipProof());
    return new NegotiationRequest(r.caseId(), r.asOf(), richer, r.debts());
  }

  /**
   * A debt left out of the plans is still owed: each lender's script counts its lender among the borrower's other
   * institutions, as it counts the other planned debts' (a script telling a lender of fewer creditors than there are
   * understates the hardship the plan is arranged around).
   */
  @Test
  void eachScriptCountsTheLenderOfADebtLeftOutAmongTheBorrowersOthers() {
    NegotiationRequest rich = withIncome(sample, "16000.00", "12000.00");
    List<Debt> debts = new ArrayList<>(rich.debts());
    Debt recent = debts.get(2); // demo-online-lender's, which needs 30 days overdue
    debts.set(2, new Debt(recent.id(), recent.platformId(), recent.productType(), recent.principal(), recent.interest(),
        recent.penaltyInterest(), recent.compoundInterest(), recent.lateFees(), recent.otherFees(), recent.annualRate(),
        5));
    NegotiationResult r = NegotiationEngine.builder().policies(InMemoryPolicyRepository.of(Samples.policies()))
        .clock(TODAY).scriptLanguage(io.github.fenqi.core.script.ScriptLanguage.EN).build()
        .calculate(new NegotiationRequest(rich.caseId(), rich.asOf(), rich.borrower(), debts));
    assertEquals(List.of(recent.id()), r.ineligible().stream().map(NegotiationResult.Ineligible::debtId).toList());
    List<io.github.fenqi.core.script.NegotiationScript> scripts = r.proposals().stream()
        .flatMap(p -> p.scripts().stream()).toList();
    assertFalse(scripts.isEmpty(), r.proposals().toString());
    for (io.github.fenqi.core.script.NegotiationScript s : scripts) {
      String text = String.join("\n", s.sections().stream().map(x -> x.text()).toList());
      assertTrue(text.contains("I owe money to 2 other institutions"), s.debtId() + ": " + text);
    }
  }

  /** {@link NegotiationEngine.Builder#build()}: policies are the one part without a default, and are named. */
  @Test
  void anEngineWithoutPoliciesIsRefusedNamingThem() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> NegotiationEngine.builder().clock(TODAY)
        .build());
    assertEquals(List.of("policies"), e.problems().stream().map(Problem::location).toList());
    assertTrue(e.getMessage().contains("needs a PolicyRepository"), e.getMessage());
  }

  /**
   * {@link NegotiationEngine#read}: a case that does not read is refused with the problems {@code calculate} finds
   * against the policies and the clock in the parts that read, after the reading's own and located as they are; the
   * reader alone names the principal and not the platform, the date or the ID number the engine's clock refuses.
   */
  @Test
  void aCaseThatDoesNotReadIsRefusedWithTheEnginesProblemsOfThePartsThatRead() {
    String json = new String(Samples.bytes("samples/cases/" + Samples.CASE), java.nio.charset.StandardCharsets.UTF_8)
        .replaceFirst("\"48000.00\"", "\"-1.00\"").replace("\"demo-online-lender\"", "\"nope\"")
        .replace("\"2026-11-24\"", "\"2026-11-26\"").replace("11010519491231002X", "110105204912310020");
    byte[] bytes = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    List<String> read = assertThrows(InvalidInputException.class, () -> NegotiationRequest.read(FenqiJson.newMapper(),
        bytes, "case.json")).problems().stream().map(Problem::toString).toList();
    assertEquals(List.of("case.json: debts[0].principal: '-1.00' is negative"), read);
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> engine.read(FenqiJson.newMapper(), bytes, "case.json"));
    assertEquals(List.of("case.json: debts[0].principal", "case.json: borrower.idNumber", "case.json: asOf",
        "case.json: debts[2].platformId"), e.problems().stream().map(Problem::location).toList(), e.getMessage());
    assertEquals("2026-11-26 is in the future (today is 2026-11-25)", e.problems().get(2).reason());
    assertTrue(e.problems().get(3).reason().startsWith("no policy for 'nope' is in effect on 2026-11-26; known"),
        e.getMessage());
    // one that reads is the case; a date or a borrower that does not read is named by the reading alone
    assertEquals(sample, engine.read(FenqiJson.newMapper(), Samples.bytes("samples/cases/" + Samples.CASE), "case.json"));
    InvalidInputException unreadDate = assertThrows(InvalidInputException.class, () -> engine.read(FenqiJson.newMapper(),
        json.replace("\"2026-11-26\"", "\"2026-11-31\"").getBytes(java.nio.charset.StandardCharsets.UTF_8), "c"));
    assertEquals(List.of("c: asOf", "c: debts[0].principal", "c: borrower.idNumber", "c: debts[2].platformId"),
        unreadDate.problems().stream().map(Problem::location).toList(), unreadDate.getMessage());
    // without a date, a platform is named only when no version of its policy is known on any date: the other two debts'
    // platforms have one; 'nope' had waited for the date to be fixed
    assertTrue(unreadDate.problems().get(3).reason().startsWith("no policy for 'nope' is known, on any date; known "
        + "platforms: [demo-"), unreadDate.getMessage());
  }

  /**
   * {@link NegotiationEngine#problemsAtTheDoor}: a part is checked only when it reads on its own, so that the reading's
   * problem of it is not told again in other words: an empty or overlong platform id is the reading's ("must not be
   * empty"), not also "no policy for ''"; a borrower given as a list, debts given as an object and a debt given as a
   * string are the reading's alone; anything but an object has no problems at the door.
   */
  @Test
  void theProblemsAtTheDoorLeaveAPartThatDoesNotReadToTheReading() throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper mapper = FenqiJson.newMapper();
    com.fasterxml.jackson.databind.node.ObjectNode c = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(
        Samples.bytes("samples/cases/" + Samples.CASE));
    c.put("asOf", "2026-11-26").putArray("borrower").add(1);
    ((com.fasterxml.jackson.databind.node.ObjectNode) c.get("debts").get(0)).put("platformId", "");
    ((com.fasterxml.jackson.databind.node.ObjectNode) c.get("debts").get(1)).put("platformId", "p".repeat(
        io.github.fenqi.core.TextFields.MAX_ID_LENGTH + 1));
    ((com.fasterxml.jackson.databind.node.ObjectNode) c.get("debts").get(2)).put("platformId", "nope");
    List<Problem> problems = engine.problemsAtTheDoor(mapper, c);
    assertEquals(List.of("asOf", "debts[2].platformId"), problems.stream().map(Problem::location).toList(),
        problems.toString());
    c.putObject("debts").putObject("d").put("platformId", "nope");
    assertEquals(List.of("asOf"), engine.problemsAtTheDoor(mapper, c).stream().map(Problem::location).toList());
    c.putArray("debts").add("nope");
    assertEquals(List.of("asOf"), engine.problemsAtTheDoor(mapper, c).stream().map(Problem::location).toList());
    assertEquals(List.of(), engine.problemsAtTheDoor(mapper, mapper.createArrayNode().add(c)));
  }

  /**
   * {@link NegotiationEngine#read}: a policy repository that fails leaves the platforms unchecked, the case's other
   * problems told: a case that does not read had been refused with the repository's failure alone, its negative
   * principal and its date in the future unnamed.
   */
  @Test
  void aCaseThatDoesNotReadBesideAFailingPolicyRepositoryIsToldItsOwnProblems() {
    io.github.fenqi.core.policy.PolicyRepository live = InMemoryPolicyRepository.of(Samples.policies());
    io.github.fenqi.core.policy.PolicyRepository down = new io.github.fenqi.core.policy.PolicyRepository() {
      @Override
      public io.github.fenqi.core.policy.PolicySnapshot snapshot() {
        throw new PolicyException("policies", "the database is down");
      }

      @Override
      public Subscription addListener(PolicyListener listener) {
        return live.addListener(listener);
      }
    };
    NegotiationEngine failing = NegotiationEngine.builder().policies(down).clock(TODAY).build();
    String json = new String(Samples.bytes("samples/cases/" + Samples.CASE), java.nio.charset.StandardCharsets.UTF_8)
        .replaceFirst("\"48000.00\"", "\"-1.00\"").replace("\"demo-online-lender\"", "\"nope\"")
        .replace("\"2026-11-24\"", "\"2026-11-26\"");
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> failing.read(FenqiJson.newMapper(),
        json.getBytes(java.nio.charset.StandardCharsets.UTF_8), "case.json"));
    assertEquals(List.of("case.json: debts[0].principal", "case.json: asOf"),
        e.problems().stream().map(Problem::location).toList(), e.getMessage());
    // once the case reads, calculate meets the repository's failure
    assertThrows(PolicyException.class, () -> failing.calculate(sample));
    // without a source the locations are the case's own; a malformed case is the reading's alone
    assertEquals(List.of("debts[0].principal", "asOf", "debts[2].platformId"), assertThrows(InvalidInputException.class,
        () -> engine.read(FenqiJson.newMapper(), json.getBytes(java.nio.charset.StandardCharsets.UTF_8), ""))
        .problems().stream().map(Problem::location).toList());
    InvalidInputException malformed = assertThrows(InvalidInputException.class,
        () -> engine.read(FenqiJson.newMapper(), "{\"asOf\":".getBytes(java.nio.charset.StandardCharsets.UTF_8), "c"));
    assertEquals(1, malformed.problems().size(), malformed.getMessage());
  }

  @Test
  void sampleCaseIsInfeasibleBecauseTheBudgetBindsAndSaysByHowMuch() {
    NegotiationResult result = engine.calculate(sample);
    assertFalse(result.feasible());
    assertEquals(Money.of("1140.00"), result.maxAffordableInstallment());
    assertEquals(Infeasibility.BindingConstraint.MONTHLY_BUDGET, result.binding());
    assertTrue(result.shortfall().isPositive());
    assertTrue(result.reason().contains("above the affordable 1140.00"), result.reason());
    // the smallest first installments, 1984.89, need 17 540.00 down against savings of 6 000.00: within them 2243.26
    assertEquals(Money.of("1103.26"), result.shortfall(), result.reason());
    assertTrue(result.recommendation().contains("restructuring"));
    assertTrue(result.ineligible().isEmpty());
    assertEquals(3, result.eligibility().size());
  }

  @Test
  void aBorrowerWhoCanAffordItGetsThreeStressTestedProposalsWithinEveryConstraint() {
    NegotiationResult result = engine.calculate(withIncome(sample, "16000.00", "12000.00"));
    assertTrue(result.feasible(), String.valueOf(result.reason()));
    assertEquals(List.of(Strategy.AGGRESSIVE, Strategy.CONSERVATIVE, Strategy.BALANCED),
        result.proposals().stream().map(NegotiationResult.ProposalReport::strategy).toList());
    for (NegotiationResult.ProposalReport p : result.proposals()) {
      assertFalse(p.totalFirstMonthInstallment().isGreaterThan(result.maxAffordableInstallment()));
      assertFalse(p.totalDownPayment().isGreaterThan(Money.of("12000.00")));
      assertEquals(3, p.plans().size());
      Money sum = Money.ZERO;
      double expected = 0; // Σ p × (owed − payable), owed = settled + waived
      for (NegotiationResult.DebtPlan plan : p.plans()) {
        expected += plan.acceptanceProbability()
            * (plan.settledAmount().plus(plan.waivedTotal()).minus(plan.totalPayable()).fen() / 100.0);
        assertEquals(plan.term(), plan.schedule().term());
        assertEquals(plan.firstInstallment(), plan.schedule().firstPayment());
        assertEquals(plan.totalPayable(), plan.schedule().totalPayable());
        assertEquals(plan.financedAmount(), plan.schedule().financedAmount());
        sum = sum.plus(plan.totalPayable());
      }
      assertEquals(p.totalPayable(), sum);
      assertEquals(expected, p.expectedSaving().fen() / 100.0, 0.005, "rounded to the fen");
      assertTrue(p.stress().defaultProbability() >= 0 && p.stress().defaultProbability() <= 1);
      assertEquals(p.stress().level() != io.github.fenqi.core.stress.RiskLevel.RED, p.recommended());
    }
    NegotiationResult.ProposalReport aggressive = result.proposals().get(0);
    NegotiationResult.ProposalReport conservative = result.proposals().get(1);
    assertFalse(aggressive.totalPayable().isGreaterThan(conservative.totalPayable()), "aggressive pays least");
    assertTrue(conservative.acceptanceProbability() >= aggressive.acceptanceProbability(), "conservative is likeliest");
  }

  /**
   * A node budget too small to find or rule out a plan had reached the caller as a ComponentContractException, "the
   * proposal solver broke its contract", a server fault: nothing broke a contract, the case needed more search.
   */
  @Test
  void aNodeBudgetThatRunsOutIsItsOwnErrorNamingTheBudgetTheStrategyAndTheSetting() {
    NegotiationEngine small = NegotiationEngine.builder().policies(InMemoryPolicyRepository.of(Samples.policies()))
        .clock(TODAY).grid(GridConfig.DEFAULTS.withMaxSearchNodes(2)).build();
    NegotiationRequest tight = withIncome(sample, "11000.00", "12000.00");
    SearchBudgetExhaustedException e = assertThrows(SearchBudgetExhaustedException.class, () -> small.calculate(tight));
    assertEquals(2, e.maxSearchNodes());
    assertEquals(Strategy.AGGRESSIVE, e.strategy());
    assertTrue(e.getMessage().contains("raise GridConfig.maxSearchNodes"), e.getMessage());
    assertFalse(engine.calculate(tight).feasible(), "the default budget proves it"); // not the budget's: the case's
  }

  /**
   * The strategy named is the first, in {@link Strategy} order, whose search ran out: under an acceptance floor no
   * option reaches (0.99), AGGRESSIVE's search proves at once that it has no plan, and CONSERVATIVE's is the first that
   * ran out of the two nodes. Every budget exhausted in the tests had been AGGRESSIVE's, the first strategy, so a
   * strategy() that named it always would have passed them.
   */
  @Test
  void theStrategyNamedIsTheFirstWhoseSearchRanOut() {
    NegotiationEngine floored = NegotiationEngine.builder().policies(InMemoryPolicyRepository.of(Samples.policies()))
        .clock(TODAY).grid(GridConfig.DEFAULTS.withMaxSearchNodes(2).withAcceptanceFloor(0.99)).build();
    SearchBudgetExhaustedException e = assertThrows(SearchBudgetExhaustedException.class,
        () -> floored.calculate(withIncome(sample, "11000.00", "12000.00")));
    assertEquals(Strategy.CONSERVATIVE, e.strategy());
    assertEquals("the exact solver's search ran out of its budget of 2 nodes per strategy (CONSERVATIVE's first) before "
        + "any plan was found or ruled out; the case may be feasible: raise GridConfig.maxSearchNodes (default "
        + GridConfig.DEFAULT_MAX_SEARCH_NODES + ")", e.getMessage());
  }

  /** The least budget there is had been "its budget of 1 nodes per strategy". */
  @Test
  void aBudgetOfOneNodeIsOneNodeInTheMessage() {
    NegotiationEngine one = NegotiationEngine.builder().policies(InMemoryPolicyRepository.of(Samples.policies()))
        .clock(TODAY).grid(GridConfig.DEFAULTS.withMaxSearchNodes(1)).build();
    SearchBudgetExhaustedException e = assertThrows(SearchBudgetExhaustedException.class,
        () -> one.calculate(withIncome(sample, "11000.00", "12000.00")));
    assertEquals(1, e.maxSearchNodes());
    assertTrue(e.getMessage().startsWith("the exact solver's search ran out of its budget of 1 node per strategy ("),
        e.getMessage());
    assertTrue(new SearchBudgetExhaustedException(2, Strategy.AGGRESSIVE).getMessage().contains("of 2 nodes per"));
  }

  @Test
  void ineligibleDebtIsListedWithReasonsAndLeftOutOfThePlan() {
    List<Debt> debts = new ArrayList<>(sample.debts());
    Debt cf = debts.get(1);
    debts.set(1, new Debt(cf.id(), cf.platformId(), cf.productType(), cf.principal(), cf.interest(), cf.penaltyInterest(),
        cf.compoundInterest(), cf.lateFees(), cf.otherFees(), cf.annualRate(), 30));
    NegotiationRequest r = withIncome(new NegotiationRequest("c", sample.asOf(), sample.borrower(), debts), "16000.00", "12000.00");
    NegotiationResult result = engine.calculate(r);
    assertEquals(1, result.ineligible().size());
    assertEquals("cf-1", result.ineligible().get(0).debtId());
    assertEquals(List.of("overdueDays 30 < minOverdueDays 91"), result.ineligible().get(0).reasons());
    assertTrue(result.proposals().stream().allMatch(p -> p.plans().size() == 2));
  }

  /**
   * A case whose every debt is left out is an answer, not an exception: NO_ELIGIBLE_DEBT, no proposal, each debt listed
   * in the request's order with every reason it was left out for (cf-1 fails two checks and names both: each debt left
   * out in the tests had failed one check, so a list cut to its first reason passed them), and advice naming the
   * remedies those reasons have.
   */
  @Test
  void whenEveryDebtIsLeftOutEachIsListedWithEveryReasonAndTheirRemedies() {
    Borrower b = sample.borrower();
    Borrower noProof = new Borrower(b.name(), b.idNumber(), b.mobile(), b.regionCode(), b.householdSize(),
        Money.of("16000.00"), b.essentialExpenses(), b.liquidSavings(), b.hardships(), false);
    List<Debt> debts = new ArrayList<>();
    int[] overdue = {75, 30, 10}; // cc-1 needs no days but proof; cf-1 91 days and proof; ol-1 30 days
    for (int i = 0; i < 3; i++) {
      Debt d = sample.debts().get(i);
      debts.add(new Debt(d.id(), d.platformId(), d.productType(), d.principal(), d.interest(), d.penaltyInterest(),
          d.compoundInterest(), d.lateFees(), d.otherFees(), d.annualRate(), overdue[i]));
    }
    NegotiationResult r = engine.calculate(new NegotiationRequest("c", sample.asOf(), noProof, debts));
    assertFalse(r.feasible());
    assertEquals(Infeasibility.BindingConstraint.NO_ELIGIBLE_DEBT, r.binding());
    assertTrue(r.proposals().isEmpty());
    String proof = "the policy requires proof of hardship and none was given";
    assertEquals(List.of(new NegotiationResult.Ineligible("cc-1", List.of(proof)),
        new NegotiationResult.Ineligible("cf-1", List.of("overdueDays 30 < minOverdueDays 91", proof)),
        new NegotiationResult.Ineligible("ol-1", List.of("overdueDays 10 < minOverdueDays 30"))), r.ineligible());
    assertEquals(List.of("cc-1", "cf-1", "ol-1"), r.eligibility().stream()
        .filter(e -> !e.eligible()).map(NegotiationResult.DebtEligibility::debtId).toList());
    assertEquals("See each debt's reasons: some are met in time (more days overdue) or with proof of hardship. If none "
        + "can be, seek a debt restructuring across all lenders (债务重组) or the legal route (personal debt mediation, "
        + "court-supervised settlement).", r.recommendation());
  }

  /**
   * A case's dates are dates in China: by default the engine judges "in the future" by today in Beijing, not by the
   * JVM's zone. The JVM is put in a zone whose date differs from Beijing's right now — UTC−12 (a day behind until
   * 20:00 in Beijing) or UTC+14 (a day ahead from 18:00) — so the two dates cannot agree by chance.
   */
  @Test
  void theFutureIsJudgedByTheDateInChinaWhateverTheServersZone() throws Exception {
    ZoneAwayFromChina.run((beijing, behind) -> {
      NegotiationEngine defaults = NegotiationEngine.builder()
          .policies(InMemoryPolicyRepository.of(Samples.policies())).build();
      if (behind) { // today in Beijing, tomorrow on the server: a case of today
        NegotiationRequest today = new NegotiationRequest("c", beijing, sample.borrower(), sample.debts());
        assertEquals(beijing, defaults.calculate(today).asOf());
      } else { // today on the server, tomorrow in Beijing: in the future
        NegotiationRequest tomorrow = new NegotiationRequest("c", beijing.plusDays(1), sample.borrower(), sample.debts());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> defaults.calculate(tomorrow));
        assertEquals("asOf", e.problems().get(0).location());
        assertTrue(e.getMessage().contains("today is " + beijing), e.getMessage());
      }
    });
  }

  /**
   * "In the future" is after today, not today: a case dated the clock's own day is calculated, one of the day after is
   * refused naming today. The one test of today had run only in some hours of the day ({@link ZoneAwayFromChina}
   * picks the zone that differs from Beijing's date right now), so a check refusing today passed from 20:00 in Beijing.
   * On 29 February too: the day after is 1 March, and 29 February itself is today.
   */
  @Test
  void aCaseOfTodayIsCalculatedAndOneOfTomorrowRefusedOn29FebruaryToo() {
    LocalDate today = LocalDate.now(TODAY);
    assertEquals(today, engine.calculate(new NegotiationRequest("c", today, sample.borrower(), sample.debts())).asOf());
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> engine.calculate(
        new NegotiationRequest("c", today.plusDays(1), sample.borrower(), sample.debts())));
    assertEquals(List.of(Problem.of("asOf", "2026-11-26 is in the future (today is 2026-11-25)")), e.problems());

    NegotiationEngine leapDay = NegotiationEngine.builder().policies(InMemoryPolicyRepository.of(Samples.policies()))
        .clock(Clock.fixed(Instant.parse("2028-02-28T16:00:00Z"), ZoneId.of("UTC"))).build(); // 00:00 on the 29th
    LocalDate leap = LocalDate.of(2028, 2, 29);
    assertEquals(leap, leapDay.calculate(new NegotiationRequest("c", leap, sample.borrower(), sample.debts())).asOf());
    InvalidInputException march = assertThrows(InvalidInputException.class, () -> leapDay.calculate(
        new NegotiationRequest("c", leap.plusDays(1), sample.borrower(), sample.debts())));
    assertEquals(List.of(Problem.of("asOf", "2028-03-01 is in the future (today is 2028-02-29)")), march.problems());
  }

  @Test
  void unknownPlatformAndFutureDateAreAllListedBeforeAnyWork() {
    Debt ol = sample.debts().get(2);
    Debt unknown = new Debt("x-1", "no-such-lender", ol.productType(), ol.principal(), ol.interest(), ol.penaltyInterest(),
        ol.compoundInterest(), ol.lateFees(), ol.otherFees(), ol.annualRate(), 40);
    NegotiationRequest r = new NegotiationRequest("c", LocalDate.of(2026, 12, 31), sample.borrower(), List.of(ol, unknown));
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> engine.calculate(r));
    assertEquals(2, e.problems().size(), e.getMessage());
    assertEquals("asOf", e.problems().get(0).location());
    assertEquals("debts[1].platformId", e.problems().get(1).location());
  }

  /**
   * Every debt on a platform without a policy is named, not the first only, and the debts after it are still checked:
   * a case with two unknown lenders is told of both at once.
   */
  @Test
  void eachDebtOnAPlatformWithoutAPolicyIsNamed() {
    Debt ol = sample.debts().get(2);
    List<Debt> debts = new ArrayList<>();
    for (String platform : List.of("no-such-lender", "demo-online-lender", "another-lender")) {
      debts.add(new Debt("x-" + debts.size(), platform, ol.productType(), ol.principal(), ol.interest(),
          ol.penaltyInterest(), ol.compoundInterest(), ol.lateFees(), ol.otherFees(), ol.annualRate(), 40));
    }
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> engine.calculate(new NegotiationRequest("c", sample.asOf(), sample.borrower(), debts)));
    assertEquals(List.of("debts[0].platformId", "debts[2].platformId"),
        e.problems().stream().map(Problem::location).toList(), e.getMessage());
    assertTrue(e.problems().get(1).reason().startsWith("no policy for 'another-lender' is in effect on "), e.getMessage());
  }

  /**
   * A borrower without declared income and without statements is a problem of the request, listed with the others: it
   * had been found by the affordability model only after the eligibility checks, once the unknown platform was fixed.
   */
  @Test
  void aMissingIncomeWithoutStatementsIsListedWithTheOtherProblemsBeforeAnyWork() {
    Borrower b = sample.borrower();
    Borrower noIncome = new Borrower(b.name(), b.idNumber(), b.mobile(), b.regionCode(), b.householdSize(), null,
        b.essentialExpenses(), b.liquidSavings(), b.hardships(), b.hasHardshipProof());
    Debt ol = sample.debts().get(2);
    Debt unknown = new Debt("x-1", "no-such-lender", ol.productType(), ol.principal(), ol.interest(), ol.penaltyInterest(),
        ol.compoundInterest(), ol.lateFees(), ol.otherFees(), ol.annualRate(), 40);
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> engine.calculate(new NegotiationRequest("c", sample.asOf(), noIncome, List.of(ol, unknown))));
    assertEquals(List.of("borrower.monthlyNetIncome", "debts[1].platformId"),
        e.problems().stream().map(Problem::location).toList(), e.getMessage());
    assertEquals("is required when no statements are given (the income is left out only when statements give it)",
        e.problems().get(0).reason());
  }

  @Test
  void nullArgumentsAreNamed() {
    assertEquals("request", assertThrows(NullPointerException.class, () -> engine.calculate(null)).getMessage());
    assertEquals("statements (List.of() when there are none)",
        assertThrows(NullPointerException.class, () -> engine.calculate(sample, null)).getMessage());
  }

  /** A debt too large for a schedule is named up front; the grid used to fail on it naming only "amount". */
  @Test
  void aDebtAboveWhatASchedulesHandlesIsNamedBeforeAnyWork() {
    Debt ol = sample.debts().get(2);
    Money over = io.github.fenqi.core.schedule.Amortizer.MAX_FINANCED.minus(ol.interest()).plus(Money.ofFen(1));
    Debt huge = new Debt("x-1", ol.platformId(), ol.productType(), over, ol.interest(), Money.ZERO, Money.ZERO, Money.ZERO,
        Money.ZERO, ol.annualRate(), 40);
    Debt justFits = new Debt("x-2", ol.platformId(), ol.productType(), over.minus(Money.ofFen(1)), ol.interest(),
        Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, ol.annualRate(), 40);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> engine.calculate(
        new NegotiationRequest("c", sample.asOf(), sample.borrower(), List.of(ol, huge, justFits))));
    assertEquals(1, e.problems().size(), e.getMessage());
    assertEquals("debts[1]", e.problems().get(0).location());
    assertEquals("owes 1000000000000.01 in all, above the largest amount a schedule handles (1000000000000.00)",
        e.problems().get(0).reason());
  }

  @Test
  void invalidIdentifiersAreRejectedAtTheDoorNamingTheField() {
    Borrower b = sample.borrower();
    Borrower bad = new Borrower(b.name(), "110105194912310021", "12345", b.regionCode(), b.householdSize(),
        b.monthlyNetIncome(), b.essentialExpenses(), b.liquidSavings(), b.hardships(), b.hasHardshipProof());
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> engine.calculate(new NegotiationRequest("c", sample.asOf(), bad, sample.debts())));
    assertEquals(List.of("borrower.idNumber", "borrower.mobile"), e.problems().stream().map(Problem::location).toList());
    assertFalse(e.getMessage().contains("110105194912310021"), "the rejected ID is not echoed in full: " + e.getMessage());
  }

  @Test
  void withAnAuditLogEveryRunAndPolicyChangeIsRecordedDurably(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    java.nio.file.Path file = dir.resolve("audit.jsonl");
    InMemoryPolicyRepository repo = InMemoryPolicyRepository.of(Samples.policies());
    try (var log = io.github.fenqi.core.security.audit.FileAuditLog.open(file, io.github.fenqi.core.security.audit.AuditKey.of(key));
        NegotiationEngine audited = NegotiationEngine.builder().policies(repo).clock(TODAY).auditLog(log).build()) {
      audited.calculate(withIncome(sample, "16000.00", "12000.00"));
      repo.put(repo.find("demo-credit-card", sample.asOf()).orElseThrow(), "admin:alice");
      List<String> lines = java.nio.file.Files.readAllLines(file);
      assertEquals(5, lines.size(), "data access, three proposals, one policy change");
      assertTrue(lines.get(0).contains("\"action\":\"DATA_ACCESS\""), lines.get(0));
      assertTrue(lines.get(1).contains("\"action\":\"PROPOSAL_GENERATED\""));
      assertTrue(lines.get(4).contains("\"action\":\"POLICY_CHANGE\"") && lines.get(4).contains("demo-credit-card"));
      assertEquals(5, log.verify(java.util.Optional.empty()).entries());
      assertFalse(String.join("\n", lines).contains(sample.borrower().idNumber()));
      audited.close(); // stops listening: a change after it is no longer this engine's to record
      repo.put(repo.find("demo-credit-card", sample.asOf()).orElseThrow(), "admin:alice");
      assertEquals(5, log.verify(java.util.Optional.empty()).entries());
    }
  }

  /**
   * The engine's audit entries hold what the README says they do: a run's {@code DATA_ACCESS} the request's debts (all
   * of them, the one left out too) and the policy snapshot read; each {@code PROPOSAL_GENERATED} its proposal's
   * strategy, total payable, first month and stress level; an infeasible run's one entry the binding constraint; a
   * {@code POLICY_CHANGE} the change, its origin, the repository's version and the old and new policy versions. Only the
   * entries' actions had been checked: any of these details could go missing or be another figure unseen.
   */
  @Test
  void theEnginesAuditEntriesHoldTheFiguresOfTheRunAndTheChange() throws Exception {
    List<io.github.fenqi.core.security.audit.AuditEntry> entries = new ArrayList<>();
    List<io.github.fenqi.core.policy.PolicyEvent> changes = new ArrayList<>();
    InMemoryPolicyRepository repo = InMemoryPolicyRepository.of(Samples.policies());
    repo.addListener(changes::add);
    List<Debt> debts = new ArrayList<>(sample.debts());
    Debt cf = debts.get(1);
    debts.set(1, new Debt(cf.id(), cf.platformId(), cf.productType(), cf.principal(), cf.interest(), cf.penaltyInterest(),
        cf.compoundInterest(), cf.lateFees(), cf.otherFees(), cf.annualRate(), 30)); // left out: 30 of 91 days
    NegotiationRequest oneLeftOut = withIncome(new NegotiationRequest("c-1", sample.asOf(), sample.borrower(), debts),
        "16000.00", "12000.00");
    try (io.github.fenqi.core.security.audit.AuditLog log = io.github.fenqi.core.security.audit.AuditLog.inMemory(
            io.github.fenqi.core.security.audit.AuditKey.of(new byte[32]), TODAY, List.of(entries::addAll));
        NegotiationEngine audited = NegotiationEngine.builder().policies(repo).clock(TODAY).auditLog(log).build()) {
      NegotiationResult feasible = audited.calculate(oneLeftOut);
      assertEquals(1, feasible.ineligible().size());
      List<java.util.Map<String, String>> expected = new ArrayList<>();
      expected.add(java.util.Map.of("debts", "3", "policySnapshot", Long.toString(feasible.policySnapshotVersion())));
      for (NegotiationResult.ProposalReport p : feasible.proposals()) {
        expected.add(java.util.Map.of("strategy", p.strategy().name(), "totalPayable", p.totalPayable().toString(),
            "firstMonth", p.totalFirstMonthInstallment().toString(), "stress", p.stress().level().name()));
      }
      assertEquals(expected, entries.stream().map(io.github.fenqi.core.security.audit.AuditEntry::details).toList());
      assertEquals(List.of("DATA_ACCESS", "PROPOSAL_GENERATED", "PROPOSAL_GENERATED", "PROPOSAL_GENERATED"),
          entries.stream().map(en -> en.action().name()).toList());
      assertTrue(entries.stream().allMatch(en -> en.subject().equals("c-1") && en.actor().equals(NegotiationEngine.ACTOR)));

      entries.clear();
      NegotiationResult infeasible = audited.calculate(sample);
      assertEquals(Infeasibility.BindingConstraint.MONTHLY_BUDGET, infeasible.binding());
      assertEquals(List.of(java.util.Map.of("debts", "3", "policySnapshot", Long.toString(infeasible.policySnapshotVersion())),
          java.util.Map.of("feasible", "false", "binding", "MONTHLY_BUDGET")),
          entries.stream().map(io.github.fenqi.core.security.audit.AuditEntry::details).toList());
      assertEquals("PROPOSAL_GENERATED", entries.get(1).action().name());

      entries.clear();
      repo.put(repo.find("demo-credit-card", sample.asOf()).orElseThrow(), "admin:alice");
      var change = (io.github.fenqi.core.policy.PolicyEvent.PolicyChanged) changes.get(changes.size() - 1);
      assertEquals("2026-03-01", change.oldVersion(), "a policy replaced by itself has an old version to name");
      assertEquals(1, entries.size());
      assertEquals("POLICY_CHANGE", entries.get(0).action().name());
      assertEquals("demo-credit-card", entries.get(0).subject());
      assertEquals(java.util.Map.of("change", change.change().name(), "origin", "admin:alice", "repositoryVersion",
          Long.toString(change.repositoryVersion()), "oldVersion", "2026-03-01", "newVersion", "2026-03-01"),
          entries.get(0).details());
    }
  }

  @Test
  void resultJsonCarriesTheContractFieldsAndMasksNothingItShouldNotShow() throws Exception {
    NegotiationResult result = engine.calculate(withIncome(sample, "16000.00", "12000.00"));
    String json = FenqiJson.write(FenqiJson.newMapper(), result);
    JsonNode root = FenqiJson.newMapper().readTree(json);
    assertTrue(root.get("feasible").asBoolean());
    assertEquals("5040.00", root.get("maxAffordableInstallment").asText(), "16000 × 0.6 − 3800 × 1.2");
    JsonNode p = root.get("proposals").get(0);
    for (String field : List.of("strategy", "totalFirstMonthInstallment", "totalDownPayment", "totalPayable", "totalOwed",
        "acceptanceProbability", "stress", "plans")) {
      assertTrue(p.has(field), field);
    }
    assertTrue(p.get("stress").has("level") && p.get("stress").has("defaultProbability"));
    JsonNode plan = p.get("plans").get(0);
    for (String field : List.of("debtId", "platformId", "term", "downPayment", "waived", "firstInstallment", "totalPayable",
        "annualizedRate", "schedule")) {
      assertTrue(plan.has(field), field);
    }
    assertFalse(json.contains(sample.borrower().idNumber()), "the result never carries the ID number");
    assertFalse(json.contains(sample.borrower().mobile()));
  }
}
