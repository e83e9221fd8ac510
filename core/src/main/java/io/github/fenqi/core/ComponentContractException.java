package io.github.fenqi.core;

import java.util.List;

/**
 * A component plugged into the engine — an {@code AcceptanceModel}, a {@code ProposalSolver} — returned what its
 * contract forbids: a probability outside (0, 1], a proposal above the budget or outside a policy. The engine stops
 * rather than show a borrower a figure it cannot stand behind; the problems say which component, where and what.
 * It is a fault in that component (a server error), not in the case.
 *
 * <p>Thread-safety: immutable.
 */
public class ComponentContractException extends FenqiException {
  private static final long serialVersionUID = 1L;
  private final String component;
  private final List<Problem> problems;

  /**
   * @param component what broke its contract, as users configured it (e.g. the class name of their solver)
   * @param problems every violation found, at least one
   */
  public ComponentContractException(String component, List<Problem> problems) {
    super(message(component, problems));
    this.component = component;
    this.problems = List.copyOf(problems);
  }

  /**
   * The exception for {@code component} in its {@code role} ("the acceptance model"): named by its class, a lambda by
   * the class it was written in, since the JVM's name for it ({@code Foo$$Lambda/0x…}) changes from run to run.
   */
  public static ComponentContractException of(String role, Object component, List<Problem> problems) {
    String name = component.getClass().getName();
    int lambda = name.indexOf("$$Lambda");
    return new ComponentContractException(
        role + " (" + (lambda > 0 ? "a lambda in " + name.substring(0, lambda) : name) + ")", problems);
  }

  private static String message(String component, List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a contract violation needs at least one problem");
    }
    StringBuilder s = new StringBuilder(component).append(" broke its contract (").append(problems.size())
        .append(problems.size() == 1 ? " problem):" : " problems):");
    int shown = Math.min(problems.size(), 10);
    for (int i = 0; i < shown; i++) {
      s.append("\n  ").append(problems.get(i));
    }
    if (shown < problems.size()) {
      s.append("\n  ... and ").append(problems.size() - shown).append(" more");
    }
    return s.toString();
  }

  /** What broke its contract. */
  public String component() {
    return component;
  }

  /** Every violation found. */
  public List<Problem> problems() {
    return problems;
  }
}
