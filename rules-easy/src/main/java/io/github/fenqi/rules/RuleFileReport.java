package io.github.fenqi.rules;

import io.github.fenqi.core.Problem;
import java.util.List;

/**
 * The result of checking one rule file without executing anything: its rules when valid, otherwise every
 * problem (each naming the file, the rule and the offending token).
 *
 * <p>Thread-safety: immutable.
 *
 * @param file the file name
 * @param rules the names of its rules, in file order (empty when invalid)
 * @param problems every problem; empty when the file is valid
 */
public record RuleFileReport(String file, List<String> rules, List<io.github.fenqi.core.Problem> problems) {
  public RuleFileReport {
    rules = List.copyOf(rules);
    problems = List.copyOf(problems);
  }

  public boolean valid() {
    return problems.isEmpty();
  }

  /** {@code OK  jd.yml  3 rules} or the problems, one per line. */
  public List<String> lines() {
    if (valid()) {
      return List.of("OK  " + file + "  " + rules.size() + " rule" + (rules.size() == 1 ? "" : "s"));
    }
    return problems.stream().map(Problem::toString).toList();
  }
}
