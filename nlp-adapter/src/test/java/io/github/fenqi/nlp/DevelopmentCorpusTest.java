package io.github.fenqi.nlp;

import org.junit.jupiter.api.Test;

/**
 * Precision and recall per field over the development corpus {@code samples/policy-texts} (from the core
 * test-jar). The table is printed and copied into the module README; the floors below are what the extractor
 * reaches, so a regression fails the build.
 */
class DevelopmentCorpusTest {

  @Test
  void reachesPrecisionAndRecallFloorsOnDevelopmentCorpus() {
    CorpusScore score = CorpusScore.score(PolicyTextExtractor.create(), "samples/policy-texts");
    System.out.println("Development corpus (samples/policy-texts, 15 texts):");
    System.out.print(score.table());
    score.mistakes.forEach(m -> System.out.println("  mistake: " + m));
    score.assertFloors(0.97, 0.9); // the README's floors: micro, every field
  }
}
