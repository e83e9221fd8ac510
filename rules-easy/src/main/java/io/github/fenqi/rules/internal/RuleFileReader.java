package io.github.fenqi.rules.internal;

import io.github.fenqi.core.Problem;
import java.io.Serializable;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jeasy.rules.support.RuleDefinition;
import org.jeasy.rules.support.reader.JsonRuleDefinitionReader;
import org.jeasy.rules.support.reader.RuleDefinitionReader;
import org.jeasy.rules.support.reader.YamlRuleDefinitionReader;
import org.jspecify.annotations.Nullable;
import org.mvel2.MVEL;
import org.mvel2.ParserContext;

/**
 * Reads one rule file in Easy Rules' YAML rule-definition format (documents separated by {@code ---}) or, for a
 * {@code .json} file, its JSON format (an array of rule objects), each with {@code name}, {@code description},
 * {@code priority}, {@code condition}, {@code actions}; checks every field strictly (unknown keys, wrong types and composite rules are problems, not silent defaults), checks
 * each condition and action against the allow-list and only then compiles the canonical condition with MVEL.
 * Nothing of the file is executed.
 *
 * <p>Thread-safety: stateless; each call uses its own reader.
 */
public final class RuleFileReader {
  private static final Set<String> KEYS = Set.of("name", "description", "priority", "condition", "actions");

  /** The outcome of reading one file: its rules when valid, otherwise every problem found. */
  public record Result(List<CompiledRule> rules, List<Problem> problems) {
    public Result {
      rules = List.copyOf(rules);
      problems = List.copyOf(problems);
    }

    public boolean valid() {
      return problems.isEmpty();
    }
  }

  private RuleFileReader() {}

  /** Reads {@code bytes} as the rule file {@code fileName}. */
  public static Result read(String fileName, byte[] bytes) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return new Result(List.of(), List.of(Problem.of(fileName, "is not UTF-8 text")));
    }
    boolean json = fileName.endsWith(".json");
    Strictness strictness = new Strictness(fileName);
    List<RuleDefinition> definitions;
    try {
      // Easy Rules' own readers (YAML: documents separated by ---; JSON: an array of rule objects), made strict
      RuleDefinitionReader reader = json ? new JsonRuleDefinitionReader() {
        @Override protected RuleDefinition createRuleDefinition(Map<String, Object> map) {
          return strictness.definition(map, super::createRuleDefinition);
        }
      } : new YamlRuleDefinitionReader() {
        @Override protected RuleDefinition createRuleDefinition(Map<String, Object> map) {
          return strictness.definition(map, super::createRuleDefinition);
        }
      };
      definitions = reader.read(new StringReader(text));
    } catch (Exception e) {
      return new Result(List.of(), List.of(Problem.of(fileName, "is not a " + (json ? "JSON" : "YAML")
          + " rule-definition file: " + oneLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()))));
    }
    // every problem of the file at once: a rule's structure, its name, its condition and each action are checked
    // whatever else is wrong with it or with the rules before it (only a malformed rule's placeholder is skipped)
    List<Problem> problems = new ArrayList<>(strictness.problems);
    List<CompiledRule> rules = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (RuleDefinition d : definitions) {
      if (strictness.isPlaceholder(d)) { // a malformed rule, already reported
        continue;
      }
      String where = "rule '" + d.getName() + "'";
      boolean bad = false;
      if (!names.add(d.getName())) {
        problems.add(Problem.of(fileName, where + ": the name is used by an earlier rule of the file"));
        bad = true;
      }
      ConditionParser.Parsed parsed = null;
      try {
        parsed = ConditionParser.parse(d.getCondition());
      } catch (RuleSyntaxException e) {
        problems.add(Problem.of(fileName, where + ": condition: " + e.getMessage()));
        bad = true;
      }
      List<RuleAction> actions = new ArrayList<>();
      for (int i = 0; i < d.getActions().size(); i++) {
        try {
          actions.add(RuleAction.parse(d.getActions().get(i)));
        } catch (RuleSyntaxException e) {
          problems.add(Problem.of(fileName, where + ": actions[" + i + "]: " + e.getMessage()));
          bad = true;
        }
      }
      if (bad || parsed == null) {
        continue;
      }
      boolean eligible = actions.stream().anyMatch(a -> a instanceof RuleAction.Eligible);
      long ineligible = actions.stream().filter(a -> a instanceof RuleAction.Ineligible).count();
      if (ineligible > 1 || (eligible && ineligible > 0)) {
        problems.add(Problem.of(fileName, where + ": actions: a rule records at most one of eligible() and "
            + "ineligible(...)"));
        continue;
      }
      Serializable compiled;
      try {
        compiled = compile(parsed.mvel());
      } catch (RuntimeException e) {
        problems.add(Problem.of(fileName, where + ": condition could not be compiled: " + oneLine(String.valueOf(
            e.getMessage()))));
        continue;
      }
      rules.add(new CompiledRule(fileName, d.getName(), d.getDescription(), d.getPriority(), d.getCondition(), parsed,
          compiled, actions));
    }
    return problems.isEmpty() ? new Result(rules, List.of()) : new Result(List.of(), problems);
  }

  /** Compiles a canonical condition, with the whitelisted functions imported under their internal names. */
  static Serializable compile(String canonicalMvel) {
    ParserContext context = new ParserContext();
    try {
      context.addImport("fenqiMin", Functions.class.getMethod("fenqiMin", java.math.BigDecimal.class,
          java.math.BigDecimal.class));
      context.addImport("fenqiMax", Functions.class.getMethod("fenqiMax", java.math.BigDecimal.class,
          java.math.BigDecimal.class));
      context.addImport("fenqiAbs", Functions.class.getMethod("fenqiAbs", java.math.BigDecimal.class));
      context.addImport("fenqiHasHardship", Functions.class.getMethod("fenqiHasHardship", Map.class, String.class));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("whitelisted function missing", e);
    }
    return MVEL.compileExpression(canonicalMvel, context);
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").trim();
  }

  /** The strict checks of every definition, made before Easy Rules reads it; collects the problems of one file. */
  private static final class Strictness {
    private final String fileName;
    private final List<Problem> problems = new ArrayList<>();
    private final Set<RuleDefinition> placeholders = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private int index;

    Strictness(String fileName) {
      this.fileName = fileName;
    }

    /**
     * Easy Rules' definition of {@code map} when it is well-formed, or when only its other fields are wrong and its
     * name, condition and actions can still be checked (its problems recorded either way); otherwise a placeholder.
     */
    RuleDefinition definition(@Nullable Map<String, Object> map, Function<Map<String, Object>, RuleDefinition> easyRules) {
      if (accepts(map)) {
        return easyRules.apply(map);
      }
      if (map != null && map.get("name") instanceof String n && !n.isBlank() && map.get("condition") instanceof String c
          && !c.isBlank() && map.get("actions") instanceof List<?> l && !l.isEmpty()
          && l.stream().allMatch(a -> a instanceof String)) {
        try { // reported already; built anyway so that its condition and actions are checked too
          return easyRules.apply(map);
        } catch (RuntimeException e) { // a field of the wrong type Easy Rules casts (priority: high)
        }
      }
      RuleDefinition placeholder = placeholder();
      placeholders.add(placeholder);
      return placeholder;
    }

    /** Whether {@code d} stands in for a malformed rule whose problems are already listed. */
    boolean isPlaceholder(RuleDefinition d) {
      return placeholders.contains(d);
    }

    private boolean accepts(@Nullable Map<String, Object> map) {
      String where = "rule #" + (++index);
      List<String> wrong = new ArrayList<>();
      if (map == null) {
        problems.add(Problem.of(fileName, where + ": is empty"));
        return false;
      }
      if (map.get("name") instanceof String n && !n.isBlank()) {
        where = "rule '" + n + "'";
        if (n.length() > 100) {
          wrong.add("name: longer than 100 characters");
        }
      } else {
        wrong.add("name: " + (map.containsKey("name") ? "must be a non-empty string (quote it)" : "is required"));
      }
      for (String key : map.keySet()) {
        if (!KEYS.contains(key)) {
          wrong.add(key + ": " + (key.equals("compositeRuleType") || key.equals("composingRules")
              ? "composite rules are not supported; write one rule per outcome"
              : "is not a rule field; expected " + List.of("name", "description", "priority", "condition", "actions")));
        }
      }
      if (!(map.get("description") instanceof String s) || s.isBlank()) {
        wrong.add("description: is required (a sentence for people)");
      }
      if (!(map.get("priority") instanceof Integer)) {
        wrong.add("priority: " + (map.containsKey("priority") ? "must be a whole number" : "is required"
            + " (lower runs first)"));
      }
      if (!(map.get("condition") instanceof String c) || c.isBlank()) {
        wrong.add("condition: is required and must be a string");
      }
      if (!(map.get("actions") instanceof List<?> l) || l.isEmpty() || !l.stream().allMatch(a -> a instanceof String)) {
        wrong.add("actions: must be a non-empty list of strings such as ineligible(\"CODE\", \"why\")");
      }
      for (String w : wrong) {
        problems.add(Problem.of(fileName, where + ": " + w));
      }
      return wrong.isEmpty();
    }

    static RuleDefinition placeholder() {
      RuleDefinition d = new RuleDefinition();
      d.setCondition("false");
      d.setActions(List.of("eligible()"));
      return d;
    }
  }
}
