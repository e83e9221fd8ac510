package io.github.fenqi.cli;

import io.github.fenqi.core.NegotiationEngine;
import io.github.fenqi.core.NegotiationRequest;
import io.github.fenqi.core.NegotiationResult;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.policy.JsonDirectoryPolicyRepository;
import io.github.fenqi.core.solve.GridConfig;
import io.github.fenqi.core.solve.ProposalSolver;
import io.github.fenqi.optaplanner.OptaPlannerProposalSolver;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import io.github.fenqi.core.security.audit.AuditKey;
import io.github.fenqi.core.security.audit.AuditLog;
import io.github.fenqi.core.security.audit.FileAuditLog;
import io.github.fenqi.core.script.NegotiationScript;
import io.github.fenqi.core.script.ScriptLanguage;
import io.github.fenqi.core.statement.ParsedStatement;
import io.github.fenqi.core.statement.StatementParser;
import io.github.fenqi.rules.EasyRulesEligibilityEvaluator;
import io.github.fenqi.rules.RuleSetAudit;
import io.github.fenqi.rules.RuleSetEvent;
import io.github.fenqi.rules.RuleSetListener;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fenqi plan CASE.json --policies DIR}: the three proposals of a case. */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = "Find the three proposals (aggressive, conservative, balanced) of a case under the policies in DIR.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the proposals (or the case's infeasibility, in the output); forensics verdict PASS or REVIEW",
        "1:rejected input with nothing printed, including a case that --statement blocked (forensics verdict BLOCK; "
            + "stderr names the signals)" + FenqiCli.OUTPUT_UNWRITTEN,
        FenqiCli.EXIT_SEARCH_BUDGET, FenqiCli.EXIT_INTERNAL, FenqiCli.EXIT_PIPE})
final class PlanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "CASE.json", description = "The case: borrower and debts.")
  Path caseFile;

  @Option(names = "--policies", required = true, paramLabel = "DIR", description = "Directory of policy files.")
  Path policies;

  @Option(names = "--format", defaultValue = "json", description = "json (default), text or html (a standalone page).")
  OutputFormat format;

  @Option(names = "--solver", defaultValue = "exact", description = "exact (default) or optaplanner.")
  String solver;

  @Option(names = "--time-limit", defaultValue = "1s", paramLabel = "DURATION",
      description = "With --solver optaplanner: its time per strategy, e.g. 1s or 500ms (default 1s).")
  String timeLimit;

  @Option(names = "--max-search-nodes", paramLabel = "N", description = "The exact solver's search budget per "
      + "strategy (default " + GridConfig.DEFAULT_MAX_SEARCH_NODES + "): a case that needs more ends with exit 3.")
  @Nullable Integer maxSearchNodes;

  @Option(names = "--lang", defaultValue = "zh-CN", paramLabel = "zh-CN|en", description = "Language of the negotiation scripts (default zh-CN).")
  String lang;

  @Option(names = "--rules", paramLabel = "DIR", description = "Directory of eligibility rule files "
      + "(<platformId>.yml|.json, _shared*.yml|.json) evaluated on top of each policy's eligibility block; a directory "
      + "that yields no rule is refused.")
  @Nullable Path rules;

  @Option(names = "--statement", paramLabel = "FILE",
      description = "A statement export of the borrower (repeatable; format detected). Its months replace the declared figures; forged statements stop the case.")
  List<Path> statements = new ArrayList<>();

  @Option(names = "--audit-log", paramLabel = "FILE",
      description = "Append this run's audit entries (data access, proposals) to FILE, durably.")
  @Nullable Path auditLog;

  @Option(names = "--key-env", paramLabel = "NAME", defaultValue = AuditKey.DEFAULT_VARIABLE,
      description = "With --audit-log: the environment variable holding the base64 of the 32-byte audit HMAC key (default: ${DEFAULT-VALUE}).")
  String keyEnv;

  /** How long a run waits for another run that has the same audit log open. */
  static final java.time.Duration AUDIT_LOG_WAIT = java.time.Duration.ofSeconds(60);

  private final Function<String, @Nullable String> environment;

  PlanCommand() {
    this(System::getenv);
  }

  /** Reads the audit key through {@code environment} (tests cannot set environment variables). */
  PlanCommand(Function<String, @Nullable String> environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    // options first, whichever solver runs: a malformed value is an error, never ignored (nor found after the work)
    java.time.Duration limit = duration();
    ProposalSolver solver = solver(limit);
    GridConfig grid = grid();
    // an option the run would not use is refused, not ignored: '--time-limit 5s' did not limit the exact solver, and
    // '--key-env K' without --audit-log audited nothing, each with exit 0 (policy extract refuses --version so too)
    picocli.CommandLine.ParseResult given = spec.commandLine().getParseResult();
    if (given.hasMatchedOption("--time-limit") && !solverName().equals("optaplanner")) {
      throw new InvalidInputException("--time-limit", "applies only with --solver optaplanner (the exact solver takes "
          + "no time limit)");
    }
    if (given.hasMatchedOption("--key-env") && auditLog == null) {
      throw new InvalidInputException("--key-env", "applies only with --audit-log (without it nothing is audited)");
    }
    StatementCommand.refuseOneFileUnderTwoNames(statements);
    PolicyCommand.policyFiles(policies, "--policies");
    if (rules != null) {
      FileKind.requireDirectory(rules, "rule files", "--rules");
    }
    // names that are no file (a link to a moved file): the directory loaders pass over them in silence
    List<io.github.fenqi.core.Problem> notFiles = new ArrayList<>();
    PolicyCommand.notPolicyFiles(policies).forEach((p, why) -> notFiles.add(io.github.fenqi.core.Problem.of(p.toString(),
        why)));
    if (rules != null) {
      notFiles.addAll(RulesCommand.notRuleFiles(rules));
    }
    if (!notFiles.isEmpty()) {
      throw new InvalidInputException(notFiles);
    }
    NegotiationRequest request = NegotiationRequest.read(caseFile);
    NegotiationResult result;
    // runs that share a log (a batch of plans in parallel) take turns: each waits for the one writing
    AuditLog log = auditLog == null ? null : openAuditLog(auditLog);
    try (JsonDirectoryPolicyRepository repo = JsonDirectoryPolicyRepository.openStrict(policies)) {
      NegotiationEngine.Builder builder = NegotiationEngine.builder().policies(repo).solver(solver)
          .scriptLanguage(language()).grid(grid);
      if (log != null) {
        builder.auditLog(log);
      }
      List<RuleSetEvent.FileChange> loaded = new ArrayList<>(); // the files of the first load, and their rules
      RuleSetListener firstLoad = event -> {
        if (event instanceof RuleSetEvent.Reloaded r && r.version() == 1) {
          loaded.addAll(r.changes());
        }
      };
      @Nullable EasyRulesEligibilityEvaluator ruleEvaluator = rules == null ? null : log == null
          ? EasyRulesEligibilityEvaluator.openStrict(rules, firstLoad)
          : EasyRulesEligibilityEvaluator.openStrict(rules, RuleSetAudit.listener(log), firstLoad); // which rules were live
      if (ruleEvaluator != null) {
        builder.eligibility(ruleEvaluator);
      }
      try (ruleEvaluator; NegotiationEngine engine = builder.build()) {
        if (rules != null) {
          RulesCommand.requireRules(rules, loaded, repo.snapshot().platforms())
              .forEach(spec.commandLine().getErr()::println);
        }
        List<ParsedStatement> parsed = new ArrayList<>();
        for (Path s : statements) {
          try {
            parsed.add(StatementParser.read(s, null));
          } catch (InvalidInputException e) {
            throw StatementCommand.Ingest.withCommandLineHint(e, s, null);
          }
        }
        try {
          result = engine.calculate(request, parsed);
        } catch (InvalidInputException e) {
          throw inTheCaseFile(e);
        }
      }
    } finally {
      if (log != null) {
        log.close();
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case json -> out.println(CliJson.write(result));
      case text -> printText(out, result);
      case html -> HtmlReport.print(out, result);
    }
    return FenqiCli.OK;
  }

  /** A field of the case file: the engine's problems name it without the file ({@code asOf}, {@code debts[1].platformId}). */
  private static final java.util.regex.Pattern CASE_FIELD = java.util.regex.Pattern.compile(
      "(caseId|asOf|borrower|debts|hardshipNote)(?![A-Za-z0-9_])");

  /**
   * {@code e} with each problem of a case field located in the case file, as reading the case locates its problems:
   * the engine checks the case again against the policies and the clock, and "fenqi: asOf: 2099-01-01 is in the
   * future" or "debts[0].platformId: no policy for 'x'" named no file, beside a '--statement' or a batch of plans.
   */
  private InvalidInputException inTheCaseFile(InvalidInputException e) {
    if (e.getClass() != InvalidInputException.class) {
      return e; // a subclass says more by its type; keep it
    }
    List<io.github.fenqi.core.Problem> located = new ArrayList<>();
    for (io.github.fenqi.core.Problem p : e.problems()) {
      located.add(CASE_FIELD.matcher(p.location()).lookingAt()
          ? io.github.fenqi.core.Problem.of(caseFile + ": " + p.location(), p.reason()) : p);
    }
    return new InvalidInputException(located, e);
  }

  /** The log, verified by opening it; a bad entry (named with its file by the library) says nothing was planned. */
  private AuditLog openAuditLog(Path file) {
    AuditCommand.notALogFile(file).ifPresent(why -> {
      // a new log is not created through a link (the library opens it with CREATE_NEW, which a link defeats)
      String link = java.nio.file.Files.isSymbolicLink(file) ? " (an audit log is not created through a link: create "
          + "the file, or give its own path)" : "";
      throw new InvalidInputException("--audit-log", file + " " + why + link + "; leave --audit-log out to keep no "
          + "audit log");
    });
    AuditKey key = AuditCommand.key(keyEnv, environment);
    try {
      return FileAuditLog.open(file, key, AUDIT_LOG_WAIT);
    } catch (io.github.fenqi.core.AuditIntegrityException e) {
      throw new io.github.fenqi.core.AuditIntegrityException(e.sequence(), e.getMessage() // it names the file
          + "; nothing was planned (check the log with 'fenqi audit verify')");
    }
  }

  /** The default grid, with --max-search-nodes when given: named as the option, not as the grid's field. */
  private GridConfig grid() {
    if (maxSearchNodes == null) {
      return GridConfig.DEFAULTS;
    }
    if (maxSearchNodes < 1) {
      throw new InvalidInputException("--max-search-nodes", maxSearchNodes + " must be positive");
    }
    return GridConfig.DEFAULTS.withMaxSearchNodes(maxSearchNodes);
  }

  private ScriptLanguage language() {
    try {
      return ScriptLanguage.ofTag(lang);
    } catch (InvalidInputException e) {
      throw new InvalidInputException("--lang", e.problems().get(0).reason());
    }
  }

  /**
   * The --solver value in lower case: the README has the fixed-list values taken in any case, and '--solver
   * OPTAPLANNER' was "not a solver" (the option is text, not an enum, so picocli's case-insensitive enums missed it).
   */
  private String solverName() {
    return solver.strip().toLowerCase(Locale.ROOT);
  }

  private ProposalSolver solver(java.time.Duration limit) {
    return switch (solverName()) {
      case "exact" -> ProposalSolver.exact();
      case "optaplanner" -> OptaPlannerProposalSolver.builder().timeLimit(limit).build();
      default -> throw new InvalidInputException("--solver", "'" + solver + "' is not a solver; use exact or optaplanner");
    };
  }

  private java.time.Duration duration() {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,6})(ms|s)").matcher(timeLimit.strip());
    if (!m.matches()) {
      // "10h", "2m", "0.5s" are durations, only not in the units this option takes: say which
      boolean otherUnits = timeLimit.strip().matches("\\d+(\\.\\d+)?\\s*[a-zA-Z]+");
      throw new InvalidInputException("--time-limit", "'" + timeLimit + "' is not " + (otherUnits
          ? "a whole number of seconds or milliseconds, such as 1s or 500ms" : "a duration such as 1s or 500ms"));
    }
    if (Long.parseLong(m.group(1)) == 0) {
      throw new InvalidInputException("--time-limit", "'" + timeLimit + "' must be more than zero (OptaPlanner's time "
          + "per strategy, such as 1s or 500ms)");
    }
    long n = Long.parseLong(m.group(1));
    return m.group(2).equals("s") ? java.time.Duration.ofSeconds(n) : java.time.Duration.ofMillis(n);
  }

  static void printText(PrintWriter out, NegotiationResult r) {
    out.printf(Locale.ROOT, "case %s as of %s: monthly budget for installments %s%n", r.caseId(), r.asOf(),
        r.maxAffordableInstallment());
    r.affordability().notes().forEach(n -> out.println("  " + n));
    if (r.screening() != null) {
      out.println("screening: " + r.screening().verdict());
      r.screening().reasons().forEach(n -> out.println("  " + n));
    }
    for (NegotiationResult.Ineligible i : r.ineligible()) {
      out.println("not eligible: " + i.debtId() + " — " + String.join("; ", i.reasons()));
    }
    r.hardshipNoteFindings().forEach(m -> out.println("hardship note: the sentence with '" + m.matched() + "' ("
        + m.category() + ") is kept out of the scripts"));
    if (!r.feasible()) {
      out.println("NO FEASIBLE PROPOSAL (" + r.binding() + "): " + r.reason());
      out.println("recommendation: " + r.recommendation());
      return;
    }
    // the amount columns as wide as their widest amount (a case of billions ran past them), never narrower than usual
    int first = 12;
    int down = 10;
    int total = 12;
    int saving = 11;
    for (NegotiationResult.ProposalReport p : r.proposals()) {
      first = Math.max(first, p.totalFirstMonthInstallment().toString().length());
      down = Math.max(down, p.totalDownPayment().toString().length());
      total = Math.max(total, p.totalPayable().toString().length());
      saving = Math.max(saving, p.saving().toString().length());
    }
    String amounts = "%-12s %" + first + "s %" + down + "s %" + total + "s %" + saving + "s ";
    String heading = String.format(Locale.ROOT, amounts + "%9s %-7s %8s ", "strategy", "1st month", "down", "total pay",
        "saving", "p(accept)", "stress", "p(deflt)");
    out.println(heading + "recommended");
    // a RED plan's "NO: <the stress test's advice>" wrapped within the last column, under its heading: as one line it
    // ran 100 columns past the table
    int recommended = TextColumns.width(heading);
    int room = Math.max(MIN_LAST_COLUMN, TEXT_WIDTH - recommended);
    DebtColumns w = DebtColumns.of(r.proposals());
    for (NegotiationResult.ProposalReport p : r.proposals()) {
      List<String> why = TextColumns.wrap(p.recommended() ? "yes" : "NO: " + p.stress().recommendation(), room);
      out.printf(Locale.ROOT, amounts + "%9.3f %-7s %8.3f %s%n", p.strategy(), p.totalFirstMonthInstallment(),
          p.totalDownPayment(), p.totalPayable(), p.saving(), p.acceptanceProbability(), p.stress().level(),
          p.stress().defaultProbability(), why.get(0));
      why.subList(1, why.size()).forEach(l -> out.println(" ".repeat(recommended) + l));
      for (NegotiationResult.DebtPlan d : p.plans()) {
        out.printf(Locale.ROOT, "    %s %s %3d months, down %s, waive %s, 1st %s, total %s, IRR %s%%, p %.3f%n",
            TextColumns.left(d.debtId(), w.id()), TextColumns.left(d.platformId(), w.platform()), d.term(),
            TextColumns.right(d.downPayment().toString(), w.amount()),
            TextColumns.right(d.waivedTotal().toString(), w.amount()),
            TextColumns.right(d.firstInstallment().toString(), w.amount()),
            TextColumns.right(d.totalPayable().toString(), w.total()),
            TextColumns.right(OutputFormat.percent(d.annualizedRate()), w.rate()), d.acceptanceProbability());
      }
    }
    r.notes().forEach((s, n) -> out.println("note (" + s + "): " + n));
    for (NegotiationResult.ProposalReport p : r.proposals()) {
      for (NegotiationScript s : p.scripts()) {
        out.println();
        out.println("==== script: " + p.strategy() + " / " + s.debtId() + " (" + s.platformId() + ", " + s.language().tag() + ") ====");
        out.println(s.text());
        s.findings().forEach(f -> out.println("[removed from " + f.field() + ": '" + f.match().matched() + "' ("
            + f.match().category() + ")]"));
      }
      if (p.scriptsWithheld() != null) {
        out.println();
        out.println("==== no scripts: " + p.strategy() + " ====");
        TextColumns.wrap(p.scriptsWithheld(), TEXT_WIDTH).forEach(out::println);
      }
    }
  }

  /** The terminal columns the text report's own lines keep within (the scripts' paragraphs are printed as written). */
  static final int TEXT_WIDTH = 120;
  /** The least width of the proposals' last column, when the amounts before it are as wide as a case of billions. */
  private static final int MIN_LAST_COLUMN = 30;

  /**
   * The widths of the debt rows' columns in terminal columns: the widest value of each over every proposal, so that
   * a longer or Chinese debt id ({@code 信用卡债务一}), platform id, amount (a million yuan) or rate ({@code 10.67}
   * beside {@code 0.00}, which pushed the acceptance column of the sample's rows apart) moves no row out of line
   * with the others; never narrower than the sample's columns.
   */
  private record DebtColumns(int id, int platform, int amount, int total, int rate) {
    static DebtColumns of(List<NegotiationResult.ProposalReport> proposals) {
      int id = 6;
      int platform = 22;
      int amount = 9;
      int total = 10;
      int rate = 5;
      for (NegotiationResult.ProposalReport p : proposals) {
        for (NegotiationResult.DebtPlan d : p.plans()) {
          id = Math.max(id, TextColumns.width(d.debtId()));
          platform = Math.max(platform, TextColumns.width(d.platformId()));
          amount = Math.max(amount, Math.max(d.downPayment().toString().length(), Math.max(
              d.waivedTotal().toString().length(), d.firstInstallment().toString().length())));
          total = Math.max(total, d.totalPayable().toString().length());
          rate = Math.max(rate, OutputFormat.percent(d.annualizedRate()).length());
        }
      }
      return new DebtColumns(id, platform, amount, total, rate);
    }
  }
}
