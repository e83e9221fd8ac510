package io.github.fenqi.cli;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.PolicyException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.policy.JsonDirectoryPolicyRepository;
import io.github.fenqi.core.policy.Policy;
import io.github.fenqi.core.policy.PolicyValidator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fenqi policy ...}: work with policy files. */
@Command(name = "policy", mixinStandardHelpOptions = true,
    description = "Validate lender policy files, or extract one from a policy text.",
    subcommands = {PolicyCommand.Validate.class, PolicyExtractCommand.class})
final class PolicyCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: "
        + String.join(", ", spec.subcommands().keySet()));
  }

  /**
   * Whether a name is one the policy directory lists: {@code *.json}, the extension in any case — a file named
   * {@code x.JSON} is a load problem of the directory (not read), which validate had printed no line for.
   */
  private static boolean listed(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(".json");
  }

  /** The {@code *.json} names of {@code dir} that are no regular file, with why (see {@link FileKind#notRegularFiles}). */
  static Map<Path, String> notPolicyFiles(Path dir) {
    return FileKind.notRegularFiles(dir, PolicyCommand::listed, "a policy file");
  }

  /** {@link #notPolicyFiles} as problems, each named by its path: what {@code --policies} refuses before it reads. */
  static List<io.github.fenqi.core.Problem> notPolicyFileProblems(Path dir) {
    List<io.github.fenqi.core.Problem> problems = new ArrayList<>();
    notPolicyFiles(dir).forEach((p, why) -> problems.add(io.github.fenqi.core.Problem.of(p.toString(), why)));
    return problems;
  }

  /**
   * The problems a strict open of {@code dir} names (each file's, and those only the files together show), none when it
   * loads without one.
   */
  static List<Problem> loadProblems(Path dir) {
    try (JsonDirectoryPolicyRepository repo = JsonDirectoryPolicyRepository.openStrict(dir)) {
      return repo.loadProblems();
    } catch (PolicyException e) {
      return e.problems();
    }
  }

  /**
   * The {@code *.json} names of {@code dir} in name order, or why there are none: a directory with no policy file (a
   * mistyped or not yet filled one) is refused by {@code plan --policies} as by {@code policy validate}, where the
   * plan had reported each debt as "no policy … in effect; known platforms: []", as if the lenders had no policy.
   *
   * @param option the option that gave {@code dir}, or empty for a parameter
   * @throws InvalidInputException naming the option (if any) and the directory
   */
  static List<Path> policyFiles(Path dir, String option) {
    FileKind.requireDirectory(dir, "policy files", option);
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> listed(p.getFileName().toString())).sorted().toList();
    } catch (IOException e) {
      throw refused(dir, option, "cannot be listed: " + io.github.fenqi.core.InputFiles.reason(e));
    }
    if (files.isEmpty()) {
      throw refused(dir, option, "holds no *.json policy files");
    }
    return files;
  }

  private static InvalidInputException refused(Path dir, String option, String why) {
    return option.isEmpty() ? new InvalidInputException(dir.toString(), why)
        : new InvalidInputException(option, dir + " " + why);
  }

  /** {@code fenqi policy validate DIR}: one line per file; exit 1 if any is invalid. */
  @Command(name = "validate", mixinStandardHelpOptions = true,
      description = "Validate every *.json policy file of DIR: one line per file (OK, or file: path: reason).")
  static final class Validate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "Directory of policy files.")
    Path dir;

    @Override
    public Integer call() {
      List<Path> files = policyFiles(dir, "");
      PrintWriter out = spec.commandLine().getOut();
      PolicyValidator validator = new PolicyValidator();
      // what only the files together show (a platform and version twice, two versions from one day), per file; in a
      // strict open's words, since validate refuses the directory: the lenient ones ("ignored, and the terms of x.json
      // apply") told what a running service does, above an exit code that said the directory is refused
      Map<String, List<Problem>> together = new HashMap<>();
      for (Problem problem : loadProblems(dir)) {
        together.computeIfAbsent(problem.location(), k -> new ArrayList<>()).add(problem);
      }
      int invalid = 0;
      // not opened: a FIFO named x.json kept validate waiting for a writer for ever
      Map<Path, String> notFiles = notPolicyFiles(dir);
      for (Path f : files) {
        if (notFiles.containsKey(f)) {
          invalid++;
          out.println(Problem.of(f.toString(), notFiles.get(f)));
          continue;
        }
        PolicyValidator.Result r = validator.validate(f);
        List<Problem> acrossFiles = together.getOrDefault(f.toString(), List.of());
        if (r.valid() && acrossFiles.isEmpty()) {
          Policy p = r.policy().orElseThrow();
          out.println("OK  " + f + "  " + p.platformId() + " " + p.version());
        } else if (r.valid()) {
          invalid++;
          acrossFiles.forEach(out::println);
        } else {
          invalid++;
          for (Problem problem : r.problems()) {
            out.println(problem);
          }
        }
      }
      if (invalid > 0) {
        spec.commandLine().getErr().println("fenqi: " + invalid + " of " + files.size() + " policy files are invalid");
        return FenqiCli.REJECTED;
      }
      return FenqiCli.OK;
    }
  }
}
