package io.github.fenqi.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.fenqi.core.affordability.AffordabilityAssessment;
import io.github.fenqi.core.json.SdkOutput;
import io.github.fenqi.core.money.Decimals;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.schedule.Schedule;
import io.github.fenqi.core.solve.Infeasibility;
import io.github.fenqi.core.solve.Strategy;
import io.github.fenqi.core.stress.RiskLevel;
import io.github.fenqi.core.stress.StressDriver;
import io.github.fenqi.core.stress.StressResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * Everything {@link NegotiationEngine#calculate} found for one case, explained. This record is also the JSON
 * the CLI prints and the REST API returns (camelCase, money as decimal strings, absent values omitted), and it reads
 * back into an equal record — {@code FenqiJson.newMapper().readValue(json, NegotiationResult.class)} — so a Java
 * client of the REST API can use these types (derived figures such as a schedule's total and rate may be left out,
 * and are checked when given).
 * A part this record or one of its parts needs (every one not marked nullable) that is missing or null, or a null in
 * one of its lists or maps, is an {@link InvalidInputException} naming each such part ({@code proposals[0].plans},
 * {@code notes.AGGRESSIVE}), not a NullPointerException nor a result holding null.
 *
 * <p>Thread-safety: immutable.
 *
 * @param caseId the request's case
 * @param asOf the date policies were looked up on
 * @param policySnapshotVersion the policy repository version used
 * @param feasible whether at least one proposal exists (true exactly when {@code proposals} is not empty)
 * @param reason why not, when infeasible (then required; absent when feasible, as the next three)
 * @param recommendation what to do instead, when infeasible; for NO_ELIGIBLE_DEBT the engine's, from the reasons the
 *     debts were left out for (more days overdue, proof of hardship, a small balance paid in full, or restructuring
 *     when no reason can be met)
 * @param binding the constraint that binds, when infeasible: NO_ELIGIBLE_DEBT exactly when no debt is left to plan
 *     (each one not eligible, or listed among {@code ineligible})
 * @param shortfall how far off it is, when infeasible: never negative, above 0.00 where the budget or the savings bind,
 *     0.00 where no amount of money measures the constraint (no eligible debt, a solver's user constraint)
 * @param maxAffordableInstallment the monthly budget for first installments (the assessment's, which it must equal)
 * @param affordability how the budget was worked out
 * @param eligibility every debt's decision (eligible exactly when none of its checks failed)
 * @param ineligible the debts left out, with reasons (a debt let in may be among them when no plan can be made of it;
 *     a planned debt is one its decision let in and that is not among them)
 * @param proposals one per strategy that has one, in {@link Strategy} order (a strategy twice, or out of order, is
 *     refused)
 * @param notes why a strategy has no proposal, or is not proven optimal
 * @param screening the forensic and risk checks the case passed (null when it came without statements and the
 *     engine has no risk checks); a REVIEW verdict here means a person should look before the proposals are sent
 * @param hardshipNoteFindings the sensitive words found in the request's free-text hardship note and kept out of
 *     every script (reported even when there is no proposal); empty when there was no note or it was clean
 */
@SdkOutput
@JsonPropertyOrder({"caseId", "asOf", "policySnapshotVersion", "feasible", "reason", "recommendation", "binding", "shortfall",
    "maxAffordableInstallment", "screening", "ineligible", "proposals", "affordability", "eligibility", "notes",
    "hardshipNoteFindings"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NegotiationResult(
    String caseId,
    LocalDate asOf,
    long policySnapshotVersion,
    boolean feasible,
    @Nullable String reason,
    @Nullable String recommendation,
    Infeasibility.@Nullable BindingConstraint binding,
    @Nullable Money shortfall,
    Money maxAffordableInstallment,
    AffordabilityAssessment affordability,
    List<DebtEligibility> eligibility,
    List<Ineligible> ineligible,
    List<ProposalReport> proposals,
    Map<Strategy, String> notes,
    @Nullable Screening screening,
    List<io.github.fenqi.core.script.SensitiveMatch> hardshipNoteFindings) {

  public NegotiationResult {
    RequiredParts.check(new String[] {"caseId", "asOf", "maxAffordableInstallment", "affordability", "eligibility",
        "ineligible", "proposals", "notes", "hardshipNoteFindings"}, caseId, asOf, maxAffordableInstallment,
        affordability, eligibility, ineligible, proposals, notes, hardshipNoteFindings);
    List<Problem> contradictions = new java.util.ArrayList<>();
    if (feasible == proposals.isEmpty()) {
      contradictions.add(Problem.of("feasible", feasible ? "is true, but there is no proposal"
          : "is false, but there are " + proposals.size() + " proposals"));
    }
    Object[] why = {reason, recommendation, binding, shortfall};
    String[] whyNames = {"reason", "recommendation", "binding", "shortfall"};
    for (int i = 0; i < why.length; i++) {
      if (feasible && why[i] != null) {
        contradictions.add(Problem.of(whyNames[i], "is present though the case is feasible"));
      } else if (!feasible && why[i] == null) {
        contradictions.add(Problem.of(whyNames[i], "is required when infeasible"));
      }
    }
    if (!feasible && binding != null && shortfall != null) {
      shortfallDisagrees(binding, shortfall).ifPresent(contradictions::add);
    }
    if (!feasible && binding != null) {
      noDebtDisagrees(binding, eligibility, ineligible).ifPresent(contradictions::add);
    }
    if (!maxAffordableInstallment.equals(affordability.maxAffordableInstallment())) {
      contradictions.add(Problem.of("maxAffordableInstallment", maxAffordableInstallment + " is not the budget the "
          + "assessment worked out (affordability.maxAffordableInstallment " + affordability.maxAffordableInstallment()
          + ")"));
    }
    contradictions.addAll(Strategy.outOfOrder("proposals", proposals.stream().map(ProposalReport::strategy).toList()));
    contradictions.addAll(plannedButNotEligible(eligibility, ineligible, proposals));
    if (!contradictions.isEmpty()) {
      throw new InvalidInputException(contradictions);
    }
    eligibility = List.copyOf(eligibility);
    ineligible = List.copyOf(ineligible);
    proposals = List.copyOf(proposals);
    Map<Strategy, String> ordered = new EnumMap<>(Strategy.class); // strategy order, not Map.copyOf's per-JVM one
    ordered.putAll(Map.copyOf(notes));
    notes = Collections.unmodifiableMap(ordered);
    hardshipNoteFindings = List.copyOf(hardshipNoteFindings);
  }

  /**
   * The problem with {@code shortfall} as the gap of {@code binding}, as {@link Infeasibility} holds every solver's
   * answer to it: never negative, more than nothing where the budget or the savings bind, nothing where no amount of
   * money measures the constraint. A response saying otherwise had read back as stated (the budget short by -1103.26).
   */
  private static Optional<Problem> shortfallDisagrees(Infeasibility.BindingConstraint binding, Money shortfall) {
    if (shortfall.isNegative()) {
      return Optional.of(Problem.of("shortfall", "'" + shortfall + "' is negative"));
    }
    return Optional.ofNullable(switch (binding) {
      case MONTHLY_BUDGET, LIQUID_SAVINGS -> shortfall.isPositive() ? null : Problem.of("shortfall", "'" + shortfall
          + "' where " + binding + " binds: a binding budget or savings falls short by more than nothing");
      case NO_ELIGIBLE_DEBT, USER_CONSTRAINT -> shortfall.isZero() ? null : Problem.of("shortfall", "'" + shortfall
          + "' where " + binding + " binds, which no amount of money measures: 0.00");
      case BUDGET_AND_SAVINGS_TOGETHER, ACCEPTANCE_FLOOR -> null;
    });
  }

  /**
   * The problem with {@code binding} when "no eligible debt" is not said exactly when no debt is left to plan (each
   * debt's decision says not eligible, or it is listed as left out): a response saying it beside debts let in and left
   * out of nothing — what the engine had passed on from a custom solver — or blaming the budget when every debt is left
   * out, had read back as stated.
   */
  private static Optional<Problem> noDebtDisagrees(Infeasibility.BindingConstraint binding,
      List<DebtEligibility> eligibility, List<Ineligible> ineligible) {
    java.util.Set<String> leftOut = new java.util.HashSet<>();
    ineligible.forEach(i -> leftOut.add(i.debtId()));
    List<String> toPlan = eligibility.stream().filter(e -> e.eligible() && !leftOut.contains(e.debtId()))
        .map(DebtEligibility::debtId).toList();
    boolean noDebt = binding == Infeasibility.BindingConstraint.NO_ELIGIBLE_DEBT;
    if (noDebt && !toPlan.isEmpty()) {
      int n = toPlan.size();
      return Optional.of(Problem.of("binding", binding + " though " + n + (n == 1 ? " debt is" : " debts are")
          + " let in and not left out (" + String.join(", ", toPlan.stream().limit(5).map(Problem::excerpt).toList())
          + (n > 5 ? ", ..." : "") + ")"));
    }
    return noDebt || !toPlan.isEmpty() ? Optional.empty() : Optional.of(Problem.of("binding", binding + " though no "
        + "debt is left to plan: " + Infeasibility.BindingConstraint.NO_ELIGIBLE_DEBT + " binds"));
  }

  /**
   * Each planned debt is one whose eligibility decision let it in and that is not listed as left out: a result read
   * from JSON that planned a debt its own explanations called ineligible (or named nowhere) had been read back as it
   * stated.
   */
  private static List<Problem> plannedButNotEligible(List<DebtEligibility> eligibility, List<Ineligible> ineligible,
      List<ProposalReport> proposals) {
    Map<String, Boolean> decided = new java.util.HashMap<>();
    eligibility.forEach(e -> decided.put(e.debtId(), e.eligible()));
    java.util.Set<String> leftOut = new java.util.HashSet<>();
    ineligible.forEach(i -> leftOut.add(i.debtId()));
    List<Problem> problems = new java.util.ArrayList<>();
    for (int k = 0; k < proposals.size(); k++) {
      List<DebtPlan> plans = proposals.get(k).plans();
      for (int j = 0; j < plans.size(); j++) {
        String id = plans.get(j).debtId();
        Boolean eligible = decided.get(id);
        String why = eligible == null ? "no eligibility decision names it"
            : !eligible ? "its eligibility decision says not eligible"
            : leftOut.contains(id) ? "it is listed as ineligible" : null;
        if (why != null) {
          problems.add(Problem.of("proposals[" + k + "].plans[" + j + "].debtId", "'" + Problem.excerpt(id)
              + "' is planned though " + why));
        }
      }
    }
    return problems;
  }

  /** A result without hardship-note findings. */
  public NegotiationResult(String caseId, LocalDate asOf, long policySnapshotVersion, boolean feasible,
      @Nullable String reason, @Nullable String recommendation, Infeasibility.@Nullable BindingConstraint binding,
      @Nullable Money shortfall, Money maxAffordableInstallment, AffordabilityAssessment affordability,
      List<DebtEligibility> eligibility, List<Ineligible> ineligible, List<ProposalReport> proposals,
      Map<Strategy, String> notes, @Nullable Screening screening) {
    this(caseId, asOf, policySnapshotVersion, feasible, reason, recommendation, binding, shortfall,
        maxAffordableInstallment, affordability, eligibility, ineligible, proposals, notes, screening, List.of());
  }

  /**
   * This result with each note replaced by {@code mapping}'s answer for it, everything else kept; this result itself
   * when no note changes. An application names the library's settings in its users' words: a note saying to "raise
   * GridConfig.maxSearchNodes" names a field a user of the CLI sets as {@code --max-search-nodes} and a user of a
   * service as its own property, and each had rebuilt the whole result through its constructor to say so.
   *
   * @param mapping a note to the note shown instead; called once per note, in strategy order
   * @throws NullPointerException when {@code mapping} answers null for a note (naming its strategy)
   */
  public NegotiationResult withNotes(java.util.function.UnaryOperator<String> mapping) {
    Map<Strategy, String> mapped = new EnumMap<>(Strategy.class);
    boolean changed = false;
    for (Map.Entry<Strategy, String> note : notes.entrySet()) {
      String shown = mapping.apply(note.getValue());
      if (shown == null) {
        throw new NullPointerException("the mapping of notes returned null for the note of " + note.getKey());
      }
      changed |= !shown.equals(note.getValue());
      mapped.put(note.getKey(), shown);
    }
    return !changed ? this : new NegotiationResult(caseId, asOf, policySnapshotVersion, feasible, reason,
        recommendation, binding, shortfall, maxAffordableInstallment, affordability, eligibility, ineligible, proposals,
        mapped, screening, hardshipNoteFindings);
  }

  /**
   * One debt's eligibility, with every check.
   *
   * <p>Thread-safety: immutable.
   */
  public record DebtEligibility(String debtId, String platformId, String policyVersion, boolean eligible,
      List<io.github.fenqi.core.policy.EligibilityCheck> checks) {
    public DebtEligibility {
      RequiredParts.check(new String[] {"debtId", "platformId", "policyVersion", "checks"}, debtId, platformId,
          policyVersion, checks);
      // the engine holds every evaluator to this: a decision read from JSON that said eligible beside a failed check,
      // or not eligible with every check passed, had been read back as it stated, its explanation not its answer
      List<String> failed = checks.stream().filter(c -> !c.passed()).map(c -> c.code()).toList();
      if (eligible != failed.isEmpty()) {
        throw new InvalidInputException("eligible", eligible ? "is true though checks " + failed + " failed"
            : "is false though every check passed: a debt left out says why");
      }
      checks = List.copyOf(checks);
    }
  }

  /**
   * A debt left out of the plan, and why.
   *
   * <p>Thread-safety: immutable.
   */
  public record Ineligible(String debtId, List<String> reasons) {
    public Ineligible {
      RequiredParts.check(new String[] {"debtId", "reasons"}, debtId, reasons);
      reasons = List.copyOf(reasons);
    }
  }

  /**
   * One proposal with its stress test.
   *
   * <p>Thread-safety: immutable.
   *
   * @param recommended false exactly when the stress test is RED (one saying otherwise is refused)
   * @param expectedSaving Σ acceptance × (owed − payable): a model figure, rounded half-even to the fen like every amount
   *     shown (the solver's BALANCED objective is the unrounded double, {@code Proposal.expectedSaving})
   * @param scripts one negotiation script per lender plan, in the plans' order; none when the stress test is RED (a
   *     borrower is not coached to offer a plan the SDK expects to fail: {@link #scriptsWithheld()} says so)
   */
  @JsonPropertyOrder({"strategy", "recommended", "totalFirstMonthInstallment", "totalDownPayment", "totalPayable",
      "totalOwed", "saving", "acceptanceProbability", "expectedSaving", "provenOptimal", "stress", "plans", "scripts",
      "scriptsWithheld"})
  @com.fasterxml.jackson.annotation.JsonIgnoreProperties(value = "scriptsWithheld", allowGetters = true)
  public record ProposalReport(Strategy strategy, boolean recommended, Money totalFirstMonthInstallment,
      Money totalDownPayment, Money totalPayable, Money totalOwed, Money saving, double acceptanceProbability,
      Money expectedSaving, boolean provenOptimal, StressSummary stress, List<DebtPlan> plans,
      List<io.github.fenqi.core.script.NegotiationScript> scripts) {
    public ProposalReport {
      RequiredParts.check(new String[] {"strategy", "totalFirstMonthInstallment", "totalDownPayment", "totalPayable",
          "totalOwed", "saving", "expectedSaving", "stress", "plans", "scripts"}, strategy, totalFirstMonthInstallment,
          totalDownPayment, totalPayable, totalOwed, saving, expectedSaving, stress, plans, scripts);
      if (recommended == (stress.level() == RiskLevel.RED)) {
        throw new InvalidInputException("recommended", "is " + recommended + " though the stress test is "
            + stress.level() + ": a proposal is recommended exactly when its stress test is not RED");
      }
      checkTotals(totalFirstMonthInstallment, totalDownPayment, totalPayable, totalOwed, saving, plans);
      if (stress.level() == RiskLevel.RED && !scripts.isEmpty()) {
        throw new InvalidInputException("scripts", scripts.size() + " scripts for a proposal whose stress test is RED: "
            + "a proposal that is not recommended has none, since a borrower is not coached to offer a plan the stress "
            + "test expects to fail");
      }
      List<Problem> unpaired = stress.level() == RiskLevel.RED ? List.of() : unpairedScripts("scripts", strategy,
          plans.stream().map(DebtPlan::debtId).toList(), plans.stream().map(DebtPlan::platformId).toList(), scripts);
      if (!unpaired.isEmpty()) {
        throw new InvalidInputException(unpaired);
      }
      plans = List.copyOf(plans);
      scripts = List.copyOf(scripts);
    }

    /** What every proposal whose stress test is RED says in place of its scripts. */
    public static final String SCRIPTS_WITHHELD = "no negotiation scripts: the stress test rates this plan RED, and a "
        + "borrower is not coached to offer a plan it expects to fail (see the stress recommendation)";

    /**
     * Why the proposal has no scripts ({@link #SCRIPTS_WITHHELD}), when its stress test is RED; otherwise null. Written
     * to JSON beside {@code scripts} for a reader of the result; not read back (it follows from the stress level).
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    @com.fasterxml.jackson.annotation.JsonProperty("scriptsWithheld")
    public @Nullable String scriptsWithheld() {
      return stress.level() == RiskLevel.RED ? SCRIPTS_WITHHELD : null;
    }

    /**
     * How {@code scripts} fail to be one per plan, in the plans' order, of this strategy: the i-th script is read as the
     * i-th plan's, and a script generator that returned them in another order (or a result whose scripts were edited
     * or cut from another proposal) had put one lender's script, with its debt, amounts and legal basis, beside another
     * lender's plan — or left a plan without one — without a word. Problems are located at {@code where} and the index.
     */
    static List<Problem> unpairedScripts(String where, Strategy strategy, List<String> debtIds, List<String> platformIds,
        List<io.github.fenqi.core.script.NegotiationScript> scripts) {
      List<Problem> problems = new ArrayList<>();
      if (scripts.size() != debtIds.size()) {
        problems.add(Problem.of(where, scripts.size() + " scripts for " + debtIds.size() + " lender plans of " + strategy
            + "; one per plan, in order"));
      }
      for (int i = 0; i < Math.min(scripts.size(), debtIds.size()); i++) {
        io.github.fenqi.core.script.NegotiationScript s = scripts.get(i);
        // quoted as values from outside, as a plan's debt is elsewhere: a result read back from a response holds them
        // unchecked, and one with a line break had been quoted raw, its second half a forged line of a log
        if (!s.debtId().equals(debtIds.get(i))) {
          problems.add(Problem.of(where + "[" + i + "].debtId", "'" + Problem.excerpt(s.debtId()) + "' is not the debt "
              + "of plan " + i + ", '" + Problem.excerpt(debtIds.get(i)) + "': each plan's script is the one at its index"));
        }
        if (!s.platformId().equals(platformIds.get(i))) {
          problems.add(Problem.of(where + "[" + i + "].platformId", "'" + Problem.excerpt(s.platformId()) + "' is not the "
              + "lender of plan " + i + ", '" + Problem.excerpt(platformIds.get(i)) + "'"));
        }
        if (s.strategy() != strategy) {
          problems.add(Problem.of(where + "[" + i + "].strategy", s.strategy() + " is not the proposal's " + strategy));
        }
      }
      return problems;
    }

    /**
     * Each total is its plans' sum (the owed one of their settled and waived amounts), and the saving what is owed less
     * what is payable: a result read from JSON whose totals had been edited or cut from another proposal read back
     * without a word, and a reader summing the plans got other figures than the proposal stated.
     */
    private static void checkTotals(Money first, Money down, Money payable, Money owed, Money saving,
        List<DebtPlan> plans) {
      long sumFirst = 0;
      long sumDown = 0;
      long sumPayable = 0;
      long sumOwed = 0;
      for (DebtPlan plan : plans) {
        sumFirst = Math.addExact(sumFirst, plan.firstInstallment().fen());
        sumDown = Math.addExact(sumDown, plan.downPayment().fen());
        sumPayable = Math.addExact(sumPayable, plan.totalPayable().fen());
        sumOwed = Math.addExact(sumOwed, Math.addExact(plan.settledAmount().fen(), plan.waivedTotal().fen()));
      }
      List<Problem> problems = new ArrayList<>();
      DebtPlan.differs(problems, "totalFirstMonthInstallment", first, Money.ofFen(sumFirst), "the plans' sum");
      DebtPlan.differs(problems, "totalDownPayment", down, Money.ofFen(sumDown), "the plans' sum");
      DebtPlan.differs(problems, "totalPayable", payable, Money.ofFen(sumPayable), "the plans' sum");
      DebtPlan.differs(problems, "totalOwed", owed, Money.ofFen(sumOwed), "the plans' settled and waived amounts");
      DebtPlan.differs(problems, "saving", saving, Money.ofFen(Math.subtractExact(owed.fen(), payable.fen())),
          "totalOwed − totalPayable");
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
    }
  }

  /**
   * The stress test of a proposal. Held to what {@link StressResult} holds a tester's answer to (read from JSON it had
   * taken a default probability of 15.0, a driver beside no default, a GREEN plan's "do not negotiate" as stated).
   *
   * <p>Thread-safety: immutable.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record StressSummary(RiskLevel level, double defaultProbability, @Nullable Double expectedFirstDefaultMonth,
      Money worstShortfall95, @Nullable StressDriver dominantDriver, @Nullable String recommendation,
      List<Scenario> scenarios) {
    public StressSummary {
      RequiredParts.check(new String[] {"level", "worstShortfall95", "scenarios"}, level, worstShortfall95, scenarios);
      // the same figures' checks, each problem under the same field name; drivers' shares and scenarios are not here
      new StressResult(defaultProbability, expectedFirstDefaultMonth == null ? OptionalDouble.empty()
          : OptionalDouble.of(expectedFirstDefaultMonth), worstShortfall95, level, Optional.ofNullable(dominantDriver),
          Map.of(), List.of(), Optional.ofNullable(recommendation));
      scenarios = List.copyOf(scenarios);
    }
  }

  /**
   * A deterministic scenario's outcome.
   *
   * <p>Thread-safety: immutable.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Scenario(String name, boolean passed, @Nullable Integer failsInMonth) {
    public Scenario {
      RequiredParts.check(new String[] {"name"}, name);
      // passed exactly when it fails in no month, as StressResult.ScenarioOutcome holds a tester's answer
      new StressResult.ScenarioOutcome(name, passed, Optional.ofNullable(failsInMonth));
    }
  }

  /**
   * One debt's part of a proposal. {@code waived} is keyed by component name as in case files.
   *
   * <p>Thread-safety: immutable.
   */
  @JsonPropertyOrder({"debtId", "platformId", "policyVersion", "term", "downPayment", "waived", "waivedTotal",
      "settledAmount", "financedAmount", "firstInstallment", "totalPayable", "annualizedRate", "acceptanceProbability",
      "schedule"})
  public record DebtPlan(String debtId, String platformId, String policyVersion, int term, Money downPayment,
      Map<String, Money> waived, Money waivedTotal, Money settledAmount, Money financedAmount, Money firstInstallment,
      Money totalPayable, BigDecimal annualizedRate, double acceptanceProbability, Schedule schedule) {
    public DebtPlan {
      RequiredParts.check(new String[] {"debtId", "platformId", "policyVersion", "downPayment", "waived", "waivedTotal",
          "settledAmount", "financedAmount", "firstInstallment", "totalPayable", "annualizedRate", "schedule"}, debtId,
          platformId, policyVersion, downPayment, waived, waivedTotal, settledAmount, financedAmount, firstInstallment,
          totalPayable, annualizedRate, schedule);
      waived = Collections.unmodifiableMap(new LinkedHashMap<>(waived)); // in component order, as the engine puts them
      List<Problem> problems = new ArrayList<>();
      if (term != schedule.term()) {
        problems.add(Problem.of("term", term + " differs from the schedule's " + schedule.term()));
      }
      differs(problems, "downPayment", downPayment, schedule.downPayment(), "the schedule's");
      differs(problems, "financedAmount", financedAmount, schedule.financedAmount(), "the schedule's");
      differs(problems, "firstInstallment", firstInstallment, schedule.firstPayment(), "the schedule's first payment");
      differs(problems, "totalPayable", totalPayable, schedule.totalPayable(), "the schedule's");
      long sumWaived = 0;
      for (Money m : waived.values()) {
        sumWaived = Math.addExact(sumWaived, m.fen());
      }
      differs(problems, "waivedTotal", waivedTotal, Money.ofFen(sumWaived), "the sum of waived");
      differs(problems, "settledAmount", settledAmount,
          Money.ofFen(Math.addExact(downPayment.fen(), financedAmount.fen())), "downPayment + financedAmount");
      BigDecimal rate = schedule.annualizedRate();
      if (annualizedRate.compareTo(rate) != 0) {
        // shown short: 1e999999999 written out in full is a billion digits
        problems.add(Problem.of("annualizedRate", Decimals.shown(annualizedRate) + " differs from the schedule's "
            + rate.toPlainString()));
      }
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
    }

    /**
     * Adds that {@code field}'s {@code stated} amount is not {@code actual} ({@code what}): a plan read from JSON is
     * held to its own schedule, whose figures are what the borrower pays (a plan's total edited to 12 000.00 beside
     * installments summing to 12 864.00 had read back without a word).
     */
    static void differs(List<Problem> problems, String field, Money stated, Money actual, String what) {
      if (stated.fen() != actual.fen()) {
        problems.add(Problem.of(field, stated + " differs from " + what + " " + actual));
      }
    }
  }
}
