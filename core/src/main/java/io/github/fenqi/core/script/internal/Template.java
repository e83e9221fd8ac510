package io.github.fenqi.core.script.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A text with {@code ${name}} placeholders, parsed once. Rendering only substitutes values: there is no
 * expression language, no escaping trick and no recursion (a value containing {@code ${x}} is inserted as is).
 * {@code $$} is a literal dollar sign.
 *
 * <p>Thread-safety: immutable and thread-safe.
 */
public final class Template {
  private final String key;
  private final List<String> literals;
  private final List<String> names;

  private Template(String key, List<String> literals, List<String> names) {
    this.key = key;
    this.literals = List.copyOf(literals);
    this.names = List.copyOf(names);
  }

  /**
   * Parses {@code text}; {@code key} names the template in errors.
   *
   * @throws IllegalArgumentException for an unclosed or malformed placeholder, with the key and position
   */
  public static Template parse(String key, String text) {
    List<String> literals = new ArrayList<>();
    List<String> names = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '$') {
        literal.append('$');
        i += 2;
      } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
        int close = text.indexOf('}', i + 2);
        if (close < 0) {
          throw new IllegalArgumentException(key + ": placeholder at position " + i + " is not closed");
        }
        String name = text.substring(i + 2, close);
        if (!name.matches("[A-Za-z][A-Za-z0-9]*")) {
          throw new IllegalArgumentException(key + ": '${" + name + "}' at position " + i
              + " is not a placeholder name (letters and digits, starting with a letter)");
        }
        literals.add(literal.toString());
        literal.setLength(0);
        names.add(name);
        i = close + 1;
      } else {
        literal.append(c);
        i++;
      }
    }
    literals.add(literal.toString());
    return new Template(key, literals, names);
  }

  /** The template's key. */
  public String key() {
    return key;
  }

  /** The literal text between placeholders (one more than {@link #placeholders()}). */
  public List<String> literals() {
    return literals;
  }

  /** The placeholder names, in order of appearance. */
  public List<String> placeholders() {
    return names;
  }

  /**
   * Substitutes every placeholder.
   *
   * @throws IllegalArgumentException when a placeholder has no value
   */
  public String render(Map<String, String> values) {
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < names.size(); k++) {
      out.append(literals.get(k));
      String v = values.get(names.get(k));
      if (v == null) {
        throw new IllegalArgumentException(key + ": no value for ${" + names.get(k) + "}");
      }
      out.append(v);
    }
    out.append(literals.get(names.size()));
    return out.toString();
  }
}
