package io.github.fenqi.rules.internal;

import java.io.Serializable;
import java.util.List;

/**
 * One checked and compiled rule of a rule file: its Easy Rules definition fields, the parsed condition with the
 * MVEL expression compiled once (cached for every evaluation), and its actions.
 *
 * <p>Thread-safety: immutable; the compiled MVEL expression is executed concurrently (MVEL compiled
 * expressions are reentrant, and MVEL's failures to generate an accessor at run time, on whichever thread, are run
 * again by {@code Mvel.execute}).
 *
 * @param file the file name it came from
 * @param name unique within its file (a shared file and a platform's file may each hold a rule of one name: both
 *     apply, each named with its file)
 * @param description for people
 * @param priority Easy Rules priority: lower runs first
 * @param condition the condition as written
 * @param parsed its canonical form and the names it reads
 * @param compiled the MVEL compilation of {@code parsed.mvel()}
 * @param actions what the rule records when its condition holds
 */
public record CompiledRule(String file, String name, String description, int priority, String condition,
    ConditionParser.Parsed parsed, Serializable compiled, List<RuleAction> actions) {

  public CompiledRule {
    actions = List.copyOf(actions);
  }

  /** The {@code ineligible} action, if the rule has one. */
  public java.util.Optional<RuleAction.Ineligible> ineligible() {
    return actions.stream().filter(a -> a instanceof RuleAction.Ineligible).map(a -> (RuleAction.Ineligible) a)
        .findFirst();
  }

  @Override
  public String toString() {
    return "rule '" + name + "' (" + file + ", priority " + priority + ")";
  }
}
