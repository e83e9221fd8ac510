package io.github.fenqi.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An input was rejected before any work was done. Carries every problem found, each naming its
 * field, file or line, so a caller can show all of them at once instead of one per attempt.
 *
 * <p>Thread-safety: immutable.
 */
public class InvalidInputException extends FenqiException {
  private static final long serialVersionUID = 1L;

  private final List<Problem> problems;

  public InvalidInputException(List<Problem> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  public InvalidInputException(List<Problem> problems, Throwable cause) {
    super(describe(problems), cause);
    this.problems = List.copyOf(problems);
  }

  /** One problem: {@code location} names the field, file or line; {@code reason} says what was wrong. */
  public InvalidInputException(String location, String reason) {
    this(List.of(Problem.of(location, reason)));
  }

  /** Every problem found, in input order; never empty (kept by Java serialization too: it had been null read back). */
  public List<Problem> problems() {
    return problems;
  }

  private static String describe(List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an InvalidInputException needs at least one problem");
    }
    if (problems.size() == 1) {
      return problems.get(0).toString();
    }
    return problems.size() + " problems: "
        + problems.stream().map(Problem::toString).collect(Collectors.joining("; "));
  }
}
