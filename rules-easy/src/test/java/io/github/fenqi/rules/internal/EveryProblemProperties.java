package io.github.fenqi.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.Problem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever else is wrong with a rule — a priority the reader takes as text ({@code 010}, {@code "1"}) or tagged {@code !!int 010}, a fraction or
 * out of range, a description that is a number, a missing name, an action that is not a text — its condition and its
 * text actions are still checked, and every problem is listed at once, each naming the file, the rule and the field.
 * Easy Rules casts every field of a rule, so a priority of {@code 010} made it throw, and the rule's broken condition
 * was not reported by {@code rules check} nor at load until the priority was fixed.
 */
class EveryProblemProperties {
  /** One field of a rule as YAML and JSON text, and the field a problem names when the value is wrong. */
  record Field(String yaml, String json, boolean wrong) {}

  record RuleText(Field name, Field description, Field priority, Field actions, boolean json) {
    String file() {
      return json ? "_shared.json" : "_shared.yml";
    }

    String text() {
      List<Field> fields = List.of(name, description, priority,
          new Field("condition: \"overdueDays >> 3\"", "\"condition\": \"overdueDays >> 3\"", false), actions);
      List<String> parts = new ArrayList<>();
      fields.stream().filter(f -> !(json ? f.json : f.yaml).isEmpty()).forEach(f -> parts.add(json ? f.json : f.yaml));
      return json ? "[{" + String.join(", ", parts) + "}]" : String.join("\n", parts) + "\n";
    }

    String where() {
      return name.wrong ? "rule #1" : "rule 'r'";
    }
  }

  @Provide
  Arbitrary<RuleText> rules() {
    Arbitrary<Field> name = Arbitraries.of(new Field("name: \"r\"", "\"name\": \"r\"", false),
        new Field("", "", true), new Field("name: 7", "\"name\": 7", true));
    Arbitrary<Field> description = Arbitraries.of(new Field("description: \"d\"", "\"description\": \"d\"", false),
        new Field("description: 5", "\"description\": 5", true), new Field("", "", true));
    Arbitrary<Field> priority = Arbitraries.of(new Field("priority: 1", "\"priority\": 1", false),
        new Field("priority: 010", "\"priority\": \"010\"", true),
        new Field("priority: \"1\"", "\"priority\": \"1\"", true),
        new Field("priority: 1.5", "\"priority\": 1.5", true),
        new Field("priority: 3000000000", "\"priority\": 3000000000", true),
        new Field("priority: 1:30", "\"priority\": \"1:30\"", true),
        new Field("priority: !!int 010", "\"priority\": \"010\"", true));
    Arbitrary<Field> actions = Arbitraries.of(
        new Field("actions: [\"maxInstallments(0)\"]", "\"actions\": [\"maxInstallments(0)\"]", false),
        new Field("actions: [5, \"maxInstallments(0)\"]", "\"actions\": [5, \"maxInstallments(0)\"]", true));
    return Combinators.combine(name, description, priority, actions, Arbitraries.of(true, false)).as(RuleText::new);
  }

  @Property(tries = 200)
  void aBrokenConditionAndActionAreReportedWhateverElseIsWrong(@ForAll("rules") RuleText rule) {
    RuleFileReader.Result r = RuleFileReader.read(rule.file(), rule.text().getBytes(StandardCharsets.UTF_8));
    List<String> lines = r.problems().stream().map(Problem::toString).toList();
    String prefix = rule.file() + ": " + rule.where() + ": ";
    assertEquals(List.of(), r.rules(), rule.text());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith(prefix + "condition: offending token '>>'")),
        rule.text() + " -> " + lines);
    String action = rule.actions.wrong ? "actions[1]" : "actions[0]";
    assertTrue(lines.stream().anyMatch(l -> l.startsWith(prefix + action + ": offending token '0'")),
        rule.text() + " -> " + lines);
    for (Field f : List.of(rule.name, rule.description, rule.priority, rule.actions)) {
      if (f.wrong) {
        String field = f == rule.name ? "name" : f == rule.description ? "description" : f == rule.priority ? "priority"
            : "actions";
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(prefix + field + ": ")), field + ": " + lines);
      }
    }
  }
}
