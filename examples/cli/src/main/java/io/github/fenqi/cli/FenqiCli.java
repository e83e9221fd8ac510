package io.github.fenqi.cli;

import io.github.fenqi.core.FenqiException;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.SearchBudgetExhaustedException;
import io.github.fenqi.core.solve.GridConfig;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Entry point of {@code fenqi-cli.jar}. Subcommands are registered in {@link #commandLine} so that each
 * feature adds one line.
 *
 * <p>Thread-safety: each {@link #run} builds its own command objects; concurrent runs are independent.
 */
@Command(
    name = "fenqi",
    mixinStandardHelpOptions = true,
    versionProvider = FenqiCli.Version.class,
    description = "Personalised installment negotiation (个性化分期协商): plans, schedules, policies, statements, audit.",
    exitCodeListHeading = "%nExit codes (every command):%n",
    exitCodeList = {"0:success", FenqiCli.EXIT_REJECTED, FenqiCli.EXIT_INTERNAL, FenqiCli.EXIT_PIPE})
public final class FenqiCli implements Runnable {

  /** Exit code for success. */
  public static final int OK = 0;
  /**
   * Exit code for input that was rejected, or output that could not be written (a one-line reason is on stderr).
   */
  public static final int REJECTED = 1;
  /**
   * Exit code of {@code plan} when the exact solver's search ran out of its node budget before it found or ruled out a
   * plan: not rejected input (the case is valid) nor a bug; the same case with a larger {@code --max-search-nodes}
   * gets its answer, which a script can tell apart from an input to fix.
   */
  public static final int SEARCH_BUDGET_EXHAUSTED = 3;
  /** Exit code for an internal error (a bug: please report it). */
  public static final int INTERNAL_ERROR = 2;
  /**
   * Exit code when standard output is a pipe whose reader stopped reading ({@code fenqi plan ... | head}): 128 + 13
   * (SIGPIPE), what a shell reports for a Unix tool that a broken pipe ended, and nothing on standard error — the
   * reader chose to stop, and a line about it only cluttered the terminal of every {@code | head}.
   */
  public static final int BROKEN_PIPE = 141;

  /** The exit codes as {@code --help} lists them (one place, so that every command's list says the same). */
  static final String EXIT_REJECTED = "1:rejected input (one line on stderr says why), including a forensics verdict "
      + "BLOCK (a forged statement or another holder's) and, in rules check, a rule file with no rules; or standard "
      + "output that "
      + "could not be written";
  /**
   * The end of every command's exit code 1: output that could not be written (a full disk, a closed output) exits 1
   * whatever the command, and the lists of plan, statement ingest and rules check had left it out.
   */
  static final String OUTPUT_UNWRITTEN = "; or standard output that could not be written";
  static final String EXIT_SEARCH_BUDGET = "3:the case needed more search than --max-search-nodes allows (one line "
      + "on stderr says so; nothing printed): run it again with a larger budget";
  static final String EXIT_INTERNAL = "2:internal error (a bug; FENQI_DEBUG=1 prints the stack trace)";
  static final String EXIT_PIPE = "141:the reader of standard output stopped reading (| head); nothing on stderr";

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    // the file descriptor, not System.out: a PrintStream swallows write errors, and a full disk or a closed
    // standard output must reach run() (which checks the writer) instead of ending in exit 0 with nothing written
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(new java.io.FileOutputStream(java.io.FileDescriptor.out),
        StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(run(args, out, err, FenqiCli::standardOutputIsPipe));
  }

  /** Runs one command line, writing to {@code out} and {@code err}; returns the exit code. */
  public static int run(String[] args, PrintWriter rawOut, PrintWriter rawErr) {
    return run(args, rawOut, rawErr, () -> false);
  }

  /**
   * As {@link #run(String[], PrintWriter, PrintWriter)}; {@code outIsPipe} answers, once writing {@code rawOut} failed,
   * whether it is a pipe: the only write that fails on a pipe is one without a reader left (EPIPE), so the failure is
   * a reader that stopped, told apart from a full disk or a closed output by what the output is rather than by the
   * exception's message (the C library's text, "Broken pipe" only in an English locale).
   */
  static int run(String[] args, PrintWriter rawOut, PrintWriter rawErr, java.util.function.BooleanSupplier outIsPipe) {
    // what files put into reports and messages reaches a terminal: its control characters are shown, not obeyed
    PrintWriter out = new PrintWriter(new TerminalSafeWriter(rawOut), true);
    PrintWriter err = new PrintWriter(new TerminalSafeWriter(rawErr), true);
    CommandLine cl = commandLine();
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler((ex, a) -> {
      err.println("fenqi: " + parameterProblem(ex) + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName()
          + " --help')");
      err.flush();
      return REJECTED;
    });
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (ex instanceof InvalidInputException invalid && invalid.problems().size() > 1) {
        // one per line: a case with a hundred bad debts was one line of a hundred problems
        err.println("fenqi: " + invalid.problems().size() + " problems:");
        invalid.problems().forEach(p -> err.println("  " + oneLine(p.toString())));
      } else if (ex instanceof SearchBudgetExhaustedException s) {
        // named as the option that sets it here, not as the library's GridConfig.maxSearchNodes
        err.println("fenqi: " + s.whatRanOut() + ": raise --max-search-nodes (default "
            + GridConfig.DEFAULT_MAX_SEARCH_NODES + ")");
        err.flush();
        return SEARCH_BUDGET_EXHAUSTED;
      } else if (ex instanceof FenqiException) {
        err.println("fenqi: " + oneLine(ex.getMessage()));
      } else {
        return internalError(err, ex);
      }
      err.flush();
      return REJECTED;
    });
    int code;
    try {
      code = cl.execute(args);
    } catch (OutOfMemoryError | StackOverflowError e) { // picocli hands only Exceptions to the handler above
      code = internalError(err, e);
    }
    out.flush();
    // a PrintWriter swallows write errors: without this check, '> /dev/full' or a closed output exited 0 with the
    // output lost, and a script took the missing plan or schedule for a success
    if (rawOut.checkError()) {
      if (outIsPipe.getAsBoolean()) {
        code = code == OK ? BROKEN_PIPE : code; // '| head' had what it wanted: quiet, as any Unix tool
      } else {
        err.println("fenqi: standard output could not be written (closed, or the disk is full); the output is "
            + "missing or incomplete");
        code = code == OK ? REJECTED : code;
      }
    }
    err.flush();
    return code;
  }

  /**
   * picocli's message, or first the argument it could not place: picocli reports a missing parameter before an
   * unknown option, so 'fenqi statement ingest -x.csv' (a file whose name starts with '-') said only "Missing required
   * parameter: 'FILE'", as if no file had been given, and 'fenqi schedule -x' named the missing options, not '-x'.
   */
  private static String parameterProblem(CommandLine.ParameterException ex) {
    java.util.List<String> unmatched = ex.getCommandLine().getUnmatchedArguments();
    if (unmatched.isEmpty()) {
      return ex.getMessage();
    }
    String first = unmatched.get(0);
    CommandSpec command = ex.getCommandLine().getCommandSpec();
    if (ex instanceof CommandLine.UnmatchedArgumentException u && !first.startsWith("-")
        && !command.subcommands().isEmpty() && command.positionalParameters().isEmpty()) {
      // 'fenqi plna case.json' was "Unmatched arguments from index 0: 'plna', 'case.json'", parser words that did
      // not say a command name was mistyped, nor which names there are
      java.util.List<String> near = u.getSuggestions().stream().filter(command.subcommands()::containsKey).toList();
      return "'" + first + "' is not a command of '" + command.qualifiedName() + "'"
          + (near.isEmpty() ? "" : " (did you mean '" + near.get(0) + "'?)") + "; its commands: "
          + String.join(", ", command.subcommands().keySet());
    }
    String hint = first.startsWith("-") && (first.contains(".") || first.contains("/"))
        ? " (a file whose name starts with '-': write ./" + first + ", or put -- before it)" : "";
    if (ex instanceof CommandLine.MissingParameterException) {
      return "Unknown " + (first.startsWith("-") ? "option" : "argument") + ": '" + first + "'" + hint + "; "
          + ex.getMessage();
    }
    return ex instanceof CommandLine.UnmatchedArgumentException ? ex.getMessage() + hint : ex.getMessage();
  }

  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new FenqiCli());
    // One line per feature command.
    cl.addSubcommand(new ScheduleCommand());
    cl.addSubcommand(new PolicyCommand());
    cl.addSubcommand(new PlanCommand());
    cl.addSubcommand(new AuditCommand());
    cl.addSubcommand(new StatementCommand());
    cl.addSubcommand(new RulesCommand());
    // --method fee_installment, --format TEXT, --solver OPTAPLANNER: as statement ingest's --format and --lang already
    // were; after the subcommands, so that it reaches them
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // after the subcommands, so that it reaches them: picocli's own message named java.time classes and exceptions
    // exactly YYYY-MM-DD, as the files' dates (Dates.day): '+12026-01-01' had been taken, and written into a policy
    // file that the policy validator refuses
    cl.registerConverter(java.time.LocalDate.class, text -> {
      try {
        return io.github.fenqi.core.Dates.day("date", text.strip());
      } catch (io.github.fenqi.core.InvalidInputException e) {
        throw new CommandLine.TypeConversionException(e.problems().get(0).reason());
      }
    });
    cl.registerConverter(java.nio.file.Path.class, FenqiCli::path);
    // case as the user likes is ASCII's case: picocli's case-insensitive enums fold by Java's full Unicode rules, and
    // '--format jſon' (a long s) was json, '--method equal_ınstallment' (a dotless i) EQUAL_INSTALLMENT
    cl.registerConverter(io.github.fenqi.core.schedule.RepaymentMethod.class,
        text -> asciiEnum(io.github.fenqi.core.schedule.RepaymentMethod.class, text));
    cl.registerConverter(OutputFormat.class, text -> asciiEnum(OutputFormat.class, text));
    // '--term 12.5' was "is not an int", Java's word, and '--term " 12"' was refused where '--amount " 100 "' is taken
    cl.registerConverter(Integer.class, FenqiCli::wholeNumber);
    cl.registerConverter(Integer.TYPE, FenqiCli::wholeNumber);
    // every -V answers as fenqi -V does: picocli gives a subcommand no version of its own, and 'fenqi plan -V'
    // printed an empty line
    setVersionProvider(cl);
    // plain help: output passes through TerminalSafeWriter, which would show picocli's colours as escapes
    cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    return cl;
  }

  /** The constant of {@code type} named {@code text} in any case of its ASCII letters, or picocli's refusal. */
  static <E extends Enum<E>> E asciiEnum(Class<E> type, String text) {
    E named = io.github.fenqi.core.AsciiCase.named(type.getEnumConstants(), text);
    if (named != null) {
      return named;
    }
    throw new CommandLine.TypeConversionException("expected one of " + java.util.Arrays.toString(type.getEnumConstants())
        + " (case-insensitive) but was '" + text + "'");
  }

  /**
   * {@code text} as a file name, or why it is none. picocli's own message named java.nio classes and the exception;
   * a non-ASCII name under LANG=C (a container without a locale) arrives as U+FFFD and is no file name at all, and
   * under a UTF-8 locale a name whose bytes are not UTF-8 arrives so too and was reported "no such file" though the
   * file is there: say what to do. An empty name (an unset shell variable) is the working directory to Java, and a
   * statement ingest of it answered "cannot be read: Is a directory", naming nothing.
   */
  static java.nio.file.Path path(String text) {
    if (text.isEmpty()) {
      throw new CommandLine.TypeConversionException("'' is not a file name (it is empty)");
    }
    java.nio.file.Path path;
    try {
      path = java.nio.file.Path.of(text);
    } catch (java.nio.file.InvalidPathException e) {
      boolean encoding = text.indexOf('\uFFFD') >= 0 || !e.getReason().startsWith("Nul");
      throw notUsable(text, e.getReason().toLowerCase(java.util.Locale.ROOT), encoding);
    }
    if (text.indexOf('\uFFFD') >= 0 && !java.nio.file.Files.exists(path)) { // a name with U+FFFD itself is kept
      throw notUsable(text, "it holds bytes that are not " + System.getProperty("sun.jnu.encoding"), true);
    }
    return path;
  }

  /** {@code text} as a whole number, blanks around it ignored as in amounts; or why it is none, in plain words. */
  static int wholeNumber(String text) {
    String t = text.strip();
    if (!t.matches("[+-]?[0-9]+")) {
      throw new CommandLine.TypeConversionException("'" + text + "' is not a whole number");
    }
    try {
      return Integer.parseInt(t);
    } catch (NumberFormatException e) {
      throw new CommandLine.TypeConversionException("'" + text + "' is too large a number");
    }
  }

  private static CommandLine.TypeConversionException notUsable(String text, String reason, boolean encoding) {
    String jnu = System.getProperty("sun.jnu.encoding", "");
    String hint = !encoding ? "" : jnu.equalsIgnoreCase("UTF-8")
        ? "; file names are read as UTF-8: rename a file whose name is in another encoding (GBK, say: "
            + "convmv -f GBK -t UTF-8 --notest FILE)"
        : "; file names are read as " + jnu + ": for non-ASCII names run with a UTF-8 locale, e.g. LC_ALL=C.UTF-8";
    return new CommandLine.TypeConversionException("'" + text + "' is not a usable file name (" + reason + ")" + hint);
  }

  private static void setVersionProvider(CommandLine cl) {
    cl.getCommandSpec().versionProvider(new Version());
    cl.getSubcommands().values().forEach(FenqiCli::setVersionProvider);
  }

  /**
   * Whether standard output is a pipe or FIFO (its file type, from {@code stat} of {@code /dev/stdout}); false where
   * that cannot be told (no {@code /dev/stdout}, no {@code unix} attribute view), which keeps the error line.
   */
  static boolean standardOutputIsPipe() {
    try {
      int mode = (Integer) java.nio.file.Files.getAttribute(java.nio.file.Path.of("/dev/stdout"), "unix:mode");
      return (mode & 0170000) == 0010000; // S_IFMT, S_IFIFO
    } catch (java.io.IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
      return false;
    }
  }

  /** One line naming the failure (its stack trace with FENQI_DEBUG set); {@link #INTERNAL_ERROR}. */
  private static int internalError(PrintWriter err, Throwable failure) {
    err.println("fenqi: internal error: " + failure.getClass().getSimpleName()
        + (failure.getMessage() == null ? "" : ": " + oneLine(failure.getMessage()))
        + " (set FENQI_DEBUG=1 for a stack trace)");
    if (System.getenv("FENQI_DEBUG") != null) {
      failure.printStackTrace(err);
    }
    err.flush();
    return INTERNAL_ERROR;
  }

  private static String oneLine(String message) {
    if (message == null) {
      return "";
    }
    return message.replace('\n', ' ').replace('\r', ' ');
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: "
        + String.join(", ", spec.subcommands().keySet()));
  }

  /**
   * Reports the project version, written into {@code version.properties} when the module is built: the shaded jar's
   * manifest carries no Implementation-Version, so reading the manifest answered "fenqi development" from the
   * released jar.
   */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws java.io.IOException {
      java.util.Properties p = new java.util.Properties();
      try (java.io.InputStream in = FenqiCli.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
      }
      String v = p.getProperty("version", "");
      // unfiltered (an IDE copying resources as they are) still names no version it does not know
      return new String[] {"fenqi " + (v.isBlank() || v.startsWith("${") ? "development" : v)};
    }
  }
}
