package io.github.fenqi.cli;

import io.github.fenqi.rules.EasyRulesEligibilityEvaluator;
import io.github.fenqi.rules.RuleFileReport;
import io.github.fenqi.core.InvalidInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fenqi rules ...}: work with eligibility rule files (fenqi-rules-easy). */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Check eligibility rule files.",
    subcommands = {RulesCommand.Check.class})
final class RulesCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: "
        + String.join(", ", spec.subcommands().keySet()));
  }

  /** {@code fenqi rules check DIR}: one OK line per valid file, the problems of the others; nothing is executed. */
  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Check every rule file of DIR (<platformId>.yml, _shared*.yml) against the allow-list without "
          + "executing anything: one OK line per file, or file: rule: offending token and why.")
  static final class Check implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "Directory of rule files.")
    Path dir;

    @Override
    public Integer call() {
      List<RuleFileReport> reports = EasyRulesEligibilityEvaluator.check(dir);
      if (reports.isEmpty()) {
        throw new InvalidInputException(dir.toString(), "holds no *.yml rule files");
      }
      PrintWriter out = spec.commandLine().getOut();
      long invalid = reports.stream().filter(r -> !r.valid()).count();
      reports.forEach(r -> r.lines().forEach(out::println));
      if (invalid > 0) {
        spec.commandLine().getErr().println("fenqi: " + invalid + " of " + reports.size() + " rule files are invalid");
        return FenqiCli.REJECTED;
      }
      return FenqiCli.OK;
    }
  }
}
