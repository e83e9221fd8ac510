package io.github.fenqi.rules.internal;

import io.github.fenqi.core.debt.DebtComponent;
import io.github.fenqi.core.money.Decimals;
import io.github.fenqi.core.money.Ratio;
import io.github.fenqi.core.policy.PolicyAdjustment;
import io.github.fenqi.rules.internal.Lexer.Kind;
import io.github.fenqi.rules.internal.Lexer.Token;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome a rule records when its condition holds — one call of the restricted action vocabulary, parsed
 * here and never executed as MVEL:
 * <ul>
 *   <li>{@code eligible()}: the debt passes the rules; rules of lower priority are not evaluated for it;
 *   <li>{@code ineligible("REASON_CODE", "message")}: the debt may not be negotiated;
 *   <li>{@code capWaiver("interest", 0.3)}: a lower waiver cap for one component (its JSON name);
 *   <li>{@code maxInstallments(24)}: a shorter maximum term in months;
 *   <li>{@code minDownPayment(0.1)}: a higher minimum down-payment ratio.
 * </ul>
 *
 * <p>Thread-safety: immutable.
 */
public sealed interface RuleAction {

  /** The action as a rule file spells it (canonical form). */
  String text();

  /** {@code eligible()}. */
  record Eligible() implements RuleAction {
    @Override
    public String text() {
      return "eligible()";
    }
  }

  /** {@code ineligible(code, message)}. */
  record Ineligible(String code, String message) implements RuleAction {
    @Override
    public String text() {
      return "ineligible(\"" + code + "\", \"" + message + "\")";
    }
  }

  /** {@code capWaiver}, {@code maxInstallments} or {@code minDownPayment}. */
  record Adjust(PolicyAdjustment adjustment, String text) implements RuleAction {}

  /** The allowed action names. */
  List<String> NAMES = List.of("eligible", "ineligible", "capWaiver", "maxInstallments", "minDownPayment");

  /**
   * Parses one action.
   *
   * @throws RuleSyntaxException naming the offending token
   */
  static RuleAction parse(String text) {
    List<Token> t = Lexer.tokens(text);
    Token name = at(t, 0);
    if (name.kind() != Kind.NAME || !NAMES.contains(name.text())) {
      throw new RuleSyntaxException(name.shown(), name.column(), "not an allowed action; allowed: " + NAMES);
    }
    if (at(t, 1).kind() != Kind.LPAREN) {
      throw new RuleSyntaxException(at(t, 1).shown(), at(t, 1).column(), "'(' expected after " + name.text());
    }
    List<Token> args = new ArrayList<>();
    int i = 2;
    if (at(t, i).kind() != Kind.RPAREN) {
      while (true) {
        Token a = at(t, i++);
        if (a.kind() != Kind.STRING && a.kind() != Kind.NUMBER) {
          throw new RuleSyntaxException(a.shown(), a.column(), "action arguments are quoted strings or numbers");
        }
        args.add(a);
        Token sep = at(t, i++);
        if (sep.kind() == Kind.RPAREN) {
          break;
        }
        if (sep.kind() != Kind.COMMA) {
          throw new RuleSyntaxException(sep.shown(), sep.column(), "',' or ')' expected");
        }
      }
    } else {
      i++;
    }
    Token end = at(t, i);
    if (end.kind() != Kind.END) {
      throw new RuleSyntaxException(end.shown(), end.column(), "an action is a single call");
    }
    return switch (name.text()) {
      case "eligible" -> {
        arity(name, args, List.of());
        yield new Eligible();
      }
      case "ineligible" -> {
        arity(name, args, List.of(Kind.STRING, Kind.STRING));
        String code = args.get(0).text();
        if (!code.matches("[A-Z][A-Z0-9_]{0,63}")) {
          throw new RuleSyntaxException(code, args.get(0).column(),
              "a reason code is UPPER_SNAKE_CASE, e.g. \"BALANCE_TOO_SMALL\"");
        }
        if (args.get(1).text().isBlank()) {
          throw new RuleSyntaxException("\"\"", args.get(1).column(), "the message must say why, for people");
        }
        yield new Ineligible(code, args.get(1).text());
      }
      case "capWaiver" -> {
        arity(name, args, List.of(Kind.STRING, Kind.NUMBER));
        DebtComponent component = component(args.get(0));
        Ratio cap = ratio(args.get(1));
        yield new Adjust(new PolicyAdjustment(Map.of(component, cap), Optional.empty(), Optional.empty()),
            "capWaiver(\"" + component.jsonName() + "\", " + cap + ")");
      }
      case "maxInstallments" -> {
        arity(name, args, List.of(Kind.NUMBER));
        Token a = args.get(0);
        if (!a.text().matches("\\d{1,3}") || Integer.parseInt(a.text()) < 1 || Integer.parseInt(a.text()) > 360) {
          throw new RuleSyntaxException(a.text(), a.column(), "a whole number of months in 1..360");
        }
        int months = Integer.parseInt(a.text());
        yield new Adjust(new PolicyAdjustment(Map.of(), Optional.of(months), Optional.empty()),
            "maxInstallments(" + months + ")");
      }
      case "minDownPayment" -> {
        arity(name, args, List.of(Kind.NUMBER));
        Ratio r = ratio(args.get(0));
        yield new Adjust(new PolicyAdjustment(Map.of(), Optional.empty(), Optional.of(r)), "minDownPayment(" + r + ")");
      }
      default -> throw new IllegalStateException("action without a meaning: " + name.text());
    };
  }

  private static Token at(List<Token> t, int i) {
    return t.get(Math.min(i, t.size() - 1)).orThrow();
  }

  private static void arity(Token name, List<Token> args, List<Kind> kinds) {
    boolean ok = args.size() == kinds.size();
    for (int i = 0; ok && i < kinds.size(); i++) {
      ok = args.get(i).kind() == kinds.get(i);
    }
    if (!ok) {
      String want = kinds.stream().map(k -> k == Kind.STRING ? "string" : "number").toList().toString();
      throw new RuleSyntaxException(name.text(), name.column(), "takes " + (kinds.isEmpty() ? "no arguments"
          : "(" + want.substring(1, want.length() - 1) + ")"));
    }
  }

  private static DebtComponent component(Token a) {
    for (DebtComponent c : DebtComponent.values()) {
      if (c.jsonName().equals(a.text())) {
        return c;
      }
    }
    throw new RuleSyntaxException(a.text(), a.column(), "not a debt component; one of "
        + java.util.Arrays.stream(DebtComponent.values()).map(DebtComponent::jsonName).toList());
  }

  private static Ratio ratio(Token a) {
    BigDecimal v = new BigDecimal(a.text());
    if (v.compareTo(BigDecimal.ONE) > 0) {
      throw new RuleSyntaxException(a.text(), a.column(), "a ratio in 0..1, e.g. 0.3 for 30%");
    }
    // checked here, as the range is: Ratio's own refusal escaped the reader as a bare "ratio: ... has 41 decimals",
    // naming neither the file nor the rule, out of check, open and a reload alike
    if (v.scale() > Decimals.MAX_FRACTION_DECIMALS) {
      throw new RuleSyntaxException(a.text(), a.column(), "a ratio has at most " + Decimals.MAX_FRACTION_DECIMALS
          + " decimals");
    }
    return Ratio.of(v);
  }
}
