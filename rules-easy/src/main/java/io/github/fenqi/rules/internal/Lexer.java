package io.github.fenqi.rules.internal;

import io.github.fenqi.core.TextFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Splits a condition or action into tokens of the allowed grammar and nothing else: ASCII names, decimal
 * numbers without suffix or exponent, quoted strings without escapes, and the operators
 * {@code && || ! == != < <= > >= + - * / %}, parentheses, comma and dot. Everything else — {@code ;},
 * {@code =}, {@code +=}, {@code ++}, {@code @}, {@code [}, {@code {}, {@code ?}, {@code \}, any non-ASCII
 * character — is rejected here, naming it.
 *
 * <p>Thread-safety: stateless.
 */
final class Lexer {
  /** Longest text accepted, so a hostile file cannot make parsing expensive. */
  static final int MAX_LENGTH = 2000;

  enum Kind { NAME, NUMBER, STRING, OP, LPAREN, RPAREN, COMMA, DOT, END, ERROR }

  /** One token; an {@code ERROR} token carries the rejection of the text from its column on. */
  record Token(Kind kind, String text, int column, @Nullable RuleSyntaxException error) {
    Token(Kind kind, String text, int column) {
      this(kind, text, column, null);
    }

    /** This token, or the lexical error it stands for thrown. */
    Token orThrow() {
      if (error != null) {
        throw error;
      }
      return this;
    }

    boolean is(String s) {
      return (kind == Kind.OP || kind == Kind.LPAREN || kind == Kind.RPAREN || kind == Kind.COMMA || kind == Kind.DOT)
          && text.equals(s);
    }

    String shown() {
      return kind == Kind.END ? "<end>" : kind == Kind.STRING ? "'" + text + "'" : text;
    }
  }

  private static final List<String> REJECTED_OPS = List.of("++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=",
      "<<", ">>", "::", "->");

  /** Operators as other languages or a slip of the keyboard write them, and the operator meant. */
  private static final Map<String, String> MISTYPED_OPS = Map.of("=>", ">=", "=<", "<=", "<>", "!=");

  private Lexer() {}

  /**
   * The tokens of {@code src}, ending with {@code END}; or, when a character is not allowed, the tokens before
   * it and an {@code ERROR} token, so the parser reports whichever offending token comes first.
   */
  static List<Token> tokens(String src) {
    List<Token> out = new ArrayList<>();
    try {
      scan(src, out);
    } catch (RuleSyntaxException e) {
      out.add(new Token(Kind.ERROR, e.token(), e.column(), e));
    }
    return out;
  }

  private static void scan(String src, List<Token> out) {
    if (src.length() > MAX_LENGTH) {
      throw new RuleSyntaxException(src.substring(0, 20) + "...", 1, "longer than " + MAX_LENGTH + " characters");
    }
    int i = 0;
    int n = src.length();
    while (i < n) {
      char c = src.charAt(i);
      int col = i + 1;
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        i++;
      } else if (isLetter(c)) {
        int s = i;
        while (i < n && (isLetter(src.charAt(i)) || isDigit(src.charAt(i)) || src.charAt(i) == '_')) {
          i++;
        }
        out.add(new Token(Kind.NAME, src.substring(s, i), col));
      } else if (isDigit(c)) {
        int s = i;
        while (i < n && isDigit(src.charAt(i))) {
          i++;
        }
        if (i + 1 < n && src.charAt(i) == '.' && isDigit(src.charAt(i + 1))) {
          i++;
          while (i < n && isDigit(src.charAt(i))) {
            i++;
          }
        }
        if (i < n && (isLetter(src.charAt(i)) || src.charAt(i) == '_' || src.charAt(i) == '.'
            || src.charAt(i) > 127)) {
          int e = i;
          while (e < n && !Character.isWhitespace(src.charAt(e)) && "()+-*/%<>=!&|,".indexOf(src.charAt(e)) < 0) {
            e++;
          }
          throw new RuleSyntaxException(src.substring(s, e), col,
              "a number is digits with an optional decimal part (no suffix, exponent or hex)");
        }
        out.add(new Token(Kind.NUMBER, src.substring(s, i), col));
      } else if (c == '\'' || c == '"') {
        int s = ++i;
        while (i < n && src.charAt(i) != c) {
          char x = src.charAt(i);
          // an invisible character (a right-to-left override, a zero-width space) is refused like a control one: an
          // ineligible("CODE", "why") message carries it into every report of the debt
          if (x == '\\' || x == '\'' || x == '"' || TextFields.isInvisible(x) || TextFields.isLineBreak(x)) {
            throw new RuleSyntaxException(x == '\\' ? "\\" : describe(x), i + 1,
                "strings may not contain backslashes, the other quote, control or invisible characters");
          }
          i++;
        }
        if (i >= n) {
          throw new RuleSyntaxException(src.substring(s - 1), col, "unterminated string");
        }
        out.add(new Token(Kind.STRING, src.substring(s, i), col));
        i++;
      } else {
        String two = i + 1 < n ? src.substring(i, i + 2) : "";
        if (REJECTED_OPS.contains(two)) {
          throw new RuleSyntaxException(two, col, reasonFor(two));
        }
        String meant = MISTYPED_OPS.get(two);
        if (meant != null) { // '=>' had been told "compare with ==" of its '=', pointing away from the >= meant
          throw new RuleSyntaxException(two, col, "'" + two + "' is not an operator; write " + meant);
        }
        switch (two) {
          case "&&", "||", "==", "!=", "<=", ">=" -> {
            out.add(new Token(Kind.OP, two, col));
            i += 2;
            continue;
          }
          default -> { }
        }
        switch (c) {
          case '!', '<', '>', '+', '-', '*', '/', '%' -> out.add(new Token(Kind.OP, String.valueOf(c), col));
          case '(' -> out.add(new Token(Kind.LPAREN, "(", col));
          case ')' -> out.add(new Token(Kind.RPAREN, ")", col));
          case ',' -> out.add(new Token(Kind.COMMA, ",", col));
          case '.' -> out.add(new Token(Kind.DOT, ".", col));
          default -> throw new RuleSyntaxException(describe(c), col, reasonFor(String.valueOf(c)));
        }
        i++;
      }
    }
    out.add(new Token(Kind.END, "", n + 1));
  }

  private static String reasonFor(String op) {
    return switch (op) {
      case "=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "++", "--" -> "assignments are not allowed (compare with ==)";
      case ";" -> "a condition is one expression; statements are not allowed";
      case "@" -> "static access and interpolation are not allowed";
      case "[", "]" -> "indexing and inline collections are not allowed";
      case "{", "}" -> "blocks are not allowed";
      case "\\" -> "escapes are not allowed";
      case "?", ":" -> "the conditional operator is not allowed (use && and ||)";
      case "&", "|" -> "bitwise operators are not allowed (use && and ||)";
      default -> "not part of the allowed grammar (names, numbers, strings, && || ! == != < <= > >= + - * / % ( ))";
    };
  }

  private static String describe(char c) {
    if (c < 32 || c > 126) {
      return String.format(Locale.ROOT, "U+%04X", (int) c);
    }
    return String.valueOf(c);
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
