package io.github.fenqi.nlp.spi;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.nlp.FinancialTerm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The default recogniser: longest match over a lexicon of surface forms (逾期利息 is one PENALTY_INTEREST mention,
 * not an INTEREST one). Load the bundled lexicon with {@link EntityRecognizer#lexicon()} or your own with
 * {@link #of(Map)} / {@link #parse(String, String)}.
 *
 * <p>Thread-safety: immutable.
 */
public final class LexiconEntityRecognizer implements EntityRecognizer {
  private static final String BUNDLED = "/io/github/fenqi/nlp/financial-terms.txt";

  /** Surface forms by first character, longest first. */
  private final Map<Character, List<Map.Entry<String, FinancialTerm>>> byFirstChar;

  private LexiconEntityRecognizer(Map<String, FinancialTerm> lexicon) {
    Map<Character, List<Map.Entry<String, FinancialTerm>>> index = new HashMap<>();
    for (Map.Entry<String, FinancialTerm> e : lexicon.entrySet()) {
      if (e.getKey().isEmpty()) {
        throw new InvalidInputException("lexicon", "holds an empty surface form");
      }
      index.computeIfAbsent(e.getKey().charAt(0), k -> new ArrayList<>()).add(Map.entry(e.getKey(), e.getValue()));
    }
    Map<Character, List<Map.Entry<String, FinancialTerm>>> frozen = new HashMap<>();
    index.forEach((k, v) -> {
      v.sort(Comparator.comparingInt((Map.Entry<String, FinancialTerm> x) -> x.getKey().length()).reversed());
      frozen.put(k, List.copyOf(v));
    });
    this.byFirstChar = Map.copyOf(frozen);
  }

  /**
   * A recogniser over the given surface forms.
   *
   * @throws InvalidInputException when a surface form is empty (it would match everywhere)
   */
  public static LexiconEntityRecognizer of(Map<String, FinancialTerm> lexicon) {
    return new LexiconEntityRecognizer(Map.copyOf(lexicon));
  }

  /**
   * Parses a lexicon file ({@code TERM<TAB>surface} per line, {@code #} comments); {@code source} names it in errors.
   * A surface form listed again for another term is an error naming both lines: which one a recogniser used would
   * otherwise depend on line order.
   */
  public static LexiconEntityRecognizer parse(String content, String source) {
    Map<String, FinancialTerm> lexicon = new HashMap<>();
    Map<String, Integer> lineOf = new HashMap<>();
    String[] lines = content.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\t");
      String location = source + ":" + (i + 1);
      if (parts.length != 2 || parts[1].isBlank()) { // the file's text quoted as a value from outside is: escaped, cut
        throw new InvalidInputException(location, "expected TERM<TAB>surface form, got '" + Problem.excerpt(line)
            + "'");
      }
      FinancialTerm term;
      try {
        term = FinancialTerm.valueOf(parts[0].strip());
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(location, "unknown term '" + Problem.excerpt(parts[0].strip())
            + "'; expected one of " + java.util.Arrays.toString(FinancialTerm.values()));
      }
      String surface = parts[1].strip();
      FinancialTerm earlier = lexicon.putIfAbsent(surface, term);
      if (earlier != null && earlier != term) {
        throw new InvalidInputException(location, "surface form '" + Problem.excerpt(surface) + "' is listed as " + term
            + " here and as " + earlier + " at line " + lineOf.get(surface)
            + "; a surface form can name one term only");
      }
      lineOf.putIfAbsent(surface, i + 1);
    }
    return new LexiconEntityRecognizer(lexicon);
  }

  static LexiconEntityRecognizer bundled() {
    try (InputStream in = LexiconEntityRecognizer.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + BUNDLED);
      }
      StringBuilder sb = new StringBuilder();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        sb.append(line).append('\n');
      }
      return parse(sb.toString(), BUNDLED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<TermMention> recognize(String text) {
    List<TermMention> found = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      List<Map.Entry<String, FinancialTerm>> candidates = byFirstChar.get(text.charAt(i));
      int matched = 0;
      if (candidates != null) {
        for (Map.Entry<String, FinancialTerm> c : candidates) {
          if (text.startsWith(c.getKey(), i)) {
            found.add(new TermMention(c.getValue(), i, i + c.getKey().length(), c.getKey(), 0.95));
            matched = c.getKey().length();
            break;
          }
        }
      }
      i += matched == 0 ? 1 : matched;
    }
    return List.copyOf(found);
  }
}
