package io.github.fenqi.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;

/** What the default extractor reads from a text, for tests that state a field's value per text. */
final class ReadBack {
  /** Immutable and thread-safe, so shared by every test. */
  private static final PolicyTextExtractor EXTRACTOR = PolicyTextExtractor.create();

  private ReadBack() {}

  /** The value of {@code field} that {@code text} settles, if any. */
  static Optional<Object> value(String text, PolicyField field) {
    return EXTRACTOR.extract(text).field(field).map(ExtractedField::value);
  }

  /** Asserts that {@code text} settles {@code field} to the ratio {@code expected} (0.5 and 0.50 alike). */
  static void assertRatio(BigDecimal expected, String text, PolicyField field) {
    Optional<Object> got = value(text, field);
    assertTrue(got.isPresent(), "nothing read from " + text);
    assertEquals(0, expected.compareTo((BigDecimal) got.get()), text + " gave " + got.get());
  }
}
