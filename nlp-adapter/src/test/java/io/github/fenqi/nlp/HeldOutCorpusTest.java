package io.github.fenqi.nlp;

import org.junit.jupiter.api.Test;

/**
 * Eight texts written apart from the development corpus, with different phrasing (FAQ lists, traditional script,
 * notices with numbered items, narratives with distractor numbers, a text with no policy at all). Labels are in
 * {@code heldout/gold.json}, same conventions as the development corpus.
 */
class HeldOutCorpusTest {

  @Test
  void reachesPrecisionAndRecallFloorsOnHeldOutTexts() {
    CorpusScore score = CorpusScore.score(PolicyTextExtractor.create(), "heldout");
    System.out.println("Held-out texts (src/test/resources/heldout, 8 texts):");
    System.out.print(score.table());
    score.mistakes.forEach(m -> System.out.println("  mistake: " + m));
    score.assertFloors(0.97, 0.9); // the README's floors: micro, every field
  }
}
