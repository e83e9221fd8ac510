package io.github.fenqi.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.affordability.AffordabilityAssessment;
import io.github.fenqi.core.affordability.AffordabilityModel;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.policy.InMemoryPolicyRepository;
import io.github.fenqi.core.solve.AcceptanceCoefficients;
import io.github.fenqi.core.solve.AcceptanceFeatures;
import io.github.fenqi.core.solve.AcceptanceModel;
import io.github.fenqi.core.solve.Infeasibility;
import io.github.fenqi.core.solve.ProposalProblem;
import io.github.fenqi.core.solve.ProposalSet;
import io.github.fenqi.core.solve.ProposalSolver;
import io.github.fenqi.core.stress.FinancialProfile;
import io.github.fenqi.core.stress.PlanCashflow;
import io.github.fenqi.core.stress.StressConfig;
import io.github.fenqi.core.stress.StressResult;
import io.github.fenqi.core.stress.StressTester;
import io.github.fenqi.core.testkit.Samples;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the engine does with components plugged into it that return what their contracts forbid. */
class NegotiationEngineContractsTest {
  private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
  private final NegotiationRequest affordable =
      NegotiationEngineTest.withIncome(Samples.sampleCase(), "16000.00", "12000.00");

  private NegotiationEngine.Builder engine() {
    return NegotiationEngine.builder().policies(InMemoryPolicyRepository.of(Samples.policies())).clock(TODAY);
  }

  @Test
  void aSolverWhoseProposalsExceedTheBudgetIsStoppedNamingTheConstraint() {
    // a plausible bug: a solver that read the budget from the wrong place
    ProposalSolver generous = p -> ProposalSolver.exact().solve(new ProposalProblem(p.debts(),
        p.monthlyBudget().times(10), p.liquidSavings(), p.config(), p.acceptanceModel()));
    NegotiationRequest sample = Samples.sampleCase(); // infeasible at its real budget of 1140.00
    ComponentContractException e = assertThrows(ComponentContractException.class,
        () -> engine().solver(generous).build().calculate(sample));
    assertEquals("the proposal solver (a lambda in " + getClass().getName() + ")", e.component());
    assertTrue(e.problems().stream().anyMatch(x -> x.location().equals("AGGRESSIVE.totalFirstMonthInstallment")
        && x.reason().endsWith("above the monthly budget 1140.00")), e.problems().toString());
    assertTrue(e.getMessage().startsWith(e.component() + " broke its contract ("), e.getMessage());
    // the exact solver's answer to the same case passes the same check
    assertTrue(!engine().build().calculate(sample).feasible());
  }

  /**
   * A custom solver that builds an answer its own records refuse (here an infeasibility whose shortfall contradicts
   * its amounts) stops the case as the solver's fault: it had reached the caller as an error in the case.
   */
  @Test
  void aSolverThatBuildsARefusedAnswerIsStoppedAsItsFaultNotTheCases() {
    ProposalSolver contradicting = p -> new ProposalSet(List.of(), java.util.Optional.of(new Infeasibility(
        Infeasibility.BindingConstraint.MONTHLY_BUDGET, Money.of("10.00"), Money.of("1.00"), Money.of("5.00"),
        "too little", "restructure")), java.util.Map.of());
    ComponentContractException e = assertThrows(ComponentContractException.class,
        () -> engine().solver(contradicting).build().calculate(affordable));
    assertEquals("the proposal solver (a lambda in " + getClass().getName() + ")", e.component());
    assertEquals("shortfall", e.problems().get(0).location(), e.problems().toString());
  }

  /** A solver that answers every problem with one infeasibility, whatever the problem holds. */
  private static final class AlwaysInfeasible implements ProposalSolver {
    private final Infeasibility answer;

    AlwaysInfeasible(Infeasibility answer) {
      this.answer = answer;
    }

    @Override
    public ProposalSet solve(ProposalProblem problem) {
      return new ProposalSet(List.of(), java.util.Optional.of(answer), java.util.Map.of());
    }
  }

  /**
   * A solver answering "no eligible debt" to a problem that has eligible debts contradicts the eligibility: the
   * result had read "no debt can be put into installments" beside three debts let in and left out of nothing.
   */
  @Test
  void aSolverAnsweringNoEligibleDebtBesideEligibleDebtsIsStopped() {
    ProposalSolver none = new AlwaysInfeasible(new Infeasibility(Infeasibility.BindingConstraint.NO_ELIGIBLE_DEBT,
        Money.ZERO, Money.ZERO, Money.ZERO, "nothing to negotiate", "see each debt's reasons"));
    ComponentContractException e = assertThrows(ComponentContractException.class,
        () -> engine().solver(none).build().calculate(affordable));
    assertEquals("the proposal solver (" + AlwaysInfeasible.class.getName() + ")", e.component());
    assertEquals("infeasibility.binding: NO_ELIGIBLE_DEBT though the problem has 3 eligible debts (cc-1, cf-1, ol-1)",
        e.problems().get(0).toString());
    // and the other way round: a budget short by 100.00 of a case with no debt to plan
    List<io.github.fenqi.core.debt.Debt> small = affordable.debts().stream().map(d -> new io.github.fenqi.core.debt.Debt(
        d.id(), d.platformId(), d.productType(), Money.of("6.00"), Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO,
        Money.ZERO, d.annualRate(), d.overdueDays())).toList();
    NegotiationRequest nothingEligible = new NegotiationRequest(affordable.caseId(), affordable.asOf(),
        affordable.borrower(), small);
    ProposalSolver budget = new AlwaysInfeasible(new Infeasibility(Infeasibility.BindingConstraint.MONTHLY_BUDGET,
        Money.of("100.00"), Money.ZERO, Money.of("100.00"), "too little", "restructure"));
    e = assertThrows(ComponentContractException.class,
        () -> engine().solver(budget).build().calculate(nothingEligible));
    assertEquals("infeasibility.binding: MONTHLY_BUDGET though the problem has no eligible debt: NO_ELIGIBLE_DEBT binds",
        e.problems().get(0).toString());
    // the shipped solver's answers to both cases pass
    assertTrue(engine().build().calculate(affordable).feasible());
    assertEquals(Infeasibility.BindingConstraint.NO_ELIGIBLE_DEBT,
        engine().build().calculate(nothingEligible).binding());
  }

  /**
   * An infeasibility measures the problem's own budget or savings: a solver's "budget short by 8.00" of a budget of
   * 10.00 had been passed on for a borrower whose budget is thousands, the shortfall the result shows a figure of
   * nobody's case.
   */
  @Test
  void aSolverMeasuringAnotherBudgetOrSavingsIsStopped() {
    Money budget = engine().build().calculate(affordable).maxAffordableInstallment();
    Money savings = affordable.borrower().liquidSavings();
    Money other = Money.of("10.00");
    java.util.Map<Infeasibility.BindingConstraint, String> expected = new java.util.LinkedHashMap<>();
    expected.put(Infeasibility.BindingConstraint.MONTHLY_BUDGET, "the problem's monthly budget " + budget);
    expected.put(Infeasibility.BindingConstraint.BUDGET_AND_SAVINGS_TOGETHER, "the problem's monthly budget " + budget);
    expected.put(Infeasibility.BindingConstraint.LIQUID_SAVINGS, "the problem's liquid savings " + savings);
    for (var c : expected.entrySet()) {
      ProposalSolver elsewhere = new AlwaysInfeasible(new Infeasibility(c.getKey(), Money.of("18.00"), other,
          Money.of("8.00"), "too little", "restructure"));
      ComponentContractException e = assertThrows(ComponentContractException.class,
          () -> engine().solver(elsewhere).build().calculate(affordable), c.getKey().name());
      assertEquals("the proposal solver (" + AlwaysInfeasible.class.getName() + ")", e.component());
      assertEquals("infeasibility.available: 10.00 where " + c.getKey() + " binds is not " + c.getValue(),
          e.problems().get(0).toString());
    }
  }

  @Test
  void anAcceptanceModelThatIsNotAProbabilityIsStoppedNamingTheDebtAndOption() {
    for (double bad : new double[] {Double.NaN, 0.0, -0.2, 1.5}) {
      AcceptanceModel broken = new AcceptanceModel() {
        @Override
        public double probability(AcceptanceFeatures f) {
          return f.termOfMax() == 1.0 ? bad : 0.5; // wrong only at the longest term, as a fitted table might be
        }
      };
      ComponentContractException e = assertThrows(ComponentContractException.class,
          () -> engine().acceptanceModel(broken).build().calculate(affordable), "" + bad);
      assertEquals(1, e.problems().size());
      assertTrue(e.component().startsWith("the acceptance model (" + getClass().getName() + "$"), e.component());
      String reason = e.problems().get(0).reason();
      assertTrue(reason.startsWith("returned " + bad + " for debt '"), reason);
      assertTrue(reason.endsWith("); a probability must be in (0, 1]"), reason);
      assertTrue(reason.contains("(term 60, "), reason); // the credit card policy's longest term
    }
  }

  /**
   * A model that refuses features the grid built (as a fitted table might refuse a term it never saw) breaks its
   * contract: its refusal had reached the caller as "the proposal solver broke its contract", naming neither the model
   * nor the option, which the REST service would have answered as its own fault in the solver.
   */
  @Test
  void anAcceptanceModelThatRefusesAnOptionIsStoppedAsTheModelsFault() {
    AcceptanceModel untrained = new AcceptanceModel() {
      @Override
      public double probability(AcceptanceFeatures f) {
        if (f.termOfMax() == 1.0) {
          throw new InvalidInputException("termOfMax", "no outcome recorded at the longest term");
        }
        return 0.5;
      }
    };
    ComponentContractException e = assertThrows(ComponentContractException.class,
        () -> engine().acceptanceModel(untrained).build().calculate(affordable));
    assertTrue(e.component().startsWith("the acceptance model (" + getClass().getName() + "$"), e.component());
    assertEquals(1, e.problems().size(), e.problems().toString());
    String reason = e.problems().get(0).reason();
    assertTrue(reason.startsWith("refused debt '"), reason);
    assertTrue(reason.contains("(term 60, "), reason); // the credit card policy's longest term
    assertTrue(reason.endsWith("): termOfMax: no outcome recorded at the longest term"), reason);
  }

  @Test
  void aModelSureOfAcceptanceIsAllowed() {
    NegotiationResult r = engine().acceptanceModel(f -> 1.0).build().calculate(affordable);
    assertEquals(3, r.proposals().size());
    r.proposals().forEach(p -> assertEquals(1.0, p.acceptanceProbability()));
  }

  @Test
  void theLogisticModelNeverSaysZeroEvenFarBelowAnyLendersChance() {
    // logit ≈ −100 − 100 × ln(1 + 3650 / 30) ≈ −580 … −900: the plain quotient underflows to 0 below −745
    AcceptanceModel hopeless = AcceptanceModel.logistic(new AcceptanceCoefficients(-100, -100, -100, 0, -100, 0, 0));
    double p = hopeless.probability(new AcceptanceFeatures(1, 1, 0, 3650, false, 0.5));
    assertEquals(Double.MIN_VALUE, p);
    NegotiationResult r = engine().acceptanceModel(hopeless).build().calculate(affordable);
    assertTrue(r.proposals().stream().anyMatch(x -> x.strategy() == io.github.fenqi.core.solve.Strategy.CONSERVATIVE),
        "CONSERVATIVE still ranks the options: " + r.notes());
  }

  @Test
  void anAffordabilityModelWhoseBudgetTakesMoreThanHalfOfIncomeIsStopped() {
    AffordabilityModel whole = input -> {
      AffordabilityAssessment a = AffordabilityModel.defaults().assess(input);
      return new AffordabilityAssessment(a.monthlyNetIncome(), a.incomeSource(), a.incomeMonthsUsed(),
          a.observedEssentials(), a.livingCostFloor(), a.essentialExpenses(), a.abilityScore(), a.monthlyNetIncome(),
          a.canSupportPlan(), a.incomeVolatility(), a.notes());
    };
    ComponentContractException e = assertThrows(ComponentContractException.class,
        () -> engine().affordability(whole).build().calculate(affordable));
    assertEquals("maxAffordableInstallment: 16000.00 is outside 0..8000.00 (half the monthly net income 16000.00): "
        + "no plan may take more than half of income", e.problems().get(0).toString());
    assertTrue(e.component().startsWith("the affordability model (a lambda in "), e.component());
  }

  /**
   * The budget is min(score, share of income) (AffordabilityAssessment's Javadoc): a custom model's budget of 100.00 on
   * a score of 1.00 had been planned on as if the borrower could pay it, though the model's own score says they cannot.
   */
  @Test
  void anAffordabilityModelWhoseBudgetIsAboveItsScoreIsStopped() {
    AffordabilityModel generous = input -> {
      AffordabilityAssessment a = AffordabilityModel.defaults().assess(input);
      return new AffordabilityAssessment(a.monthlyNetIncome(), a.incomeSource(), a.incomeMonthsUsed(),
          a.observedEssentials(), a.livingCostFloor(), a.essentialExpenses(), io.github.fenqi.core.money.Money.of("1.00"),
          io.github.fenqi.core.money.Money.of("100.00"), true, a.incomeVolatility(), a.notes());
    };
    ComponentContractException e = assertThrows(ComponentContractException.class,
        () -> engine().affordability(generous).build().calculate(affordable));
    assertEquals("maxAffordableInstallment: 100.00 is above the abilityScore 1.00: the budget is at most the score",
        e.problems().get(0).toString());
    assertTrue(e.component().startsWith("the affordability model (a lambda in "), e.component());
  }

  /** The default model's assessment with its income and where it came from restated (a model that mixes borrowers). */
  private static final class Restated implements AffordabilityModel {
    private final @org.jspecify.annotations.Nullable Money income;
    private final AffordabilityAssessment.IncomeSource source;
    private final int months;

    /** {@code income} null: the default model's own. */
    Restated(@org.jspecify.annotations.Nullable Money income, AffordabilityAssessment.IncomeSource source, int months) {
      this.income = income;
      this.source = source;
      this.months = months;
    }

    @Override
    public AffordabilityAssessment assess(io.github.fenqi.core.affordability.AffordabilityInput input) {
      AffordabilityAssessment a = AffordabilityModel.defaults().assess(input);
      return new AffordabilityAssessment(income == null ? a.monthlyNetIncome() : income, source, months,
          a.observedEssentials(), a.livingCostFloor(), a.essentialExpenses(), a.abilityScore(),
          a.maxAffordableInstallment(), a.canSupportPlan(), a.incomeVolatility(), a.notes());
    }
  }

  /** A model that keeps its first assessment and gives it to every borrower after (a cache keyed on nothing). */
  private static final class FirstAssessmentForAll implements AffordabilityModel {
    private final java.util.concurrent.atomic.AtomicReference<AffordabilityAssessment> first =
        new java.util.concurrent.atomic.AtomicReference<>();

    @Override
    public AffordabilityAssessment assess(io.github.fenqi.core.affordability.AffordabilityInput input) {
      first.compareAndSet(null, AffordabilityModel.defaults().assess(input));
      return first.get();
    }
  }

  /**
   * The income an assessment is built on is the borrower's: the declared one where it says DECLARED, measured from
   * the statement months the model was given where it says STATEMENTS. A model that kept one borrower's assessment
   * had planned the next borrower, declaring 20 000.00, on the first one's 16 000.00 (and a budget from it), and one
   * saying STATEMENTS for a case without statements, or above every month's income, had shown it as measured.
   */
  @Test
  void anAffordabilityModelAssessingAnotherIncomeThanTheBorrowersIsStopped() {
    AffordabilityModel cached = new FirstAssessmentForAll();
    NegotiationEngine engine = engine().affordability(cached).build();
    engine.calculate(affordable);
    NegotiationRequest richer = NegotiationEngineTest.withIncome(Samples.sampleCase(), "20000.00", "12000.00");
    ComponentContractException e = assertThrows(ComponentContractException.class, () -> engine.calculate(richer));
    assertEquals("the affordability model (" + FirstAssessmentForAll.class.getName() + ")", e.component());
    assertEquals("monthlyNetIncome: 16000.00 is given as DECLARED, but the borrower declares 20000.00",
        e.problems().get(0).toString());

    var statements = AffordabilityAssessment.IncomeSource.STATEMENTS;
    var declared = AffordabilityAssessment.IncomeSource.DECLARED;
    e = assertThrows(ComponentContractException.class,
        () -> engine().affordability(new Restated(null, statements, 1)).build().calculate(affordable));
    assertEquals("incomeSource: STATEMENTS though the model was given no statement month", e.problems().get(0).toString());

    // the sample WeChat export, for a borrower who declares no income
    List<io.github.fenqi.core.statement.ParsedStatement> wechat = List.of(io.github.fenqi.core.statement.StatementParser
        .parseDetected("wechat_A.csv", Samples.bytes("samples/statements/wechat_A.csv")));
    io.github.fenqi.core.borrower.Borrower b = affordable.borrower();
    NegotiationRequest undeclared = new NegotiationRequest(affordable.caseId(), affordable.asOf(),
        new io.github.fenqi.core.borrower.Borrower(b.name(), b.idNumber(), b.mobile(), b.regionCode(), b.householdSize(),
            null, b.essentialExpenses(), b.liquidSavings(), b.hardships(), b.hasHardshipProof()), affordable.debts());
    AffordabilityAssessment measured = engine().build().calculate(undeclared, wechat).affordability();
    assertEquals(statements, measured.incomeSource());
    java.util.Map<String, AffordabilityModel> broken = new java.util.LinkedHashMap<>();
    broken.put("incomeSource: DECLARED though the borrower declares no income", new Restated(null, declared, 0));
    broken.put("incomeMonthsUsed: 7, more than the 6 statement months the model was given",
        new Restated(null, statements, 7));
    broken.put("monthlyNetIncome: 99999.00 is given as measured from statements, but no statement month's income is "
        + "above ", new Restated(Money.of("99999.00"), statements, 1));
    for (var c : broken.entrySet()) {
      e = assertThrows(ComponentContractException.class,
          () -> engine().affordability(c.getValue()).build().calculate(undeclared, wechat), c.getKey());
      assertEquals("the affordability model (" + Restated.class.getName() + ")", e.component());
      assertTrue(e.problems().get(0).toString().startsWith(c.getKey()), e.problems().toString());
    }
  }

  /**
   * The stress test is run on the model's income, essentials and income volatility: a custom model's volatility of 4
   * (or NaN), which the tester refuses, had stopped the case with an {@code InvalidInputException} — told to the caller
   * (a 400 from the REST service) as a fault in their case, which cannot carry a volatility at all.
   */
  @Test
  void anAffordabilityModelWhoseFiguresTheStressTestRefusesIsStoppedAsItsFault() {
    for (double bad : new double[] {4.0, Double.NaN, -0.5}) {
      AffordabilityModel wild = input -> {
        AffordabilityAssessment a = AffordabilityModel.defaults().assess(input);
        return new AffordabilityAssessment(a.monthlyNetIncome(), a.incomeSource(), a.incomeMonthsUsed(),
            a.observedEssentials(), a.livingCostFloor(), a.essentialExpenses(), a.abilityScore(),
            a.maxAffordableInstallment(), a.canSupportPlan(), java.util.OptionalDouble.of(bad), a.notes());
      };
      ComponentContractException e = assertThrows(ComponentContractException.class,
          () -> engine().affordability(wild).build().calculate(affordable), "volatility " + bad);
      assertTrue(e.component().startsWith("the affordability model (a lambda in "), e.component());
      assertEquals("incomeVolatility: " + bad + " is outside 0..3", e.problems().get(0).toString());
    }
  }

  /** The default tester, its comparisons passed through {@code change}: a plausibly broken custom tester. */
  private static StressTester altered(java.util.function.UnaryOperator<List<StressResult>> change) {
    StressTester tester = StressTester.monteCarlo(StressConfig.DEFAULTS);
    return new StressTester() {
      @Override
      public StressResult test(FinancialProfile profile, PlanCashflow plan) {
        return compare(profile, List.of(plan)).get(0);
      }

      @Override
      public List<StressResult> compare(FinancialProfile profile, List<PlanCashflow> plans) {
        return change.apply(tester.compare(profile, plans));
      }
    };
  }

  /**
   * The stress tester is handed each proposal as the borrower would pay it: its down payments in month 0 out of the
   * borrower's savings, then its installments, and the borrower's own savings beside them. A plan's down payments left
   * out of its cash flow would have it stress-tested as if the savings were untouched, its risk understated.
   */
  @Test
  void theStressTesterIsHandedEachProposalsDownPaymentsInstallmentsAndTheBorrowersSavings() {
    List<FinancialProfile> profiles = new java.util.ArrayList<>();
    List<PlanCashflow> flows = new java.util.ArrayList<>();
    StressTester recording = altered(all -> all);
    StressTester seeing = new StressTester() {
      @Override
      public StressResult test(FinancialProfile profile, PlanCashflow plan) {
        return compare(profile, List.of(plan)).get(0);
      }

      @Override
      public List<StressResult> compare(FinancialProfile profile, List<PlanCashflow> plans) {
        profiles.add(profile);
        flows.addAll(plans);
        return recording.compare(profile, plans);
      }
    };
    NegotiationResult result = engine().stressTester(seeing).build().calculate(affordable);
    assertEquals(3, result.proposals().size());
    assertEquals(List.of(affordable.borrower().liquidSavings()), profiles.stream().map(FinancialProfile::liquidSavings)
        .toList());
    assertEquals(result.proposals().size(), flows.size());
    for (int k = 0; k < flows.size(); k++) {
      NegotiationResult.ProposalReport p = result.proposals().get(k);
      assertTrue(p.totalDownPayment().isPositive(), "the case's plans take a down payment: " + p.totalDownPayment());
      assertEquals(p.totalDownPayment(), flows.get(k).downPayments(), p.strategy().name());
      assertEquals(p.totalFirstMonthInstallment().fen(), flows.get(k).dueFen(1), p.strategy().name());
      long paid = flows.get(k).downPayments().fen() + java.util.Arrays.stream(flows.get(k).monthlyFen()).sum();
      assertEquals(p.totalPayable().fen(), paid, p.strategy().name());
    }
  }

  @Test
  void aStressTesterThatGivesPercentagesIsStoppedAsItsFaultNotTheCases() {
    // a custom tester that gave 15 for 15 % had its plans shown as re-defaulting with probability 15.0; the result
    // now refuses such a figure, and the engine tells the refusal as the tester's (a server fault), not the request's
    StressTester percent = altered(all -> all.stream().map(r -> new StressResult(r.defaultProbability() * 100,
        r.expectedFirstDefaultMonth(), r.worstShortfall95(), r.level(), r.dominantDriver(), r.defaultsByDriver(),
        r.scenarios(), r.recommendation())).toList());
    ComponentContractException e = assertThrows(ComponentContractException.class,
        () -> engine().stressTester(percent).build().calculate(affordable));
    assertTrue(e.component().startsWith("the stress tester ("), e.component());
    assertEquals("defaultProbability", e.problems().get(0).location(), e.problems().toString());
    assertTrue(e.problems().get(0).reason().endsWith("is outside 0..1 (a share of the paths, not a percentage)"),
        e.problems().toString());
  }

  /** A contract violation needs at least one problem ({@code @param problems}): none names nothing. */
  @Test
  void aContractViolationWithoutAProblemIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ComponentContractException("the solver", List.of()));
  }

  @Test
  void aStressTesterThatLeavesAPlanUntestedIsStopped() {
    StressTester lossy = altered(all -> all.subList(0, all.size() - 1));
    ComponentContractException e = assertThrows(ComponentContractException.class,
        () -> engine().stressTester(lossy).build().calculate(affordable));
    assertEquals("compare: 2 results for 3 plans; one per plan, in order", e.problems().get(0).toString());
    // one result too many is no answer either: which of them is whose plan's?
    StressTester extra = altered(all -> java.util.stream.Stream.concat(all.stream(), all.stream().limit(1)).toList());
    ComponentContractException more = assertThrows(ComponentContractException.class,
        () -> engine().stressTester(extra).build().calculate(affordable));
    assertEquals("compare: 4 results for 3 plans; one per plan, in order", more.problems().get(0).toString());
  }

  /** A tester giving the i-th plan of every comparison the i-th default probability and level (the last repeated). */
  private static final class FixedLevels implements StressTester {
    private final double[] probabilities;
    private final io.github.fenqi.core.stress.RiskLevel[] levels;

    FixedLevels(double[] probabilities, io.github.fenqi.core.stress.RiskLevel... levels) {
      this.probabilities = probabilities;
      this.levels = levels;
    }

    @Override
    public StressResult test(FinancialProfile profile, PlanCashflow plan) {
      return compare(profile, List.of(plan)).get(0);
    }

    @Override
    public List<StressResult> compare(FinancialProfile profile, List<PlanCashflow> plans) {
      List<StressResult> results = new java.util.ArrayList<>();
      for (int i = 0; i < plans.size(); i++) {
        double p = probabilities[Math.min(i, probabilities.length - 1)];
        io.github.fenqi.core.stress.RiskLevel level = levels[Math.min(i, levels.length - 1)];
        var driver = io.github.fenqi.core.stress.StressDriver.JOB_LOSS;
        results.add(new StressResult(p, p > 0 ? java.util.OptionalDouble.of(6) : java.util.OptionalDouble.empty(),
            Money.ZERO, level, p > 0 ? java.util.Optional.of(driver) : java.util.Optional.empty(),
            p > 0 ? java.util.Map.of(driver, p) : java.util.Map.of(), List.of(),
            level == io.github.fenqi.core.stress.RiskLevel.RED ? java.util.Optional.of("restructure")
                : java.util.Optional.empty()));
      }
      return results;
    }
  }

  /**
   * The level is the default probability against the tester's thresholds (RiskLevel), so it never falls as the
   * probability rises, and nothing above GREEN is 0 paths defaulting: a tester calling a plan of 40 % GREEN beside one
   * of 5 % RED had the riskier plan recommended and scripted, and the safer one withheld as "do not negotiate".
   */
  @Test
  void aStressTesterWhoseLevelsContradictTheirProbabilitiesIsStopped() {
    var green = io.github.fenqi.core.stress.RiskLevel.GREEN;
    var yellow = io.github.fenqi.core.stress.RiskLevel.YELLOW;
    var red = io.github.fenqi.core.stress.RiskLevel.RED;
    java.util.Map<String, StressTester> broken = new java.util.LinkedHashMap<>();
    broken.put("compare[1].level: RED at a default probability of 0.05, though compare[0] is GREEN at 0.4: the level "
        + "rises with the default probability, whatever the thresholds", new FixedLevels(new double[] {0.4, 0.05}, green,
            red));
    broken.put("compare[1].level: YELLOW at a default probability of 0.2, though compare[0] is GREEN at 0.2: the level "
        + "rises with the default probability, whatever the thresholds", new FixedLevels(new double[] {0.2}, green,
            yellow));
    // refused as the tester builds it (StressResult holds it since round 87), so named as the result's own field
    broken.put("level: YELLOW though no path re-defaults (defaultProbability 0.0): GREEN at any threshold",
        new FixedLevels(new double[] {0.0}, yellow));
    for (var c : broken.entrySet()) {
      ComponentContractException e = assertThrows(ComponentContractException.class,
          () -> engine().stressTester(c.getValue()).build().calculate(affordable), c.getKey());
      assertEquals("the stress tester (" + FixedLevels.class.getName() + ")", e.component());
      assertEquals(c.getKey(), e.problems().get(0).toString());
    }
    // levels that rise with the probabilities, at any thresholds, pass
    NegotiationResult r = engine().stressTester(new FixedLevels(new double[] {0.0, 0.2, 0.6}, green, yellow, red)).build()
        .calculate(affordable);
    assertEquals(List.of(true, true, false), r.proposals().stream().map(NegotiationResult.ProposalReport::recommended)
        .toList());
  }

  /** An evaluator that keeps its first decision and gives it for every debt after (a cache keyed on nothing). */
  private static final class FirstDecisionForAll implements io.github.fenqi.core.policy.EligibilityEvaluator {
    private final java.util.concurrent.atomic.AtomicReference<io.github.fenqi.core.policy.EligibilityDecision> first =
        new java.util.concurrent.atomic.AtomicReference<>();

    @Override
    public io.github.fenqi.core.policy.EligibilityDecision evaluate(io.github.fenqi.core.debt.Debt debt,
        io.github.fenqi.core.borrower.Borrower borrower, io.github.fenqi.core.policy.Policy policy,
        java.time.LocalDate asOf) {
      first.compareAndSet(null, io.github.fenqi.core.policy.EligibilityEvaluator.declarative().evaluate(debt, borrower,
          policy, asOf));
      return first.get();
    }
  }

  /**
   * A decision is about the debt and the policy it was asked of: one about cc-1 under the credit card policy, given for
   * cf-1 and ol-1, had been shown as their decisions (the engine writes the debt's id beside the other debt's checks)
   * and planned them with the credit card policy's adjustment.
   */
  @Test
  void anEvaluatorDecidingAnotherDebtIsStopped() {
    ComponentContractException e = assertThrows(ComponentContractException.class,
        () -> engine().eligibility(new FirstDecisionForAll()).build().calculate(affordable));
    assertEquals("the eligibility evaluator (" + FirstDecisionForAll.class.getName() + ")", e.component());
    io.github.fenqi.core.policy.Policy card = Samples.policies().stream()
        .filter(p -> p.platformId().equals("demo-credit-card")).findFirst().orElseThrow();
    io.github.fenqi.core.debt.Debt cf = affordable.debts().get(1);
    io.github.fenqi.core.policy.Policy cfPolicy = Samples.policies().stream()
        .filter(p -> p.platformId().equals(cf.platformId())).findFirst().orElseThrow();
    assertEquals(List.of(
        "evaluate(debt 'cf-1').debtId: 'cc-1' is not the debt evaluated",
        "evaluate(debt 'cf-1').platformId: 'demo-credit-card' is not the debt's lender '" + cf.platformId() + "'",
        "evaluate(debt 'cf-1').policyVersion: '" + card.version() + "' is not the version of the policy evaluated, '"
            + cfPolicy.version() + "'"),
        e.problems().stream().map(Problem::toString).toList().subList(0, 3));
  }

  /**
   * An evaluator that lets a debt in under a policy not covering its product breaks the contract: the plan and the
   * script would follow another product's terms and legal basis. It had stopped the case with an
   * InvalidInputException at {@code policy.productTypes}, as if the request were at fault.
   */
  @Test
  void anEvaluatorLettingInADebtItsPolicyDoesNotCoverIsStopped() {
    List<io.github.fenqi.core.debt.Debt> debts = new java.util.ArrayList<>(affordable.debts());
    io.github.fenqi.core.debt.Debt cc = debts.get(0);
    assertEquals(io.github.fenqi.core.debt.ProductType.CREDIT_CARD, cc.productType());
    debts.set(0, new io.github.fenqi.core.debt.Debt(cc.id(), cc.platformId(),
        io.github.fenqi.core.debt.ProductType.ONLINE_LOAN, cc.principal(), cc.interest(), cc.penaltyInterest(),
        cc.compoundInterest(), cc.lateFees(), cc.otherFees(), cc.annualRate(), cc.overdueDays()));
    NegotiationRequest request = new NegotiationRequest(affordable.caseId(), affordable.asOf(), affordable.borrower(),
        debts, affordable.hardshipNote());
    io.github.fenqi.core.policy.EligibilityEvaluator everyone = (debt, borrower, policy, asOf) ->
        new io.github.fenqi.core.policy.EligibilityDecision(debt.id(), debt.platformId(), policy.version(), true,
            List.of(), io.github.fenqi.core.policy.PolicyAdjustment.NONE);
    ComponentContractException e = assertThrows(ComponentContractException.class,
        () -> engine().eligibility(everyone).build().calculate(request));
    assertTrue(e.component().startsWith("the eligibility evaluator ("), e.component());
    assertEquals("evaluate(debt '" + cc.id() + "'): eligible though policy 'demo-credit-card' "
        + Samples.policies().stream().filter(p -> p.platformId().equals("demo-credit-card")).findFirst().orElseThrow()
            .version() + " covers [CREDIT_CARD], not ONLINE_LOAN", e.problems().get(0).toString());
    // the shipped evaluator leaves the debt out, naming the product check, and plans the others
    NegotiationResult result = engine().build().calculate(request);
    assertTrue(result.ineligible().stream().anyMatch(i -> i.debtId().equals(cc.id())), result.ineligible().toString());
  }

  /**
   * A component that returns null, which no contract allows, is a {@code ComponentContractException} naming the
   * component and the call: each of these had been a NullPointerException from inside the engine (or
   * {@code List.copyOf}) that named neither. So is an eligibility decision that does not say why: a debt left out with
   * no failed check had been listed as ineligible with no reason, and a null adjustment failed in the option grid.
   */
  @Test
  void aComponentThatReturnsNullIsStoppedNamingTheComponentAndTheCall() {
    StressTester nullStress = new StressTester() {
      @Override
      public StressResult test(FinancialProfile profile, PlanCashflow plan) {
        return null;
      }

      @Override
      public List<StressResult> compare(FinancialProfile profile, List<PlanCashflow> plans) {
        return java.util.Arrays.asList(new StressResult[plans.size()]);
      }
    };
    io.github.fenqi.core.script.ScriptGenerator shipped = io.github.fenqi.core.script.ScriptGenerator.defaults();
    io.github.fenqi.core.script.ScriptGenerator oneShort = r -> {
      List<io.github.fenqi.core.script.NegotiationScript> all = shipped.generate(r);
      return all.subList(0, all.size() - 1);
    };
    io.github.fenqi.core.script.ScriptGenerator reversed = r -> {
      List<io.github.fenqi.core.script.NegotiationScript> all = new java.util.ArrayList<>(shipped.generate(r));
      java.util.Collections.reverse(all);
      return all;
    };
    io.github.fenqi.core.security.risk.RiskCheck silent = riskCheck("silent", null);
    // its answer audited and screened under another service's name (the engine's audit names services by answer)
    io.github.fenqi.core.security.risk.RiskCheck impostor = riskCheck("acme-antifraud",
        new io.github.fenqi.core.security.risk.RiskAssessment("other-bureau",
            io.github.fenqi.core.security.risk.RiskDecision.ALLOW, null, "ok", false));
    java.util.Map<String, java.util.function.UnaryOperator<NegotiationEngine.Builder>> broken =
        new java.util.LinkedHashMap<>();
    broken.put("the eligibility evaluator|evaluate(debt 'cc-1'): returned null",
        b -> b.eligibility((debt, borrower, policy, asOf) -> null));
    broken.put("the eligibility evaluator|evaluate(debt 'cc-1').adjustment: is null; PolicyAdjustment.NONE when nothing "
        + "is tightened", b -> b.eligibility((debt, borrower, policy, asOf) -> new io.github.fenqi.core.policy
            .EligibilityDecision(debt.id(), debt.platformId(), policy.version(), true, List.of(), null)));
    broken.put("the eligibility evaluator|evaluate(debt 'cc-1'): ineligible with no failed check: a debt left out must "
        + "say why", b -> b.eligibility((debt, borrower, policy, asOf) -> new io.github.fenqi.core.policy
            .EligibilityDecision(debt.id(), debt.platformId(), policy.version(), false, List.of(),
                io.github.fenqi.core.policy.PolicyAdjustment.NONE)));
    broken.put("the eligibility evaluator|evaluate(debt 'cc-1'): eligible though checks failed: [too soon]",
        b -> b.eligibility((debt, borrower, policy, asOf) -> new io.github.fenqi.core.policy.EligibilityDecision(
            debt.id(), debt.platformId(), policy.version(), true, List.of(new io.github.fenqi.core.policy
                .EligibilityCheck("OVERDUE", false, "1", ">= 30", "too soon")),
            io.github.fenqi.core.policy.PolicyAdjustment.NONE)));
    broken.put("the affordability model|assess: returned null", b -> b.affordability(input -> null));
    broken.put("the proposal solver|solve: returned null", b -> b.solver(problem -> null));
    broken.put("the stress tester|compare[0]: is null", b -> b.stressTester(nullStress));
    broken.put("the script generator|generate: returned null", b -> b.scriptGenerator(r -> null));
    broken.put("the script generator|generate: 2 scripts for 3 lender plans of AGGRESSIVE; one per plan, in order",
        b -> b.scriptGenerator(oneShort));
    // in another order: the engine had attached ol-1's script to cc-1's plan
    broken.put("the script generator|generate[0].debtId: 'ol-1' is not the debt of plan 0, 'cc-1': each plan's script is "
        + "the one at its index", b -> b.scriptGenerator(reversed));
    broken.put("the risk check|check: returned null", b -> b.riskCheck(silent));
    broken.put("the risk check|check.service: 'other-bureau' is not the check's name 'acme-antifraud': its answer and "
        + "audit entry would be another service's", b -> b.riskCheck(impostor));
    for (var c : broken.entrySet()) {
      String[] expected = c.getKey().split("\\|");
      ComponentContractException e = assertThrows(ComponentContractException.class,
          () -> c.getValue().apply(engine()).build().calculate(affordable), c.getKey());
      assertTrue(e.component().startsWith(expected[0] + " ("), e.component());
      assertEquals(expected[1], e.problems().get(0).toString());
    }
    io.github.fenqi.core.policy.PolicyRepository none = InMemoryPolicyRepository.of(Samples.policies());
    io.github.fenqi.core.policy.PolicyRepository noSnapshot = new io.github.fenqi.core.policy.PolicyRepository() {
      @Override
      public io.github.fenqi.core.policy.PolicySnapshot snapshot() {
        return null;
      }

      @Override
      public Subscription addListener(PolicyListener listener) {
        return none.addListener(listener);
      }
    };
    ComponentContractException e = assertThrows(ComponentContractException.class,
        () -> engine().policies(noSnapshot).build().calculate(affordable));
    assertEquals("snapshot(): returned null", e.problems().get(0).toString());
  }

  /**
   * A component whose answer is a record that refuses its own parts (an assessment whose canSupportPlan contradicts its
   * score, an eligibility check without its actual value, a note finding that ends before it starts, a script without
   * its title, a risk answer with a NaN score) is at fault, not the case: the refusal had reached the caller as an
   * {@code InvalidInputException} about the request, which the REST service answers as a 400, while the same refusal
   * from inside the solver or the stress tester was already told as theirs.
   */
  @Test
  void aComponentWhoseAnswerRefusesItsOwnPartsIsStoppedAsItsFaultNotTheCases() {
    AffordabilityModel shipped = AffordabilityModel.defaults();
    io.github.fenqi.core.script.ScriptGenerator scripts = io.github.fenqi.core.script.ScriptGenerator.defaults();
    java.util.Map<String, java.util.function.UnaryOperator<NegotiationEngine.Builder>> broken =
        new java.util.LinkedHashMap<>();
    broken.put("the affordability model|assess.canSupportPlan: false with an abilityScore of 5040.00: a plan is "
        + "supported exactly when the score is above 0", b -> b.affordability(input -> {
          AffordabilityAssessment a = shipped.assess(input);
          return new AffordabilityAssessment(a.monthlyNetIncome(), a.incomeSource(), a.incomeMonthsUsed(),
              a.observedEssentials(), a.livingCostFloor(), a.essentialExpenses(), a.abilityScore(), Money.ZERO, false,
              a.incomeVolatility(), a.notes());
        }));
    broken.put("the eligibility evaluator|evaluate(debt 'cc-1').actual: is required",
        b -> b.eligibility((debt, borrower, policy, asOf) -> new io.github.fenqi.core.policy.EligibilityDecision(
            debt.id(), debt.platformId(), policy.version(), true, List.of(new io.github.fenqi.core.policy
                .EligibilityCheck("RULE", true, null, ">= 1", "passed")),
            io.github.fenqi.core.policy.PolicyAdjustment.NONE)));
    broken.put("the script generator|generate.title: is required", b -> b.scriptGenerator(r -> List.of(
        new io.github.fenqi.core.script.NegotiationScript("cc-1", "demo-credit-card", r.strategy(),
            r.options().language(), null, List.of(), List.of()))));
    broken.put("the script generator|noteFindings.end: 2 is not after start 3: a match holds at least one character",
        b -> b.scriptGenerator(new io.github.fenqi.core.script.ScriptGenerator() {
          @Override
          public List<io.github.fenqi.core.script.NegotiationScript> generate(io.github.fenqi.core.script.ScriptRequest r) {
            return scripts.generate(r);
          }

          @Override
          public List<io.github.fenqi.core.script.SensitiveMatch> noteFindings(String note) {
            return List.of(new io.github.fenqi.core.script.SensitiveMatch("word", "complaint", 3, 2, "x"));
          }
        }));
    broken.put("the risk check|check.score: NaN is not a finite number", b -> b.riskCheck(answering("acme-antifraud",
        () -> new io.github.fenqi.core.security.risk.RiskAssessment("acme-antifraud",
            io.github.fenqi.core.security.risk.RiskDecision.ALLOW, Double.NaN, "ok", false))));
    NegotiationRequest noted = new NegotiationRequest(affordable.caseId(), affordable.asOf(), affordable.borrower(),
        affordable.debts(), "我失业了");
    List<String> told = new java.util.ArrayList<>();
    for (var c : broken.entrySet()) {
      Throwable e = assertThrows(Throwable.class, () -> c.getValue().apply(engine()).build().calculate(noted),
          c.getKey());
      told.add(e instanceof ComponentContractException contract
          ? contract.component().replaceFirst(" \\(.*", "") + "|" + contract.problems().get(0)
          : e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    assertEquals(List.copyOf(broken.keySet()), told);
  }

  /**
   * The engine promises results with no unmasked identifier, and a script is read out to a lender: a generator writing
   * the borrower's own ID number or mobile in clear (a template given {@code borrower.idNumber()} where the shipped one
   * masks it) had its scripts passed on as they were, the numbers in the result, its JSON and the audit's proposals.
   */
  @Test
  void aScriptGeneratorWritingTheBorrowersNumbersInClearIsStopped() {
    io.github.fenqi.core.script.ScriptGenerator shipped = io.github.fenqi.core.script.ScriptGenerator.defaults();
    java.util.Map<String, io.github.fenqi.core.script.ScriptGenerator> leaking = new java.util.LinkedHashMap<>();
    leaking.put("generate[0].sections[0].text: holds the borrower's ID number in clear; a script gives identifiers "
        + "masked only", r -> withHardship(shipped.generate(r), " 身份证号" + r.borrower().idNumber()));
    leaking.put("generate[0].sections[0].text: holds the borrower's mobile in clear; a script gives identifiers "
        + "masked only", r -> withHardship(shipped.generate(r), " 手机" + r.borrower().mobile()));
    List<String> told = new java.util.ArrayList<>();
    for (var generator : leaking.values()) {
      Throwable e = assertThrows(Throwable.class,
          () -> engine().scriptGenerator(generator).build().calculate(affordable));
      told.add(e instanceof ComponentContractException contract ? contract.problems().get(0).toString()
          : e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    assertEquals(List.copyOf(leaking.keySet()), told);
  }

  /** {@code scripts} with {@code added} at the end of the first one's HARDSHIP section. */
  private static List<io.github.fenqi.core.script.NegotiationScript> withHardship(
      List<io.github.fenqi.core.script.NegotiationScript> scripts, String added) {
    List<io.github.fenqi.core.script.NegotiationScript> out = new java.util.ArrayList<>(scripts);
    io.github.fenqi.core.script.NegotiationScript first = out.get(0);
    List<io.github.fenqi.core.script.ScriptSection> sections = new java.util.ArrayList<>(first.sections());
    io.github.fenqi.core.script.ScriptSection hardship = sections.get(0);
    sections.set(0, new io.github.fenqi.core.script.ScriptSection(hardship.kind(), hardship.title(),
        hardship.text() + added));
    out.set(0, new io.github.fenqi.core.script.NegotiationScript(first.debtId(), first.platformId(), first.strategy(),
        first.language(), first.title(), sections, first.findings()));
    return out;
  }

  /** The shipped generator, always asked for English whatever the request's language (a dropped option). */
  private static final class AlwaysEnglish implements io.github.fenqi.core.script.ScriptGenerator {
    private final io.github.fenqi.core.script.ScriptGenerator shipped = io.github.fenqi.core.script.ScriptGenerator
        .defaults();

    @Override
    public List<io.github.fenqi.core.script.NegotiationScript> generate(io.github.fenqi.core.script.ScriptRequest r) {
      return shipped.generate(new io.github.fenqi.core.script.ScriptRequest(r.borrower(), r.affordability(),
          r.strategy(), r.plans(), r.otherDebts(), new io.github.fenqi.core.script.ScriptOptions(
              io.github.fenqi.core.script.ScriptLanguage.EN, r.options().hardshipNote())));
    }
  }

  /**
   * Scripts are in the language the engine was configured with: a generator that dropped the option had the borrower
   * (zh-CN by default) handed English scripts to read to their lenders, each marked EN, without a word.
   */
  @Test
  void aScriptGeneratorWritingInAnotherLanguageIsStopped() {
    ComponentContractException e = assertThrows(ComponentContractException.class,
        () -> engine().scriptGenerator(new AlwaysEnglish()).build().calculate(affordable));
    assertEquals("the script generator (" + AlwaysEnglish.class.getName() + ")", e.component());
    assertEquals("generate[0].language: EN is not the language asked for, ZH_CN", e.problems().get(0).toString());
    // asked for English, it passes
    assertEquals(3, engine().scriptGenerator(new AlwaysEnglish()).scriptLanguage(
        io.github.fenqi.core.script.ScriptLanguage.EN).build().calculate(affordable).proposals().size());
  }

  /** The shipped generator, whose note findings are of the note with a label put before it (offsets of another text). */
  private static final class LabelledNote implements io.github.fenqi.core.script.ScriptGenerator {
    private final io.github.fenqi.core.script.ScriptGenerator shipped = io.github.fenqi.core.script.ScriptGenerator
        .defaults();

    @Override
    public List<io.github.fenqi.core.script.NegotiationScript> generate(io.github.fenqi.core.script.ScriptRequest r) {
      return shipped.generate(r);
    }

    @Override
    public List<io.github.fenqi.core.script.SensitiveMatch> noteFindings(String note) {
      return shipped.noteFindings("备注：" + note);
    }
  }

  /**
   * A finding in the hardship note is where it says, in that note: findings of another text (the note with a label
   * before it) had been reported at offsets holding other characters, or past the note's end, which a client
   * highlighting them in the note met as the wrong words or a StringIndexOutOfBoundsException.
   */
  @Test
  void aScriptGeneratorFindingWordsWhereTheNoteDoesNotHoldThemIsStopped() {
    java.util.Map<String, List<String>> expected = new java.util.LinkedHashMap<>();
    expected.put("再催我就去媒体曝光，我说到做到", List.of("noteFindings[0]: '媒体' at 8..10, where the note holds '光，'",
        "noteFindings[1]: '曝光' at 10..12, where the note holds '我说'"));
    expected.put("去媒体曝光", List.of("noteFindings[0]: '媒体' at 4..6, past the note's end (5 characters)",
        "noteFindings[1]: '曝光' at 6..8, past the note's end (5 characters)"));
    for (var c : expected.entrySet()) {
      NegotiationRequest withNote = new NegotiationRequest(affordable.caseId(), affordable.asOf(),
          affordable.borrower(), affordable.debts(), c.getKey());
      ComponentContractException e = assertThrows(ComponentContractException.class,
          () -> engine().scriptGenerator(new LabelledNote()).build().calculate(withNote));
      assertEquals("the script generator (" + LabelledNote.class.getName() + ")", e.component());
      assertEquals(c.getValue(), e.problems().stream().map(Problem::toString).toList());
      assertEquals(List.of("媒体", "曝光"), engine().build().calculate(withNote).hardshipNoteFindings().stream()
          .map(io.github.fenqi.core.script.SensitiveMatch::matched).toList());
    }
  }

  /** A risk check named {@code name} that gives {@code answer} (null included) to every request. */
  private static io.github.fenqi.core.security.risk.RiskCheck riskCheck(String name,
      io.github.fenqi.core.security.risk.@org.jspecify.annotations.Nullable RiskAssessment answer) {
    return answering(name, () -> answer);
  }

  /** A risk check named {@code name} answering what {@code answer} builds when asked (a refusal then, not now). */
  private static io.github.fenqi.core.security.risk.RiskCheck answering(String name,
      java.util.function.Supplier<io.github.fenqi.core.security.risk.@org.jspecify.annotations.Nullable RiskAssessment>
          answer) {
    return new io.github.fenqi.core.security.risk.RiskCheck() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public io.github.fenqi.core.security.risk.RiskAssessment check(io.github.fenqi.core.security.risk.RiskCheckRequest r) {
        return answer.get();
      }
    };
  }

  /** An engine whose online lender's policy sets no least balance (its {@code minOutstanding} 0.00). */
  private static NegotiationEngine noLeastBalanceOnTheOnlineLender() {
    List<io.github.fenqi.core.policy.Policy> policies = Samples.policies().stream().map(p -> p.platformId()
        .equals("demo-online-lender") ? io.github.fenqi.core.json.FenqiJson.read(
            io.github.fenqi.core.json.FenqiJson.newMapper(), io.github.fenqi.core.json.FenqiJson.write(
                io.github.fenqi.core.json.FenqiJson.newMapper(), p).replace("\"minOutstanding\" : \"500.00\"",
                "\"minOutstanding\" : \"0.00\"").getBytes(java.nio.charset.StandardCharsets.UTF_8),
            io.github.fenqi.core.policy.Policy.class, "policy") : p).toList();
    return NegotiationEngine.builder().policies(InMemoryPolicyRepository.of(policies)).clock(TODAY)
        .build();
  }

  /**
   * A debt with nothing to pay in installments — it owes nothing, or the policy's least down payment already settles
   * it — is left out with the reason, and the others are planned: a 0.00 debt had been given a 3-month "plan" of
   * 0.00 and a script, and a 0.01 one stopped the whole case with an overflow (its grid was empty).
   */
  @Test
  void aDebtWithNothingToPayInInstallmentsIsLeftOutWithTheReason() {
    NegotiationEngine engine = noLeastBalanceOnTheOnlineLender();
    for (String owed : new String[] {"0.00", "0.01"}) {
      List<io.github.fenqi.core.debt.Debt> debts = new java.util.ArrayList<>(affordable.debts());
      io.github.fenqi.core.debt.Debt ol = debts.get(2);
      assertEquals("demo-online-lender", ol.platformId());
      debts.set(2, new io.github.fenqi.core.debt.Debt(ol.id(), ol.platformId(), ol.productType(),
          io.github.fenqi.core.money.Money.of(owed), io.github.fenqi.core.money.Money.ZERO,
          io.github.fenqi.core.money.Money.ZERO, io.github.fenqi.core.money.Money.ZERO,
          io.github.fenqi.core.money.Money.ZERO, io.github.fenqi.core.money.Money.ZERO, ol.annualRate(),
          ol.overdueDays()));
      NegotiationResult r = engine.calculate(new NegotiationRequest(affordable.caseId(), affordable.asOf(),
          affordable.borrower(), debts));
      assertEquals(List.of(new NegotiationResult.Ineligible(ol.id(), List.of(owed.equals("0.00")
          ? "owes nothing: there is nothing to negotiate"
          : "the least down payment (10 % of 0.01, rounded up to the fen) settles the whole debt: a settlement in "
              + "full, not an installment plan"))), r.ineligible(), owed);
      assertEquals(3, r.proposals().size(), owed);
      r.proposals().forEach(p -> assertEquals(2, p.plans().size()));
    }
  }

  /**
   * A case whose only debt owes nothing is told so, not to pay "a small balance in full": paying in full is advised
   * only for a debt that owes something, which its policy's least down payment settles.
   */
  @Test
  void aCaseOwingNothingIsNotAdvisedToPayInFull() {
    NegotiationEngine engine = noLeastBalanceOnTheOnlineLender();
    io.github.fenqi.core.debt.Debt ol = affordable.debts().get(2);
    assertEquals("demo-online-lender", ol.platformId());
    for (String owed : new String[] {"0.00", "0.01"}) {
      io.github.fenqi.core.debt.Debt only = new io.github.fenqi.core.debt.Debt(ol.id(), ol.platformId(),
          ol.productType(), io.github.fenqi.core.money.Money.of(owed), io.github.fenqi.core.money.Money.ZERO,
          io.github.fenqi.core.money.Money.ZERO, io.github.fenqi.core.money.Money.ZERO,
          io.github.fenqi.core.money.Money.ZERO, io.github.fenqi.core.money.Money.ZERO, ol.annualRate(),
          ol.overdueDays());
      NegotiationResult r = engine.calculate(new NegotiationRequest(affordable.caseId(), affordable.asOf(),
          affordable.borrower(), List.of(only)));
      assertEquals(io.github.fenqi.core.solve.Infeasibility.BindingConstraint.NO_ELIGIBLE_DEBT, r.binding(), owed);
      assertEquals(owed.equals("0.00") ? "Nothing is owed: there is nothing to negotiate."
          : "See each debt's reasons: some are met by paying a small balance in full. " + RESTRUCTURE_IF_NOT,
          r.recommendation(), owed);
    }
  }

  /** No eligible debt: the advice starts from each debt's reasons, not from restructuring (they may be met simply). */
  @Test
  void noEligibleDebtPointsToEachDebtsReasonsFirst() {
    List<io.github.fenqi.core.debt.Debt> small = affordable.debts().stream().map(d -> new io.github.fenqi.core.debt.Debt(
        d.id(), d.platformId(), d.productType(), io.github.fenqi.core.money.Money.of("6.00"),
        io.github.fenqi.core.money.Money.ZERO, io.github.fenqi.core.money.Money.ZERO,
        io.github.fenqi.core.money.Money.ZERO, io.github.fenqi.core.money.Money.ZERO,
        io.github.fenqi.core.money.Money.ZERO, d.annualRate(), d.overdueDays())).toList();
    NegotiationResult r = engine().build().calculate(new NegotiationRequest(affordable.caseId(), affordable.asOf(),
        affordable.borrower(), small));
    assertEquals(io.github.fenqi.core.solve.Infeasibility.BindingConstraint.NO_ELIGIBLE_DEBT, r.binding());
    assertEquals(3, r.ineligible().size());
    // each one's balance is below its policy's least, and nothing else keeps it out
    assertEquals("See each debt's reasons: some are met by paying a small balance in full. " + RESTRUCTURE_IF_NOT,
        r.recommendation());
    // true of these (below each policy's least balance) and of debts a policy admits whose least down payment settles
    // them, which "no debt is eligible" was not
    assertEquals("No debt can be put into installments under its lender's current policy: each one's reasons are "
        + "listed.", r.reason());
  }

  private static final String RESTRUCTURE_IF_NOT = "If none can be, seek a debt restructuring across all lenders "
      + "(债务重组) or the legal route (personal debt mediation, court-supervised settlement).";

  /** The affordable sample's debts, each as {@code change} makes it, for a borrower with hardship proof or without. */
  private NegotiationResult withDebts(boolean proof, java.util.function.UnaryOperator<io.github.fenqi.core.debt.Debt>
      change) {
    io.github.fenqi.core.borrower.Borrower b = affordable.borrower();
    io.github.fenqi.core.borrower.Borrower borrower = new io.github.fenqi.core.borrower.Borrower(b.name(), b.idNumber(),
        b.mobile(), b.regionCode(), b.householdSize(), b.monthlyNetIncome(), b.essentialExpenses(), b.liquidSavings(),
        b.hardships(), proof);
    return engine().build().calculate(new NegotiationRequest(affordable.caseId(), affordable.asOf(), borrower,
        affordable.debts().stream().map(change).toList()));
  }

  private static io.github.fenqi.core.debt.Debt with(io.github.fenqi.core.debt.Debt d,
      io.github.fenqi.core.debt.ProductType product, int overdueDays) {
    return new io.github.fenqi.core.debt.Debt(d.id(), d.platformId(), product, d.principal(), d.interest(),
        d.penaltyInterest(), d.compoundInterest(), d.lateFees(), d.otherFees(), d.annualRate(), overdueDays);
  }

  /**
   * No debt is kept out by its balance (too recent, or no proof of hardship): the advice names what does keep them out,
   * not "paying a small balance in full", which it had given whatever the reasons were.
   */
  @Test
  void noEligibleDebtAdvisesWhatTheReasonsGivenCanBeMetBy() {
    NegotiationResult r = withDebts(false, d -> d.platformId().equals("demo-online-lender")
        ? with(d, d.productType(), 10) : d);
    assertEquals(io.github.fenqi.core.solve.Infeasibility.BindingConstraint.NO_ELIGIBLE_DEBT, r.binding());
    assertEquals("See each debt's reasons: some are met in time (more days overdue) or with proof of hardship. "
        + RESTRUCTURE_IF_NOT, r.recommendation());
  }

  /** A custom rule's reason, which the engine cannot name a remedy for: the advice leaves it to the reasons' words. */
  @Test
  void noEligibleDebtForACustomRulesReasonPointsToTheReasons() {
    io.github.fenqi.core.policy.EligibilityEvaluator ruled = (debt, borrower, policy, asOf) -> {
      io.github.fenqi.core.policy.EligibilityDecision d =
          io.github.fenqi.core.policy.EligibilityEvaluator.declarative().evaluate(debt, borrower, policy, asOf);
      List<io.github.fenqi.core.policy.EligibilityCheck> checks = new java.util.ArrayList<>(d.checks());
      checks.add(new io.github.fenqi.core.policy.EligibilityCheck("NO_OTHER_LOAN_THIS_YEAR", false, "1", "0",
          "the lender renegotiates one loan a year"));
      return new io.github.fenqi.core.policy.EligibilityDecision(d.debtId(), d.platformId(), d.policyVersion(), false,
          checks, d.adjustment());
    };
    NegotiationResult r = engine().eligibility(ruled).build().calculate(affordable);
    assertEquals(io.github.fenqi.core.solve.Infeasibility.BindingConstraint.NO_ELIGIBLE_DEBT, r.binding());
    assertEquals("See each debt's reasons: if none can be met, seek a debt restructuring across all lenders (债务重组) "
        + "or the legal route (personal debt mediation, court-supervised settlement).", r.recommendation());
  }

  /**
   * No reason the borrower can meet (each debt's product is one its lender's policy does not cover): restructuring is
   * the advice, without pointing at reasons none of which can be met; and none at all when nothing is owed.
   */
  @Test
  void noEligibleDebtForReasonsNoneCanMeetAdvisesRestructuring() {
    NegotiationResult r = withDebts(true, d -> with(d, io.github.fenqi.core.debt.ProductType.BANK_LOAN,
        d.overdueDays()));
    assertEquals(io.github.fenqi.core.solve.Infeasibility.BindingConstraint.NO_ELIGIBLE_DEBT, r.binding());
    assertEquals("No debt's reasons can be met by the borrower: seek a debt restructuring across all lenders (债务重组) "
        + "or the legal route (personal debt mediation, court-supervised settlement) instead of single-lender "
        + "installment negotiation.", r.recommendation());
    Money none = Money.ZERO;
    NegotiationResult nothingOwed = withDebts(true, d -> new io.github.fenqi.core.debt.Debt(d.id(), d.platformId(),
        d.productType(), none, none, none, none, none, none, d.annualRate(), d.overdueDays()));
    assertEquals("Nothing is owed: there is nothing to negotiate.", nothingOwed.recommendation());
  }

  /**
   * A rule that caps the term below the policy's shortest (maxInstallments(6) under a policy of 12–60) leaves that
   * debt no plan: it is left out, saying so. The plan used to keep the policy's 12 months, above what the rule allows,
   * while the decision said the rule applied.
   */
  @Test
  void aRuleCappingTheTermBelowThePolicysShortestLeavesTheDebtOutWithTheReason() {
    io.github.fenqi.core.policy.EligibilityEvaluator shortTerms = (debt, borrower, policy, asOf) -> {
      io.github.fenqi.core.policy.EligibilityDecision d =
          io.github.fenqi.core.policy.EligibilityEvaluator.declarative().evaluate(debt, borrower, policy, asOf);
      return !debt.platformId().equals("demo-credit-card") ? d
          : new io.github.fenqi.core.policy.EligibilityDecision(d.debtId(), d.platformId(), d.policyVersion(),
              d.eligible(), d.checks(), new io.github.fenqi.core.policy.PolicyAdjustment(java.util.Map.of(),
                  java.util.Optional.of(6), java.util.Optional.empty()));
    };
    NegotiationResult r = engine().eligibility(shortTerms).build().calculate(affordable);
    assertEquals(List.of(new NegotiationResult.Ineligible("cc-1", List.of("the eligibility rules allow at most 6 "
        + "installments, fewer than the shortest term the policy allows (12): no installment plan meets both"))),
        r.ineligible());
    assertEquals(3, r.proposals().size());
    r.proposals().forEach(p -> assertEquals(List.of("cf-1", "ol-1"),
        p.plans().stream().map(NegotiationResult.DebtPlan::debtId).toList()));

    io.github.fenqi.core.policy.Policy card = Samples.policies().stream()
        .filter(p -> p.platformId().equals("demo-credit-card")).findFirst().orElseThrow();
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> io.github.fenqi.core.solve.DebtTerms.of(
        affordable.debts().get(0), card, new io.github.fenqi.core.policy.PolicyAdjustment(java.util.Map.of(),
            java.util.Optional.of(6), java.util.Optional.empty()), true));
    assertEquals("adjustment.maxInstallments", e.problems().get(0).location());
  }
}
