package io.github.fenqi.examples;

import io.github.fenqi.core.FenqiException;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.NegotiationEngine;
import io.github.fenqi.core.NegotiationRequest;
import io.github.fenqi.core.NegotiationResult;
import io.github.fenqi.core.policy.JsonDirectoryPolicyRepository;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The README's quick start: three proposals for each sample case, printed as a table.
 *
 * <p>Usage: {@code java -jar fenqi-quickstart.jar [POLICY_DIR [CASE.json ...]]}, defaults
 * {@code samples/policies} and the two sample cases, relative to the working directory (the repository's root);
 * {@code --help} prints the usage. Thread-safety: a program, single-threaded.
 */
public final class QuickStart {
  private static final String USAGE = "java -jar fenqi-quickstart.jar [POLICY_DIR [CASE.json ...]]";
  private static final String DEFAULT_POLICIES = "samples/policies";

  private QuickStart() {}

  public static void main(String[] args) {
    // the texts quote Chinese terms (债务重组): UTF-8 whatever the platform's encoding, as the CLI writes; and so the
    // errors, which quote the case (a platform 信用卡平台 with no policy was '?????' under a C locale)
    System.setOut(new PrintStream(System.out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(System.err, true, StandardCharsets.UTF_8));
    // an option had been looked for as a policy directory ("--help: is not a directory of policy files")
    if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
      System.out.println("Usage: " + USAGE);
      System.out.println("Three proposals for each case, printed as a table. Defaults: " + DEFAULT_POLICIES
          + " and the two sample cases under samples/cases, relative to the working directory.");
      return;
    }
    for (String arg : args) {
      if (arg.startsWith("-")) {
        System.err.println("quickstart: unknown option '" + arg + "'; usage: " + USAGE);
        System.exit(1);
        return;
      }
    }
    // run without arguments outside the repository's root, the samples are not there: the quick start had said only
    // "samples/policies: is not a directory of policy files", as if the samples were broken
    if (args.length == 0 && !Files.isDirectory(Path.of(DEFAULT_POLICIES))) {
      System.err.println("quickstart: no " + DEFAULT_POLICIES + " in " + Path.of("").toAbsolutePath()
          + ": run it from the repository's root, or give POLICY_DIR [CASE.json ...]");
      System.exit(1);
      return;
    }
    Path policies;
    List<Path> cases;
    try {
      policies = Path.of(args.length > 0 ? args[0] : DEFAULT_POLICIES);
      cases = args.length > 1
          ? java.util.Arrays.stream(args).skip(1).map(Path::of).toList()
          : List.of(Path.of("samples/cases/shanghai-three-debts.json"), Path.of("samples/cases/shanghai-three-debts-feasible.json"));
      // a policy directory alone, outside the repository's root: "no such file" had not said to give a case
      Optional<Path> noSample = args.length == 1 ? cases.stream().filter(c -> !Files.exists(c)).findFirst()
          : Optional.empty();
      if (noSample.isPresent()) {
        System.err.println("quickstart: no " + noSample.get() + " in " + Path.of("").toAbsolutePath()
            + ": give CASE.json after POLICY_DIR, or run it from the repository's root");
        System.exit(1);
        return;
      }
    } catch (InvalidPathException e) {
      // a Chinese name under a C locale (a container without LANG) arrives unmappable: a stack trace had said so
      System.err.println("quickstart: '" + e.getInput() + "' is not a usable file name (" + e.getReason()
          + "); file names are read as " + System.getProperty("sun.jnu.encoding") + ": for non-ASCII names run with a "
          + "UTF-8 locale, e.g. LC_ALL=C.UTF-8");
      System.exit(1);
      return;
    }
    try (JsonDirectoryPolicyRepository repo = JsonDirectoryPolicyRepository.openStrict(policies)) {
      NegotiationEngine engine = NegotiationEngine.builder().policies(repo).build();
      for (Path c : cases) {
        print(engine.calculate(NegotiationRequest.read(c)));
      }
    } catch (InvalidInputException e) {
      // one problem a line, as the CLI prints them: a directory of two bad files was one line of 30 problems
      if (e.problems().size() > 1) {
        System.err.println("quickstart: " + e.problems().size() + " problems:");
        e.problems().forEach(p -> System.err.println("  " + p));
      } else {
        System.err.println("quickstart: " + e.getMessage());
      }
      System.exit(1);
    } catch (FenqiException e) {
      System.err.println("quickstart: " + e.getMessage());
      System.exit(1);
    }
  }

  static void print(NegotiationResult r) {
    print(System.out, r);
  }

  /** {@code r} as the quick start prints it, to {@code out}. */
  static void print(PrintStream out, NegotiationResult r) {
    out.printf(Locale.ROOT, "%n== case %s: budget %s a month for installments%n", r.caseId(), r.maxAffordableInstallment());
    r.ineligible().forEach(i -> out.println("   not eligible: " + i.debtId() + " " + i.reasons()));
    if (!r.feasible()) {
      out.println("   no feasible proposal (" + r.binding() + "): " + r.reason());
      out.println("   " + r.recommendation());
      return;
    }
    // each amount column as wide as its widest amount: a case of millions ran past the fixed widths, pushing the
    // rest of its row out from under the headings
    int first = 11;
    int down = 9;
    int total = 11;
    int saving = 10;
    for (NegotiationResult.ProposalReport p : r.proposals()) {
      first = Math.max(first, p.totalFirstMonthInstallment().toString().length());
      down = Math.max(down, p.totalDownPayment().toString().length());
      total = Math.max(total, p.totalPayable().toString().length());
      saving = Math.max(saving, p.saving().toString().length());
    }
    String amounts = "   %-12s %" + first + "s %" + down + "s %" + total + "s %" + saving + "s ";
    out.printf(Locale.ROOT, amounts + "%9s %s%n", "strategy", "1st month", "down", "total", "saving", "p(accept)",
        "stress");
    for (NegotiationResult.ProposalReport p : r.proposals()) {
      // Locale.ROOT: the amounts print with a decimal point whatever the machine's locale, so the figures must too
      out.printf(Locale.ROOT, amounts + "%9.3f %s (%.1f %% re-default)%s%n", p.strategy(),
          p.totalFirstMonthInstallment(), p.totalDownPayment(), p.totalPayable(), p.saving(), p.acceptanceProbability(),
          p.stress().level(), p.stress().defaultProbability() * 100, p.recommended() ? "" : "  NOT RECOMMENDED");
    }
    // why a strategy has no row (AGGRESSIVE when no plan keeps every lender above the floor), or is not proven optimal
    r.notes().forEach((strategy, note) -> out.println("   note (" + strategy + "): " + note));
  }
}
