package io.github.fenqi.cli;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.policy.JsonDirectoryPolicyRepository;
import io.github.fenqi.rules.EasyRulesEligibilityEvaluator;
import io.github.fenqi.rules.RuleFileReport;
import io.github.fenqi.rules.RuleSetEvent;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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
      if (!f.rules().isEmpty()) {
        appliesToNoDebt(f.file(), platforms).ifPresent(p -> warnings.add("fenqi: warning: " + p));
      }
    }
    return warnings;
  }

  /**
   * Why the rules of {@code file} apply to no debt, if they do not: a platform file named only its extension
   * ({@code .yml}, which no platform id can match), or, when {@code platforms} are known, one of a platform no policy
   * is of ({@code Demo-Online-Lender.yml}, a typo). {@code _shared*} files apply to every debt.
   */
  static Optional<Problem> appliesToNoDebt(String file, @Nullable Set<String> platforms) {
    if (file.startsWith("_shared")) {
      return Optional.empty();
    }
    String platform = file.substring(0, file.lastIndexOf('.'));
    if (platform.isBlank()) {
      return Optional.of(Problem.of(file, "names no platform, so its rules apply to no debt; a platform file is named "
          + "<platformId>.yml, as the policy's platformId is spelled, and a file of rules for every platform "
          + "_shared*.yml"));
    }
    if (platforms != null && !platforms.contains(platform)) {
      return Optional.of(Problem.of(file, "no policy in --policies is of platform '" + platform + "', so its rules "
          + "apply to no debt (platforms: " + new TreeSet<>(platforms) + "); a platform file is named "
          + "<platformId>.yml, as the policy's platformId is spelled"));
    }
    return Optional.empty();
  }

  /**
   * {@code fenqi rules check DIR}: one OK line per valid file with rules, the problems of the others; nothing is
   * executed.
   */
  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Check every rule file of DIR (<platformId>.yml|.json, _shared*.yml|.json) against the allow-list without "
          + "executing anything: one OK line per file, or file: rule: offending token and why. A file with no rules "
          + "(empty, or only comments), a rule-file name that is no file (a link to nothing, a directory) and a file "
          + "whose rules apply to no debt (.yml; with --policies, a platform no policy is of) are problems too.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:every rule file is valid and holds at least one rule, of a platform (or _shared)",
          "1:a file is invalid, holds no rules, applies to no debt, or is no file (a link to nothing, a directory); or "
              + "DIR is no directory of rule files, or --policies does not read" + FenqiCli.OUTPUT_UNWRITTEN,
          FenqiCli.EXIT_INTERNAL, FenqiCli.EXIT_PIPE})
  static final class Check implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "Directory of rule files.")
    Path dir;

    @Option(names = "--policies", paramLabel = "DIR", description = "Directory of policy files: a platform file of "
        + "a platform no policy is of (a typo) is then a problem too, as its rules would apply to no debt.")
    @Nullable Path policies;

    @Override
    public Integer call() {
      // a name that is no file (a link to nothing, a directory, a FIFO) is an invalid report, the FIFO never opened
      FileKind.requireDirectory(dir, "rule files", "");
      // read first: a policy directory that does not read is told before any line of the rules' report
      @Nullable Set<String> platforms = policies == null ? null : platformsOf(policies);
      List<RuleFileReport> reports = EasyRulesEligibilityEvaluator.check(dir);
      if (reports.isEmpty()) {
        throw new InvalidInputException(dir.toString(), NO_RULE_FILES);
      }
      PrintWriter out = spec.commandLine().getOut();
      long invalid = reports.stream().filter(r -> !r.valid()).count();
      // a file of no rules is valid to the loader (the platform then has the shared rules only), but a checker that
      // said "OK  jd.yml  0 rules" passed a file truncated by a failed copy or an editor: named, and exit 1
      long empty = reports.stream().filter(r -> r.valid() && r.rules().isEmpty()).count();
      // and so is a file whose rules apply to no debt: ".yml" (or a typo, with --policies) had been "OK  .yml  1 rule"
      long unmatched = 0;
      for (RuleFileReport r : reports) {
        Optional<Problem> noDebt = r.valid() && !r.rules().isEmpty()
            ? appliesToNoDebt(r.file(), platforms) : Optional.empty();
        if (r.valid() && r.rules().isEmpty()) {
          out.println(holdsNoRules(r.file()));
        } else if (noDebt.isPresent()) {
          unmatched++;
          out.println(noDebt.get());
        } else {
          r.lines().forEach(out::println);
        }
      }
      if (invalid + empty + unmatched > 0) {
        List<String> parts = new ArrayList<>();
        if (invalid > 0) {
          parts.add(invalid + " invalid");
        }
        if (empty > 0) {
          parts.add(empty + " with no rules");
        }
        if (unmatched > 0) {
          parts.add(unmatched + " applying to no debt");
        }
        spec.commandLine().getErr().println("fenqi: " + (invalid + empty + unmatched) + " of " + reports.size()
            + " rule files have problems (" + String.join(", ", parts) + ")");
        return FenqiCli.REJECTED;
      }
      return FenqiCli.OK;
    }

    /** The platforms of the policies of {@code directory}, read and refused as {@code plan --policies} reads them. */
    private static Set<String> platformsOf(Path directory) {
      PolicyCommand.policyFiles(directory, "--policies");
      List<Problem> notFiles = PolicyCommand.notPolicyFileProblems(directory);
      if (!notFiles.isEmpty()) {
        throw new InvalidInputException(notFiles);
      }
      try (JsonDirectoryPolicyRepository repo = JsonDirectoryPolicyRepository.openStrict(directory)) {
        return repo.snapshot().platforms();
      }
    }
  }
}
