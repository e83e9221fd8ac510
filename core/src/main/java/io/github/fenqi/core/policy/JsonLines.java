package io.github.fenqi.core.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fenqi.core.Problem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The line each value of a JSON document starts on, by the path {@link PolicyValidator} names it with
 * ({@code $.waivers.interest}, {@code $.productTypes[2]}). A policy file's problems named the field only, and a
 * file with one policy per lender, reformatted or with a field written twice in different objects, left the
 * operator to search for it: a value's problem now names its line, a missing field's the line of the object that
 * lacks it.
 *
 * <p>Thread-safety: immutable once built.
 */
final class JsonLines {
  private final String source;
  private final Map<String, Long> lines;

  private JsonLines(String source, Map<String, Long> lines) {
    this.source = source;
    this.lines = lines;
  }

  /**
   * The lines of {@code json}, a document {@code mapper} has read whole already; none when it cannot be read again
   * (the problems then keep the field alone).
   *
   * @param source the prefix of the problems' locations, {@code "<source>: $..."}
   */
  static JsonLines of(ObjectMapper mapper, byte[] json, String source) {
    Map<String, Long> lines = new HashMap<>();
    try (JsonParser parser = mapper.getFactory().createParser(json)) {
      for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
        if (t == JsonToken.FIELD_NAME || t.isStructEnd()) {
          continue;
        }
        // a container's own context is the one it opens: its place is in its parent's
        JsonStreamContext at = t.isStructStart() ? parser.getParsingContext().getParent() : parser.getParsingContext();
        lines.put(path(at), (long) parser.currentTokenLocation().getLineNr());
      }
    } catch (IOException e) {
      return new JsonLines(source, Map.of());
    }
    return new JsonLines(source, lines);
  }

  /**
   * The numbers of {@code json} written with an exponent ({@code 1.5e1}), as written, by path: the tree holds the
   * value alone, and an amount, rate or ratio in exponent form is refused, as in a case. Numbers in arrays are left
   * out (no array of a policy holds one). Empty when {@code json} cannot be read again.
   */
  static Map<String, String> exponentForms(ObjectMapper mapper, byte[] json) {
    Map<String, String> forms = new HashMap<>();
    try (JsonParser parser = mapper.getFactory().createParser(json)) {
      for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
        if (t == JsonToken.VALUE_NUMBER_FLOAT && !parser.getParsingContext().inArray()) {
          String written = parser.getText();
          if (written.indexOf('e') >= 0 || written.indexOf('E') >= 0) {
            forms.put(path(parser.getParsingContext()), written);
          }
        }
      }
    } catch (IOException e) {
      return Map.of();
    }
    return forms;
  }

  /** The path of the value the parser is at within {@code context}, as the validator writes it. */
  private static String path(JsonStreamContext context) {
    List<String> parts = new ArrayList<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      parts.add(c.inArray() ? "[" + c.getCurrentIndex() + "]" : "." + c.getCurrentName());
    }
    StringBuilder path = new StringBuilder("$");
    for (int i = parts.size() - 1; i >= 0; i--) {
      path.append(parts.get(i));
    }
    return path.toString();
  }

  /**
   * {@code problems} with the line of each one's value added to its reason ({@code "'1.5' is outside 0..1 (line
   * 15)"}), or for a field that is missing the line of the object that lacks it; a problem of the document as a
   * whole, or of a place not in it, as it was. The location stays the field's, by which a caller groups problems.
   */
  List<Problem> lined(List<Problem> problems) {
    List<Problem> out = new ArrayList<>(problems.size());
    String prefix = source + ": ";
    for (Problem p : problems) {
      String path = p.location().startsWith(prefix + "$") ? p.location().substring(prefix.length()) : null;
      Long line = path == null || path.equals("$") ? null : lines.get(path);
      String parent = path == null || line != null ? null : parentOf(path);
      Long parentLine = parent == null || parent.equals("$") ? null : lines.get(parent);
      if (line != null) {
        out.add(Problem.of(p.location(), p.reason() + " (line " + line + ")"));
      } else if (parentLine != null) {
        out.add(Problem.of(p.location(), p.reason() + " (in the object at line " + parentLine + ")"));
      } else {
        out.add(p);
      }
    }
    return out;
  }

  /** {@code $.a.b} of {@code $.a.b.c}, {@code $.a} of {@code $.a[2]}; null for a path without a parent. */
  private static String parentOf(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut <= 0 ? null : path.substring(0, cut);
  }
}
