package io.github.fenqi.cli;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.money.Rate;
import io.github.fenqi.core.schedule.Amortizer;
import io.github.fenqi.core.schedule.Installment;
import io.github.fenqi.core.schedule.RepaymentMethod;
import io.github.fenqi.core.schedule.Schedule;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fenqi schedule}: one repayment schedule with its IRR-annualised rate. */
@Command(name = "schedule", mixinStandardHelpOptions = true,
    description = "Print the repayment schedule of an amount over a term, with its IRR-annualised rate.")
final class ScheduleCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--amount", required = true, description = "Amount financed, in yuan (more than 0, at most 2 decimals).")
  String amount;

  @Option(names = "--term", required = true, description = "Number of monthly installments (1..360).")
  int term;

  @Option(names = "--method", required = true, description = "One of: ${COMPLETION-CANDIDATES}.")
  RepaymentMethod method;

  @Option(names = "--annual-rate", defaultValue = "0", description = "Annual interest rate, e.g. 0.06 (default 0).")
  String annualRate;

  @Option(names = "--monthly-fee-rate", defaultValue = "0", description = "Monthly fee on the amount, e.g. 0.006 (default 0).")
  String monthlyFeeRate;

  @Option(names = "--down-payment", defaultValue = "0", description = "Paid before the first installment, in yuan (default 0).")
  String downPayment;

  @Option(names = "--format", defaultValue = "json", converter = OutputFormat.JsonOrText.class,
      description = "json or text (default json).")
  OutputFormat format;

  @Override
  public Integer call() {
    Money financed = Money.parse("--amount", amount);
    Money down = Money.parse("--down-payment", downPayment);
    Rate annual = Rate.parse("--annual-rate", annualRate);
    Amortizer.checkAnnualRate("--annual-rate", annual).ifPresent(problem -> {
      throw new InvalidInputException(List.of(problem));
    });
    Rate fee = Rate.parse("--monthly-fee-rate", monthlyFeeRate);
    // INTEREST_FREE charges neither, whatever the rates: '--annual-rate 0.12' printed a schedule without interest,
    // exit 0, as if the rate had been applied; a rate the method does not charge is refused, as plan refuses an option
    // its run would not use
    if (method == RepaymentMethod.INTEREST_FREE) {
      List<io.github.fenqi.core.Problem> unused = new java.util.ArrayList<>();
      if (!annual.isZero()) {
        unused.add(io.github.fenqi.core.Problem.of("--annual-rate", "'" + annualRate + "' is not charged by --method "
            + "INTEREST_FREE (interest stopped, no fee); leave it out, or choose a method that charges interest"));
      }
      if (!fee.isZero()) {
        unused.add(io.github.fenqi.core.Problem.of("--monthly-fee-rate", "'" + monthlyFeeRate + "' is not charged by "
            + "--method INTEREST_FREE (interest stopped, no fee); leave it out, or choose FEE_INSTALLMENT"));
      }
      if (!unused.isEmpty()) {
        throw new InvalidInputException(unused);
      }
    }
    if (term < 1 || term > Amortizer.MAX_TERM) {
      throw new InvalidInputException("--term", term + " is outside 1.." + Amortizer.MAX_TERM + " months");
    }
    if (financed.isNegative()) {
      throw new InvalidInputException("--amount", "'" + amount + "' is negative");
    }
    if (financed.isZero()) { // printed a schedule of zeros, every period paying 0.00, with exit 0
      throw new InvalidInputException("--amount", "'" + amount + "' is zero; a schedule needs an amount to repay "
          + "(more than 0)");
    }
    if (financed.compareTo(Amortizer.MAX_FINANCED) > 0) {
      throw new InvalidInputException("--amount", "'" + amount + "' is above the largest amount a schedule handles ("
          + Amortizer.MAX_FINANCED + ")");
    }
    if (down.isNegative()) {
      throw new InvalidInputException("--down-payment", "'" + downPayment + "' is negative");
    }
    Schedule schedule = Amortizer.of(method, annual, fee).schedule(financed, term, down);
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case json -> out.println(CliJson.write(schedule));
      case text -> printText(out, schedule, TextColumns.terminalWidth(System::getenv, spec.commandLine().getErr()));
      case html -> throw new IllegalStateException("--format html passed OutputFormat.JsonOrText");
    }
    return FenqiCli.OK;
  }

  /**
   * The schedule as text within {@code width} terminal columns, as {@code plan} and {@code statement ingest} keep
   * theirs: its lines wrapped, its table as wide as its widest amounts, and in a terminal narrower than the table each
   * period as its labelled values (the table, 69 columns and more, had been printed whatever {@code COLUMNS} said).
   */
  static void printText(PrintWriter out, Schedule s, int width) {
    TextColumns.wrap(String.format(Locale.ROOT, "%s  %s yuan over %d months%s", s.method(), s.financedAmount(),
        s.term(), s.downPayment().isZero() ? "" : " after a down payment of " + s.downPayment()), width)
        .forEach(out::println);
    // each column as wide as its widest amount, never narrower than the usual widths: amounts up to the largest
    // --amount (1000000000000.00) ran past their columns and pushed the rest of the row out of line
    List<List<String>> rows = new java.util.ArrayList<>();
    for (Installment i : s.installments()) {
      rows.add(List.of(Integer.toString(i.period()), i.payment().toString(), i.principal().toString(),
          i.interest().toString(), i.fee().toString(), i.remaining().toString()));
    }
    int[] widths = {6, 12, 12, 10, 10, 14};
    rows.forEach(row -> {
      for (int c = 0; c < widths.length; c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    });
    List<String> labels = List.of("period", "payment", "principal", "interest", "fee", "remaining");
    boolean table = java.util.Arrays.stream(widths).sum() + widths.length - 1 <= width;
    if (table) {
      printRow(out, widths, labels);
    }
    for (List<String> row : rows) {
      if (table) {
        printRow(out, widths, row);
      } else {
        out.println(labels.get(0) + " " + row.get(0));
        List<String> fields = new java.util.ArrayList<>();
        for (int c = 1; c < labels.size(); c++) {
          fields.add(labels.get(c) + " " + row.get(c));
        }
        TextColumns.fields("  ", fields, width).forEach(out::println);
      }
    }
    TextColumns.wrap(String.format(Locale.ROOT, "total payable %s (interest %s, fees %s); annualised rate (IRR) %s%%",
        s.totalPayable(), s.totalInterest(), s.totalFee(), OutputFormat.percent(s)), width)
        .forEach(out::println);
  }

  /** The cells of one row, each right-aligned in its column, one space apart. */
  private static void printRow(PrintWriter out, int[] widths, List<String> cells) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < widths.length; c++) {
      line.append(c == 0 ? "" : " ").append(TextColumns.right(cells.get(c), widths[c]));
    }
    out.println(line);
  }
}
