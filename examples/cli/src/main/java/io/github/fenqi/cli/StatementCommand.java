package io.github.fenqi.cli;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.statement.BankColumnMapping;
import io.github.fenqi.core.statement.CategoryLexicon;
import io.github.fenqi.core.statement.ForensicReport;
import io.github.fenqi.core.statement.ForensicSignal;
import io.github.fenqi.core.statement.MonthlySummary;
import io.github.fenqi.core.statement.ParsedStatement;
import io.github.fenqi.core.statement.RemovalKind;
import io.github.fenqi.core.statement.StatementAnalysis;
import io.github.fenqi.core.statement.StatementAnalyzer;
import io.github.fenqi.core.statement.StatementForensics;
import io.github.fenqi.core.statement.StatementFormat;
import io.github.fenqi.core.statement.StatementParser;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fenqi statement ...}: read bank and payment-app statements. */
@Command(name = "statement", mixinStandardHelpOptions = true, description = "Read Alipay, WeChat Pay and bank statements.",
    subcommands = {StatementCommand.Ingest.class})
final class StatementCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: "
        + String.join(", ", spec.subcommands().keySet()));
  }

  /**
   * Refuses one statement file given under two names ({@code bank.csv ./bank.csv}, a link to it): the names differ,
   * so the library took them for two statements, found every row of one a duplicate of the other and reported a
   * statement with nothing kept, where the README says the same file given twice is refused. One name given twice
   * is left to {@link StatementAnalyzer}, which refuses it; a file that cannot be read is named when it is read.
   */
  static void refuseOneFileUnderTwoNames(List<Path> files) {
    List<Problem> problems = new ArrayList<>();
    for (int j = 1; j < files.size(); j++) {
      for (int i = 0; i < j; i++) {
        Path a = files.get(i);
        Path b = files.get(j);
        if (!a.equals(b) && FileKind.sameFile(a, b)) {
          problems.add(Problem.of(b.toString(), "is " + a + " under another name; give each statement once"));
          break;
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  /** What {@code statement ingest} prints as JSON. */
  record IngestReport(Rows rows, Removed removed, List<StatementAnalysis.StatementSummary> files, List<Problem> rejectedRows,
      List<MonthlySummary> months, List<java.time.YearMonth> uncoveredMonths, ForensicReport forensics) {}

  /** Data rows over all files. */
  record Rows(int read, int kept, int rejected) {}

  /** Rows removed by cleaning, by reason (both rows of a reversal or refund pair count). */
  record Removed(long duplicates, long reversals, long internalTransfers, long closed) {}

  /** {@code fenqi statement ingest FILE...}: parse, clean, categorise, examine; JSON or a text report. */
  @Command(name = "ingest", mixinStandardHelpOptions = true,
      description = "Parse, clean and categorise statements (one borrower's; internal transfers are matched across them), "
          + "sum them by month and examine them for forgery.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:the report; forensics verdict PASS or REVIEW",
          "1:the report, but the verdict is BLOCK (a forged statement or another holder's; one line on stderr names "
              + "the signals), or rejected input with nothing printed" + FenqiCli.OUTPUT_UNWRITTEN,
          FenqiCli.EXIT_INTERNAL, FenqiCli.EXIT_PIPE})
  static final class Ingest implements Callable<Integer> {
    @Spec CommandSpec spec;

    /**
     * Names, made paths in {@link #call}: picocli leaves a value of a list that fails conversion, after the first, to
     * the next parameter, so a second file that is no file name was reported "Unmatched argument at index 3".
     */
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Statement files (CSV exports; '-': standard input, once).")
    List<String> files;

    @Option(names = "--format", paramLabel = "alipay|wechat|bank", description = "The files' format (default: detected per file); csv is another name for bank.")
    @Nullable String format;

    @Option(names = "--format-out", defaultValue = "json", converter = OutputFormat.JsonOrText.class,
        description = "json (default) or text.")
    OutputFormat formatOut;

    @Option(names = "--holder", paramLabel = "NAME", description = "The account holder's name: marks transfers to own accounts; a statement stating another holder is flagged (BLOCK).")
    @Nullable String holder;

    @Option(names = "--lexicon", paramLabel = "FILE", description = "A categorisation lexicon replacing the shipped one.")
    @Nullable Path lexicon;

    @Override
    public Integer call() {
      if (holder != null && holder.isBlank()) { // '--holder ""' (an unset shell variable) blocked every named statement
        throw new InvalidInputException("--holder", "is blank; give the account holder's name (e.g. 周子航) or leave "
            + "the option out");
      }
      List<Path> paths = new ArrayList<>();
      for (String name : files) {
        try {
          paths.add(FenqiCli.path(name));
        } catch (picocli.CommandLine.TypeConversionException e) {
          throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Invalid value for FILE: " + e.getMessage());
        }
      }
      StatementFormat f = format == null ? null : StatementFormat.parse("--format", format);
      StandardInput.once(paths, "FILE");
      StandardInput.refuse(lexicon, "a lexicon file", "--lexicon");
      refuseOneFileUnderTwoNames(paths);
      List<ParsedStatement> parsed = new ArrayList<>();
      for (Path file : paths) {
        parsed.add(read(file, f));
      }
      StatementAnalyzer.Builder analyzer = StatementAnalyzer.builder();
      if (lexicon != null) {
        analyzer.lexicon(CategoryLexicon.load(lexicon));
      }
      if (holder != null) {
        analyzer.holderNames(holder);
      }
      StatementAnalysis a = analyzer.build().analyze(parsed);
      ForensicReport forensics = StatementForensics.defaults().examine(parsed, a,
          java.time.LocalDate.now(io.github.fenqi.core.NegotiationEngine.CASE_ZONE), holder); // rows after today, another's
      IngestReport report = new IngestReport(new Rows(a.rowsRead(), a.rowsKept(), a.rejected().size()),
          new Removed(a.removed(RemovalKind.DUPLICATE), a.removed(RemovalKind.REVERSAL, RemovalKind.REVERSED, RemovalKind.REFUND,
              RemovalKind.REFUNDED), a.removed(RemovalKind.INTERNAL_TRANSFER), a.removed(RemovalKind.CLOSED)),
          a.statements(), a.rejected(), a.months(), a.uncovered(), forensics);
      PrintWriter out = spec.commandLine().getOut();
      switch (formatOut) {
        case json -> out.println(CliJson.write(report));
        case text -> printText(out, report, TextColumns.terminalWidth(System::getenv, spec.commandLine().getErr()));
        case html -> throw new IllegalStateException("--format-out html passed OutputFormat.JsonOrText");
      }
      // the report is printed either way (it says which rows), but a BLOCK is a rejected input, as plan --statement
      // makes it: exit 0 let a script that checks the exit code take a forged or another holder's statement
      if (forensics.verdict() == io.github.fenqi.core.statement.ForensicVerdict.BLOCK) {
        out.flush();
        spec.commandLine().getErr().println("fenqi: forensics verdict BLOCK (" + forensics.signals().stream()
            .map(s -> s.kind().name()).distinct().collect(java.util.stream.Collectors.joining(", "))
            + "): the statements are not accepted; the report names the rows");
        return FenqiCli.REJECTED;
      }
      return FenqiCli.OK;
    }

    /**
     * The statement of {@code file}, or of standard input for {@code -}, in {@code f} (null: detected); a refusal says
     * what to do on this command line ({@link #withCommandLineHint}).
     */
    static ParsedStatement read(Path file, @Nullable StatementFormat f) {
      String source = StandardInput.source(file);
      byte[] content = StandardInput.read(file, StatementParser.MAX_BYTES);
      try {
        return f == null ? StatementParser.parseDetected(source, content) : StatementParser.of(f).parse(source, content);
      } catch (InvalidInputException e) {
        throw withCommandLineHint(e, content, f);
      }
    }

    /**
     * The library's refusal of a statement of {@code content}, with what to do on this command line: the format it is in as the
     * {@code --format} to give, or, where the library says a column mapping would read it (a bank export in another
     * layout), the columns this command reads, since it takes no mapping. A user of {@code --format csv} on an Alipay
     * file had been told of a Java type to name its columns with, which a command line cannot act on.
     */
    private static InvalidInputException withCommandLineHint(InvalidInputException e, byte[] content,
        @Nullable StatementFormat f) {
      if (e.problems().size() != 1) {
        return e;
      }
      Problem p = e.problems().get(0);
      String hint = null;
      if (f != null) {
        hint = StatementParser.detect(content).filter(d -> d != f)
            .map(d -> "give --format " + d.id() + ", or leave --format out").orElse(null);
      }
      if (hint == null && p.reason().contains("column mapping")) {
        BankColumnMapping d = BankColumnMapping.DEFAULT;
        hint = "this command reads a bank export by its header " + String.join(",", d.date(), d.time(), d.description(),
            d.credit(), d.debit(), d.balance(), d.counterpartyName(), d.counterpartyAccount(), d.channel())
            + ", and takes no column mapping: rename the file's columns to these (a signed amount split into "
            + d.credit() + " for money in and " + d.debit() + " for money out), or read it through the Java SDK "
            + "with one";
      }
      return hint == null ? e : new InvalidInputException(p.location(), p.reason() + " (" + hint + ")");
    }

    /** One line of the months' table: the month, then each value right-aligned in its column. */
    private static String monthRow(String month, String[] values, int[] column) {
      StringBuilder row = new StringBuilder(TextColumns.left(month, "yyyy-MM ".length()));
      for (int i = 0; i < values.length; i++) {
        row.append(' ').append(TextColumns.right(values[i], column[i]));
      }
      return row.toString();
    }

    /**
     * The report as text within {@code width} terminal columns: a rejected row's reason, a forensic signal's rows and a
     * note are wrapped under their start (a signal naming its rows ran to some 300 columns on one line); the months'
     * table, as wide as its widest figures, is printed as labelled figures in a terminal narrower than it.
     */
    private static void printText(PrintWriter out, IngestReport r, int width) {
      for (StatementAnalysis.StatementSummary s : r.files()) {
        TextColumns.wrap(s.source() + "  ", String.format(java.util.Locale.ROOT, "%s %s  read %d, rejected %d, removed "
            + "%d, kept %d", s.format().id(), s.encoding(), s.rowsRead(), s.rowsRejected(), s.rowsRemoved(),
            s.rowsKept()), width).forEach(out::println);
      }
      r.rejectedRows().forEach(p -> TextColumns.wrap("  rejected ", p.toString(), width).forEach(out::println));
      TextColumns.wrap("removed: ", String.format(java.util.Locale.ROOT, "%d duplicates, %d reversal/refund rows, %d "
          + "internal transfers, %d closed", r.removed().duplicates(), r.removed().reversals(),
          r.removed().internalTransfers(), r.removed().closed()), width).forEach(out::println);
      String[] labels = {"income", "salary", "essentials", "other spend", "loans"};
      java.util.List<String[]> rows = r.months().stream().map(m -> new String[] {m.income().toString(),
          m.salaryIncome().toString(), m.essentialExpenses().toString(), m.otherSpending().toString(),
          m.loanRepayments().toString()}).toList();
      // each column as wide as its widest value, at least 12; a table wider than the terminal has each month printed
      // as its figures, each after its label, wrapped within the width
      int[] column = new int[labels.length];
      for (int i = 0; i < labels.length; i++) {
        column[i] = 12;
        for (String[] row : rows) {
          column[i] = Math.max(column[i], row[i].length());
        }
      }
      int tableWidth = "yyyy-MM ".length() + 1 + java.util.Arrays.stream(column).map(c -> c + 1).sum() - 1;
      boolean table = tableWidth <= width;
      if (table) {
        out.println(monthRow("month", labels, column));
      }
      for (int m = 0; m < rows.size(); m++) {
        String month = r.months().get(m).month().toString();
        if (table) {
          out.println(monthRow(month, rows.get(m), column));
        } else {
          out.println(month);
          java.util.List<String> fields = new java.util.ArrayList<>();
          for (int i = 0; i < labels.length; i++) {
            fields.add(labels[i] + " " + rows.get(m)[i]);
          }
          TextColumns.fields("  ", fields, width).forEach(out::println);
        }
      }
      if (!r.uncoveredMonths().isEmpty()) {
        TextColumns.wrap("not covered by any statement (left out, not counted as zero): ", r.uncoveredMonths().stream()
            .map(java.time.YearMonth::toString).collect(java.util.stream.Collectors.joining(", ")), width)
            .forEach(out::println);
      }
      out.println("forensics: " + r.forensics().verdict());
      for (ForensicSignal s : r.forensics().signals()) {
        TextColumns.wrap("  " + s.kind() + ": ", s.detail() + " " + s.rows(), width).forEach(out::println);
      }
      r.forensics().notes().forEach(n -> TextColumns.wrap("  note: ", n, width).forEach(out::println));
    }
  }
}
