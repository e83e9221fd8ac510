package io.github.fenqi.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fenqi.core.FenqiException;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.NegotiationEngine;
import io.github.fenqi.core.NegotiationRequest;
import io.github.fenqi.core.NegotiationResult;
import io.github.fenqi.core.json.FenqiJson;
import io.github.fenqi.core.policy.JsonDirectoryPolicyRepository;
import io.github.fenqi.core.script.NegotiationScript;
import io.github.fenqi.core.script.ScriptLanguage;
import io.github.fenqi.core.security.audit.AuditKey;
import io.github.fenqi.core.security.audit.AuditLog;
import io.github.fenqi.core.security.audit.FileAuditLog;
import io.github.fenqi.core.solve.GridConfig;
import io.github.fenqi.core.solve.ProposalSolver;
import io.github.fenqi.core.statement.ParsedStatement;
import io.github.fenqi.optaplanner.OptaPlannerProposalSolver;
import io.github.fenqi.rules.EasyRulesEligibilityEvaluator;
import io.github.fenqi.rules.RuleSetAudit;
import io.github.fenqi.rules.RuleSetEvent;
import io.github.fenqi.rules.RuleSetListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
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
        FenqiCli.EXIT_INTERNAL, FenqiCli.EXIT_SEARCH_BUDGET, FenqiCli.EXIT_PIPE})
final class PlanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "CASE.json", description = "The case: borrower and debts ('-': standard input).")
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
      description = "A statement export of the borrower (repeatable; format detected; '-': standard input). Its months replace the declared figures; forged statements stop the case.")
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
    List<Path> read = new ArrayList<>(List.of(caseFile));
    read.addAll(statements);
    StandardInput.once(read, "--statement");
    StandardInput.refuse(auditLog, "an audit log (it is appended to and forced to disk)", "--audit-log");
    StatementCommand.refuseOneFileUnderTwoNames(statements);
    refuseAnAuditLogThatIsAnInput();
    PolicyCommand.policyFiles(policies, "--policies");
    if (rules != null) {
      FileKind.requireDirectory(rules, "rule files", "--rules");
    }
    // names that are no file (a link to a moved file): the directory loaders pass over them in silence
    List<io.github.fenqi.core.Problem> notFiles = new ArrayList<>(PolicyCommand.notPolicyFileProblems(policies));
    if (!notFiles.isEmpty()) { // with the other policy files' problems, as validate names them: they were told only
      // once the name that is no file had gone
      List<String> named = notFiles.stream().map(io.github.fenqi.core.Problem::location).toList();
      PolicyCommand.loadProblems(policies).stream().filter(p -> !named.contains(p.location())).forEach(notFiles::add);
    }
    if (rules != null) {
      notFiles.addAll(RulesCommand.notRuleFiles(rules));
    }
    if (!notFiles.isEmpty()) {
      throw new InvalidInputException(notFiles);
    }
    NegotiationRequest request = readCase(StandardInput.read(caseFile, io.github.fenqi.core.InputFiles.DEFAULT_MAX_BYTES));
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
          parsed.add(StatementCommand.Ingest.read(s, null));
        }
        try {
          // its notes as options, in every output format alike
          result = engine.calculate(request, parsed).withNotes(PlanCommand::asOptions);
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
      case text -> printText(out, result, TextColumns.terminalWidth(environment, spec.commandLine().getErr()));
      case html -> HtmlReport.print(out, result);
    }
    return FenqiCli.OK;
  }

  /** A field of the case file: the engine's problems name it without the file ({@code asOf}, {@code debts[1].platformId}). */
  private static final java.util.regex.Pattern CASE_FIELD = java.util.regex.Pattern.compile(
      "(caseId|asOf|borrower|debts|hardshipNote)(?![A-Za-z0-9_])");

  /**
   * The case, or its refusal with the engine's problems against the policies and the clock in the parts that read
   * ({@link NegotiationEngine#read}): a case with a negative principal and a platform of no policy had been told of the
   * principal alone, and of the platform only on the next run. Read before the run's engine is built, which may audit,
   * so that a case refused for its input leaves no audit log; a policy directory that does not load leaves the
   * reading's problems alone, its own told once the case reads.
   */
  private NegotiationRequest readCase(byte[] json) {
    ObjectMapper mapper = FenqiJson.newMapper();
    String source = StandardInput.source(caseFile);
    try {
      return NegotiationRequest.read(mapper, json, source);
    } catch (InvalidInputException unread) {
      JsonDirectoryPolicyRepository repo;
      try {
        repo = JsonDirectoryPolicyRepository.openStrict(policies);
      } catch (FenqiException policiesUnread) {
        throw unread;
      }
      try (repo; NegotiationEngine engine = NegotiationEngine.builder().policies(repo).build()) {
        return engine.read(mapper, json, source);
      }
    }
  }

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
          ? io.github.fenqi.core.Problem.of(StandardInput.source(caseFile) + ": " + p.location(), p.reason()) : p);
    }
    return new InvalidInputException(located, e);
  }

  /**
   * Refuses an audit log that is the case file or a statement, under any name: opening it as a log answered "entry 1
   * (line 1) is not valid JSON; nothing was planned (check the log with 'fenqi audit verify')", as if the log had been
   * damaged, where the option was given a file that the command reads.
   */
  private void refuseAnAuditLogThatIsAnInput() {
    if (auditLog == null) {
      return;
    }
    List<Path> inputs = new ArrayList<>(List.of(caseFile));
    inputs.addAll(statements);
    for (Path input : inputs) {
      if (!StandardInput.is(input) && FileKind.sameFile(auditLog, input)) {
        throw new InvalidInputException("--audit-log", auditLog + " is " + (input == caseFile ? "the case file "
            : "the statement ") + input + "; give the audit log a file of its own");
      }
    }
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
    // a new log is made by the run's first entry: a run refused for its input had left an empty one behind
    if (java.nio.file.Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return openAuditLog(file, key);
    }
    notCreatable(file).ifPresent(why -> {
      throw new InvalidInputException("--audit-log", file + " cannot be created: " + why + "; leave --audit-log out to "
          + "keep no audit log");
    });
    return new FirstEntryAuditLog(() -> openAuditLog(file, key));
  }

  /**
   * Why a new log cannot be made at {@code file}, checked before planning: a log created by the run's first entry had
   * found a mistyped directory only after the whole plan was computed, and then printed no plan.
   */
  private static Optional<String> notCreatable(Path file) {
    Path directory = file.toAbsolutePath().getParent();
    if (directory == null) {
      return Optional.empty();
    }
    if (!java.nio.file.Files.exists(directory)) {
      return Optional.of("its directory " + directory + " does not exist");
    }
    if (!java.nio.file.Files.isDirectory(directory)) {
      return Optional.of(directory + " is not a directory");
    }
    if (!java.nio.file.Files.isWritable(directory)) {
      return Optional.of("its directory " + directory + " is not writable");
    }
    return Optional.empty();
  }

  private static AuditLog openAuditLog(Path file, AuditKey key) {
    try {
      return FileAuditLog.open(file, key, AUDIT_LOG_WAIT);
    } catch (io.github.fenqi.core.AuditIntegrityException e) {
      throw new io.github.fenqi.core.AuditIntegrityException(e.sequence(), e.getMessage() // it names the file
          + "; nothing was planned (check the log with 'fenqi audit verify')");
    }
  }

  /** The library's name of the node limit in notes, which this command sets as --max-search-nodes. */
  private static final String LIBRARY_LIMIT = GridConfig.MAX_SEARCH_NODES_NAME;

  /**
   * {@code note} with the node limit named as this command's option: the solvers' notes say to "raise
   * GridConfig.maxSearchNodes", a field a user of the command line cannot set, where --max-search-nodes sets it.
   */
  static String asOptions(String note) {
    return note.replace(LIBRARY_LIMIT, "--max-search-nodes");
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

  /**
   * The text report within {@code width} terminal columns: its prose (notes, reasons, the scripts) wrapped at spaces
   * and between Chinese characters, never inside a number, amount or identifier; its tables as wide as their widest
   * values (the sample's fit in 80 columns), and in a narrower terminal each row as its labelled values. A script had
   * been printed as paragraphs of 400 columns on one line, and each debt row of the table ran to 126 columns.
   */
  static void printText(PrintWriter out, NegotiationResult r, int width) {
    paragraph(out, "", String.format(Locale.ROOT, "case %s as of %s: monthly budget for installments %s", r.caseId(),
        r.asOf(), r.maxAffordableInstallment()), width);
    r.affordability().notes().forEach(n -> paragraph(out, "  ", n, width));
    if (r.screening() != null) {
      out.println("screening: " + r.screening().verdict());
      r.screening().reasons().forEach(n -> paragraph(out, "  ", n, width));
    }
    for (NegotiationResult.Ineligible i : r.ineligible()) {
      paragraph(out, "not eligible: ", i.debtId() + " — " + String.join("; ", i.reasons()), width);
    }
    r.hardshipNoteFindings().forEach(m -> paragraph(out, "hardship note: ", "the sentence with '" + m.matched()
        + "' (" + m.category() + ") is kept out of the scripts", width));
    if (!r.feasible()) {
      paragraph(out, "NO FEASIBLE PROPOSAL (" + r.binding() + "): ", r.reason(), width);
      paragraph(out, "recommendation: ", r.recommendation(), width);
      return;
    }
    // each column as wide as its heading or its widest value (a case of billions ran past fixed widths)
    int strategy = "strategy".length();
    int first = "1st month".length();
    int down = "down".length();
    int total = "total pay".length();
    int saving = "saving".length();
    int stress = "stress".length();
    for (NegotiationResult.ProposalReport p : r.proposals()) {
      strategy = Math.max(strategy, p.strategy().name().length());
      first = Math.max(first, p.totalFirstMonthInstallment().toString().length());
      down = Math.max(down, p.totalDownPayment().toString().length());
      total = Math.max(total, p.totalPayable().toString().length());
      saving = Math.max(saving, p.saving().toString().length());
      stress = Math.max(stress, p.stress().level().name().length());
    }
    String amounts = "%-" + strategy + "s %" + first + "s %" + down + "s %" + total + "s %" + saving + "s ";
    String heading = String.format(Locale.ROOT, amounts + "%9s %-" + stress + "s %8s ", "strategy", "1st month", "down",
        "total pay", "saving", "p(accept)", "stress", "p(deflt)");
    // a RED plan's "NO: <the stress test's advice>" wrapped within the last column, under its heading, when there is
    // room for it; in a narrower terminal on the lines under the row
    int recommended = TextColumns.width(heading);
    boolean inColumn = width - recommended >= MIN_LAST_COLUMN;
    // a table wider than the terminal (the proposals' 73 columns, the debts' 80 in the sample) has each row printed as
    // its values, each after its heading's label, wrapped within the width
    boolean proposalTable = TextColumns.width(heading.stripTrailing()) <= width;
    DebtColumns w = DebtColumns.of(r.proposals());
    String debtHeading = w.row("debt", "platform", "term", "down", "waived", "1st", "total", "IRR", "accept");
    boolean debtTable = TextColumns.width(debtHeading) <= width;
    if (proposalTable) {
      out.println(inColumn ? heading + "recommended" : heading.stripTrailing());
    }
    if (debtTable) {
      out.println(debtHeading);
    }
    for (NegotiationResult.ProposalReport p : r.proposals()) {
      String advice = p.recommended() ? "yes" : "NO: " + p.stress().recommendation();
      String acceptance = String.format(Locale.ROOT, "%.3f", p.acceptanceProbability());
      String defaults = String.format(Locale.ROOT, "%.3f", p.stress().defaultProbability());
      String row = String.format(Locale.ROOT, amounts + "%9s %-" + stress + "s %8s ", p.strategy(),
          p.totalFirstMonthInstallment(), p.totalDownPayment(), p.totalPayable(), p.saving(), acceptance,
          p.stress().level(), defaults);
      if (!proposalTable) {
        out.println(p.strategy());
        TextColumns.fields("  ", List.of("1st month " + p.totalFirstMonthInstallment(), "down " + p.totalDownPayment(),
            "total pay " + p.totalPayable(), "saving " + p.saving(), "p(accept) " + acceptance, "stress "
            + p.stress().level(), "p(deflt) " + defaults), width).forEach(out::println);
        paragraph(out, "  recommended: ", advice, width);
      } else if (inColumn) {
        paragraph(out, row, advice, width);
      } else {
        out.println(row.stripTrailing());
        paragraph(out, "  recommended: ", advice, width);
      }
      for (NegotiationResult.DebtPlan d : p.plans()) {
        String irr = OutputFormat.percent(d.schedule()) + "%";
        String accept = String.format(Locale.ROOT, "%.3f", d.acceptanceProbability());
        if (debtTable) {
          out.println(w.row(d.debtId(), d.platformId(), Integer.toString(d.term()), d.downPayment().toString(),
              d.waivedTotal().toString(), d.firstInstallment().toString(), d.totalPayable().toString(), irr, accept));
        } else {
          TextColumns.fields("  ", List.of(d.debtId(), d.platformId()), width).forEach(out::println);
          TextColumns.fields("    ", List.of("term " + d.term(), "down " + d.downPayment(), "waived "
              + d.waivedTotal(), "1st " + d.firstInstallment(), "total " + d.totalPayable(), "IRR " + irr, "accept "
              + accept), width).forEach(out::println);
        }
      }
    }
    r.notes().forEach((s, n) -> paragraph(out, "note (" + s + "): ", n, width));
    for (NegotiationResult.ProposalReport p : r.proposals()) {
      for (NegotiationScript s : p.scripts()) {
        out.println();
        TextColumns.wrap("==== script: " + p.strategy() + " / " + s.debtId() + " (" + s.platformId() + ", "
            + s.language().tag() + ") ====", width).forEach(out::println);
        TextColumns.wrap(s.text(), width).forEach(out::println);
        s.findings().forEach(f -> paragraph(out, "[removed from ", f.field() + ": '" + f.match().matched() + "' ("
            + f.match().category() + ")]", width));
      }
      if (p.scriptsWithheld() != null) {
        out.println();
        TextColumns.wrap("==== no scripts: " + p.strategy() + " ====", width).forEach(out::println);
        TextColumns.wrap(p.scriptsWithheld(), width).forEach(out::println);
      }
    }
  }

  /** {@code first} and {@code text} wrapped within {@code width}, its further lines indented under the text. */
  private static void paragraph(PrintWriter out, String first, String text, int width) {
    TextColumns.wrap(first, text, width).forEach(out::println);
  }

  /** The least width of the proposals' last column, below which the advice goes on the lines under its row. */
  private static final int MIN_LAST_COLUMN = 20;

  /**
   * The widths of the debt rows' columns in terminal columns: the widest value of each (or its heading) over every
   * proposal, so that a longer or Chinese debt id ({@code 信用卡债务一}), platform id, amount (a million yuan) or rate
   * ({@code 10.67%} beside {@code 0.00%}) moves no row out of line with the others or with the heading.
   */
  private record DebtColumns(int id, int platform, int term, int amount, int total, int rate) {
    static DebtColumns of(List<NegotiationResult.ProposalReport> proposals) {
      int id = "debt".length();
      int platform = "platform".length();
      int term = "term".length();
      int amount = "waived".length();
      int total = "total".length();
      int rate = "IRR".length();
      for (NegotiationResult.ProposalReport p : proposals) {
        for (NegotiationResult.DebtPlan d : p.plans()) {
          id = Math.max(id, TextColumns.width(d.debtId()));
          platform = Math.max(platform, TextColumns.width(d.platformId()));
          term = Math.max(term, Integer.toString(d.term()).length());
          amount = Math.max(amount, Math.max(d.downPayment().toString().length(), Math.max(
              d.waivedTotal().toString().length(), d.firstInstallment().toString().length())));
          total = Math.max(total, d.totalPayable().toString().length());
          rate = Math.max(rate, OutputFormat.percent(d.schedule()).length() + 1);
        }
      }
      return new DebtColumns(id, platform, term, amount, total, rate);
    }

    /** One row (or the heading) of the debts' table, indented under the proposals' rows. */
    String row(String debt, String platformId, String months, String down, String waived, String first,
        String totalPay, String irr, String accept) {
      return "  " + TextColumns.left(debt, id) + " " + TextColumns.left(platformId, platform) + " "
          + TextColumns.right(months, term) + " " + TextColumns.right(down, amount) + " "
          + TextColumns.right(waived, amount) + " " + TextColumns.right(first, amount) + " "
          + TextColumns.right(totalPay, total) + " " + TextColumns.right(irr, rate) + " "
          + TextColumns.right(accept, "accept".length());
    }
  }
}
