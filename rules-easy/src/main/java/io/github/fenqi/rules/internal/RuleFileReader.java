package io.github.fenqi.rules.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.fenqi.core.InputFiles;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.TextFields;
import io.github.fenqi.core.json.FenqiJson;
import java.io.Reader;
import java.io.Serializable;
import java.io.StringReader;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jeasy.rules.support.RuleDefinition;
import org.jeasy.rules.support.reader.JsonRuleDefinitionReader;
import org.jeasy.rules.support.reader.RuleDefinitionReader;
import org.jeasy.rules.support.reader.YamlRuleDefinitionReader;
import org.jspecify.annotations.Nullable;
import org.mvel2.MVEL;
import org.mvel2.ParserContext;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.Construct;
import org.yaml.snakeyaml.constructor.ConstructorException;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads one rule file in Easy Rules' YAML rule-definition format (documents separated by {@code ---}) or, for a
 * {@code .json} file, its JSON format (an array of rule objects), each with {@code name}, {@code description},
 * {@code priority}, {@code condition}, {@code actions}; checks every field strictly (unknown and repeated keys, wrong types, YAML 1.1 integers such as {@code 010}, content
 * after a JSON array and composite rules are problems, not silent defaults), checks
 * each condition and action against the allow-list and only then compiles the canonical condition with MVEL.
 * Nothing of the file is executed.
 *
 * <p>Thread-safety: stateless; each call uses its own reader.
 */
public final class RuleFileReader {
  private static final List<String> KEY_ORDER = List.of("name", "description", "priority", "condition", "actions");
  private static final Set<String> KEYS = Set.copyOf(KEY_ORDER);
  /** The longest rule name, in characters. */
  private static final int MAX_NAME_LENGTH = 100;

  /**
   * The outcome of reading one file: its rules when valid, otherwise every problem found.
   *
   * <p>Thread-safety: immutable.
   */
  public record Result(List<CompiledRule> rules, List<Problem> problems) {
    public Result {
      rules = List.copyOf(rules);
      problems = List.copyOf(problems);
    }

    public boolean valid() {
      return problems.isEmpty();
    }
  }

  /** Jackson, strict: a repeated key is an error (Jackson's default: the last wins). */
  private static final ObjectMapper STRICT_JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  /** Jackson as it comes, for the lines of a JSON rule file: a repeated key is the strict reader's to report. */
  private static final JsonFactory LINES_JSON = new JsonFactory();
  /** A whole number as people write it; YAML 1.1 would also read 010 as 8, 0x10, 1_0 and 1:30 (90) as integers. */
  private static final Pattern DECIMAL_INT = Pattern.compile("[-+]?(0|[1-9][0-9]*)");

  private RuleFileReader() {}

  /**
   * SnakeYAML, strict: a repeated key is an error (SnakeYAML's default: the last wins), only YAML's standard types
   * are built, and only decimal digits make a whole number.
   */
  private static Yaml strictYaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    Resolver decimalIntegers = new Resolver() {
      @Override public Tag resolve(NodeId kind, String value, boolean implicit) {
        Tag tag = super.resolve(kind, value, implicit);
        return Tag.INT.equals(tag) && !DECIMAL_INT.matcher(value).matches() ? Tag.STR : tag;
      }
    };
    DumperOptions dumper = new DumperOptions();
    return new Yaml(new DecimalIntConstructor(options), new Representer(dumper), dumper, options, decimalIntegers);
  }

  /**
   * SnakeYAML's safe constructor, except that a scalar tagged {@code !!int} is a whole number only in plain decimal
   * digits too: the resolver sees only untagged scalars, so {@code priority: !!int 010} was read as octal 8 (and
   * {@code !!int 0x10} as 16, {@code !!int 1:30} as 90) without a word while {@code priority: 010} was a problem,
   * and {@code !!int 08} failed the file with Java's "For input string: "8" under radix 8" and no line. Such a
   * scalar is built as a {@link TaggedInt}, which the field checks name with its line.
   */
  private static final class DecimalIntConstructor extends LocatingConstructor {
    DecimalIntConstructor(LoaderOptions options) {
      super(options);
      Construct yamlInt = yamlConstructors.get(Tag.INT);
      yamlConstructors.put(Tag.INT, new AbstractConstruct() {
        @Override public Object construct(Node node) {
          return node instanceof ScalarNode scalar && !DECIMAL_INT.matcher(scalar.getValue()).matches()
              ? new TaggedInt(scalar.getValue(), node.getStartMark().getLine() + 1) : yamlInt.construct(node);
        }
      });
    }
  }

  /**
   * SnakeYAML's safe constructor naming the node it could not build, and where: a standard tag on the wrong kind of
   * node ({@code priority: !!int []}, {@code !!set 1}) failed the file with Java's "class
   * org.yaml.snakeyaml.nodes.SequenceNode cannot be cast to class org.yaml.snakeyaml.nodes.ScalarNode ...", and
   * {@code !!float x} with "For input string: "x"", both with no line.
   */
  private static class LocatingConstructor extends SafeConstructor {
    LocatingConstructor(LoaderOptions options) {
      super(options);
    }

    @Override protected Object constructObject(Node node) {
      try {
        return super.constructObject(node);
      } catch (MarkedYAMLException e) {
        throw e;
      } catch (YAMLException | ClassCastException | IllegalArgumentException e) {
        String tag = node.getTag().getValue().startsWith(Tag.PREFIX)
            ? "!!" + node.getTag().getValue().substring(Tag.PREFIX.length()) : node.getTag().getValue();
        String what = node instanceof ScalarNode scalar ? "'" + Problem.excerpt(scalar.getValue()) + "'"
            : node instanceof SequenceNode ? "a list" : "a mapping";
        throw new Unbuildable(what + " tagged " + tag + " cannot be read as that type", node.getStartMark());
      }
    }
  }

  /** A node SnakeYAML could not build, with where it is. */
  private static final class Unbuildable extends ConstructorException {
    private static final long serialVersionUID = 1L;

    Unbuildable(String problem, Mark at) {
      super(null, null, problem, at);
    }
  }

  /** A scalar tagged {@code !!int} that is not in plain decimal digits, and its line (1-based) in the file. */
  private record TaggedInt(String text, int line) {}

  /** The rule objects of a file, each document or element that is not an object replaced by a {@link NotARule}. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> documents(Iterable<?> documents) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object d : documents) {
      out.add(d == null || d instanceof Map<?, ?> ? (Map<String, Object>) d : new NotARule(kind(d)));
    }
    return out;
  }

  private static String kind(Object value) {
    return value instanceof List<?> ? "a list" : value instanceof Map<?, ?> ? "an object" : value instanceof String
        ? "a text" : value instanceof Number ? "a number" : value instanceof Boolean ? "true or false" : "a value";
  }

  /** Stands in for a YAML document or JSON array element that is not a rule object, so it is reported in its place. */
  private static final class NotARule extends AbstractMap<String, Object> {
    private final String kind;

    NotARule(String kind) {
      this.kind = kind;
    }

    @Override public Set<Entry<String, Object>> entrySet() {
      return Set.of();
    }
  }

  /** Reads {@code bytes} as the rule file {@code fileName}. */
  public static Result read(String fileName, byte[] bytes) {
    // the byte-order mark a Windows editor writes is skipped: SnakeYAML skipped it, but Jackson, reading text, refused
    // a JSON rule file with "Unexpected character ('\uFEFF' (code 65279 / 0xfeff))" (a policy file with one is read);
    // other bytes that are not UTF-8 (a file saved as GBK) are named with their line, as in a lexicon or policy file
    int bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
        ? 3 : 0;
    String text;
    try {
      text = InputFiles.utf8(bytes, bom, fileName, badByte -> String.format(Locale.ROOT, "byte 0x%02X is not UTF-8 "
          + "text (save the rule file as UTF-8, or convert it, e.g. iconv -f GBK -t UTF-8)", badByte));
    } catch (InvalidInputException e) {
      return new Result(List.of(), e.problems());
    }
    boolean json = fileName.endsWith(".json");
    Strictness strictness = new Strictness(fileName, json ? jsonLines(text) : yamlLines(text));
    List<RuleDefinition> definitions;
    try {
      // Easy Rules' own readers (YAML: documents separated by ---; JSON: an array of rule objects), made strict
      // (a repeated key, content after the JSON array, an octal or sexagesimal priority are problems, not last-wins
      // or silently converted; a document that is not a mapping is reported as such, not as a Java cast error)
      RuleDefinitionReader reader = json ? new JsonRuleDefinitionReader() {
        @Override protected Iterable<Map<String, Object>> loadRules(Reader in) throws Exception {
          Object root;
          try (JsonParser parser = STRICT_JSON.createParser(in)) {
            root = parser.nextToken() == null ? null : STRICT_JSON.readValue(parser, Object.class);
            if (parser.nextToken() != null) {
              throw new IllegalArgumentException("there is more after the array of rules (line "
                  + parser.currentTokenLocation().getLineNr() + ", column "
                  + parser.currentTokenLocation().getColumnNr() + ")");
            }
          }
          if (!(root instanceof List<?> elements)) {
            throw new IllegalArgumentException("the file must hold an array of rule objects, got "
                + (root == null ? "nothing" : kind(root)));
          }
          return documents(elements);
        }

        @Override protected RuleDefinition createRuleDefinition(Map<String, Object> map) {
          return strictness.definition(map, super::createRuleDefinition);
        }
      } : new YamlRuleDefinitionReader() {
        @Override protected Iterable<Map<String, Object>> loadRules(Reader in) {
          return documents(strictYaml().loadAll(in));
        }

        @Override protected RuleDefinition createRuleDefinition(Map<String, Object> map) {
          return strictness.definition(map, super::createRuleDefinition);
        }
      };
      definitions = reader.read(new StringReader(text));
    } catch (Exception e) {
      String why = e instanceof JsonProcessingException j ? parserReason(j)
          : e instanceof MarkedYAMLException y ? parserReason(y) + ruleAt(text, y)
          : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new Result(List.of(), List.of(Problem.of(fileName, "is not a " + (json ? "JSON" : "YAML")
          + " rule-definition file: " + oneLine(why))));
    }
    // every problem of the file at once: a rule's name, its condition and each action are checked whatever else is
    // wrong with it or with the rules before it (a priority of 010 or 1.5, a description of 5, a missing name); only
    // a document that is no rule object at all has nothing to check
    List<Problem> problems = new ArrayList<>(strictness.problems);
    List<CompiledRule> rules = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (RuleDefinition d : definitions) {
      if (strictness.isPlaceholder(d)) { // not a rule object at all, already reported
        continue;
      }
      String where = strictness.where(d);
      boolean bad = strictness.isMalformed(d);
      if (d.getName() != null && !names.add(d.getName())) {
        problems.add(Problem.of(fileName, where + ": the name is used by an earlier rule of the file"
            + strictness.line(d, "name")));
        bad = true;
      }
      ConditionParser.Parsed parsed = null;
      if (d.getCondition() != null) { // a missing or non-text condition is already reported
        try {
          parsed = ConditionParser.parse(d.getCondition());
        } catch (RuleSyntaxException e) {
          problems.add(Problem.of(fileName, where + ": condition: " + e.describe(d.getCondition())
              + strictness.conditionLine(d)));
          bad = true;
        }
      }
      List<RuleAction> actions = new ArrayList<>();
      for (int i = 0; i < d.getActions().size(); i++) {
        String action = d.getActions().get(i);
        if (action == null) { // not a text, already reported
          continue;
        }
        try {
          actions.add(RuleAction.parse(action));
        } catch (RuleSyntaxException e) {
          problems.add(Problem.of(fileName, where + ": actions[" + i + "]: " + e.describe(action)
              + strictness.line(d, "actions[" + i + "]")));
          bad = true;
        }
      }
      boolean eligible = actions.stream().anyMatch(a -> a instanceof RuleAction.Eligible);
      long ineligible = actions.stream().filter(a -> a instanceof RuleAction.Ineligible).count();
      if (ineligible > 1 || (eligible && ineligible > 0)) {
        problems.add(Problem.of(fileName, where + ": actions: a rule records at most one of eligible() and "
            + "ineligible(...)" + strictness.line(d, "actions")));
        bad = true;
      }
      if (parsed == null) {
        continue;
      }
      Serializable compiled;
      try {
        compiled = compile(parsed.mvel());
      } catch (RuntimeException e) {
        // MVEL computes the parts made only of numbers while compiling; its message quotes the canonical rendering
        // ("((1B / 0B) > 0B)") and a column in it, which the rule's author never wrote
        problems.add(Problem.of(fileName, where + (e.getCause() instanceof ArithmeticException a
            ? ": condition: a part made only of numbers cannot be computed (" + a.getMessage() + ")"
            : ": condition could not be compiled: " + oneLine(String.valueOf(e.getMessage())))
            + strictness.conditionLine(d)));
        continue;
      }
      if (!bad) {
        rules.add(new CompiledRule(fileName, d.getName(), d.getDescription(), d.getPriority(), d.getCondition(),
            parsed, compiled, actions));
      }
    }
    return problems.isEmpty() ? new Result(rules, List.of()) : new Result(List.of(), problems);
  }

  /**
   * The lines (1-based) of a YAML rule file's rules, one map per document: {@code ""} the rule's first line, each key
   * the line of its value, {@code "actions[i]"} each action's. Rule problems had named the file, the rule and the
   * field but no line, where a policy file's name theirs. Empty when the file does not compose (the reader says why).
   */
  static List<Map<String, Integer>> yamlLines(String text) {
    List<Map<String, Integer>> out = new ArrayList<>();
    try {
      for (Node document : strictYaml().composeAll(new StringReader(text))) {
        Map<String, Integer> lines = new HashMap<>();
        // an empty document (a '---' with nothing after it) starts where the next one does: it has no line of its own
        if (document != null && !(document instanceof ScalarNode empty && Tag.NULL.equals(empty.getTag()))) {
          lines.put("", document.getStartMark().getLine() + 1);
          if (document instanceof MappingNode mapping) {
            for (NodeTuple t : mapping.getValue()) {
              if (t.getKeyNode() instanceof ScalarNode key) { // a null key (~) is read as the key null
                lines.putIfAbsent(Tag.NULL.equals(key.getTag()) ? "null" : key.getValue(), contentLine(t.getValueNode()));
                if (key.getValue().equals("actions") && t.getValueNode() instanceof SequenceNode actions) {
                  for (int i = 0; i < actions.getValue().size(); i++) {
                    lines.put("actions[" + i + "]", actions.getValue().get(i).getStartMark().getLine() + 1);
                  }
                }
              }
            }
          }
        }
        out.add(lines);
      }
    } catch (RuntimeException e) { // not YAML: the reader reports the file
      return List.of();
    }
    return out;
  }

  /** The line (1-based) of a YAML value's text: a block scalar's ({@code |}, {@code >}) starts after its indicator. */
  private static int contentLine(Node value) {
    boolean block = value instanceof ScalarNode scalar && (scalar.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL
        || scalar.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED);
    return value.getStartMark().getLine() + (block ? 2 : 1);
  }

  /** The lines of a JSON rule file's rules, one map per element of its array, keyed as {@link #yamlLines}'s. */
  static List<Map<String, Integer>> jsonLines(String text) {
    List<Map<String, Integer>> out = new ArrayList<>();
    try (JsonParser parser = LINES_JSON.createParser(text)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        return List.of();
      }
      for (JsonToken t = parser.nextToken(); t != null && t != JsonToken.END_ARRAY; t = parser.nextToken()) {
        Map<String, Integer> lines = new HashMap<>();
        lines.put("", parser.currentTokenLocation().getLineNr());
        if (t == JsonToken.START_OBJECT) {
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            lines.putIfAbsent(key, parser.currentTokenLocation().getLineNr());
            if (key.equals("actions") && value == JsonToken.START_ARRAY) {
              for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
                lines.put("actions[" + i + "]", parser.currentTokenLocation().getLineNr());
                parser.skipChildren();
              }
            } else {
              parser.skipChildren();
            }
          }
        } else {
          parser.skipChildren();
        }
        out.add(lines);
      }
    } catch (java.io.IOException | RuntimeException e) { // not JSON: the reader reports the file
      return List.of();
    }
    return out;
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
      for (String exact : List.of("fenqiAdd", "fenqiSubtract", "fenqiMultiply")) {
        context.addImport(exact, Functions.class.getMethod(exact, java.math.BigDecimal.class,
            java.math.BigDecimal.class));
      }
      context.addImport("fenqiNegate", Functions.class.getMethod("fenqiNegate", java.math.BigDecimal.class));
      context.addImport("fenqiHasHardship", Functions.class.getMethod("fenqiHasHardship", Map.class, String.class));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("whitelisted function missing", e);
    }
    return MVEL.compileExpression(canonicalMvel, context);
  }

  /**
   * A JSON parser's failure in the words policy files get ({@link FenqiJson#translate}): Jackson's own message named
   * its settings, an unclosed bracket's "start marker at [Source: REDACTED
   * (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1]".
   */
  private static String parserReason(JsonProcessingException e) {
    return FenqiJson.translate(e, "").problems().get(0).toString();
  }

  /**
   * A YAML parser's failure as its problem, where (1-based) and what it was parsing: SnakeYAML's message quoted its
   * input stream's name and a caret snippet, "while parsing a flow node in 'reader', line 2, column 1: ^ expected
   * ...".
   */
  private static String parserReason(MarkedYAMLException e) {
    Mark at = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    String problem = e.getProblem() != null ? e.getProblem() : String.valueOf(e.getMessage());
    return problem + (at == null ? "" : " (line " + (at.getLine() + 1) + ", column " + (at.getColumn() + 1) + ")")
        + (e.getContext() == null ? "" : ", " + e.getContext());
  }

  /**
   * {@code "; in the rule 'x' (from line 8)"}: the rule whose YAML document holds the line where the file stopped
   * parsing (a tab indenting a list), named by its {@code name:} line when that line reads alone; "" when it cannot be
   * told. Such a file had been named with the line alone, where every other problem of a rule names the rule.
   */
  private static String ruleAt(String text, MarkedYAMLException e) {
    Mark at = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    if (at == null) {
      return "";
    }
    String[] lines = text.split("\r?\n", -1);
    int start = 0;
    for (int i = 0; i < Math.min(at.getLine(), lines.length); i++) {
      start = lines[i].startsWith("---") ? i + 1 : start;
    }
    Integer first = null;
    for (int i = start; i < lines.length && !lines[i].startsWith("---"); i++) {
      String line = lines[i].strip();
      first = first == null && !line.isEmpty() && !line.startsWith("#") ? Integer.valueOf(i + 1) : first;
      if (lines[i].startsWith("name:")) {
        try {
          return strictYaml().load(lines[i]) instanceof Map<?, ?> m && m.get("name") instanceof String n
              && TextFields.check("name", n, MAX_NAME_LENGTH).isEmpty() ? "; in the rule '" + n + "' (from line "
              + first + ")" : "";
        } catch (RuntimeException notAlone) { // the name line is itself at fault, or reads only with the lines after it
          return "";
        }
      }
    }
    return "";
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").trim();
  }

  /** The strict checks of every definition, made before Easy Rules reads it; collects the problems of one file. */
  private static final class Strictness {
    private final String fileName;
    private final List<Problem> problems = new ArrayList<>();
    private final Set<RuleDefinition> placeholders = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final Map<RuleDefinition, String> malformed = new java.util.IdentityHashMap<>();
    /** The lines of each rule's parts, by the rule's place in the file ({@link #jsonLines}, {@link #yamlLines}). */
    private final List<Map<String, Integer>> lines;
    /** Each definition's place in the file, 0-based. */
    private final Map<RuleDefinition, Integer> places = new java.util.IdentityHashMap<>();
    private int index;

    Strictness(String fileName, List<Map<String, Integer>> lines) {
      this.fileName = fileName;
      this.lines = lines;
    }

    /**
     * Where in the file the part {@code key} of the rule {@code d} is, as a problem's reason ends: {@code " (line
     * 12)"}, or {@code " (in the rule at line 9)"} for a part the rule does not hold; "" when the lines are unknown.
     */
    String line(RuleDefinition d, String key) {
      Integer place = places.get(d);
      return place == null ? "" : line(place, key);
    }

    /**
     * {@link #line} of the condition of {@code d}; one written over several lines, whose problems name a line within
     * it, is placed by its first line: {@code " (the condition from line 5)"}.
     */
    String conditionLine(RuleDefinition d) {
      Integer place = places.get(d);
      Integer at = place == null ? null : lineOf(place, "condition");
      return at != null && d.getCondition() != null && d.getCondition().indexOf('\n') >= 0
          ? " (the condition from line " + at + ")" : line(d, "condition");
    }

    private String line(int place, String key) {
      Integer at = lineOf(place, key);
      if (at != null) {
        return " (line " + at + ")";
      }
      Integer rule = lineOf(place, "");
      return rule == null ? "" : " (in the rule at line " + rule + ")";
    }

    /** The line of the part {@code key} ("" for the rule itself) of the rule at {@code place}, if known. */
    private @Nullable Integer lineOf(int place, String key) {
      return place < lines.size() ? lines.get(place).get(key) : null;
    }

    /**
     * Easy Rules' definition of {@code map} when it is well-formed. Otherwise (its problems recorded) the fields that
     * can still be checked — the name, a text condition, each text action — in a definition of ours: Easy Rules casts
     * every field, so a priority of {@code 010} (read as text) or {@code 1.5} made it throw, and the rule's condition
     * and actions were never checked, a broken condition reported only after the priority was fixed. A document that
     * is no rule object gets a placeholder, skipped.
     */
    RuleDefinition definition(@Nullable Map<String, Object> map, Function<Map<String, Object>, RuleDefinition> easyRules) {
      String where = "rule #" + (index + 1);
      if (accepts(map)) {
        RuleDefinition d = easyRules.apply(map);
        places.put(d, index - 1);
        return d;
      }
      RuleDefinition d = new RuleDefinition();
      places.put(d, index - 1);
      if (map == null || map instanceof NotARule || map.isEmpty() || noRuleField(map)) {
        placeholders.add(d);
        return d;
      }
      String name = validName(map);
      d.setName(name);
      if (name != null) {
        where = "rule '" + name + "'";
      }
      d.setCondition(map.get("condition") instanceof String c && !c.isBlank() ? c : null);
      List<String> actions = new ArrayList<>();
      if (map.get("actions") instanceof List<?> l) {
        l.forEach(a -> actions.add(a instanceof String s ? s : null));
      }
      d.setActions(actions);
      malformed.put(d, where);
      return d;
    }

    /**
     * The rule's name when it is one line of visible text of at most {@value #MAX_NAME_LENGTH} characters, else null.
     * Problems quote the name raw ({@code rule 'name': ...}, one line each): a name with a line break in it forged
     * lines of {@code rules check}'s report ({@code "a\nOK  fake.yml  9 rules"}), and a zero-width character made two
     * rules' names look alike; such a name is a problem, and the rule is named by its place in the file.
     */
    private static @Nullable String validName(Map<String, Object> map) {
      return map.get("name") instanceof String n && TextFields.check("name", n, MAX_NAME_LENGTH).isEmpty() ? n : null;
    }

    /** Whether {@code d} stands in for a document that is no rule object, already reported. */
    boolean isPlaceholder(RuleDefinition d) {
      return placeholders.contains(d);
    }

    /** Whether {@code d} holds only the checkable fields of a malformed rule, whose other problems are listed. */
    boolean isMalformed(RuleDefinition d) {
      return malformed.containsKey(d);
    }

    /** How problems name the rule {@code d}: by its name, or by its place in the file when it has none. */
    String where(RuleDefinition d) {
      return malformed.getOrDefault(d, "rule '" + d.getName() + "'");
    }

    /** Whether no key of {@code map} is a rule field: not a rule at all, and nothing of it can be checked as one. */
    private static boolean noRuleField(Map<String, Object> map) {
      return map.keySet().stream().noneMatch(KEYS::contains);
    }

    private boolean accepts(@Nullable Map<String, Object> map) {
      String where = "rule #" + (++index);
      List<Map.Entry<String, String>> wrong = new ArrayList<>(); // each part named, and what is wrong
      if (map == null) {
        // a "---" after the last rule, or one before a rule commented out, makes an empty YAML document: the file's
        // other rules are not loaded, and "is empty" alone did not say where the empty rule came from
        problems.add(Problem.of(fileName, where + (fileName.endsWith(".json") ? ": is null, not a rule object"
            : ": is empty (a '---' with no rule after it, or only comments); delete that '---', or write the rule")
            + line(index - 1, "")));
        return false;
      }
      boolean yaml = !fileName.endsWith(".json");
      String perDocument = yaml ? "; a YAML rule file holds the rules themselves, one per document separated by '---'"
          : "";
      if (map instanceof NotARule n) {
        problems.add(Problem.of(fileName, where + ": is " + n.kind + ", not a rule (an object of " + KEY_ORDER + ")"
            + (yaml && n.kind.equals("a list") ? perDocument + ", not a list" : "") + line(index - 1, "")));
        return false;
      }
      if (map.isEmpty()) {
        problems.add(Problem.of(fileName, where + ": is an empty object, not a rule (an object of " + KEY_ORDER + ")"
            + line(index - 1, "")));
        return false;
      }
      if (noRuleField(map)) {
        // rules under a key ("rules:" and a list) had been checked as one rule: "name: is required" and four more
        // missing fields came before "rules: is not a rule field", and no line said what a rule file holds
        List<String> keys = map.keySet().stream().limit(5).map(k -> Problem.excerpt(String.valueOf(k))).toList();
        String more = map.size() > keys.size() ? " and " + (map.size() - keys.size()) + " more" : "";
        // rules under a key (a list) are told what a YAML file holds; a rule whose keys are all misspelt is not
        String underKey = map.entrySet().stream().filter(e -> e.getValue() instanceof List<?>).findFirst()
            .map(e -> perDocument + ", not a list under '" + Problem.excerpt(String.valueOf(e.getKey())) + ":'")
            .orElse("");
        problems.add(Problem.of(fileName, where + ": is not a rule: no key of it (" + keys + more + ") is a rule field "
            + KEY_ORDER + (yaml ? underKey : "") + line(index - 1, "")));
        return false;
      }
      String name = validName(map);
      if (name != null) {
        where = "rule '" + name + "'";
      } else if (map.get("name") instanceof String n && !n.isBlank()) {
        wrong.add(Map.entry("name", "name: " + TextFields.check("name", n, MAX_NAME_LENGTH).orElseThrow().reason()));
      } else {
        wrong.add(Map.entry("name", "name: " + (map.containsKey("name") ? "must be a non-empty string (quote it)"
            : "is required")));
      }
      for (Object k : map.keySet()) { // a YAML key may be a number, true or a list
        String key = Problem.excerpt(String.valueOf(k));
        if (!(k instanceof String known && KEYS.contains(known))) {
          wrong.add(Map.entry(String.valueOf(k), key + ": " + (key.equals("compositeRuleType")
              || key.equals("composingRules") ? "composite rules are not supported; write one rule per outcome"
              : "is not a rule field; expected " + KEY_ORDER)));
        }
      }
      if (!(map.get("description") instanceof String s) || s.isBlank()) {
        wrong.add(Map.entry("description", "description: is required (a sentence for people)"));
      }
      Object priority = map.get("priority");
      if (!(priority instanceof Integer)) {
        wrong.add(Map.entry("priority", "priority: " + (priority instanceof Long || priority instanceof java.math.BigInteger
            ? priority + " is out of range: a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE
            : priority instanceof String t ? "'" + Problem.excerpt(t) + "' must be a whole number in plain decimal digits, unquoted"
            : priority instanceof TaggedInt t ? "!!int '" + Problem.excerpt(t.text()) + "' (line " + t.line() + ") must "
                + "be a whole number in plain decimal digits (YAML 1.1 reads 010 as octal 8, 0x10 as 16, 1:30 as 90)"
            : map.containsKey("priority") ? "must be a whole number" : "is required (lower runs first)")));
      }
      if (!(map.get("condition") instanceof String c) || c.isBlank()) {
        wrong.add(Map.entry("condition", "condition: is required and must be a string"));
      }
      if (!(map.get("actions") instanceof List<?> l) || l.isEmpty() || !l.stream().allMatch(a -> a instanceof String)) {
        wrong.add(Map.entry("actions", "actions: must be a non-empty list of strings such as ineligible(\"CODE\", \"why\")"));
      }
      for (Map.Entry<String, String> w : wrong) { // a tagged priority names its line already
        problems.add(Problem.of(fileName, where + ": " + w.getValue()
            + (priority instanceof TaggedInt && w.getKey().equals("priority") ? "" : line(index - 1, w.getKey()))));
      }
      return wrong.isEmpty();
    }

  }
}
