package io.github.fenqi.nlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Scores an extractor against a labelled corpus (texts + gold.json) on the classpath: precision/recall per field. */
final class CorpusScore {
  /** Counts for one field. */
  static final class Counts {
    int tp;
    int fp;
    int fn;

    double precision() {
      return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
    }

    double recall() {
      return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
    }
  }

  final Map<String, Counts> byField = new LinkedHashMap<>();
  final List<String> mistakes = new ArrayList<>();

  static CorpusScore score(PolicyTextExtractor extractor, String dir) {
    CorpusScore score = new CorpusScore();
    for (PolicyField f : PolicyField.values()) {
      score.byField.put(f.jsonName(), new Counts());
    }
    score.byField.put("terms", new Counts());
    JsonNode gold = readJson(dir + "/gold.json");
    Iterator<Map.Entry<String, JsonNode>> it = gold.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String text = readText(dir + "/" + e.getKey() + ".txt");
      ExtractionResult r = extractor.extract(text);
      for (PolicyField f : PolicyField.values()) {
        JsonNode g = e.getValue().get(f.jsonName());
        Object expected = g == null || g.isNull() ? null : g.isBoolean() ? (Object) g.booleanValue() : g.decimalValue();
        Object actual = r.field(f).map(ExtractedField::value).orElse(null);
        Counts c = score.byField.get(f.jsonName());
        boolean same = expected != null && actual != null && sameValue(expected, actual);
        if (same) {
          c.tp++;
        } else {
          if (actual != null) {
            c.fp++;
          }
          if (expected != null) {
            c.fn++;
          }
          if (actual != null || expected != null) {
            score.mistakes.add(e.getKey() + " " + f.jsonName() + ": expected " + expected + ", got " + actual
                + r.field(f).map(x -> " from '" + x.evidence().text() + "'").orElse(""));
          }
        }
      }
      Counts tc = score.byField.get("terms");
      List<String> goldTerms = new ArrayList<>();
      e.getValue().get("terms").forEach(t -> goldTerms.add(t.asText()));
      for (FinancialTerm t : FinancialTerm.values()) {
        boolean exp = goldTerms.contains(t.name());
        boolean act = r.terms().contains(t);
        if (exp && act) {
          tc.tp++;
        } else if (exp) {
          tc.fn++;
          score.mistakes.add(e.getKey() + " terms: missed " + t);
        } else if (act) {
          tc.fp++;
          score.mistakes.add(e.getKey() + " terms: spurious " + t);
        }
      }
    }
    return score;
  }

  private static boolean sameValue(Object expected, Object actual) {
    if (expected instanceof Boolean) {
      return expected.equals(actual);
    }
    BigDecimal a = actual instanceof Integer i ? BigDecimal.valueOf(i) : (BigDecimal) actual;
    return ((BigDecimal) expected).compareTo(a) == 0;
  }

  String table() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("| %-22s | %3s | %3s | %3s | %9s | %6s |%n", "field", "TP", "FP", "FN", "precision", "recall"));
    sb.append("|------------------------|-----|-----|-----|-----------|--------|\n");
    Counts all = new Counts();
    byField.forEach((name, c) -> {
      sb.append(String.format("| %-22s | %3d | %3d | %3d | %9.2f | %6.2f |%n", name, c.tp, c.fp, c.fn, c.precision(),
          c.recall()));
      all.tp += c.tp;
      all.fp += c.fp;
      all.fn += c.fn;
    });
    sb.append(String.format("| %-22s | %3d | %3d | %3d | %9.2f | %6.2f |%n", "**all (micro)**", all.tp, all.fp, all.fn,
        all.precision(), all.recall()));
    return sb.toString();
  }

  /**
   * Asserts the floors the module README states: micro precision and recall at least {@code micro}, and every
   * field's at least {@code perField}.
   */
  void assertFloors(double micro, double perField) {
    Counts all = total();
    org.junit.jupiter.api.Assertions.assertTrue(all.precision() >= micro, "micro precision " + all.precision());
    org.junit.jupiter.api.Assertions.assertTrue(all.recall() >= micro, "micro recall " + all.recall());
    byField.forEach((field, c) -> {
      org.junit.jupiter.api.Assertions.assertTrue(c.precision() >= perField, field + " precision " + c.precision());
      org.junit.jupiter.api.Assertions.assertTrue(c.recall() >= perField, field + " recall " + c.recall());
    });
  }

  Counts total() {
    Counts all = new Counts();
    byField.values().forEach(c -> {
      all.tp += c.tp;
      all.fp += c.fp;
      all.fn += c.fn;
    });
    return all;
  }

  static JsonNode readJson(String resource) {
    try {
      return new ObjectMapper().readTree(readText(resource));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String readText(String resource) {
    try (InputStream in = CorpusScore.class.getClassLoader().getResourceAsStream(resource)) {
      Objects.requireNonNull(in, () -> "missing test resource " + resource);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
