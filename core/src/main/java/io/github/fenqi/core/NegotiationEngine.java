package io.github.fenqi.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fenqi.core.affordability.AffordabilityAssessment;
import io.github.fenqi.core.affordability.AffordabilityInput;
import io.github.fenqi.core.affordability.AffordabilityModel;
import io.github.fenqi.core.affordability.MonthlyFigures;
import io.github.fenqi.core.borrower.Borrower;
import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.debt.DebtComponent;
import io.github.fenqi.core.json.FenqiJson;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.policy.EligibilityDecision;
import io.github.fenqi.core.policy.EligibilityEvaluator;
import io.github.fenqi.core.policy.Policy;
import io.github.fenqi.core.policy.PolicyEvent;
import io.github.fenqi.core.policy.PolicyRepository;
import io.github.fenqi.core.policy.PolicySnapshot;
import io.github.fenqi.core.schedule.Amortizer;
import io.github.fenqi.core.schedule.AnnualizedRate;
import io.github.fenqi.core.schedule.Installment;
import io.github.fenqi.core.schedule.Schedule;
import io.github.fenqi.core.script.NegotiationScript;
import io.github.fenqi.core.script.ScriptGenerator;
import io.github.fenqi.core.script.ScriptLanguage;
import io.github.fenqi.core.script.ScriptOptions;
import io.github.fenqi.core.script.ScriptRequest;
import io.github.fenqi.core.script.SensitiveMatch;
import io.github.fenqi.core.security.IdentityValidation;
import io.github.fenqi.core.security.audit.AuditAction;
import io.github.fenqi.core.security.audit.AuditEvent;
import io.github.fenqi.core.security.audit.AuditLog;
import io.github.fenqi.core.security.risk.RiskAssessment;
import io.github.fenqi.core.security.risk.RiskCheck;
import io.github.fenqi.core.security.risk.RiskCheckRequest;
import io.github.fenqi.core.solve.AcceptanceModel;
import io.github.fenqi.core.solve.DebtTerms;
import io.github.fenqi.core.solve.GridConfig;
import io.github.fenqi.core.solve.Infeasibility;
import io.github.fenqi.core.solve.PlanOption;
import io.github.fenqi.core.solve.Proposal;
import io.github.fenqi.core.solve.ProposalProblem;
import io.github.fenqi.core.solve.ProposalSet;
import io.github.fenqi.core.solve.ProposalSolver;
import io.github.fenqi.core.statement.CategoryLexicon;
import io.github.fenqi.core.statement.ForensicReport;
import io.github.fenqi.core.statement.ForensicVerdict;
import io.github.fenqi.core.statement.ParsedStatement;
import io.github.fenqi.core.statement.StatementAnalysis;
import io.github.fenqi.core.statement.StatementAnalyzer;
import io.github.fenqi.core.statement.StatementForensics;
import io.github.fenqi.core.statement.Transaction;
import io.github.fenqi.core.stress.FinancialProfile;
import io.github.fenqi.core.stress.PlanCashflow;
import io.github.fenqi.core.stress.RiskLevel;
import io.github.fenqi.core.stress.StressConfig;
import io.github.fenqi.core.stress.StressResult;
import io.github.fenqi.core.stress.StressTester;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The one entry point: a case in, three explained proposals out. Wires a {@link PolicyRepository}, an
 * {@link EligibilityEvaluator}, an {@link AffordabilityModel}, a {@link ProposalSolver} and a
 * {@link StressTester}; every part has a default except the policies.
 *
 * <pre>{@code
 * NegotiationEngine engine = NegotiationEngine.builder()
 *     .policies(JsonDirectoryPolicyRepository.open(Path.of("policies")).watch())
 *     .build();
 * NegotiationResult result = engine.calculate(NegotiationRequest.read(Path.of("case.json")));
 * }</pre>
 *
 * <p>Compliance is the default: the borrower's ID number and mobile are validated at the door (GB 11643 check
 * digit, plausible birth date; mainland mobile), results carry no unmasked identifier, and with an
 * {@link Builder#auditLog audit log} every calculation appends its data access and proposals in one durable
 * write, and every policy change the repository reports is logged.
 *
 * <p>Thread-safety: immutable and thread-safe; one engine serves any number of concurrent requests. Each
 * request reads one policy snapshot, so a reload during a calculation never mixes versions.
 */
public final class NegotiationEngine implements AutoCloseable {
  /** The actor audit entries of the engine carry. */
  public static final String ACTOR = "fenqi-engine";
  /**
   * The time zone of a case's dates by default: China's (UTC+8 all year), where the debts are, whatever zone the
   * server runs in — on a UTC server the system zone would call a case dated today "in the future" until 08:00 in
   * Beijing.
   */
  public static final ZoneId CASE_ZONE = ZoneId.of("Asia/Shanghai");

  /**
   * Statements whose last month the income is measured from ({@link MonthlyFigures#measuredFrom}: the last whole one,
   * if any) lies more than this many months before the case's month get a note that their income may be out of date (an export early in a month covers the month before, so one or two months behind is usual).
   */
  static final int STALE_STATEMENT_MONTHS = 2;

  private final PolicyRepository policies;
  private final EligibilityEvaluator eligibility;
  private final AffordabilityModel affordability;
  private final ProposalSolver solver;
  private final StressTester stress;
  private final GridConfig grid;
  private final AcceptanceModel acceptance;
  private final Clock clock;
  private final IdentityValidation identity;
  private final @Nullable AuditLog audit;
  private final PolicyRepository.@Nullable Subscription policyAudit;
  private final CategoryLexicon lexicon;
  private final StatementForensics forensics;
  private final List<RiskCheck> riskChecks;
  private final ScriptGenerator scripts;
  private final ScriptLanguage scriptLanguage;

  private NegotiationEngine(Builder b) {
    this.policies = Objects.requireNonNull(b.policies);
    this.eligibility = b.eligibility;
    this.affordability = b.affordability;
    this.solver = b.solver;
    this.stress = b.stress;
    this.grid = b.grid;
    this.acceptance = b.acceptance;
    // a case's dates are China's, whatever zone the given clock carries: Clock.systemUTC() had made "today" the UTC
    // date, calling a case dated today "in the future" until 08:00 in Beijing and blocking as forged a statement
    // holding a row of today before 08:00 (FUTURE_DATED)
    this.clock = b.clock.withZone(CASE_ZONE);
    this.identity = IdentityValidation.withClock(clock);
    this.audit = b.audit;
    this.lexicon = b.lexicon;
    this.forensics = b.forensics;
    this.riskChecks = List.copyOf(b.riskChecks);
    this.scripts = b.scripts;
    this.scriptLanguage = b.scriptLanguage;
    // every policy change the engine can see goes to the audit log
    this.policyAudit = audit == null ? null : policies.addListener(event -> audit.append(policyEvent(event)));
  }

  private static AuditEvent policyEvent(PolicyEvent event) {
    if (event instanceof PolicyEvent.PolicyChanged c) {
      Map<String, String> details = new LinkedHashMap<>();
      details.put("change", c.change().name());
      details.put("origin", c.origin());
      details.put("repositoryVersion", Long.toString(c.repositoryVersion()));
      if (c.oldVersion() != null) {
        details.put("oldVersion", c.oldVersion());
      }
      if (c.newVersion() != null) {
        details.put("newVersion", c.newVersion());
      }
      return new AuditEvent(ACTOR, AuditAction.POLICY_CHANGE, c.platformId(), details);
    }
    PolicyEvent.PolicyLoadFailed f = (PolicyEvent.PolicyLoadFailed) event;
    return new AuditEvent(ACTOR, AuditAction.POLICY_CHANGE, f.origin(),
        Map.of("change", "LOAD_FAILED", "problems", Integer.toString(f.problems().size())));
  }

  /** Stops auditing policy changes (the engine does not own, and does not close, the log or the repository). */
  @Override
  public void close() {
    if (policyAudit != null) {
      policyAudit.close();
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a case as {@link NegotiationRequest#read(ObjectMapper, byte[], String)} does, and refuses one that does not
   * read with the problems {@link #calculate(NegotiationRequest)} finds against the policies and the clock in its parts
   * that do ({@link #problemsAtTheDoor}), each located after {@code source} as the reading's are. A case with a negative
   * principal and a platform of no policy had been told of the principal alone, and of the platform only once the
   * principal was fixed: the reader knows neither the policies nor the clock.
   *
   * @throws InvalidInputException listing every problem of the case found so
   */
  public NegotiationRequest read(ObjectMapper mapper, byte[] json, String source) {
    try {
      return NegotiationRequest.read(mapper, json, source);
    } catch (InvalidInputException unread) {
      JsonNode tree = FenqiJson.exactTree(mapper, json);
      if (tree == null) {
        throw unread;
      }
      throw withProblemsAtTheDoor(unread, mapper, tree, source.isEmpty() ? "" : source + ": ");
    }
  }

  /**
   * {@code unread}, the refusal of a case that did not read, with {@link #problemsAtTheDoor} of {@code caseJson} added,
   * each located after {@code prefix} as the reading located its own, those it names already left out; {@code unread}
   * itself when there is none to add. For a case read as part of a larger body (a submission's {@code case}).
   */
  public InvalidInputException withProblemsAtTheDoor(InvalidInputException unread, ObjectMapper mapper,
      JsonNode caseJson, String prefix) {
    Set<String> named = unread.problems().stream().map(Problem::location).collect(Collectors.toSet());
    List<Problem> more = problemsAtTheDoor(mapper, caseJson).stream()
        .map(p -> Problem.of(prefix + p.location(), p.reason())).filter(p -> !named.contains(p.location())).toList();
    return more.isEmpty() ? unread : new InvalidInputException(FenqiJson.merged(unread.problems(), more), unread);
  }

  /**
   * The problems {@link #calculate(NegotiationRequest)} finds against the policies and the clock — the borrower's ID
   * number or mobile ({@link IdentityValidation}), a date in the future, a platform with no policy in effect on the
   * case's date — in the parts of a case's JSON object that read, for a case that does not read as a whole: each part
   * is checked only when it reads on its own, so nothing the reading names is named again; without a date that reads, a
   * platform is named only when no version of its policy is known on any date ({@link PolicySnapshot#whyUnknown}).
   * Locations are the case's own ({@code debts[1].platformId}); empty for anything but an object. Read the tree as
   * {@link FenqiJson#exactTree} reads it, for amounts written as JSON numbers. A policy repository that fails
   * (throws, or returns no snapshot) leaves the platforms unchecked: a case that does not read had been refused with the
   * repository's failure instead of its own problems (a 500 from the REST service, or a 400 naming the policies alone);
   * {@code calculate} meets the failure once the case reads.
   */
  public List<Problem> problemsAtTheDoor(ObjectMapper mapper, JsonNode caseJson) {
    if (!caseJson.isObject()) {
      return List.of();
    }
    List<Problem> problems = new ArrayList<>();
    JsonNode borrower = caseJson.path("borrower");
    if (borrower.isObject()) {
      try {
        problems.addAll(identity.check("borrower", mapper.treeToValue(borrower, Borrower.class)));
      } catch (IOException | InvalidInputException unread) { // the reading names it
      }
    }
    LocalDate asOf = null;
    JsonNode date = caseJson.path("asOf");
    if (date.isTextual()) {
      try {
        asOf = Dates.day("asOf", date.asText());
      } catch (InvalidInputException unread) { // the reading names it
      }
    }
    if (asOf != null) {
      future(asOf).ifPresent(problems::add);
    }
    PolicySnapshot snapshot;
    try {
      snapshot = returned(policies.snapshot(), "the policy repository", policies, "snapshot()");
    } catch (RuntimeException unavailable) { // calculate tells it once the case reads, as the CLI's policy directory
      return problems;
    }
    JsonNode debts = caseJson.path("debts");
    for (int i = 0; i < debts.size(); i++) {
      JsonNode platform = debts.path(i).path("platformId");
      if (platform.isTextual() && TextFields.check("platformId", platform.asText(), TextFields.MAX_ID_LENGTH).isEmpty()) {
        String at = "debts[" + i + "].platformId";
        // without a date, a platform of no policy on any date is still none: it had waited for the date to be fixed
        (asOf == null ? snapshot.whyUnknown(platform.asText()) : snapshot.whyNone(platform.asText(), asOf))
            .ifPresent(why -> problems.add(Problem.of(at, why)));
      }
    }
    return problems;
  }

  /** A case's date after today, by the engine's clock: the case describes what has not happened. */
  private Optional<Problem> future(LocalDate asOf) {
    return asOf.isAfter(LocalDate.now(clock))
        ? Optional.of(Problem.of("asOf", asOf + " is in the future (today is " + LocalDate.now(clock) + ")"))
        : Optional.empty();
  }

  /**
   * Runs the whole pipeline for one case. A case that fits no plan is an answer ({@code feasible = false} with
   * the binding constraint), not an exception.
   *
   * @throws InvalidInputException listing every problem of the request found against the policies and the
   *     clock (unknown platform, a date in the future), and the solver's refusals of its eligible debts whatever the
   *     budget ({@link ProposalProblem#tooLargeToSolve}: totals beyond a long of fen, grids too large to draw, each
   *     debt named {@code debts[i]}), before any work is done
   * @throws NegotiationBlockedException when a {@link Builder#riskCheck risk service} denies the case (they are asked
   *     without statements too)
   * @throws ComponentContractException when a component plugged into the engine (policy repository, eligibility
   *     evaluator, affordability model, acceptance model, solver, stress tester, script generator, risk check) returns
   *     what its contract forbids, or an answer that refuses its own parts: a fault of that component, not of the case
   * @throws SearchBudgetExhaustedException when the exact solver's node budget ({@link GridConfig#maxSearchNodes}) ran
   *     out before any strategy found a plan or proved that none exists
   * @throws FenqiException when the {@link Builder#auditLog audit log} cannot take the run's entries (it is closed, or
   *     its file cannot be written): no result is returned that the log does not hold
   * @throws NullPointerException naming {@code request} when it is null
   */
  public NegotiationResult calculate(NegotiationRequest request) {
    return calculate(request, List.of());
  }

  /**
   * Runs the whole pipeline with the borrower's statements: they are cleaned and categorised (the borrower's name
   * marks transfers to their own accounts), examined for forgery, and their monthly figures replace or check the
   * declared income and expenses. Risk services are asked too. A BLOCK stops the case.
   *
   * @param statements the borrower's parsed statements (may be empty: declared figures only)
   * @throws NegotiationBlockedException when the statements look forged or a risk service denies the case
   * @throws InvalidInputException as {@link #calculate(NegotiationRequest)}, with each null statement and each
   *     source given to more than one statement ({@link StatementAnalyzer#listProblems}) among the problems, and,
   *     when the borrower declares no income, statements that give no month of income (named {@code statements})
   * @throws ComponentContractException as {@link #calculate(NegotiationRequest)}
   * @throws SearchBudgetExhaustedException as {@link #calculate(NegotiationRequest)}
   * @throws FenqiException as {@link #calculate(NegotiationRequest)}
   * @throws NullPointerException naming {@code request} or {@code statements} when it is null
   */
  public NegotiationResult calculate(NegotiationRequest request, List<ParsedStatement> statements) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(statements, "statements (List.of() when there are none)");
    PolicySnapshot snapshot = returned(policies.snapshot(), "the policy repository", policies, "snapshot()");
    LocalDate asOf = request.asOf();
    List<Problem> problems = new ArrayList<>();
    problems.addAll(identity.check("borrower", request.borrower()));
    // a null statement or a source given twice had been refused by the analyzer only after the eligibility checks,
    // alone, and not with the request's other problems
    List<Problem> statementProblems = StatementAnalyzer.listProblems(statements);
    problems.addAll(statementProblems);
    // each risk service is sent the ID number: without one the case had failed in the screening with a bare
    // "idNumber: must not be empty" (RiskCheckRequest's), naming neither the borrower nor why it was needed
    if (request.borrower().idNumber() == null && !riskChecks.isEmpty()) {
      problems.add(Problem.of("borrower.idNumber", "is required: the risk checks "
          + riskChecks.stream().map(c -> "'" + Problem.excerpt(c.name()) + "'").toList() + " are each sent it"));
    }
    // the income is left out only when statements give it (Borrower.monthlyNetIncome): without either, the case had
    // been refused by the affordability model only after the eligibility checks, and only once its other problems (an
    // unknown platform) were fixed
    if (statements.isEmpty() && request.borrower().monthlyNetIncome() == null) {
      problems.add(Problem.of("borrower.monthlyNetIncome", "is required when no statements are given (the income is "
          + "left out only when statements give it)"));
    }
    // the statements as known on the case's date (the analyzer takes only statements that are each there once); a
    // refusal of theirs (a month's amounts beyond a long of fen) is listed with the request's other problems
    StatementAnalysis analysis = null;
    List<Transaction> later = List.of();
    StatementAnalysis asKnown = null;
    if (!statements.isEmpty() && statementProblems.isEmpty()) {
      try {
        StatementAnalyzer analyzer = analyzer(request); // its rule matchers built once for both analyses
        analysis = analyzer.analyze(statements);
        // rows dated after the case's date had not happened by then, in its month too: the months are those of the
        // rows up to that date (a row of the 20th had been counted in the month of a case dated the 15th)
        later = statements.stream().flatMap(st -> st.transactions().stream())
            .filter(t -> t.time().toLocalDate().isAfter(asOf)).toList();
        asKnown = later.isEmpty() ? analysis : analyzer.analyzeThrough(statements, asOf);
      } catch (InvalidInputException e) {
        problems.addAll(e.problems());
        analysis = null;
        asKnown = null;
      }
    }
    // the case is assessed as of its date: months after it are not known then (a case re-run for an earlier date)
    YearMonth caseMonth = YearMonth.from(asOf);
    List<MonthlyFigures> months = analysis == null ? List.of() : analysis.monthlyFigures();
    List<MonthlyFigures> known = asKnown == null ? List.of() : asKnown.monthlyFigures().stream()
        .filter(m -> !m.month().isAfter(caseMonth)).toList();
    String noMonths = analysis == null || !known.isEmpty() ? null : noMonths(analysis, months, asOf);
    // statements that give no month, without a declared income, had been refused alone, after the eligibility checks
    // and the risk services (sent the borrower's data for a case then refused), and only once the rest was fixed
    if (noMonths != null && request.borrower().monthlyNetIncome() == null) {
      problems.add(Problem.of("statements", noMonths));
      problems.add(Problem.of("borrower.monthlyNetIncome", "is required when the statements give no month of income"));
    }
    future(asOf).ifPresent(problems::add);
    Map<String, Policy> policyOf = new HashMap<>();
    for (int i = 0; i < request.debts().size(); i++) {
      Debt d = request.debts().get(i);
      boolean tooLarge = d.totalOwed().compareTo(Amortizer.MAX_FINANCED) > 0;
      if (tooLarge) { // else the grid fails later, naming no debt
        problems.add(Problem.of("debts[" + i + "]", "owes " + d.totalOwed() + " in all, above the largest amount a "
            + "schedule handles (" + Amortizer.MAX_FINANCED + ")"));
      }
      Optional<Policy> p = snapshot.find(d.platformId(), asOf);
      if (p.isEmpty()) {
        problems.add(Problem.of("debts[" + i + "].platformId", snapshot.whyNone(d.platformId(), asOf).orElseThrow()));
      } else if (!tooLarge) {
        policyOf.put(d.id(), p.get());
      }
    }

    // the debts' eligibility decides the proposal problem, which the solver refuses whatever the budget when its
    // totals are beyond a long of fen or its grids too large to draw: that refusal had come only after the screening,
    // every risk service sent the borrower's data for nothing, alone and naming the debts by their places among the
    // eligible ones; it is one of the request's problems, each debt named by its place in the request
    List<NegotiationResult.DebtEligibility> decisions = new ArrayList<>();
    List<NegotiationResult.Ineligible> ineligible = new ArrayList<>();
    List<DebtTerms> terms = new ArrayList<>();
    List<String> termsOf = new ArrayList<>();
    Map<String, Policy> eligiblePolicy = new LinkedHashMap<>();
    NoDebtAdvice advice = new NoDebtAdvice();
    for (int i = 0; i < request.debts().size(); i++) {
      Debt d = request.debts().get(i);
      Policy p = policyOf.get(d.id());
      if (p == null) { // a problem of the request, listed above
        continue;
      }
      String evaluate = "evaluate(debt '" + d.id() + "')";
      EligibilityDecision decision = answer(() -> eligibility.evaluate(d, request.borrower(), p, asOf),
          "the eligibility evaluator", eligibility, evaluate);
      requireExplained(decision, d, p);
      decisions.add(new NegotiationResult.DebtEligibility(d.id(), d.platformId(), p.version(), decision.eligible(),
          decision.checks()));
      Optional<String> noPlan = decision.eligible() ? DebtTerms.whyNoTerm(p, decision.adjustment()) : Optional.empty();
      DebtTerms t = decision.eligible() && noPlan.isEmpty()
          ? DebtTerms.of(d, p, decision.adjustment(), request.borrower().hasHardshipProof()) : null;
      if (t != null) {
        noPlan = t.whyNoPlan();
      }
      if (decision.eligible() && noPlan.isPresent()) { // eligible, but no term, or nothing to pay in installments
        ineligible.add(new NegotiationResult.Ineligible(d.id(), List.of(noPlan.get())));
        if (t == null) { // a rule's term cap below the policy's shortest term
          advice.blocked = true;
        } else if (!d.totalOwed().isZero()) { // its least down payment settles it: a balance to pay in full
          advice.remedies.add(NoDebtAdvice.Remedy.PAY_IN_FULL);
        }
      } else if (t != null) {
        terms.add(t);
        termsOf.add("debts[" + i + "]");
        eligiblePolicy.put(d.id(), p);
      } else {
        ineligible.add(new NegotiationResult.Ineligible(d.id(), decision.reasons()));
        advice.addFailed(d, decision.checks());
      }
    }
    problems.addAll(ProposalProblem.tooLargeToSolve(terms, grid, termsOf));
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }

    // no debt to plan, so no proposal to screen: a risk service had been sent the borrower's name, ID number and mobile
    // for nothing (the least data a purpose needs; services are paid per query). The statements' forensics, read
    // here, still run
    Screening screening = screen(request, statements, analysis, terms.isEmpty() ? List.of() : riskChecks);
    AffordabilityInput input = new AffordabilityInput(request.borrower(), known);
    AffordabilityAssessment assessment = answer(() -> affordability.assess(input), "the affordability model",
        affordability, "assess");
    requireWithinBounds(assessment);
    requireBorrowersIncome(assessment, request.borrower().monthlyNetIncome(), known);
    FinancialProfile profile = stressProfile(assessment, request.borrower().liquidSavings());
    if (noMonths != null) {
      assessment = assessment.withNoteFirst(noMonths + ": the declared income is used instead");
    } else if (analysis != null && !analysis.rejected().isEmpty()) {
      assessment = assessment.withNoteFirst(rejectedRows(analysis.rejected()));
    }
    List<Transaction> laterInCaseMonth = later.stream().filter(t -> YearMonth.from(t.time()).equals(caseMonth)).toList();
    if (!laterInCaseMonth.isEmpty()) {
      assessment = assessment.withNoteFirst(laterInCaseMonth.size() + " statement row(s) of " + caseMonth + " dated "
          + "after the case's date " + asOf + " left out (" + laterInCaseMonth.get(0).location()
          + (laterInCaseMonth.size() > 1 ? " .. " + laterInCaseMonth.get(laterInCaseMonth.size() - 1).location() : "")
          + "): they had not happened by then");
    }
    // the months' own range: the month after the case's had been named first though no statement covered it
    List<YearMonth> after = months.stream().map(MonthlyFigures::month).filter(m -> m.isAfter(caseMonth)).sorted()
        .toList();
    if (!after.isEmpty()) {
      assessment = assessment.withNoteFirst(after.size() + " statement month(s) after the case's date " + asOf
          + " left out (" + after.get(0) + ".." + after.get(after.size() - 1) + ")");
    }
    List<YearMonth> uncovered = asKnown == null ? List.of()
        : asKnown.uncovered().stream().filter(m -> !m.isAfter(caseMonth)).toList();
    if (!uncovered.isEmpty()) {
      assessment = assessment.withNoteFirst("no statement covers " + uncovered.stream().map(YearMonth::toString)
          .collect(java.util.stream.Collectors.joining(", ")) + " (one ends before, the next begins after): left out "
          + "of the income months, not counted as months without income");
    }
    // judged by the months the income is measured from: by the last month of all, a part month of this year beside one
    // whole month six years ago had passed as current, though the income was the old month's
    YearMonth lastKnown = known.stream().map(MonthlyFigures::month).max(YearMonth::compareTo).orElse(null);
    YearMonth lastMeasured = MonthlyFigures.measuredFrom(known).stream().map(MonthlyFigures::month)
        .max(YearMonth::compareTo).orElse(null);
    if (lastMeasured != null && lastMeasured.isBefore(caseMonth.minusMonths(STALE_STATEMENT_MONTHS))) {
      long behind = lastMeasured.until(caseMonth, java.time.temporal.ChronoUnit.MONTHS);
      assessment = assessment.withNoteFirst((lastMeasured.equals(lastKnown) ? "the statements end " + lastMeasured
          : "the income is measured from months up to " + lastMeasured) + ", " + behind + " months before the case's "
          + "date " + asOf + (lastMeasured.equals(lastKnown) ? "" : " (the statements' later months, to " + lastKnown
          + ", are covered only in part)") + ": their income may be out of date; recent statements give a truer budget");
    }
    Money savings = request.borrower().liquidSavings();
    ProposalProblem problem = new ProposalProblem(terms, assessment.maxAffordableInstallment(), savings, grid, acceptance);
    ProposalSet set = returned(solved(problem), "the proposal solver", solver, "solve");
    // any solver's answer, the exact one's too, is checked before a borrower or lender sees it: a plan above the budget
    // or outside a policy would be shown as compliant
    List<Problem> broken = new ArrayList<>(problem.violations(set));
    set.infeasibility().ifPresent(why -> broken.addAll(contradictions(why, problem)));
    if (!broken.isEmpty()) {
      throw ComponentContractException.of("the proposal solver", solver, broken);
    }

    List<NegotiationResult.ProposalReport> reports = new ArrayList<>();
    if (set.feasible()) {
      List<List<Schedule>> schedules = new ArrayList<>();
      List<PlanCashflow> flows = new ArrayList<>();
      for (Proposal proposal : set.proposals()) {
        List<Schedule> perDebt = new ArrayList<>();
        List<List<Money>> installments = new ArrayList<>();
        for (PlanOption o : proposal.plans()) {
          Policy.Installments i = eligiblePolicy.get(o.debtId()).installments();
          Schedule s = Amortizer.of(i.method(), i.annualRate(), i.monthlyFeeRate())
              .schedule(o.financedAmount(), o.term(), o.downPayment());
          perDebt.add(s);
          installments.add(s.installments().stream().map(Installment::payment).toList());
        }
        schedules.add(perDebt);
        flows.add(PlanCashflow.ofDebts(installments, proposal.totalDownPayment()));
      }
      List<StressResult> results;
      try {
        results = stress.compare(profile, flows);
      } catch (InvalidInputException e) {
        // the profile and the plans are the engine's own, valid when built: a refusal is the tester's, most likely a
        // StressResult that contradicts itself (a share given as a percentage), and a fault in it, not in the case
        throw ComponentContractException.of("the stress tester", stress, e.problems());
      }
      List<StressResult> stressed = returnedList(results, "the stress tester", stress, "compare");
      if (stressed.size() != flows.size()) {
        throw ComponentContractException.of("the stress tester", stress, List.of(Problem.of("compare", stressed.size()
            + " results for " + flows.size() + " plans; one per plan, in order")));
      }
      List<Problem> levels = levelContradictions(stressed);
      if (!levels.isEmpty()) {
        throw ComponentContractException.of("the stress tester", stress, levels);
      }
      for (int k = 0; k < set.proposals().size(); k++) {
        Proposal proposal = set.proposals().get(k);
        // a plan the stress test expects to fail is not recommended, and the borrower is not coached to offer it
        List<NegotiationScript> written = stressed.get(k).level() == RiskLevel.RED ? List.of()
            : scriptsOf(request, assessment, proposal, eligiblePolicy);
        reports.add(report(proposal, schedules.get(k), stressed.get(k), eligiblePolicy, written));
      }
    }
    if (audit != null) {
      List<AuditEvent> events = new ArrayList<>();
      events.add(new AuditEvent(ACTOR, AuditAction.DATA_ACCESS, request.caseId(),
          Map.of("debts", Integer.toString(request.debts().size()), "policySnapshot", Long.toString(snapshot.version()))));
      for (NegotiationResult.ProposalReport r : reports) {
        events.add(new AuditEvent(ACTOR, AuditAction.PROPOSAL_GENERATED, request.caseId(), Map.of(
            "strategy", r.strategy().name(), "totalPayable", r.totalPayable().toString(),
            "firstMonth", r.totalFirstMonthInstallment().toString(), "stress", r.stress().level().name())));
      }
      if (!set.feasible()) {
        events.add(new AuditEvent(ACTOR, AuditAction.PROPOSAL_GENERATED, request.caseId(),
            Map.of("feasible", "false", "binding", set.infeasibility().orElseThrow().binding().name())));
      }
      audit.appendAll(events); // one durable write for the run
    }
    Optional<io.github.fenqi.core.solve.Infeasibility> why = set.infeasibility();
    return new NegotiationResult(request.caseId(), asOf, snapshot.version(), set.feasible(),
        why.map(io.github.fenqi.core.solve.Infeasibility::reason).orElse(null),
        // "no eligible debt" is advised from the reasons given, which the solver of a problem with no debt never saw
        why.map(w -> w.binding() == Infeasibility.BindingConstraint.NO_ELIGIBLE_DEBT ? advice.recommendation()
            : w.recommendation()).orElse(null),
        why.map(io.github.fenqi.core.solve.Infeasibility::binding).orElse(null),
        why.map(io.github.fenqi.core.solve.Infeasibility::shortfall).orElse(null),
        assessment.maxAffordableInstallment(), assessment, decisions, ineligible, reports, set.notes(), screening,
        request.hardshipNote() == null ? List.of() : noteFindings(request.hardshipNote()));
  }

  /**
   * The generator's findings in the hardship note, each where it says in that note: findings of another text (the note
   * with a label before it, or cleaned) had been reported at offsets holding other characters or past the note's end,
   * which a client highlighting them met as the wrong words or a StringIndexOutOfBoundsException.
   */
  private List<SensitiveMatch> noteFindings(String note) {
    List<SensitiveMatch> found = answerList(() -> scripts.noteFindings(note), "the script generator", scripts,
        "noteFindings");
    List<Problem> misplaced = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      SensitiveMatch m = found.get(i);
      String at = "'" + Problem.excerpt(m.matched()) + "' at " + m.start() + ".." + m.end();
      if (m.end() > note.length()) {
        misplaced.add(Problem.of("noteFindings[" + i + "]", at + ", past the note's end (" + note.length()
            + " characters)"));
      } else if (!note.substring(m.start(), m.end()).equals(m.matched())) {
        misplaced.add(Problem.of("noteFindings[" + i + "]", at + ", where the note holds '"
            + Problem.excerpt(note.substring(m.start(), m.end())) + "'"));
      }
    }
    if (!misplaced.isEmpty()) {
      throw ComponentContractException.of("the script generator", scripts, misplaced);
    }
    return found;
  }

  /**
   * Why statements were given and yet give no month to assess: every month lies after the case's date, or no row was
   * read (each rejected, or none), or every row of the case's month and before is dated after the case's date. The assessment had then said "as declared (no statements)", and a borrower
   * without declared income was told income "is required when no statements are given".
   */
  private static String noMonths(StatementAnalysis a, List<MonthlyFigures> months, LocalDate asOf) {
    if (months.stream().allMatch(m -> m.month().isAfter(YearMonth.from(asOf))) && !months.isEmpty()) {
      return "every statement month is after the case's date " + asOf;
    }
    if (!months.isEmpty()) {
      return "every statement row is dated after the case's date " + asOf;
    }
    return "no month of income can be read from the statements (" + String.join(", ", a.statements().stream()
        .map(StatementAnalysis.StatementSummary::source).toList()) + "): " + a.rowsRead() + " row(s) read, "
        + a.rejected().size() + " rejected" + (a.rejected().isEmpty() ? "" : " (the first " + a.rejected().get(0) + ")");
  }

  /**
   * That the statements' rejected rows are in no month, the first named: a month missing its salary row reads as a
   * month of little income. The notes had given the months' figures without a word of the rows left out; only the
   * screening's REVIEW named them, apart from the figures they change.
   */
  private static String rejectedRows(List<Problem> rejected) {
    boolean one = rejected.size() == 1;
    return rejected.size() + (one ? " statement row could not be read and is"
        : " statement rows could not be read and are") + " in no month's figures (" + (one ? "" : "the first ")
        + rejected.get(0) + "): the month" + (one ? " it falls" : "s they fall")
        + " in may understate income or spending";
  }

  /** The analyzer of a case's statements: the borrower's name marks transfers to their own accounts. */
  private StatementAnalyzer analyzer(NegotiationRequest request) {
    return StatementAnalyzer.builder().lexicon(lexicon).holderNames(request.borrower().name()).build();
  }

  /**
   * Forensics and the risk services {@code asked}; on BLOCK, audits and throws. Null when there was nothing to screen.
   */
  private @Nullable Screening screen(NegotiationRequest request, List<ParsedStatement> statements,
      @Nullable StatementAnalysis analysis, List<RiskCheck> asked) {
    if (analysis == null && asked.isEmpty()) {
      return null;
    }
    ForensicReport report = analysis == null ? null : forensics.examine(statements, analysis, LocalDate.now(clock),
        request.borrower().name());
    List<RiskAssessment> answers = new ArrayList<>();
    for (RiskCheck check : asked) {
      RiskCheckRequest sent = new RiskCheckRequest(request.caseId(), request.borrower().name(),
          request.borrower().idNumber(), request.borrower().mobile());
      RiskAssessment answer = answer(() -> check.check(sent), "the risk check", check, "check");
      // RiskAssessment.service is the name of the check that answered: the screening and the audit log name it
      if (!answer.service().equals(check.name())) {
        throw ComponentContractException.of("the risk check", check, List.of(Problem.of("check.service", "'"
            + Problem.excerpt(answer.service()) + "' is not the check's name '" + Problem.excerpt(check.name())
            + "': its answer and audit entry would be another service's")));
      }
      answers.add(answer);
    }
    Screening screening = Screening.of(analysis, report, answers);
    // the borrower's name, ID number and mobile went to each service: recorded now, whatever happens to the case later
    List<AuditEvent> events = new ArrayList<>();
    for (RiskAssessment a : answers) {
      Map<String, String> details = new LinkedHashMap<>();
      details.put("service", a.service());
      details.put("decision", a.decision().name());
      details.put("degraded", Boolean.toString(a.degraded()));
      if (a.score() != null) {
        details.put("score", a.score().toString());
      }
      events.add(new AuditEvent(ACTOR, AuditAction.RISK_CHECK, request.caseId(), details));
    }
    boolean blocked = screening.verdict() == ForensicVerdict.BLOCK;
    if (blocked) {
      Map<String, String> details = new LinkedHashMap<>();
      details.put("verdict", screening.verdict().name());
      details.put("reasons", String.join("; ", screening.reasons()));
      events.add(new AuditEvent(ACTOR, AuditAction.DATA_ACCESS, request.caseId(),
          Map.of("statements", Integer.toString(statements.size()))));
      events.add(new AuditEvent(ACTOR, AuditAction.FRAUD_BLOCK, request.caseId(), details));
    }
    if (audit != null && !events.isEmpty()) {
      audit.appendAll(events);
    }
    if (blocked) {
      throw new NegotiationBlockedException(request.caseId(), screening);
    }
    return screening;
  }

  /**
   * {@code value}, which {@code component} (in its {@code role}) returned from {@code call}. No component's contract
   * allows null, and a null had surfaced as a NullPointerException from inside the engine (or {@code List.copyOf})
   * naming neither the component nor the call; it is a {@link ComponentContractException} naming both.
   */
  private static <T> T returned(@Nullable T value, String role, Object component, String call) {
    if (value == null) {
      throw ComponentContractException.of(role, component, List.of(Problem.of(call, "returned null")));
    }
    return value;
  }

  /**
   * What {@code component} (in its {@code role}) answers to {@code call}, which the engine asked with its own checked
   * inputs: a record the component builds for its answer refuses parts that contradict each other (an assessment whose
   * {@code canSupportPlan} contradicts its score, an eligibility check without its actual value, a script without its
   * title, a risk answer with a NaN score), and that refusal is the component's fault, each problem named under the
   * call. It had reached the caller as an {@link InvalidInputException} about the request (a 400 from the REST
   * service), as the solver's and the stress tester's had before them.
   */
  private static <T> T answer(java.util.function.Supplier<@Nullable T> call, String role, Object component,
      String name) {
    T value;
    try {
      value = call.get();
    } catch (InvalidInputException e) {
      throw ComponentContractException.of(role, component, e.problems().stream()
          .map(p -> Problem.of(p.location().isEmpty() ? name : name + "." + p.location(), p.reason())).toList());
    }
    return returned(value, role, component, name); // nor is a null answer the case's fault
  }

  /** {@link #answer} for a list, whose elements may not be null either ({@link #returnedList}). */
  private static <T> List<T> answerList(java.util.function.Supplier<@Nullable List<T>> call, String role,
      Object component, String name) {
    return returnedList(answer(call, role, component, name), role, component, name);
  }

  /** {@link #returned} for a list, whose elements may not be null either (each one named by its index). */
  private static <T> List<T> returnedList(@Nullable List<T> value, String role, Object component, String call) {
    List<T> list = returned(value, role, component, call);
    List<Problem> nulls = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == null) {
        nulls.add(Problem.of(call + "[" + i + "]", "is null"));
      }
    }
    if (!nulls.isEmpty()) {
      throw ComponentContractException.of(role, component, nulls);
    }
    return list;
  }

  /**
   * An eligibility decision says why: a debt left out with no failed check had been listed as ineligible with no
   * reason, one let in with a failed check contradicted itself, and a null adjustment was a NullPointerException from
   * the option grid naming neither the evaluator nor the debt. A debt let in under a policy that does not cover its
   * product would be planned and scripted under another product's terms and legal basis (a permissive custom evaluator
   * had the case stop at {@code policy.productTypes} as if the request were wrong). And a decision is about the debt and
   * the policy it was asked of: an evaluator caching one decision for every debt had another debt's checks shown under
   * each debt's id, and its adjustment applied to them.
   */
  private void requireExplained(EligibilityDecision decision, Debt d, Policy policy) {
    String call = "evaluate(debt '" + d.id() + "')";
    List<Problem> problems = new ArrayList<>();
    if (!d.id().equals(decision.debtId())) {
      problems.add(Problem.of(call + ".debtId", quoted(decision.debtId()) + " is not the debt evaluated"));
    }
    if (!d.platformId().equals(decision.platformId())) {
      problems.add(Problem.of(call + ".platformId", quoted(decision.platformId()) + " is not the debt's lender '"
          + d.platformId() + "'"));
    }
    if (!policy.version().equals(decision.policyVersion())) {
      problems.add(Problem.of(call + ".policyVersion", quoted(decision.policyVersion()) + " is not the version of the "
          + "policy evaluated, '" + policy.version() + "'"));
    }
    if (decision.adjustment() == null) {
      problems.add(Problem.of(call + ".adjustment", "is null; PolicyAdjustment.NONE when nothing is tightened"));
    }
    if (!decision.eligible() && decision.reasons().isEmpty()) {
      problems.add(Problem.of(call, "ineligible with no failed check: a debt left out must say why"));
    }
    if (decision.eligible() && !decision.reasons().isEmpty()) {
      problems.add(Problem.of(call, "eligible though checks failed: " + decision.reasons()));
    }
    if (decision.eligible() && !policy.productTypes().contains(d.productType())) {
      problems.add(Problem.of(call, "eligible though policy '" + policy.platformId() + "' " + policy.version()
          + " covers " + policy.productTypes() + ", not " + d.productType()));
    }
    if (!problems.isEmpty()) {
      throw ComponentContractException.of("the eligibility evaluator", eligibility, problems);
    }
  }

  /** {@code value} quoted for a problem's reason, shown in short; "null" unquoted when there is none. */
  private static String quoted(@Nullable String value) {
    return value == null ? "null" : "'" + Problem.excerpt(value) + "'";
  }

  /**
   * The solver's answer to a problem the engine built from a checked request (a grid too large is refused with the
   * request's problems, before this): a refusal from inside the solver — a custom solver building an {@code
   * Infeasibility} whose shortfall contradicts its amounts, say — is the solver's fault, not the case's. It had reached
   * the caller as an {@code InvalidInputException}, which the REST service answers as a 400 about the request. A
   * {@link SearchBudgetExhaustedException} passes through as it is: the case needed more search than the configured
   * budget, which no component is at fault for (the exact solver's had been wrapped here as a contract violation).
   */
  private ProposalSet solved(ProposalProblem problem) {
    try {
      return solver.solve(problem);
    } catch (InvalidInputException e) {
      throw ComponentContractException.of("the proposal solver", solver, e.problems());
    }
  }

  /**
   * What to do when no debt is left to plan, from the reasons the debts were left out for: each failed check of the
   * declarative evaluator the borrower can meet has its remedy (more days overdue, proof of hardship, paying a small
   * balance in full), one a lender's policy sets (its platform, dates, products) has none, and a custom rule's may have
   * one the engine cannot name. The advice had named every remedy whatever the reasons were — "paying a small balance
   * in full" to a borrower whose debts were all too recent. Not thread-safe: one per calculation.
   */
  private static final class NoDebtAdvice {
    private static final String RESTRUCTURE = "seek a debt restructuring across all lenders (债务重组) or the legal "
        + "route (personal debt mediation, court-supervised settlement)";

    /** A way a borrower can meet a reason, in the order the advice names them. */
    enum Remedy {
      TIME("in time (more days overdue)"),
      PROOF("with proof of hardship"),
      PAY_IN_FULL("by paying a small balance in full");

      private final String words;

      Remedy(String words) {
        this.words = words;
      }
    }

    final Set<Remedy> remedies = java.util.EnumSet.noneOf(Remedy.class);
    private boolean otherReason;
    /** Whether a debt is kept out by what no remedy changes (a policy's own terms, a rule's term cap). */
    boolean blocked;

    /**
     * Adds the remedies of one debt's failed checks; none when one of them is a policy's own term, which no remedy of
     * the others would get the debt past (nor for a balance below the policy's least when nothing is owed).
     */
    void addFailed(Debt debt, List<io.github.fenqi.core.policy.EligibilityCheck> checks) {
      Set<Remedy> these = java.util.EnumSet.noneOf(Remedy.class);
      boolean other = false;
      for (io.github.fenqi.core.policy.EligibilityCheck c : checks) {
        if (c.passed()) {
          continue;
        }
        switch (c.code()) {
          case "MIN_OVERDUE_DAYS" -> these.add(Remedy.TIME);
          case "HARDSHIP_PROOF" -> these.add(Remedy.PROOF);
          case "MIN_OUTSTANDING" -> {
            if (!debt.totalOwed().isZero()) {
              these.add(Remedy.PAY_IN_FULL);
            }
          }
          case "PLATFORM", "EFFECTIVE", "PRODUCT_TYPE" -> {
            blocked = true;
            return;
          }
          default -> other = true; // a custom rule's: it may be met, how is for its message to say
        }
      }
      remedies.addAll(these);
      otherReason |= other;
    }

    String recommendation() {
      List<String> ways = remedies.stream().map(r -> r.words).toList();
      if (!ways.isEmpty()) {
        String joined = ways.size() == 1 ? ways.get(0) : ways.size() == 2 ? ways.get(0) + " or " + ways.get(1)
            : String.join(", ", ways.subList(0, ways.size() - 1)) + ", or " + ways.get(ways.size() - 1);
        return "See each debt's reasons: some are met " + joined + ". If none can be, " + RESTRUCTURE + ".";
      }
      if (otherReason) {
        return "See each debt's reasons: if none can be met, " + RESTRUCTURE + ".";
      }
      return blocked ? "No debt's reasons can be met by the borrower: " + RESTRUCTURE
          + " instead of single-lender installment negotiation." : "Nothing is owed: there is nothing to negotiate.";
    }
  }

  /**
   * What a solver's {@code why} says of {@code problem} that the problem contradicts: "no eligible debt" is the answer
   * to a problem with no debt, and to no other. A custom solver's "no eligible debt" beside eligible debts had been
   * passed on, the result telling the borrower that nothing could be negotiated beside debts the eligibility let in and
   * left out of nothing (and a problem with no debt blamed on the budget had a shortfall for nothing to pay). The
   * budget or the savings a binding constraint measures ({@code available}) are the problem's: a shortfall of a budget
   * of 10.00 had been shown to a borrower whose budget is thousands.
   */
  private static List<Problem> contradictions(Infeasibility why, ProposalProblem problem) {
    List<Problem> problems = new ArrayList<>();
    boolean noDebt = problem.debts().isEmpty();
    if (why.binding() == Infeasibility.BindingConstraint.NO_ELIGIBLE_DEBT && !noDebt) {
      int n = problem.debts().size();
      problems.add(Problem.of("infeasibility.binding", why.binding() + " though the problem has " + n + " eligible debt"
          + (n == 1 ? "" : "s") + " (" + String.join(", ", problem.debts().stream().limit(5)
              .map(t -> Problem.excerpt(t.debt().id())).toList()) + (n > 5 ? ", ..." : "") + ")"));
    } else if (why.binding() != Infeasibility.BindingConstraint.NO_ELIGIBLE_DEBT && noDebt) {
      problems.add(Problem.of("infeasibility.binding", why.binding() + " though the problem has no eligible debt: "
          + Infeasibility.BindingConstraint.NO_ELIGIBLE_DEBT + " binds"));
    }
    // the budget or the savings a binding one measures are the problem's: another figure's shortfall is nobody's case
    String measured = switch (why.binding()) {
      case MONTHLY_BUDGET, BUDGET_AND_SAVINGS_TOGETHER -> why.available().equals(problem.monthlyBudget()) ? null
          : "the problem's monthly budget " + problem.monthlyBudget();
      case LIQUID_SAVINGS -> why.available().equals(problem.liquidSavings()) ? null
          : "the problem's liquid savings " + problem.liquidSavings();
      case NO_ELIGIBLE_DEBT, USER_CONSTRAINT, ACCEPTANCE_FLOOR -> null;
    };
    if (measured != null) {
      problems.add(Problem.of("infeasibility.available", why.available() + " where " + why.binding() + " binds is not "
          + measured));
    }
    return problems;
  }

  /**
   * Where a tester's levels contradict its own default probabilities: a level is the probability against the tester's
   * thresholds ({@link RiskLevel}), whatever they are, so of one comparison's plans a likelier default never has a
   * lower level (an equal one, the same). A tester calling a plan of 40 % GREEN beside one of 5 % RED had the riskier
   * plan recommended and scripted, the safer one withheld. (A level above GREEN where no path re-defaults is refused by
   * {@link StressResult} itself, as the tester builds it.)
   */
  private static List<Problem> levelContradictions(List<StressResult> results) {
    List<Problem> problems = new ArrayList<>();
    for (int j = 0; j < results.size(); j++) {
      StressResult r = results.get(j);
      for (int i = 0; i < j; i++) {
        StressResult o = results.get(i);
        double p = r.defaultProbability();
        int byProbability = p < o.defaultProbability() ? -1 : p > o.defaultProbability() ? 1 : 0; // -0.0 is 0.0 here
        int byLevel = r.level().compareTo(o.level());
        if (byProbability == 0 ? byLevel != 0 : Integer.signum(byLevel) == -byProbability) {
          problems.add(Problem.of("compare[" + j + "].level", r.level() + " at a default probability of "
              + r.defaultProbability() + ", though compare[" + i + "] is " + o.level() + " at " + o.defaultProbability()
              + ": the level rises with the default probability, whatever the thresholds"));
          break;
        }
      }
    }
    return problems;
  }

  /**
   * The budget is the one hard constraint the affordability model sets, so a custom model is held to what the design
   * fixes ({@link AffordabilityAssessment#outsideBounds()}): never negative, never above half the monthly net income
   * nor above the model's own score, on an income that is not negative and a volatility the stress test can run on.
   */
  private void requireWithinBounds(AffordabilityAssessment assessment) {
    List<Problem> outside = assessment.outsideBounds();
    if (!outside.isEmpty()) {
      throw ComponentContractException.of("the affordability model", affordability, outside);
    }
  }

  /**
   * The income an assessment is built on is the borrower's: the declared one where it says {@code DECLARED}, and where
   * it says {@code STATEMENTS} one measured from the months the model was given — at least one, no more of them than
   * it was given, and not above every one's income (no aggregate of months is). A model that kept one borrower's
   * assessment (a cache keyed on nothing) had planned the next borrower on the first one's income and budget, and one
   * saying STATEMENTS for a case without statements had shown a figure as measured that nothing measured.
   */
  private void requireBorrowersIncome(AffordabilityAssessment a, @Nullable Money declared, List<MonthlyFigures> months) {
    Problem wrong = switch (a.incomeSource()) {
      case DECLARED -> declared == null
          ? Problem.of("incomeSource", "DECLARED though the borrower declares no income")
          : a.monthlyNetIncome().equals(declared) ? null : Problem.of("monthlyNetIncome", a.monthlyNetIncome()
              + " is given as DECLARED, but the borrower declares " + declared);
      case STATEMENTS -> {
        if (months.isEmpty()) {
          yield Problem.of("incomeSource", "STATEMENTS though the model was given no statement month");
        }
        if (a.incomeMonthsUsed() > months.size()) {
          yield Problem.of("incomeMonthsUsed", a.incomeMonthsUsed() + ", more than the " + months.size()
              + " statement month" + (months.size() == 1 ? "" : "s") + " the model was given");
        }
        Money most = months.stream().map(MonthlyFigures::income).reduce(Money::max).orElseThrow();
        yield a.monthlyNetIncome().isGreaterThan(most) ? Problem.of("monthlyNetIncome", a.monthlyNetIncome()
            + " is given as measured from statements, but no statement month's income is above " + most) : null;
      }
    };
    if (wrong != null) {
      throw ComponentContractException.of("the affordability model", affordability, List.of(wrong));
    }
  }

  /**
   * The borrower's position the stress test runs on: the model's income, essentials and income volatility, which a
   * custom model may give where the tester cannot (a volatility of 4 or NaN), and the borrower's savings. Built before
   * any plan, so a refusal is the model's fault, named as such: it had reached the caller as an error in the case.
   */
  private FinancialProfile stressProfile(AffordabilityAssessment assessment, Money savings) {
    try {
      return new FinancialProfile(assessment.monthlyNetIncome(), assessment.incomeVolatility(),
          assessment.essentialExpenses(), savings);
    } catch (InvalidInputException e) {
      throw ComponentContractException.of("the affordability model", affordability, e.problems());
    }
  }

  private List<NegotiationScript> scriptsOf(NegotiationRequest request, AffordabilityAssessment assessment, Proposal p,
      Map<String, Policy> policyOf) {
    Map<String, Debt> debtOf = new HashMap<>();
    request.debts().forEach(d -> debtOf.put(d.id(), d));
    List<ScriptRequest.LenderPlan> plans = new ArrayList<>();
    for (PlanOption o : p.plans()) {
      plans.add(new ScriptRequest.LenderPlan(debtOf.get(o.debtId()), policyOf.get(o.debtId()), o));
    }
    // the debts the proposal leaves out are still owed: each script counts their lenders among the borrower's others
    Set<String> planned = new HashSet<>();
    p.plans().forEach(o -> planned.add(o.debtId()));
    List<Debt> others = request.debts().stream().filter(d -> !planned.contains(d.id())).toList();
    ScriptRequest asked = new ScriptRequest(request.borrower(), assessment, p.strategy(), plans, others,
        new ScriptOptions(scriptLanguage, request.hardshipNote()));
    List<NegotiationScript> written = answerList(() -> scripts.generate(asked), "the script generator", scripts,
        "generate");
    // each report pairs the i-th script with the i-th plan: scripts in another order had been given to other lenders
    List<Problem> unpaired = new ArrayList<>(NegotiationResult.ProposalReport.unpairedScripts("generate", p.strategy(),
        plans.stream().map(l -> l.debt().id()).toList(), plans.stream().map(l -> l.debt().platformId()).toList(),
        written));
    // in the language asked for: a generator dropping the option had a zh-CN borrower handed English scripts
    for (int i = 0; i < written.size(); i++) {
      if (written.get(i).language() != scriptLanguage) {
        unpaired.add(Problem.of("generate[" + i + "].language", written.get(i).language() + " is not the language "
            + "asked for, " + scriptLanguage));
      }
    }
    // the result carries no unmasked identifier (the class comment), and a script is read out to a lender: a generator
    // whose template was given the borrower's own numbers where the shipped one masks them had its scripts passed on
    for (int i = 0; i < written.size(); i++) {
      NegotiationScript script = written.get(i);
      inClear("generate[" + i + "].title", script.title(), request.borrower(), unpaired);
      for (int k = 0; k < script.sections().size(); k++) {
        inClear("generate[" + i + "].sections[" + k + "].title", script.sections().get(k).title(), request.borrower(),
            unpaired);
        inClear("generate[" + i + "].sections[" + k + "].text", script.sections().get(k).text(), request.borrower(),
            unpaired);
      }
    }
    if (!unpaired.isEmpty()) {
      throw ComponentContractException.of("the script generator", scripts, unpaired);
    }
    return written;
  }

  /** Adds the problem of {@code text}, a script's {@code field}, when it holds the borrower's ID number or mobile. */
  private static void inClear(String field, String text, io.github.fenqi.core.borrower.Borrower borrower,
      List<Problem> problems) {
    String id = borrower.idNumber();
    String mobile = borrower.mobile();
    String which = id != null && !id.isEmpty() && text.contains(id) ? "ID number"
        : mobile != null && !mobile.isEmpty() && text.contains(mobile) ? "mobile" : null;
    if (which != null) {
      problems.add(Problem.of(field, "holds the borrower's " + which + " in clear; a script gives identifiers masked "
          + "only"));
    }
  }

  private static NegotiationResult.ProposalReport report(Proposal p, List<Schedule> schedules, StressResult s,
      Map<String, Policy> policyOf, List<NegotiationScript> scripts) {
    List<NegotiationResult.DebtPlan> plans = new ArrayList<>();
    for (int d = 0; d < p.plans().size(); d++) {
      PlanOption o = p.plans().get(d);
      Schedule schedule = schedules.get(d);
      Map<String, Money> waived = new LinkedHashMap<>();
      for (DebtComponent c : DebtComponent.values()) {
        Money w = o.waived().get(c);
        if (w != null) {
          waived.put(c.jsonName(), w);
        }
      }
      Policy policy = policyOf.get(o.debtId());
      plans.add(new NegotiationResult.DebtPlan(o.debtId(), policy.platformId(), policy.version(), o.term(), o.downPayment(),
          waived, o.waivedTotal(), o.settledAmount(), o.financedAmount(), o.firstInstallment(), o.totalPayable(),
          AnnualizedRate.of(schedule), o.acceptanceProbability(), schedule));
    }
    List<NegotiationResult.Scenario> scenarios = s.scenarios().stream()
        .map(sc -> new NegotiationResult.Scenario(sc.name(), sc.passed(), sc.failsInMonth().orElse(null))).toList();
    NegotiationResult.StressSummary stress = new NegotiationResult.StressSummary(s.level(), s.defaultProbability(),
        s.expectedFirstDefaultMonth().isPresent() ? s.expectedFirstDefaultMonth().getAsDouble() : null,
        s.worstShortfall95(), s.dominantDriver().orElse(null), s.recommendation().orElse(null), scenarios);
    return new NegotiationResult.ProposalReport(p.strategy(), s.level() != RiskLevel.RED, p.totalFirstMonthInstallment(),
        p.totalDownPayment(), p.totalPayable(), p.totalOwed(), p.saving(), p.acceptanceProbability(),
        Money.of(BigDecimal.valueOf(p.expectedSaving()).setScale(2, RoundingMode.HALF_EVEN)), p.provenOptimal(), stress,
        plans, scripts);
  }

  /**
   * Assembles an engine; {@link #build()} checks that policies were given and returns an immutable engine.
   * Not thread-safe; reusable (each build takes a snapshot of the settings).
   */
  public static final class Builder {
    private PolicyRepository policies;
    private EligibilityEvaluator eligibility = EligibilityEvaluator.declarative();
    private AffordabilityModel affordability = AffordabilityModel.defaults();
    private ProposalSolver solver = ProposalSolver.exact();
    private StressTester stress = StressTester.monteCarlo(StressConfig.DEFAULTS);
    private GridConfig grid = GridConfig.DEFAULTS;
    private AcceptanceModel acceptance = AcceptanceModel.defaults();
    private Clock clock = Clock.system(CASE_ZONE);
    private @Nullable AuditLog audit;
    private CategoryLexicon lexicon = CategoryLexicon.defaults();
    private StatementForensics forensics = StatementForensics.defaults();
    private final List<RiskCheck> riskChecks = new ArrayList<>();
    private ScriptGenerator scripts = ScriptGenerator.defaults();
    private ScriptLanguage scriptLanguage = ScriptLanguage.ZH_CN;

    private Builder() {}

    /** Writes each proposal's negotiation scripts (default: the shipped templates and lexicon). */
    public Builder scriptGenerator(ScriptGenerator scripts) {
      this.scripts = Objects.requireNonNull(scripts, "scripts");
      return this;
    }

    /** The language of the scripts (default zh-CN). */
    public Builder scriptLanguage(ScriptLanguage language) {
      this.scriptLanguage = Objects.requireNonNull(language, "language");
      return this;
    }

    /** The categorisation lexicon for statements (default: the shipped one). */
    public Builder lexicon(CategoryLexicon lexicon) {
      this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
      return this;
    }

    /** The forensic checks and their thresholds (default: {@link StatementForensics#defaults()}). */
    public Builder forensics(StatementForensics forensics) {
      this.forensics = Objects.requireNonNull(forensics, "forensics");
      return this;
    }

    /**
     * Adds a third-party risk service, asked once on every case with a debt to plan (its failure mode decides when it
     * is down). A case whose every debt is left out makes no proposal to screen, and the service is not sent the
     * borrower's data for it.
     *
     * @throws InvalidInputException naming {@code riskCheck.name()} when the check's name is null, empty, longer than
     *     {@link TextFields#MAX_ID_LENGTH} or more than one line of visible text (it names the check in screenings and
     *     audit entries), and naming {@code riskCheck} when a check of the same {@link RiskCheck#name()} is
     *     already added: the same check added twice had been asked twice per case, the borrower's name, ID number and
     *     mobile sent twice, and two services of one name write audit entries nobody can tell apart
     */
    public Builder riskCheck(RiskCheck check) {
      Objects.requireNonNull(check, "check");
      String name = check.name();
      // its name is what its answers and audit entries are told apart by: a null name was accepted here and failed only
      // at the first case, as a NullPointerException from the engine's check of the answer's service
      TextFields.check("riskCheck.name()", name, TextFields.MAX_ID_LENGTH).ifPresent(p -> {
        throw new InvalidInputException(List.of(p));
      });
      if (riskChecks.stream().anyMatch(c -> Objects.equals(c.name(), name))) {
        throw new InvalidInputException("riskCheck", "a risk check named '" + Problem.excerpt(String.valueOf(name))
            + "' is already added: each service is asked once per case, and its name tells its answers and audit "
            + "entries apart");
      }
      riskChecks.add(check);
      return this;
    }

    /** Where policies come from (required). */
    public Builder policies(PolicyRepository policies) {
      this.policies = Objects.requireNonNull(policies, "policies");
      return this;
    }

    public Builder eligibility(EligibilityEvaluator eligibility) {
      this.eligibility = Objects.requireNonNull(eligibility, "eligibility");
      return this;
    }

    public Builder affordability(AffordabilityModel affordability) {
      this.affordability = Objects.requireNonNull(affordability, "affordability");
      return this;
    }

    public Builder solver(ProposalSolver solver) {
      this.solver = Objects.requireNonNull(solver, "solver");
      return this;
    }

    public Builder stressTester(StressTester stress) {
      this.stress = Objects.requireNonNull(stress, "stress");
      return this;
    }

    public Builder grid(GridConfig grid) {
      this.grid = Objects.requireNonNull(grid, "grid");
      return this;
    }

    public Builder acceptanceModel(AcceptanceModel acceptance) {
      this.acceptance = Objects.requireNonNull(acceptance, "acceptance");
      return this;
    }

    /**
     * Where the engine records data access, proposals and every policy change it sees (optional). The caller
     * owns the log and closes it; {@link NegotiationEngine#close()} only stops listening to policy changes.
     */
    public Builder auditLog(AuditLog audit) {
      this.audit = Objects.requireNonNull(audit, "audit");
      return this;
    }

    /**
     * The clock that decides what "in the future" means for a case's {@code asOf}, the borrower's birth date and the
     * rows of statements (default: the system clock; tests pin it). Only its instant counts: today is the date in
     * {@link #CASE_ZONE} at that instant whatever zone the clock carries, so {@code Clock.systemUTC()} does not make a
     * case of today in Beijing "in the future" before 08:00.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The engine of these settings.
     *
     * @throws InvalidInputException naming {@code policies} when no policy repository was given
     */
    public NegotiationEngine build() {
      if (policies == null) {
        throw new InvalidInputException("policies", "a NegotiationEngine needs a PolicyRepository");
      }
      return new NegotiationEngine(this);
    }
  }
}
