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
  private final String reason;

  RuleSyntaxException(String token, int column, String reason) {
    super("offending token '" + token + "' at column " + column + ": " + reason, null, false, false);
    this.token = token;
    this.column = column;
    this.reason = reason;
  }

  /**
   * The message with the position as a person finds it in {@code source}, the text that was parsed: a condition
   * written over several lines (a YAML block scalar) is named by line and column within it, not by its character
   * count from the start.
   */
  public String describe(String source) {
    int before = Math.min(column - 1, source.length());
    int lastBreak = source.lastIndexOf('\n', before - 1);
    if (lastBreak < 0) {
      return getMessage();
    }
    long line = 1 + source.substring(0, before).chars().filter(c -> c == '\n').count();
    return "offending token '" + token + "' at line " + line + ", column " + (column - lastBreak - 1) + ": " + reason;
  }

  public String token() {
    return token;
  }

  public int column() {
    return column;
  }
}
