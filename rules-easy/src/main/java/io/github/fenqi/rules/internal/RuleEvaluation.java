package io.github.fenqi.rules.internal;

import io.github.fenqi.core.debt.DebtComponent;
import io.github.fenqi.core.money.Ratio;
import io.github.fenqi.core.policy.EligibilityCheck;
import io.github.fenqi.core.policy.Policy;
import io.github.fenqi.core.policy.PolicyAdjustment;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jeasy.rules.api.Facts;
import org.jeasy.rules.api.Rule;
import org.jeasy.rules.core.BasicRule;
import org.jspecify.annotations.Nullable;

/**
 * The state of one evaluation of one debt's rules, carried in the Easy Rules {@link Facts} under
 * {@link #FACT}: the MVEL variables, the checks recorded so far, the adjustment and whether a rule made the
 * debt ineligible or passed it with {@code eligible()}. A rule whose condition cannot be evaluated (say a
 * division by zero) makes the debt ineligible with the check {@code RULE_ERROR} — a broken rule never lets a
 * debt through silently. An adjustment no stricter than the policy's own value ({@code capWaiver("interest", 1)}
 * under a cap of 0.5) changes nothing, since a rule only tightens, and its check says so: it had read as applied,
 * as if the rule had raised the cap.
 *
 * <p>Thread-safety: confined to the evaluating thread.
 */
public final class RuleEvaluation {
  /** The fact name of this object; not a name a condition can spell. */
  public static final String FACT = "__fenqi_evaluation";
  /** The check code of a rule that could not be evaluated. */
  public static final String RULE_ERROR = "RULE_ERROR";

  private final Map<String, Object> variables;
  private final Policy policy;
  private final List<EligibilityCheck> checks = new ArrayList<>();
  private PolicyAdjustment adjustment = PolicyAdjustment.NONE;
  private boolean ineligible;
  private @Nullable CompiledRule passedBy;

  /** The evaluation of one debt under {@code policy}, whose facts are {@code variables}. */
  public RuleEvaluation(Map<String, Object> variables, Policy policy) {
    this.variables = variables;
    this.policy = policy;
  }

  /**
   * The Easy Rules rule of a compiled rule, named {@code file:name}: its condition and action act on the evaluation in
   * the facts.
   */
  public static Rule toEasyRule(CompiledRule r) {
    return new FileRule(r);
  }

  /**
   * A rule of a rule file, told apart and ordered by priority, then file name, then rule name. Easy Rules keeps a rule
   * set in a sorted set that tells rules apart by priority and name alone, and the name {@code file:name} does not tell
   * the file from the rule when either holds a {@code ':'}: a rule {@code a.yml:r} of {@code _shared.yml} and a rule
   * {@code r} of a file named {@code _shared.yml:a.yml} were one rule to it, and the second never ran, without a word.
   *
   * <p>Thread-safety: immutable.
   */
  private static final class FileRule extends BasicRule {
    private static final Comparator<CompiledRule> ORDER = Comparator.comparingInt(CompiledRule::priority)
        .thenComparing(CompiledRule::file).thenComparing(CompiledRule::name);
    private final CompiledRule rule;

    FileRule(CompiledRule rule) {
      super(rule.file() + ":" + rule.name(), rule.description(), rule.priority());
      this.rule = rule;
    }

    @Override
    public boolean evaluate(Facts facts) {
      return of(facts).test(rule);
    }

    @Override
    public void execute(Facts facts) {
      of(facts).apply(rule);
    }

    @Override
    public int compareTo(Rule other) {
      return other instanceof FileRule f ? ORDER.compare(rule, f.rule) : super.compareTo(other);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof FileRule f && ORDER.compare(rule, f.rule) == 0;
    }

    @Override
    public int hashCode() {
      return Objects.hash(rule.priority(), rule.file(), rule.name());
    }
  }

  private static RuleEvaluation of(Facts facts) {
    RuleEvaluation e = facts.get(FACT);
    if (e == null) {
      throw new IllegalStateException("rules evaluated without their evaluation state");
    }
    return e;
  }

  public List<EligibilityCheck> checks() {
    return checks;
  }

  public PolicyAdjustment adjustment() {
    return adjustment;
  }

  public boolean ineligible() {
    return ineligible;
  }

  boolean test(CompiledRule r) {
    String code = r.ineligible().map(RuleAction.Ineligible::code).orElse(r.name());
    String required = r.ineligible().isPresent() ? "not (" + r.condition() + ")" : r.condition();
    // eligible() passes over the rules of lower priority only: a rule of the same priority still runs, so which of two
    // such rules wins does not depend on their names (Easy Rules orders equal priorities by name)
    if (passedBy != null && r.priority() > passedBy.priority()) {
      checks.add(new EligibilityCheck(code, true, "", required, "rule '" + r.name() + "' not evaluated: rule '"
          + passedBy.name() + "' passed the debt first (eligible())"));
      return false;
    }
    Object value;
    try {
      value = Mvel.execute(r.compiled(), variables);
    } catch (RuntimeException e) {
      ineligible = true;
      checks.add(new EligibilityCheck(RULE_ERROR, false, actual(r), r.condition(), "rule '" + r.name() + "' ("
          + r.file() + ") could not be evaluated (" + (e instanceof ArithmeticException a ? a.getMessage()
          : e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).replaceAll("\\s+", " "))
          + "); the debt is held ineligible until it is fixed"));
      return false;
    }
    if (!Boolean.TRUE.equals(value)) {
      checks.add(new EligibilityCheck(code, true, actual(r), required, "rule '" + r.name() + "' does not apply: "
          + r.condition() + " is false"));
      return false;
    }
    return true;
  }

  void apply(CompiledRule r) {
    String actual = actual(r);
    StringBuilder done = new StringBuilder();
    for (RuleAction a : r.actions()) {
      if (a instanceof RuleAction.Ineligible i) {
        ineligible = true;
        checks.add(new EligibilityCheck(i.code(), false, actual, "not (" + r.condition() + ")", i.message()
            + " (rule '" + r.name() + "' in " + r.file() + ": " + r.condition() + ")"));
        return;
      } else if (a instanceof RuleAction.Eligible) {
        passedBy = r;
      } else if (a instanceof RuleAction.Adjust adj) {
        adjustment = adjustment.and(adj.adjustment());
      }
      done.append(done.length() == 0 ? "" : ", ").append(a.text())
          .append(a instanceof RuleAction.Adjust adj ? noEffect(adj.adjustment()) : "");
    }
    checks.add(new EligibilityCheck(r.name(), true, actual, r.condition(), "rule '" + r.name() + "' (" + r.file()
        + ") applied: " + done));
  }

  /** Why an adjustment leaves the policy's terms as they are, if it does: it is no stricter than the policy. */
  private String noEffect(PolicyAdjustment a) {
    String tail = ", and a rule only tightens)";
    for (Map.Entry<DebtComponent, Ratio> cap : a.waiverCaps().entrySet()) {
      Ratio own = policy.waiverCap(cap.getKey());
      if (cap.getValue().compareTo(own) >= 0) {
        return " (no effect: the policy's " + cap.getKey().jsonName() + " cap is " + own + tail;
      }
    }
    List<Integer> terms = policy.allowedTerms();
    int longest = terms.get(terms.size() - 1);
    if (a.maxInstallments().filter(m -> m >= longest).isPresent()) {
      return " (no effect: the policy's longest term is " + longest + " installments" + tail;
    }
    Ratio down = policy.downPayment().minRatio();
    if (a.minDownPaymentRatio().filter(r -> r.compareTo(down) <= 0).isPresent()) {
      return " (no effect: the policy's least down payment is " + down + tail;
    }
    return "";
  }

  /** The values the rule's condition reads: {@code debt.overdueDays=120, hasHardshipProof=true}. */
  private String actual(CompiledRule r) {
    StringBuilder sb = new StringBuilder();
    for (String path : r.parsed().reads()) {
      Object v = FactCatalog.read(variables, path);
      sb.append(sb.length() == 0 ? "" : ", ").append(path).append('=')
          .append(v instanceof BigDecimal d ? d.toPlainString() : v);
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return "RuleEvaluation[" + checks.size() + " checks, ineligible=" + ineligible + "]";
  }
}
