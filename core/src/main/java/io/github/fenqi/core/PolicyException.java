package io.github.fenqi.core;

import java.util.List;

/**
 * A lender policy is invalid, missing, or cannot be applied (no policy for a platform on a date,
 * a policy file that fails validation). Carries the problems with file and JSON path.
 *
 * <p>Thread-safety: immutable.
 */
public class PolicyException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  public PolicyException(List<Problem> problems) {
    super(problems);
  }

  public PolicyException(String location, String reason) {
    super(location, reason);
  }
}
