package io.github.fenqi.rules.internal;

import io.github.fenqi.core.Dates;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.borrower.Hardship;
import io.github.fenqi.core.debt.ProductType;
import io.github.fenqi.rules.internal.FactCatalog.Type;
import io.github.fenqi.rules.internal.Lexer.Kind;
import io.github.fenqi.rules.internal.Lexer.Token;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Parses a rule condition in the allowed grammar, type-checks it against {@link FactCatalog} and renders it
 * as canonical MVEL: fully parenthesised ({@code &&} and {@code ||} chains as balanced trees, every other chain left to
 * right), numbers as BigDecimal literals, strings in single quotes, functions
 * under their internal names. MVEL only ever compiles this rendering, never the rule's own text, so no trick
 * of MVEL's own syntax (comments, escapes, inline collections, projections) can reach it.
 *
 * <pre>
 * condition  := or
 * or         := and ('||' and)*
 * and        := comparison ('&amp;&amp;' comparison)*
 * comparison := sum (('==' | '!=' | '&lt;' | '&lt;=' | '&gt;' | '&gt;=') sum)?
 * sum        := product (('+' | '-') product)*
 * product    := unary (('*' | '/' | '%') unary)*
 * unary      := ('!' | '-') unary | primary
 * primary    := NUMBER | STRING | true | false | name | fact '.' property | function '(' args ')' | '(' or ')'
 * </pre>
 *
 * <p>Thread-safety: stateless (each call parses on its own state).
 */
public final class ConditionParser {
  private static final int MAX_DEPTH = 48;
  /**
   * Most operations nested in the canonical rendering, which MVEL compiles and evaluates recursively: a chain such as
   * {@code a + b + c ...} nests one level per operator ({@code &&} and {@code ||} chains are rendered balanced, so
   * they nest by the logarithm of their length). Bounded so that a rule needs the same small stack everywhere.
   */
  static final int MAX_NESTING = 64;
  private static final List<String> FUNCTIONS = List.of("min", "max", "abs", "hasHardship", "daysSince");

  /**
   * A checked condition: the canonical MVEL text and the names it reads, for explanations.
   *
   * <p>Thread-safety: immutable.
   */
  public record Parsed(String mvel, List<String> reads) {
    public Parsed {
      reads = List.copyOf(reads);
    }
  }

  /**
   * A parsed expression: its type, canonical MVEL, how many operations its rendering nests, and its value when it is
   * made only of numbers added, subtracted, multiplied or negated (null otherwise).
   */
  private record Node(Type type, String mvel, int nesting, @Nullable BigDecimal constant) {
    Node(Type type, String mvel) {
      this(type, mvel, 0, null);
    }
  }

  private final List<Token> tokens;
  private final Set<String> reads = new LinkedHashSet<>();
  private int pos;
  private int depth;

  private ConditionParser(List<Token> tokens) {
    this.tokens = tokens;
  }

  /**
   * Checks {@code condition} against the allow-list and renders it.
   *
   * @throws RuleSyntaxException naming the first offending token
   */
  public static Parsed parse(String condition) {
    if (condition.isBlank()) {
      throw new RuleSyntaxException("<end>", 1, "the condition is empty");
    }
    ConditionParser p = new ConditionParser(Lexer.tokens(condition));
    Token first = p.peek();
    Node n = p.or();
    Token rest = p.peek();
    if (rest.kind() != Kind.END) {
      throw new RuleSyntaxException(rest.shown(), rest.column(), "unexpected after a complete condition");
    }
    if (n.type() != Type.BOOLEAN) {
      throw new RuleSyntaxException(first.shown(), first.column(), "a condition must be true or false, not a "
          + n.type().name().toLowerCase(java.util.Locale.ROOT));
    }
    return new Parsed(n.mvel(), new ArrayList<>(p.reads));
  }

  private Token peek() {
    return tokens.get(Math.min(pos, tokens.size() - 1)).orThrow();
  }

  private Token next() {
    Token t = tokens.get(Math.min(pos, tokens.size() - 1)).orThrow();
    pos++;
    return t;
  }

  private Node or() {
    List<Node> terms = new ArrayList<>(List.of(and()));
    List<Token> ops = new ArrayList<>();
    while (peek().is("||")) {
      Token op = next();
      chain(terms, ops, op, and());
    }
    return balanced(terms, ops, 0, terms.size());
  }

  private Node and() {
    List<Node> terms = new ArrayList<>(List.of(comparison()));
    List<Token> ops = new ArrayList<>();
    while (peek().is("&&")) {
      Token op = next();
      chain(terms, ops, op, comparison());
    }
    return balanced(terms, ops, 0, terms.size());
  }

  /** Adds {@code right} to a chain of {@code op}, both sides checked to be true/false as soon as they are read. */
  private static void chain(List<Node> terms, List<Token> ops, Token op, Node right) {
    if (ops.isEmpty()) {
      bool(terms.get(0), op);
    }
    bool(right, op);
    ops.add(op);
    terms.add(right);
  }

  /**
   * {@code terms[from..to)} of a chain of {@code &&} or {@code ||} rendered as a balanced tree: the same operands in
   * the same order, so the same value and the same short-circuit, nesting by the logarithm of the chain's length.
   */
  private static Node balanced(List<Node> terms, List<Token> ops, int from, int to) {
    if (to - from == 1) {
      return terms.get(from);
    }
    int mid = from + (to - from + 1) / 2;
    Node left = balanced(terms, ops, from, mid);
    Node right = balanced(terms, ops, mid, to);
    Token op = ops.get(mid - 1);
    return nest(Type.BOOLEAN, "(" + left.mvel() + " " + op.text() + " " + right.mvel() + ")", op, left, right);
  }

  /** A node made of {@code parts}, nesting one more than the deepest; refused beyond {@link #MAX_NESTING}. */
  private static Node nest(Type type, String mvel, Token at, Node... parts) {
    return nest(type, mvel, null, at, parts);
  }

  private static Node nest(Type type, String mvel, @Nullable BigDecimal constant, Token at, Node... parts) {
    int nesting = 1;
    for (Node part : parts) {
      nesting = Math.max(nesting, part.nesting() + 1);
    }
    if (nesting > MAX_NESTING) {
      throw new RuleSyntaxException(at.shown(), at.column(), "more than " + MAX_NESTING + " operations nested (each "
          + "operator of a chain such as a + b + c counts); split the condition into several rules");
    }
    return new Node(type, mvel, nesting, constant);
  }

  private Node comparison() {
    Token leftStart = peek();
    Node left = sum();
    Token op = peek();
    if (op.kind() == Kind.OP && List.of("==", "!=", "<", "<=", ">", ">=").contains(op.text())) {
      next();
      Token rightStart = peek();
      Node right = sum();
      if (op.text().equals("==") || op.text().equals("!=")) {
        if (left.type() != right.type()) {
          throw new RuleSyntaxException(op.text(), op.column(), "compares a " + name(left.type()) + " with a "
              + name(right.type()));
        }
        productType(left, right, rightStart);
        productType(right, left, leftStart);
      } else {
        num(left, op);
        num(right, op);
      }
      Node n = nest(Type.BOOLEAN, "(" + left.mvel() + " " + op.text() + " " + right.mvel() + ")", op, left, right);
      Token after = peek();
      if (after.kind() == Kind.OP && List.of("==", "!=", "<", "<=", ">", ">=").contains(after.text())) {
        throw new RuleSyntaxException(after.text(), after.column(), "comparisons do not chain; join them with &&");
      }
      return n;
    }
    return left;
  }

  private Node sum() {
    Node left = product();
    while (peek().is("+") || peek().is("-")) {
      Token op = next();
      Node right = product();
      left = exact(op, left, right);
    }
    return left;
  }

  /**
   * {@code left op right} for {@code +}, {@code -} and {@code *}, exactly. MVEL rounds these to 34 significant digits
   * ({@code MathContext.DECIMAL128}), so {@code cap * 1 == cap} was false for a policy's cap of 38 decimals, and a debt
   * of 10^14 yuan plus 10^-40 was not more than itself; they are rendered as calls of {@link Functions}' exact
   * arithmetic instead, and folded here when both sides are made only of numbers (so that MVEL, which computes those
   * parts while compiling, still finds a constant division by zero such as {@code 1 / (2 - 2)} at load).
   */
  private static Node exact(Token op, Node left, Node right) {
    String a = num(left, op);
    String b = num(right, op);
    if (left.constant() != null && right.constant() != null) {
      BigDecimal value = switch (op.text()) {
        case "+" -> left.constant().add(right.constant());
        case "-" -> left.constant().subtract(right.constant());
        default -> left.constant().multiply(right.constant());
      };
      return nest(Type.NUMBER, literal(value), value, op, left, right);
    }
    String function = switch (op.text()) {
      case "+" -> "fenqiAdd";
      case "-" -> "fenqiSubtract";
      default -> "fenqiMultiply";
    };
    return nest(Type.NUMBER, function + "(" + a + ", " + b + ")", op, left, right);
  }

  /** A number as MVEL reads it: a BigDecimal literal, negated by a call (MVEL's own minus would round it). */
  private static String literal(BigDecimal value) {
    String plain = value.abs().toPlainString() + "B";
    return value.signum() < 0 ? "fenqiNegate(" + plain + ")" : plain;
  }

  private Node product() {
    Node left = unary();
    while (peek().is("*") || peek().is("/") || peek().is("%")) {
      Token op = next();
      Node right = unary();
      if (!op.is("*") && left.constant() == null && right.constant() != null && right.constant().signum() == 0) {
        // MVEL finds a constant division by zero only when both sides are constants (1 / (2 - 2)); debt.principal / 0
        // passed the check and held every debt that reached it ineligible with RULE_ERROR
        throw new RuleSyntaxException(op.text(), op.column(), "divides by zero: the divisor is always 0, so the rule "
            + "could never be evaluated");
      }
      left = op.is("*") ? exact(op, left, right)
          : nest(Type.NUMBER, "(" + num(left, op) + " " + op.text() + " " + num(right, op) + ")", op, left, right);
    }
    return left;
  }

  private Node unary() {
    Token t = peek();
    if (t.is("!")) {
      next();
      enter();
      Node n = unary();
      depth--;
      return nest(Type.BOOLEAN, "(!" + bool(n, t) + ")", t, n);
    }
    if (t.is("-")) {
      next();
      enter();
      Node n = unary();
      depth--;
      String operand = num(n, t);
      return n.constant() != null ? nest(Type.NUMBER, literal(n.constant().negate()), n.constant().negate(), t, n)
          : nest(Type.NUMBER, "fenqiNegate(" + operand + ")", t, n);
    }
    Node n = primary();
    Token after = peek();
    if (after.kind() == Kind.DOT) {
      Token member = tokens.get(Math.min(pos + 1, tokens.size() - 1)).orThrow();
      throw new RuleSyntaxException(member.kind() == Kind.NAME ? member.text() : ".", member.column(),
          "member access is allowed only on the facts " + FactCatalog.FACTS + ", one level deep");
    }
    if (after.kind() == Kind.LPAREN) {
      throw new RuleSyntaxException("(", after.column(), "only the functions " + FUNCTIONS + " may be called");
    }
    if (after.kind() == Kind.NAME || after.kind() == Kind.NUMBER || after.kind() == Kind.STRING) {
      String word = after.text().toLowerCase(java.util.Locale.ROOT);
      throw new RuleSyntaxException(after.shown(), after.column(), "an operator was expected here"
          + (after.kind() == Kind.NAME && (word.equals("and") || word.equals("or"))
          ? "; write " + (word.equals("and") ? "&&" : "||") + " for '" + after.text() + "'" : ""));
    }
    return n;
  }

  /**
   * Refuses a product type compared with a text that is none: {@code productType == 'credit_card'} was accepted and
   * never held (the values are {@code CREDIT_CARD} ...), so the rule never fired, in silence, where
   * {@code hasHardship('medical')} is refused.
   */
  private static void productType(Node fact, Node other, Token otherStart) {
    if ((fact.mvel().equals("productType") || fact.mvel().equals("debt.productType"))
        && otherStart.kind() == Kind.STRING && other.mvel().equals("'" + otherStart.text() + "'")) {
      try {
        ProductType.valueOf(otherStart.text());
      } catch (IllegalArgumentException e) {
        throw new RuleSyntaxException(otherStart.text(), otherStart.column(), "not a product type; one of "
            + List.of(ProductType.values()));
      }
    }
  }

  private Node primary() {
    Token t = next();
    switch (t.kind()) {
      case NUMBER -> {
        BigDecimal value = new BigDecimal(t.text());
        return new Node(Type.NUMBER, literal(value), 0, value);
      }
      case STRING -> {
        return new Node(Type.STRING, "'" + t.text() + "'");
      }
      case LPAREN -> {
        enter();
        Node inner = or();
        depth--;
        Token close = next();
        if (close.kind() != Kind.RPAREN) {
          throw new RuleSyntaxException(close.shown(), close.column(), "')' expected");
        }
        return nest(inner.type(), "(" + inner.mvel() + ")", inner.constant(), t, inner);
      }
      case NAME -> {
        return name(t);
      }
      default -> throw new RuleSyntaxException(t.shown(), t.column(), t.kind() == Kind.END
          ? "the condition ends too early" : "a value, name or '(' was expected here");
    }
  }

  private Node name(Token t) {
    String id = t.text();
    if (id.equals("true") || id.equals("false")) {
      return new Node(Type.BOOLEAN, id);
    }
    if (peek().kind() == Kind.LPAREN) {
      if (!FUNCTIONS.contains(id)) {
        throw new RuleSyntaxException(id, t.column(), "not an allowed function; allowed: " + FUNCTIONS);
      }
      return call(t);
    }
    if (FactCatalog.FACTS.contains(id)) {
      Token dot = next();
      if (dot.kind() != Kind.DOT) {
        throw new RuleSyntaxException(id, t.column(), "a fact is used through one of its properties: " + id + "."
            + FactCatalog.propertiesOf(id));
      }
      Token prop = next();
      String path = id + "." + prop.text();
      Type type = prop.kind() == Kind.NAME ? FactCatalog.typeOf(path) : null;
      if (type == null) {
        throw new RuleSyntaxException(prop.shown(), prop.column(), "not a property of " + id + "; allowed: "
            + FactCatalog.propertiesOf(id));
      }
      reads.add(path);
      return new Node(type, path);
    }
    Type type = FactCatalog.typeOf(id);
    if (type == null) {
      throw new RuleSyntaxException(id, t.column(), "not a fact, property or function; allowed names: facts "
          + FactCatalog.FACTS + ", " + FactCatalog.topLevel() + ", functions " + FUNCTIONS);
    }
    reads.add(id);
    return new Node(type, id);
  }

  private Node call(Token fn) {
    next(); // (
    List<Node> args = new ArrayList<>();
    List<Token> argTokens = new ArrayList<>();
    if (peek().kind() != Kind.RPAREN) {
      enter();
      do {
        argTokens.add(peek());
        args.add(or());
      } while (peek().kind() == Kind.COMMA && next() != null);
      depth--;
    }
    Token close = next();
    if (close.kind() != Kind.RPAREN) {
      throw new RuleSyntaxException(close.shown(), close.column(), "')' or ',' expected in the arguments of "
          + fn.text());
    }
    switch (fn.text()) {
      case "min", "max" -> {
        arity(fn, args, 2);
        return nest(Type.NUMBER, "fenqi" + (fn.text().equals("min") ? "Min" : "Max") + "(" + num(args.get(0), fn)
            + ", " + num(args.get(1), fn) + ")", fn, args.get(0), args.get(1));
      }
      case "abs" -> {
        arity(fn, args, 1);
        return nest(Type.NUMBER, "fenqiAbs(" + num(args.get(0), fn) + ")", fn, args.get(0));
      }
      case "hasHardship" -> {
        arity(fn, args, 1);
        String name = literalString(fn, argTokens.get(0), args.get(0));
        try {
          Hardship.valueOf(name);
        } catch (IllegalArgumentException e) {
          throw new RuleSyntaxException(name, argTokens.get(0).column(), "not a hardship; one of "
              + List.of(Hardship.values()));
        }
        reads.add("borrower." + Functions.HARDSHIPS_KEY);
        return new Node(Type.BOOLEAN, "fenqiHasHardship(borrower, '" + name + "')");
      }
      case "daysSince" -> {
        arity(fn, args, 1);
        String text = literalString(fn, argTokens.get(0), args.get(0));
        LocalDate date;
        try { // exactly YYYY-MM-DD, as a case's and a policy's dates: LocalDate.parse took '+12026-01-01'
          date = Dates.day("daysSince", text);
        } catch (InvalidInputException e) {
          throw new RuleSyntaxException(text, argTokens.get(0).column(), e.problems().get(0).reason());
        }
        reads.add("asOf.epochDay");
        return new Node(Type.NUMBER, "(asOf.epochDay - " + date.toEpochDay() + "B)");
      }
      default -> throw new IllegalStateException("function without a rendering: " + fn.text());
    }
  }

  private static String literalString(Token fn, Token arg, Node node) {
    if (node.type() != Type.STRING || arg.kind() != Kind.STRING) {
      throw new RuleSyntaxException(arg.shown(), arg.column(), fn.text() + " takes one quoted string");
    }
    return arg.text();
  }

  private static void arity(Token fn, List<Node> args, int n) {
    if (args.size() != n) {
      throw new RuleSyntaxException(fn.text(), fn.column(), "takes " + n + " argument" + (n == 1 ? "" : "s")
          + ", got " + args.size());
    }
  }

  private static String num(Node n, Token op) {
    if (n.type() != Type.NUMBER) {
      throw new RuleSyntaxException(op.text(), op.column(), "needs numbers, got a " + name(n.type()));
    }
    return n.mvel();
  }

  private static String bool(Node n, Token op) {
    if (n.type() != Type.BOOLEAN) {
      throw new RuleSyntaxException(op.text(), op.column(), "needs true/false operands, got a " + name(n.type()));
    }
    return n.mvel();
  }

  private static String name(Type t) {
    return t.name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * One level more of parentheses (a function's too) or of {@code !}/{@code -} signs, refused beyond {@link #MAX_DEPTH}.
   * The condition itself is no level: counted as one, it had refused 48 parentheses, which the README allows.
   */
  private void enter() {
    if (++depth > MAX_DEPTH) {
      Token t = peek();
      throw new RuleSyntaxException(t.shown(), t.column(), "nested deeper than " + MAX_DEPTH + " levels");
    }
  }
}
