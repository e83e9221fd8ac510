package io.github.fenqi.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.testkit.Samples;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * However a policy file is laid out (values on one line or each on its own, any line ending, a byte-order mark or
 * none), the line a problem names is the one its value starts on, and for a missing field the line its object opens
 * on: the writer here counts the lines as it lays the file out, and the validator must agree.
 */
class PolicyValidatorLinesProperties {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> SPACES = List.of("", " ", "\n", "\r\n", "\r", "\n\n    ", "\t");

  /** Lays out a document with the white space drawn, counting lines, and notes the line of one field. */
  private static final class Layout {
    final StringBuilder text = new StringBuilder();
    final List<Integer> spaces;
    final String target; // the path of the field to break or drop
    final boolean drop;
    int next;
    long line = 1;
    long targetLine; // where the broken value starts, or where the dropped field's object opens

    Layout(List<Integer> spaces, String target, boolean drop) {
      this.spaces = spaces;
      this.target = target;
      this.drop = drop;
    }

    void space() {
      String s = SPACES.get(spaces.isEmpty() ? 0 : spaces.get(next++ % spaces.size()));
      text.append(s);
      line += s.replace("\r\n", "\n").chars().filter(c -> c == '\n' || c == '\r').count();
    }

    void write(String path, JsonNode node) throws Exception {
      if (node.isObject()) {
        if (drop && target.startsWith(path + ".") && target.lastIndexOf('.') == path.length()) {
          targetLine = line;
        }
        text.append('{');
        boolean first = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          String at = path + "." + e.getKey();
          if (drop && at.equals(target)) {
            continue;
          }
          if (!first) {
            text.append(',');
          }
          first = false;
          space();
          text.append(MAPPER.writeValueAsString(e.getKey()));
          space();
          text.append(':');
          space();
          if (!drop && at.equals(target)) {
            targetLine = line;
            text.append('[');
            space();
            text.append(']');
          } else {
            write(at, e.getValue());
          }
        }
        space();
        text.append('}');
      } else if (node.isArray()) {
        text.append('[');
        for (int i = 0; i < node.size(); i++) {
          text.append(i == 0 ? "" : ",");
          space();
          write(path + "[" + i + "]", node.get(i));
        }
        space();
        text.append(']');
      } else {
        text.append(MAPPER.writeValueAsString(node));
      }
    }
  }

  /** The paths of the sample's fields that hold one value, not a list or an object. */
  private static List<String> leaves(String path, JsonNode node, boolean nestedOnly) {
    List<String> out = new ArrayList<>();
    node.fields().forEachRemaining(e -> {
      String at = path + "." + e.getKey();
      if (e.getValue().isObject()) {
        out.addAll(leaves(at, e.getValue(), false));
      } else if (!e.getValue().isArray() && !nestedOnly) {
        out.add(at);
      }
    });
    return out;
  }

  @Provide
  Arbitrary<List<Integer>> spaces() {
    return Arbitraries.integers().between(0, SPACES.size() - 1).list().ofMaxSize(40);
  }

  @Property(tries = 200)
  void aProblemNamesTheLineItsValueOrItsObjectStartsOn(@ForAll("spaces") List<Integer> spaces,
      @ForAll @IntRange(min = 0, max = 1000) int pick, @ForAll boolean drop, @ForAll boolean bom) throws Exception {
    JsonNode sample = MAPPER.readTree(Samples.bytes("samples/policies/demo-consumer-finance.json"));
    // only a nested field's absence has an object of its own to name; the optional ones are no problem when absent
    List<String> fields = leaves("$", sample, drop).stream()
        .filter(f -> !drop || !List.of("$.source.note", "$.source.url").contains(f)).toList();
    String target = fields.get(pick % fields.size());
    Layout layout = new Layout(spaces, target, drop);
    layout.space();
    layout.write("$", sample);
    layout.space();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    if (bom) {
      bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    }
    bytes.write(layout.text.toString().getBytes(StandardCharsets.UTF_8));

    List<Problem> problems = new PolicyValidator().validate(bytes.toByteArray(), "p.json").problems();
    assertEquals(1, problems.size(), problems + " of\n" + layout.text);
    assertEquals("p.json: " + target, problems.get(0).location(), layout.text.toString());
    String reason = problems.get(0).reason();
    assertEquals(drop ? "is required (in the object at line " + layout.targetLine + ")"
        : " (line " + layout.targetLine + ")", drop ? reason : reason.substring(reason.lastIndexOf(" (line ")),
        problems + " of\n" + layout.text);
  }
}
