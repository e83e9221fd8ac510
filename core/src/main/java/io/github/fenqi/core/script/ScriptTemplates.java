package io.github.fenqi.core.script;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.script.internal.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;

/** One language's templates, parsed and checked. Immutable and thread-safe. */
final class ScriptTemplates {
  private final ScriptLanguage language;
  private final Map<String, Template> templates;

  private ScriptTemplates(ScriptLanguage language, Map<String, Template> templates) {
    this.language = language;
    this.templates = Map.copyOf(templates);
  }

  static String resourceName(ScriptLanguage language) {
    return "templates_" + language.resourceSuffix() + ".properties";
  }

  /** Loads the shipped templates of a language. */
  static Map<String, String> shipped(ScriptLanguage language) {
    String name = resourceName(language);
    try (InputStream in = ScriptTemplates.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + name + " is missing from fenqi-core");
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, String> out = new TreeMap<>();
      p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses {@code texts}, checking that every key of {@code required} is present, that placeholders are well
   * formed and that no literal text holds a lexicon word.
   */
  static ScriptTemplates of(ScriptLanguage language, Map<String, String> texts, Iterable<String> required,
      SensitiveWordFilter filter) {
    List<Problem> problems = new ArrayList<>();
    Map<String, Template> parsed = new TreeMap<>();
    String source = resourceName(language);
    for (String key : required) {
      if (!texts.containsKey(key)) {
        problems.add(Problem.of(source + ":" + key, "is missing"));
      }
    }
    for (Map.Entry<String, String> e : texts.entrySet()) {
      try {
        Template t = Template.parse(e.getKey(), e.getValue());
        for (String literal : t.literals()) {
          for (SensitiveMatch m : filter.find(literal)) {
            // the word and its category come from a lexicon file: quoted as values from outside are
            problems.add(Problem.of(source + ":" + e.getKey(), "contains the lexicon word '"
                + Problem.excerpt(m.word()) + "' (" + Problem.excerpt(m.category()) + ")"));
          }
        }
        parsed.put(e.getKey(), t);
      } catch (IllegalArgumentException ex) {
        problems.add(Problem.of(source + ":" + e.getKey(), ex.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return new ScriptTemplates(language, parsed);
  }

  /** The keys of the shipped zh-CN templates: every language must define them all. */
  static TreeSet<String> requiredKeys() {
    return new TreeSet<>(shipped(ScriptLanguage.ZH_CN).keySet());
  }

  ScriptLanguage language() {
    return language;
  }

  String text(String key) {
    return render(key, Map.of());
  }

  String render(String key, Map<String, String> values) {
    Template t = templates.get(key);
    if (t == null) {
      throw new IllegalStateException(resourceName(language) + " has no template '" + key + "'");
    }
    return t.render(values);
  }
}
