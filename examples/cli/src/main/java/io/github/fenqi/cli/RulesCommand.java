package io.github.fenqi.cli;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.rules.EasyRulesEligibilityEvaluator;
import io.github.fenqi.rules.RuleFileReport;
import io.github.fenqi.rules.RuleSetEvent;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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

  /**
   * Rule-file names of {@code directory} that are no regular file — a link to nothing, a directory or FIFO named
   * {@code x.yml} — one problem each, before {@code plan --rules} opens anything: the rule loader listed only regular
   * files, so a link to a rule file that was moved away was passed over in silence and the platform ran without its
   * rules. (The loader, and {@code rules check} with it, now name them too.)
   */
  static List<Problem> notRuleFiles(Path directory) {
    List<Problem> problems = new ArrayList<>();
    FileKind.notRegularFiles(directory, n -> n.endsWith(".yml") || n.endsWith(".yaml") || n.endsWith(".json"),
        "a rule file").forEach((p, why) -> problems.add(Problem.of(p.getFileName().toString(), why)));
    return problems;
  }

  /** What a directory of no rule files is, to {@code rules check} and {@code plan --rules} alike. */
  static final String NO_RULE_FILES = "holds no *.yml or *.json rule files";

  /** What {@code rules check} says of a rule file of no rules, and {@code plan --rules} warns of. */
  static Problem holdsNoRules(String file) {
    return Problem.of(file, "holds no rules (it is empty, or only comments); delete it, or add its rules");
  }

  /**
   * The warnings of {@code plan --rules directory} once its rule files are {@code loaded} (the first load's files and
   * their rules): one per file of no rules, and one per platform file whose platform has no policy among
   * {@code platforms} ({@code Demo-Online-Lender.yml} for {@code demo-online-lender}, a typo): its rules were loaded,
   * passed {@code rules check}, and applied to no debt, in silence. A directory that yields no rule at all — no rule file, or only files of no
   * rules — is refused, as {@code rules check} refuses it: the plan ran with no rules and exit 0, and nothing said that
   * the rules asked for were not there (a mistyped or not yet filled directory).
   *
   * @throws InvalidInputException naming {@code --rules} and the directory when it yields no rule
   */
  static List<String> requireRules(Path directory, List<RuleSetEvent.FileChange> loaded, Set<String> platforms) {
    if (loaded.isEmpty()) {
      throw new InvalidInputException("--rules", directory + " " + NO_RULE_FILES + "; leave --rules out to plan on "
          + "the policies' eligibility blocks alone");
    }
    List<String> empty = loaded.stream().filter(f -> f.rules().isEmpty()).map(RuleSetEvent.FileChange::file).toList();
    if (empty.size() == loaded.size()) {
      throw new InvalidInputException("--rules", directory + " holds no rules: " + String.join(", ", empty)
          + (empty.size() == 1 ? " is" : " are") + " empty, or only comments; leave --rules out to plan on the "
          + "policies' eligibility blocks alone");
    }
    List<String> warnings = new ArrayList<>();
    empty.forEach(f -> warnings.add("fenqi: warning: " + holdsNoRules(f)));
    for (RuleSetEvent.FileChange f : loaded) {
      String platform = f.file().substring(0, f.file().lastIndexOf('.'));
      if (!f.rules().isEmpty() && !f.file().startsWith("_shared") && !platforms.contains(platform)) {
        warnings.add("fenqi: warning: " + Problem.of(f.file(), "no policy in --policies is of platform '" + platform
            + "', so its rules apply to no debt (platforms: " + new TreeSet<>(platforms) + "); a platform file is "
            + "named <platformId>.yml, as the policy's platformId is spelled"));
      }
    }
    return warnings;
  }

  /**
   * {@code fenqi rules check DIR}: one OK line per valid file with rules, the problems of the others; nothing is
   * executed.
   */
  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Check every rule file of DIR (<platformId>.yml|.json, _shared*.yml|.json) against the allow-list without "
          + "executing anything: one OK line per file, or file: rule: offending token and why. A file with no rules "
          + "(empty, or only comments) and a rule-file name that is no file (a link to nothing, a directory) are "
          + "problems too.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:every rule file is valid and holds at least one rule",
          "1:a file is invalid, holds no rules, or is no file (a link to nothing, a directory); or DIR is no directory "
              + "of rule files" + FenqiCli.OUTPUT_UNWRITTEN, FenqiCli.EXIT_INTERNAL, FenqiCli.EXIT_PIPE})
  static final class Check implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "Directory of rule files.")
    Path dir;

    @Override
    public Integer call() {
      // a name that is no file (a link to nothing, a directory, a FIFO) is an invalid report, the FIFO never opened
      FileKind.requireDirectory(dir, "rule files", "");
      List<RuleFileReport> reports = EasyRulesEligibilityEvaluator.check(dir);
      if (reports.isEmpty()) {
        throw new InvalidInputException(dir.toString(), NO_RULE_FILES);
      }
      PrintWriter out = spec.commandLine().getOut();
      long invalid = reports.stream().filter(r -> !r.valid()).count();
      // a file of no rules is valid to the loader (the platform then has the shared rules only), but a checker that
      // said "OK  jd.yml  0 rules" passed a file truncated by a failed copy or an editor: named, and exit 1
      long empty = reports.stream().filter(r -> r.valid() && r.rules().isEmpty()).count();
      for (RuleFileReport r : reports) {
        if (r.valid() && r.rules().isEmpty()) {
          out.println(holdsNoRules(r.file()));
        } else {
          r.lines().forEach(out::println);
        }
      }
      if (invalid + empty > 0) {
        List<String> parts = new ArrayList<>();
        if (invalid > 0) {
          parts.add(invalid + " invalid");
        }
        if (empty > 0) {
          parts.add(empty + " with no rules");
        }
        spec.commandLine().getErr().println("fenqi: " + (invalid + empty) + " of " + reports.size()
            + " rule files have problems (" + String.join(", ", parts) + ")");
        return FenqiCli.REJECTED;
      }
      return FenqiCli.OK;
    }
  }
}
