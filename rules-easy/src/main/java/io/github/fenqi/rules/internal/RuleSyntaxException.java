package io.github.fenqi.rules.internal;

/**
 * A condition or action is outside the allowed grammar: names the offending token, its column (1-based) and
 * why. The rule-file reader turns it into a problem naming the file and rule.
 *
 * <p>Thread-safety: immutable.
 */
public final class RuleSyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String token;
  private final int column;

  RuleSyntaxException(String token, int column, String reason) {
    super("offending token '" + token + "' at column " + column + ": " + reason, null, false, false);
    this.token = token;
    this.column = column;
  }

  public String token() {
    return token;
  }

  public int column() {
    return column;
  }
}
